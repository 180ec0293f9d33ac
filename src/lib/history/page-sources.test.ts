import { describe, expect, it } from 'vitest';
import { locales } from '../locales.ts';
import { entryPath } from '../routes.ts';
import { addressOfSource, ENTRY_COLLECTIONS, entryOfSource, pageTarget, sourcePath } from './page-sources.ts';

function sources(input: string): string[] | string {
  const target = pageTarget(input);
  return target.kind === 'not-entry' ? target.message.en : target.sources;
}

describe('pageTarget: from an address to its source files', () => {
  it('maps Vietnamese pages to their file and English pages to the translation and the original', () => {
    expect(sources('/tin-tuc/x/')).toEqual(['content/news/vi/x.mdx']);
    expect(sources('/en/news/x/')).toEqual(['content/news/en/x.mdx', 'content/news/vi/x.mdx']);
    expect(sources('/van-ban/1624-qd-bhxh/')).toEqual(['content/documents/vi/1624-qd-bhxh.mdx']);
    expect(sources('/en/questions/mat-the/')).toEqual(['content/qa/en/mat-the.mdx', 'content/qa/vi/mat-the.mdx']);
    expect(sources('/gioi-thieu/')).toEqual(['content/pages/vi/gioi-thieu.mdx']);
    expect(sources('/en/gioi-thieu/')).toEqual(['content/pages/en/gioi-thieu.mdx', 'content/pages/vi/gioi-thieu.mdx']);
  });

  it('is the reverse of routes.ts for every collection and language', () => {
    for (const locale of locales) {
      for (const collection of ENTRY_COLLECTIONS) {
        const target = pageTarget(entryPath(locale, collection, 'mot-muc'));
        expect(target).toMatchObject({ kind: 'entry', locale, collection, slug: 'mot-muc', address: entryPath(locale, collection, 'mot-muc') });
        expect(addressOfSource(sourcePath(locale, collection, 'mot-muc'))).toBe(entryPath(locale, collection, 'mot-muc'));
      }
    }
  });

  it('accepts full URLs, missing trailing slashes, index.html, queries, fragments and percent-encoding', () => {
    for (const input of [
      'https://baohiemxahoi.gov.vn/tin-tuc/x/',
      'https://baohiemxahoi.gov.vn/tin-tuc/x',
      'http://localhost:4321/tin-tuc/x/index.html',
      '/tin-tuc/x/?utm=1#doan-2',
      '/tin-tuc/%78/',
      '  /tin-tuc/x/  ',
    ]) {
      expect(sources(input), input).toEqual(['content/news/vi/x.mdx']);
    }
  });

  it('takes repository paths as the one file they name', () => {
    expect(pageTarget('content/news/en/x.mdx')).toMatchObject({ kind: 'entry', address: '/en/news/x/', sources: ['content/news/en/x.mdx'] });
    expect(pageTarget('./content/site.yml')).toEqual({ kind: 'file', sources: ['content/site.yml'] });
    expect(pageTarget('content/units/vi/van-phong.mdx')).toEqual({ kind: 'file', sources: ['content/units/vi/van-phong.mdx'] });
    expect(pageTarget('content/../package.json').kind).toBe('not-entry');
  });

  it('says that listings, search, the home page, feeds and tools are not entries', () => {
    for (const [input, what] of [
      ['/', 'the home page'],
      ['/en/', 'the home page'],
      ['https://baohiemxahoi.gov.vn/', 'the home page'],
      ['/tin-tuc/', 'the news list'],
      ['/tin-tuc/trang/2/', 'the news list'],
      ['/en/news/page/3/', 'the news list'],
      ['/hoi-dap/', 'the questions list'],
      ['/hoi-dap/chu-de-bhyt/', 'the questions list'],
      ['/en/questions/topic-bhyt/page/2/', 'the questions list'],
      ['/van-ban/', 'the document library'],
      ['/van-ban/loai-quyet-dinh/nam-2024/', 'the document library'],
      ['/en/documents/kind-decision/page/2/', 'the document library'],
      ['/tim-kiem/', 'the search page'],
      ['/en/search/', 'the search page'],
      ['/tin-tuc/rss.xml', 'a file'],
      ['/sitemap.xml', 'a file'],
      ['/admin/', 'part of the portal’s tools'],
      ['/search/vi/index.json/', 'part of the portal’s tools'],
    ] as const) {
      const target = pageTarget(input);
      expect(target.kind, input).toBe('not-entry');
      if (target.kind === 'not-entry') {
        expect(target.message.en, input).toContain(what);
        expect(target.message.vi, input).toContain('không có tệp nguồn');
      }
    }
  });

  it('flags one-segment library addresses that may be filters, and refuses what is not an address', () => {
    expect(pageTarget('/van-ban/loai-quyet-dinh/')).toMatchObject({ kind: 'entry', maybeLibraryFilter: true });
    expect(pageTarget('/en/documents/year-2024/')).toMatchObject({ kind: 'entry', maybeLibraryFilter: true });
    expect(pageTarget('/van-ban/1624-qd-bhxh/')).toMatchObject({ kind: 'entry', maybeLibraryFilter: false });
    for (const input of ['tin-tuc/x', 'ftp://x/y', '/news/x/', '/tin-tuc/x/y/', '/a/b/', '//host/x/']) {
      const target = pageTarget(input);
      expect(target.kind, input).toBe('not-entry');
      if (target.kind === 'not-entry') expect(target.message.en, input).toContain('is not the address of a portal page');
    }
  });
});

describe('entryOfSource', () => {
  it('knows entry files, and nothing else', () => {
    expect(entryOfSource('content/qa/vi/a-b.mdx')).toEqual({ collection: 'qa', locale: 'vi', slug: 'a-b' });
    expect(entryOfSource('content/units/vi/a.mdx')).toBeUndefined();
    expect(entryOfSource('content/news/fr/a.mdx')).toBeUndefined();
    expect(entryOfSource('content/site.yml')).toBeUndefined();
  });
});
