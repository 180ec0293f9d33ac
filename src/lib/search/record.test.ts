/**
 * Hostile pages (tests/fixtures/hostile/search/): built pages whose editor
 * text carries Pagefind's own markup — `<meta data-pagefind-meta=…>` in a
 * title, summary, image description or link title, `data-pagefind-*`
 * attributes in the body, the body marker in attribute values. Each is made
 * into a record with the metadata the build computed for it, and written into
 * an index; what the index holds for the page (its address, title, filters,
 * anchors, text) must be exactly what expected.json states.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchMetadata } from './contract.ts';
import type { IndexEntry, PageFile } from './index-format.ts';
import { searchRecord } from './record.ts';
import { writeSearchIndex } from './write-index.ts';

const FIXTURES = 'tests/fixtures/hostile/search';

interface Expected {
  why: string;
  metadata: SearchMetadata;
  index: {
    language: string;
    meta: { url: string; title: string };
    filters: Record<string, string[]>;
    anchors: string[];
    text: string[];
    notText: string[];
  };
}

const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expected>;
const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .sort();

/** The page's files in an index holding it alone. */
function indexed(file: string) {
  const want = expected[file]!;
  const record = searchRecord(want.metadata, readFileSync(path.join(FIXTURES, file), 'utf8'));
  if (!record) throw new Error(`${file}: no searchable part found`);
  const files = writeSearchIndex(want.metadata.locale, [record]);
  const entry = JSON.parse(files.get('index.json') as string) as IndexEntry;
  const page = JSON.parse(files.get('pages/0.json') as string) as PageFile;
  return { entry, page };
}

describe('hostile pages give the index the build’s metadata and the text, nothing else', () => {
  it('has an expectation for every page and a page for every expectation', () => {
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  describe.each(cases)('%s', (file) => {
    const want = expected[file]!.index;

    it('is indexed in the entry’s language', () => {
      expect(indexed(file).entry.language).toBe(want.language);
      expect(indexed(file).entry.pages).toBe(1);
    });

    it('has exactly the address, title and filters of the entry', () => {
      const { entry, page } = indexed(file);
      expect({ url: page.url, title: page.title }).toEqual(want.meta);
      expect(Object.fromEntries(Object.entries(entry.filters).map(([name, values]) => [name, Object.keys(values)]))).toEqual(want.filters);
    });

    it('keeps the anchors of sub-results', () => {
      expect(indexed(file).page.anchors.map((a) => a.id)).toEqual(want.anchors);
    });

    it('indexes the text readers see, and only that', () => {
      const { page } = indexed(file);
      for (const text of want.text) expect(page.content).toContain(text);
      for (const text of want.notText) expect(page.content).not.toContain(text);
    });
  });
});

describe('a page without a searchable part', () => {
  it('gives no record', () => {
    const metadata: SearchMetadata = { url: '/tin-tuc/', locale: 'vi', title: 'Tin tức', filters: {} };
    expect(searchRecord(metadata, '<!DOCTYPE html><html lang="vi"><head><meta name="description" content="<article data-pagefind-body>"></head><body><p>x</p></body></html>')).toBeUndefined();
  });
});

describe('the text as Pagefind lays it out', () => {
  const metadata: SearchMetadata = { url: '/x/', locale: 'vi', title: 'Tiêu đề', filters: {} };
  const record = (body: string) => {
    const rest = searchRecord(metadata, `<html lang="vi"><body><article data-pagefind-body>${body}</article></body></html>`)!.rest;
    // The record's lines as objects: key → second column → third.
    const table = (text: string) => {
      const out: Record<string, Record<string, number | true>> = {};
      for (const [key, second, third] of text.split('\n').filter(Boolean).map((l) => l.split('\t'))) (out[key!] ??= {})[second!] = third === undefined ? true : Number(third);
      return out;
    };
    return { ...rest, words: table(rest.words), shadows: table(rest.shadows), title: table(rest.title) };
  };

  it('separates blocks and ends them with a full stop; weighs headings; skips navigation, forms and ignored parts', () => {
    const r = record('<h2 id="a">Đăng ký</h2><p>Bảo hiểm<br>xã hội</p><nav>menu</nav><form><label>ô</label></form><div data-pagefind-ignore>ẩn</div><ul><li>một</li><li>hai)</li></ul>');
    expect(r.content).toBe('Đăng ký. Bảo hiểm xã hội. một. hai).');
    expect(r.wordCount).toBe(8);
    expect(r.anchors).toEqual([{ element: 'h2', id: 'a', text: 'Đăng ký', location: 0 }]);
    expect(r.weights).toEqual([[0, 2, 6 * 24]]);
    expect(r.words['đang']).toEqual({ 'đăng': 6 * 24 });
    expect(r.words['bao']).toEqual({ 'bảo': 24 });
    expect(r.title).toEqual({ tieu: { 'tiêu': true }, 'đe': { 'đề': true } });
  });

  it('separates what readers see apart: a table’s caption and header cells, a description list’s terms and descriptions', () => {
    const r = record('<table><caption>Câu hỏi</caption><tbody><tr><th>Người hỏi</th><td>T.T.L.</td></tr></tbody></table><dl><dt>Điện thoại</dt><dd>1900 9068</dd><dt>E-mail</dt><dd>a@b.vn</dd></dl>');
    expect(r.content).toBe('Câu hỏi. Người hỏi. T.T.L. Điện thoại. 1900 9068. E-mail. a@b.vn.');
    expect(r.words['hoinguoi']).toBeUndefined();
    expect(r.words['nguoi']).toEqual({ 'người': 24 });
  });

  it('gives the parts of joined words their share, counts a key once per place, and notes places shared with a smaller key', () => {
    const r = record('<p>1624/QĐ-BHXH VssID spokesperson’s</p>');
    expect(r.words['1624qđbhxh']).toEqual({ '': 24 });
    expect(r.words['1624']).toEqual({ '': 8 });
    expect(r.words['qđ']).toEqual({ '': 8 });
    expect(r.words['vssid']).toEqual({ '': 24 });
    expect(r.words['vss']).toEqual({ '': 12 });
    // "vssid" shares its place with "vss": a query word of 3 letters or fewer matches "vss" there.
    expect(r.shadows['vssid']).toEqual({ 3: 24 });
    expect(r.shadows['1624qđbhxh']).toEqual({ 4: 24 });
  });
});
