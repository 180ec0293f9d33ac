/**
 * The search engine over a real index written from real records (no
 * browser): what readers type and what they get back. The comparison with
 * Pagefind itself, result by result, is in tests/e2e/search.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { SearchMetadata } from './contract.ts';
import { responseOf } from './index-format.ts';
import { openSearch } from './query.ts';
import { searchRecord, type SearchRecord } from './record.ts';
import { writeSearchIndex } from './write-index.ts';

function page(url: string, title: string, body: string, filters: Record<string, string> = {}, locale: 'vi' | 'en' = 'vi'): SearchRecord {
  const metadata: SearchMetadata = { url, locale, title, filters };
  return searchRecord(metadata, `<html lang="${locale}"><body><article data-pagefind-body><h1>${title}</h1>${body}</article></body></html>`)!;
}

const records = [
  page('/a/', 'Đăng ký bảo hiểm xã hội', '<p>Người lao động đăng ký tham gia bảo hiểm xã hội tự nguyện.</p>', { Loại: 'Tin tức', Năm: '2025' }),
  page('/b/', 'Dáng đi', '<p>Bài về dáng đi và dạng bài tập.</p>', { Loại: 'Tin tức', Năm: '2024' }),
  page('/c/', 'Đang xử lý', '<p>Hồ sơ đang được xử lý, gửi lại sau.</p><h2 id="dia-chi">Địa chỉ</h2><p>Địa chỉ: 7 Tràng Thi, Hà Nội. &lt;script&gt;alert(1)&lt;/script&gt;</p>', { Loại: 'Văn bản', Năm: '2025' }),
  page('/d/', 'Khánh Hòa', '<p>Bảo hiểm xã hội tỉnh Khánh Hòa nhận cờ thi đua.</p>', { Loại: 'Văn bản', Năm: '2024' }),
  page('/en/a/', 'Registration', '<p>Registering for voluntary social insurance.</p>', {}, 'en'),
];

function engine(locale: 'vi' | 'en', recs = records) {
  const files = writeSearchIndex(locale, recs);
  const fetched: string[] = [];
  const search = openSearch('/search/vi/', async (path) => {
    fetched.push(path);
    const text = files.get(path.slice('/search/vi/'.length));
    if (text === undefined) throw new Error(`404 ${path}`);
    return responseOf(text);
  });
  return { search, fetched };
}

async function urls(query: string, options?: { filters?: Record<string, string[]> }, locale: 'vi' | 'en' = 'vi') {
  const { results } = await engine(locale).search.search(query, options);
  return Promise.all(results.map(async (r) => (await r.data()).url));
}

describe('writing the index', () => {
  it('gives the same files for the same records in any order', () => {
    const a = writeSearchIndex('vi', records);
    const b = writeSearchIndex('vi', [...records].reverse());
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
    expect(JSON.parse(a.get('index.json') as string).pages).toBe(4);
  });
});

describe('searching', () => {
  it('fetches only the entry file before the first query, and little for a query', async () => {
    const { search, fetched } = engine('vi');
    expect((await search.filters())['Loại']).toEqual({ 'Tin tức': 2, 'Văn bản': 2 });
    expect(fetched).toEqual(['/search/vi/index.json']);
    await search.search('khánh hòa');
    expect(fetched.filter((f) => f.includes('/pages/'))).toEqual([]);
    expect(fetched.length).toBeLessThanOrEqual(1 + 2 * 2 + 1 + 2);
  });

  it('reads a two-letter word’s few chunks at once, without its word list (one round trip, one request fewer)', async () => {
    const { search, fetched } = engine('vi');
    await search.filters();
    fetched.length = 0;
    expect(await Promise.all((await search.search('xã')).results.map(async (r) => (await r.data()).url))).toEqual(expect.arrayContaining(['/a/', '/d/']));
    expect(fetched.filter((f) => f.includes('/w/'))).toEqual([]);
    expect(fetched.filter((f) => f.includes('/p/xa/')).length).toBeGreaterThan(0);
    // With đ typed, or a prefix of many chunks, the list says which chunks to read.
    fetched.length = 0;
    await search.search('đă');
    expect(fetched.filter((f) => f.includes('/w/'))).toEqual(['/search/vi/w/da.json']);
  });

  it('needs every word, and a word finds the words it begins', async () => {
    expect(await urls('bảo hiểm xã hội')).toEqual(expect.arrayContaining(['/a/', '/d/']));
    expect((await urls('bảo hiểm xã hội')).length).toBe(2);
    expect(await urls('khánh hòa')).toEqual(['/d/']);
    expect(await urls('kh')).toEqual(['/d/']);
    expect(await urls('bảo zzz')).toEqual([]);
  });

  it('falls back to the longest indexed word a word begins with', async () => {
    expect(await urls('khánhxyz')).toEqual(['/d/']);
  });

  it('finds words with đ typed with d, but typed with đ only finds đ', async () => {
    expect(await urls('dang ky')).toEqual(['/a/']);
    expect(new Set(await urls('dang'))).toEqual(new Set(['/a/', '/b/', '/c/']));
    expect(new Set(await urls('đang'))).toEqual(new Set(['/a/', '/c/']));
    expect(await urls('dia chi')).toEqual(['/c/']);
  });

  it('ranks pages with the accents typed first', async () => {
    expect((await urls('đăng'))[0]).toBe('/a/');
    expect((await urls('đang'))[0]).toBe('/c/');
    expect((await urls('dáng'))[0]).toBe('/b/');
  });

  it('orders by score, and pages of equal score by address', async () => {
    // Three pages scoring alike (same text, same length) between a better and a worse one.
    const same = (url: string) => page(url, 'Tin', '<p>Quỹ hưu trí và tử tuất.</p>');
    const recs = [same('/q/c/'), page('/q/z/', 'Quỹ', '<p>Quỹ quỹ hưu trí.</p>'), same('/q/a/'), page('/q/0/', 'Tin', '<p>Quỹ hưu trí, tử tuất và các chế độ khác của người lao động.</p>'), same('/q/b/')];
    const found = await engine('vi', recs).search.search('quỹ');
    const ranked = await Promise.all(found.results.map(async (r) => [(await r.data()).url, r.score] as const));
    expect(ranked.map(([url]) => url)).toEqual(['/q/z/', '/q/a/', '/q/b/', '/q/c/', '/q/0/']);
    expect(ranked[1]![1]).toBe(ranked[3]![1]);
    expect(ranked[0]![1]).toBeGreaterThan(ranked[1]![1]);
    expect(ranked[3]![1]).toBeGreaterThan(ranked[4]![1]);
  });

  it('narrows by filters: any value of one filter, every filter', async () => {
    expect(new Set(await urls('bảo', { filters: { Loại: ['Tin tức', 'Văn bản'] } }))).toEqual(new Set(['/a/', '/d/']));
    expect(await urls('bảo', { filters: { Loại: ['Văn bản'] } })).toEqual(['/d/']);
    expect(await urls('bảo', { filters: { Loại: ['Văn bản'], Năm: ['2025'] } })).toEqual([]);
  });

  it('counts each filter value over the pages the query matches, narrowed by the other filters only', async () => {
    const { search, fetched } = engine('vi');
    // “bảo” is on /a/ (Tin tức 2025) and /d/ (Văn bản 2024); the whole index has two of each type.
    const plain = await search.search('bảo');
    expect(fetched).not.toContain('/search/vi/facets.json');
    expect(await plain.counts()).toEqual({ Loại: { 'Tin tức': 1, 'Văn bản': 1 }, Năm: { '2024': 1, '2025': 1 } });
    // Checking a type narrows the years' counts, not the types'.
    const documents = await search.search('bảo', { filters: { Loại: ['Văn bản'] } });
    expect(await documents.counts()).toEqual({ Loại: { 'Tin tức': 1, 'Văn bản': 1 }, Năm: { '2024': 1, '2025': 0 } });
    const none = await search.search('khánh hòa', { filters: { Năm: ['2025'] } });
    expect(none.results).toEqual([]);
    // Khánh Hòa (/d/) is of 2024: no result in 2025, and the year's counts say where it is.
    expect(await none.counts()).toEqual({ Loại: { 'Tin tức': 0, 'Văn bản': 0 }, Năm: { '2024': 1, '2025': 0 } });
    // A value the index does not have allows nothing and counts nothing.
    const unknown = await search.search('bảo', { filters: { Năm: ['1999'] } });
    expect(unknown.results).toEqual([]);
    expect((await unknown.counts())['Loại']).toEqual({ 'Tin tức': 0, 'Văn bản': 0 });
  });

  it('stems English words as Pagefind does', async () => {
    expect(await urls('registration', undefined, 'en')).toEqual(['/en/a/']);
    expect(await urls('registered', undefined, 'en')).toEqual(['/en/a/']);
  });

  it('shows the page’s own words with the matches marked, escaped, and sections with ids as sub-results', async () => {
    const { results } = await engine('vi').search.search('địa chỉ');
    const data = await results[0]!.data();
    expect(data.url).toBe('/c/');
    expect(data.title).toBe('Đang xử lý');
    expect(data.excerpt).toContain('<mark>Địa</mark> <mark>chỉ:</mark>');
    expect(data.excerpt).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(data.excerpt).not.toContain('<script>');
    expect(data.sub_results.map((s) => [s.title, s.url])).toEqual([['Địa chỉ', '/c/#dia-chi']]);
  });

  it('shows words with đ as the page writes them when typed with d, in the excerpt and its sections', async () => {
    const { results } = await engine('vi').search.search('dia chi');
    const data = await results[0]!.data();
    expect(data.excerpt).toContain('<mark>Địa</mark> <mark>chỉ:</mark>');
    expect(data.sub_results[0]!.excerpt).toMatch(/^<mark>Địa<\/mark> <mark>chỉ\.?<\/mark>/);
    for (const text of [data.excerpt, ...data.sub_results.map((s) => s.excerpt)]) expect(text).not.toMatch(/\bdia\b|>Dia</i);
    const registered = await (await engine('vi').search.search('dang ky')).results[0]!.data();
    expect(registered.excerpt).toContain('<mark>đăng</mark> <mark>ký</mark>');
    expect(registered.excerpt).not.toMatch(/dang|dăng/i);
  });

  it('returns nothing for a query with no words', async () => {
    expect(await urls(' … – ')).toEqual([]);
  });
});

describe('finding a word’s chunks without its word list', () => {
  // Enough words beginning `th`, `dan` and `đan` for several chunks per prefix.
  const words = [
    ...Array.from({ length: 300 }, (_, i) => `th${i.toString(36)}ư`),
    ...Array.from({ length: 300 }, (_, i) => `dan${i.toString(36)}`),
    ...Array.from({ length: 300 }, (_, i) => `đan${i.toString(36)}`),
    'dđ1',
    'đd1',
  ];
  const corpus = Array.from({ length: 400 }, (_, n) =>
    page(`/p/${String(n).padStart(3, '0')}/`, `Trang ${n}`, `<p>${Array.from({ length: 80 }, (_, i) => words[(n * 37 + i * 11) % words.length]).join(' ')}</p>`),
  );
  const files = writeSearchIndex('vi', corpus);
  const fetched: string[] = [];
  const search = openSearch('/s/', async (path) => {
    fetched.push(path);
    return responseOf(files.get(path.slice(3))!);
  });
  /** Pages holding a key the term begins (đ read as d unless typed), or else the longest key the term begins with. */
  function expected(term: string): string[] {
    const keysOf = (r: SearchRecord) => new Set(r.rest.words.split('\n').map((l) => l.split('\t')[0]!));
    const matches = (key: string) => key.startsWith(term) || (!term.includes('đ') && key.replaceAll('đ', 'd').startsWith(term));
    let hits = corpus.filter((r) => [...keysOf(r)].some(matches));
    if (hits.length === 0) {
      const all = new Set(corpus.flatMap((r) => [...keysOf(r)]));
      const longest = [...all].filter((k) => k.length >= 2 && term.startsWith(k)).sort((a, b) => b.length - a.length)[0];
      hits = longest ? corpus.filter((r) => keysOf(r).has(longest)) : [];
    }
    return hits.map((r) => r.metadata.url).sort();
  }

  it('finds what the words hold, across chunks, for each way of writing d', async () => {
    expect(Object.values(JSON.parse(files.get('index.json') as string).starts as Record<string, string[]>).some((s) => s.length > 2)).toBe(true);
    // Words beginning where a chunk begins: some of them begin words of the chunk before too.
    const starts = JSON.parse(files.get('index.json') as string).starts as Record<string, string[]>;
    const atBoundaries = [...starts['th']!, ...starts['da']!].slice(1).map((key) => [...key].slice(0, 3).join(''));
    let spanning = 0;
    for (const term of ['th1', 'th2', 'tha', 'thz', 'th1zzz', 'dan', 'dan1', 'đan', 'đan2', 'dana', 'dd1', 'dđ', 'đd', 'danzzz', ...atBoundaries]) {
      fetched.length = 0;
      const { results } = await search.search(term);
      const got = (await Promise.all(results.map((r) => r.data()))).map((d) => d.url).sort();
      expect([term, got]).toEqual([term, expected(term)]);
      expect(got.length).toBeGreaterThan(0);
      // No word list for a word of three letters or more.
      if ([...term].length >= 3) expect(fetched.filter((f) => f.includes('/w/'))).toEqual([]);
      if (atBoundaries.includes(term) && fetched.filter((f) => f.includes('/p/')).length > 1) spanning++;
    }
    expect(spanning).toBeGreaterThan(0);
  });
});
