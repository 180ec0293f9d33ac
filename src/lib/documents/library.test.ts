import { describe, expect, it } from 'vitest';
import { filterPath, issuerNames, issuerSlugs, Library, NO_YEAR, type LibraryDocument } from './library.ts';
import { documentKinds, documentStatuses } from '../schema/collections.ts';

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
  it('put active facets in a fixed order, in words of the page’s language', () => {
    expect(filterPath('vi', {})).toBe('/van-ban/');
    expect(filterPath('vi', { status: 'draft', kind: 'quyet-dinh' })).toBe('/van-ban/loai-quyet-dinh/tinh-trang-du-thao/');
    expect(filterPath('en', { status: 'draft', kind: 'quyet-dinh' })).toBe('/en/documents/kind-decision/status-draft/');
    expect(filterPath('vi', { year: NO_YEAR })).toBe('/van-ban/nam-chua-ban-hanh/');
    expect(filterPath('en', { year: NO_YEAR })).toBe('/en/documents/year-not-issued/');
    expect(filterPath('en', { year: '2024', issuer: 'bhxh' }, 2)).toBe('/en/documents/year-2024/issuer-bhxh/page/2/');
    const issuers = issuerSlugs(new Map([['bao-hiem-xa-hoi-viet-nam', 'Vietnam Social Security']]));
    expect(filterPath('en', { issuer: 'bao-hiem-xa-hoi-viet-nam' }, 1, issuers)).toBe('/en/documents/issuer-vietnam-social-security/');
  });

  it('never give two kinds or two statuses the same address in either language', () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const [facet, keys] of [['kind', Object.keys(documentKinds)], ['status', Object.keys(documentStatuses)]] as const) {
        const paths = keys.map((k) => filterPath(locale, { [facet]: k }));
        expect(new Set(paths).size, `${locale} ${facet}`).toBe(keys.length);
      }
    }
  });

  it('name issuers by the name their documents give them in the language, first document first, never two alike', () => {
    const names = issuerNames([
      { slug: 'b', issuerKey: 'bhxh', issuer: 'VSS' },
      { slug: 'a', issuerKey: 'bhxh', issuer: 'Vietnam Social Security' },
      { slug: 'c', issuerKey: 'bhxh-khanh-hoa', issuer: 'Vietnam  social security' },
    ]);
    expect(names).toEqual(new Map([['bhxh', 'Vietnam Social Security'], ['bhxh-khanh-hoa', 'Vietnam  social security']]));
    expect(issuerSlugs(names)).toEqual(new Map([['bhxh', 'vietnam-social-security'], ['bhxh-khanh-hoa', 'bhxh-khanh-hoa']]));
  });
});

describe('Library.pages', () => {
  it('builds one page per non-empty combination, newest first, drafts last', () => {
    const pages = new Library(docs).pages(20);
    const all = pages.find((p) => Object.keys(p.filter).length === 0)!;
    expect(all.documents.map((d) => d.slug)).toEqual(['a', 'd', 'b', 'c']);
    const decisions = pages.find((p) => JSON.stringify(p.filter) === JSON.stringify({ kind: 'quyet-dinh' }))!;
    expect(decisions.documents.map((d) => d.slug)).toEqual(['a', 'b']);
    // No page for a combination without documents, nor for three filters at once.
    expect(pages.some((p) => p.filter.kind === 'cong-van' && p.filter.year === '2024')).toBe(false);
    expect(pages.every((p) => Object.values(p.filter).filter(Boolean).length <= 2)).toBe(true);
    expect(pages.some((p) => JSON.stringify(p.filter) === JSON.stringify({ kind: 'quyet-dinh', year: '2024' }))).toBe(true);
    const paths = new Set(pages.map((p) => filterPath('vi', p.filter, p.page)));
    expect(paths.size).toBe(pages.length);
  });

  it('paginates large combinations', () => {
    const many = Array.from({ length: 45 }, (_, i) => doc(`x${String(i).padStart(2, '0')}`, 'thong-bao', '2025', 'bhxh', 'in-force'));
    const pages = new Library(many).pages(20).filter((p) => Object.keys(p.filter).length === 0);
    expect(pages.map((p) => [p.page, p.totalPages, p.documents.length])).toEqual([
      [1, 3, 20],
      [2, 3, 20],
      [3, 3, 5],
    ]);
  });

  it('still has a first page when there are no documents', () => {
    expect(new Library([]).pages(20)).toEqual([{ filter: {}, page: 1, totalPages: 1, total: 0, documents: [] }]);
  });
});

describe('Library.count', () => {
  it('counts documents of any combination, 0 for one without documents', () => {
    const library = new Library(docs);
    expect(library.count({})).toBe(4);
    expect(library.count({ kind: 'quyet-dinh', status: 'draft' })).toBe(1);
    expect(library.count({ kind: 'cong-van', year: '2024' })).toBe(0);
  });
});

describe('Library.options', () => {
  it('counts each value within the other active filters and keeps "all"', () => {
    const options = new Library(docs).options({ status: 'draft' }, 'kind', ['quyet-dinh', 'quy-che', 'cong-van']);
    expect(options.map((o) => [o.value, o.count, o.selected])).toEqual([
      [undefined, 2, true],
      ['quyet-dinh', 1, false],
      ['quy-che', 1, false],
    ]);
    expect(options[1]!.filter).toEqual({ status: 'draft', kind: 'quyet-dinh' });
  });

  it('offers no third filter while two are active', () => {
    const library = new Library(docs);
    expect(library.canChoose({ kind: 'quyet-dinh', year: '2024' }, 'status')).toBe(false);
    expect(library.options({ kind: 'quyet-dinh', year: '2024' }, 'status')).toEqual([]);
    expect(library.canChoose({ kind: 'quyet-dinh', year: '2024' }, 'kind')).toBe(true);
    expect(library.options({ kind: 'quyet-dinh', year: '2024' }, 'kind').map((o) => o.value)).toEqual([undefined, 'quyet-dinh']);
  });

  it('sorts years newest first', () => {
    expect(new Library(docs).options({}, 'year').map((o) => o.value)).toEqual([undefined, NO_YEAR, '2024', '2021']);
  });
});
