import { describe, expect, it } from 'vitest';
import { searchMetadata } from './metadata.ts';

describe('search metadata from an entry’s data', () => {
  it('names the type and year filters in the page’s language', () => {
    expect(searchMetadata({ kind: 'news', data: { title: 'Tin', date: '2026-11-20' } }, 'vi', '/tin-tuc/tin/')).toEqual({
      url: '/tin-tuc/tin/',
      locale: 'vi',
      title: 'Tin',
      filters: { 'Loại nội dung': 'Tin tức', Năm: '2026' },
    });
    expect(searchMetadata({ kind: 'qa', data: { title: 'Q', answered: '2025-01-02' } }, 'en', '/en/qa/q/').filters).toEqual({ Type: 'Questions and answers', Year: '2025' });
  });

  it('files documents under their year of issue, drafts under no year', () => {
    expect(searchMetadata({ kind: 'document', data: { title: 'QĐ', issued: '2024-09-16' } }, 'vi', '/van-ban/qd/').filters).toEqual({ 'Loại nội dung': 'Thư viện văn bản', Năm: '2024' });
    expect(searchMetadata({ kind: 'document', data: { title: 'Dự thảo' } }, 'vi', '/van-ban/du-thao/').filters).toEqual({ 'Loại nội dung': 'Thư viện văn bản' });
  });

  it('gives pages their section as type, and no year', () => {
    expect(searchMetadata({ kind: 'page', data: { title: 'Liên hệ', section: 'contact' } }, 'en', '/en/lien-he/').filters).toEqual({ Type: 'Contact' });
  });

  it('keeps the title as the editor wrote it: it is data, shown as text', () => {
    const title = 'A <meta data-pagefind-meta="url[content]" content="javascript:alert(1)">';
    expect(searchMetadata({ kind: 'news', data: { title, date: '2026-01-01' } }, 'en', '/en/news/a/')).toMatchObject({ url: '/en/news/a/', title });
  });
});
