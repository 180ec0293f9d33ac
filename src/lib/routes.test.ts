import { describe, expect, it } from 'vitest';
import { collectionPath, entryPath, feedPath, homePath, paginatedPath, qaTopicPath, reservedSlugs, searchPath } from './routes.ts';

describe('routes', () => {
  it('use Vietnamese words at / and English words at /en/', () => {
    expect(homePath('vi')).toBe('/');
    expect(homePath('en')).toBe('/en/');
    expect(collectionPath('vi', 'news')).toBe('/tin-tuc/');
    expect(collectionPath('en', 'qa')).toBe('/en/questions/');
    expect(entryPath('vi', 'documents', '1624-qd-bhxh')).toBe('/van-ban/1624-qd-bhxh/');
    expect(entryPath('en', 'pages', 'gioi-thieu')).toBe('/en/gioi-thieu/');
    expect(entryPath('en', 'pages', 'gioi-thieu', 'about')).toBe('/en/about/');
    expect(entryPath('vi', 'pages', 'gioi-thieu', 'about')).toBe('/gioi-thieu/');
    expect(paginatedPath('vi', '/tin-tuc/', 1)).toBe('/tin-tuc/');
    expect(paginatedPath('en', '/en/news/', 3)).toBe('/en/news/page/3/');
    expect(searchPath('vi')).toBe('/tim-kiem/');
    expect(feedPath('en', 'documents')).toBe('/en/documents/rss.xml');
  });

  it('filter the Q&A listing by topic in the path, localised, paginated like the rest', () => {
    expect(qaTopicPath('vi', undefined)).toBe('/hoi-dap/');
    const bhyt = { key: 'bhyt', en: 'Health insurance' };
    expect(qaTopicPath('vi', bhyt)).toBe('/hoi-dap/chu-de-bhyt/');
    // English addresses name the topic in English.
    expect(qaTopicPath('en', bhyt, 2)).toBe('/en/questions/topic-health-insurance/page/2/');
    expect(qaTopicPath('en', undefined, 3)).toBe('/en/questions/page/3/');
  });

  it('reserve the first segments that routes use', () => {
    for (const s of ['tin-tuc', 'van-ban', 'hoi-dap', 'tim-kiem', 'en', 'news', 'search', 'admin', 'luu-tru', 'archive', 'timemap']) expect(reservedSlugs.has(s)).toBe(true);
    expect(reservedSlugs.has('gioi-thieu')).toBe(false);
  });
});
