import { describe, expect, it } from 'vitest';
import { facetOptions, filterPath, libraryPages, NO_YEAR, type LibraryDocument } from './document-library.ts';

const doc = (slug: string, kind: string, year: string, issuer: string, status: string): LibraryDocument => ({
  slug,
  issued: year === NO_YEAR ? '' : `${year}-01-01`,
  facets: { kind, year, issuer, status },
});

const docs = [
  doc('a', 'quyet-dinh', '2024', 'bhxh', 'in-force'),
  doc('b', 'quyet-dinh', NO_YEAR, 'bhxh', 'draft'),
  doc('c', 'quy-che', NO_YEAR, 'bhxh', 'draft'),
  doc('d', 'cong-van', '2021', 'bhxh-khanh-hoa', 'not-yet-determined'),
];

describe('filter paths', () => {
  it('put active facets in a fixed order, localised', () => {
    expect(filterPath('vi', {})).toBe('/van-ban/');
    expect(filterPath('vi', { status: 'draft', kind: 'quyet-dinh' })).toBe('/van-ban/loai-quyet-dinh/tinh-trang-draft/');
    expect(filterPath('en', { year: '2024', issuer: 'bhxh' }, 2)).toBe('/en/documents/year-2024/issuer-bhxh/page/2/');
  });
});

describe('libraryPages', () => {
  it('builds one page per non-empty combination, newest first, drafts last', () => {
    const pages = libraryPages(docs, 20);
    const all = pages.find((p) => Object.keys(p.filter).length === 0)!;
    expect(all.documents.map((d) => d.slug)).toEqual(['a', 'd', 'b', 'c']);
    const decisions = pages.find((p) => JSON.stringify(p.filter) === JSON.stringify({ kind: 'quyet-dinh' }))!;
    expect(decisions.documents.map((d) => d.slug)).toEqual(['a', 'b']);
    // No page for a combination without documents.
    expect(pages.some((p) => p.filter.kind === 'cong-van' && p.filter.year === '2024')).toBe(false);
    // Every document is in exactly 16 combinations; 4 documents share some.
    const paths = new Set(pages.map((p) => filterPath('vi', p.filter, p.page)));
    expect(paths.size).toBe(pages.length);
  });

  it('paginates large combinations', () => {
    const many = Array.from({ length: 45 }, (_, i) => doc(`x${String(i).padStart(2, '0')}`, 'thong-bao', '2025', 'bhxh', 'in-force'));
    const pages = libraryPages(many, 20).filter((p) => Object.keys(p.filter).length === 0);
    expect(pages.map((p) => [p.page, p.totalPages, p.documents.length])).toEqual([
      [1, 3, 20],
      [2, 3, 20],
      [3, 3, 5],
    ]);
  });

  it('still has a first page when there are no documents', () => {
    expect(libraryPages([], 20)).toEqual([{ filter: {}, page: 1, totalPages: 1, total: 0, documents: [] }]);
  });
});

describe('facetOptions', () => {
  it('counts each value within the other active filters and keeps "all"', () => {
    const options = facetOptions(docs, { status: 'draft' }, 'kind', ['quyet-dinh', 'quy-che', 'cong-van']);
    expect(options.map((o) => [o.value, o.count, o.selected])).toEqual([
      [undefined, 2, true],
      ['quyet-dinh', 1, false],
      ['quy-che', 1, false],
    ]);
    expect(options[1]!.filter).toEqual({ status: 'draft', kind: 'quyet-dinh' });
  });

  it('sorts years newest first', () => {
    expect(facetOptions(docs, {}, 'year').map((o) => o.value)).toEqual([undefined, NO_YEAR, '2024', '2021']);
  });
});
