/**
 * Patching the index gives, byte for byte, what writing it whole gives: after
 * edits that add and drop words (and whole prefixes), change which spelling a
 * word is first met in, move chunk boundaries, change titles and filters —
 * one page or several at once, one patch after another.
 */
import { describe, expect, it } from 'vitest';
import type { SearchMetadata } from './contract.ts';
import { gunzipSync } from 'node:zlib';
import { CHUNK_BYTES, responseOf, type IndexFile } from './index-format.ts';
import { packedSize, postingsOfPacked, unpackChunk } from './postings-codec.ts';
import { patchSearchIndex, type IndexPatch, type PageChange } from './patch-index.ts';
import { openSearch } from './query.ts';
import { searchRecord, type SearchRecord } from './record.ts';
import { pagesOf, writeSearchIndex } from './write-index.ts';

function page(url: string, title: string, body: string, filters: Record<string, string> = {}): SearchRecord {
  const metadata: SearchMetadata = { url, locale: 'vi', title, filters };
  return searchRecord(metadata, `<html lang="vi"><body><article data-pagefind-body><h1>${title}</h1>${body}</article></body></html>`)!;
}

/** The index after a patch. */
function apply(files: Map<string, IndexFile>, patch: IndexPatch): Map<string, IndexFile> {
  if ('refused' in patch) throw new Error(`refused: ${patch.refused}`);
  const out = new Map(files);
  for (const [path, text] of patch.files) text === null ? out.delete(path) : out.set(path, text);
  return out;
}

/** Replaces pages (by address) and patches `files` accordingly. */
function patchWith(files: Map<string, IndexFile>, records: SearchRecord[], replaced: SearchRecord[]): { records: SearchRecord[]; patch: IndexPatch; read: string[] } {
  const ordered = pagesOf('vi', records);
  const changes: PageChange[] = replaced.map((after) => {
    const page = ordered.findIndex((r) => r.metadata.url === after.metadata.url);
    return { page, before: ordered[page]!, after };
  });
  const next = records.map((r) => replaced.find((x) => x.metadata.url === r.metadata.url) ?? r);
  const read: string[] = [];
  const patch = patchSearchIndex('vi', changes, (path) => (read.push(path), files.get(path)));
  return { records: next, patch, read };
}

const sorted = (files: Map<string, IndexFile>) => [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

/** A small deterministic generator (the test's own; the corpus needs no statistics). */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

// Spellings of the same keys, words sharing a prefix (`th…`: enough for several chunks), joined words (parts and shadows).
const VOCABULARY = [
  ...['bảo', 'báo', 'bao', 'bão', 'đăng', 'dang', 'đang', 'dáng', 'ký', 'ky', 'kỳ', 'xã', 'hội', 'hỏi', 'Khánh', 'Hòa', 'hoà'],
  ...Array.from({ length: 400 }, (_, i) => `th${i.toString(36)}ư${'abcdefgh'[i % 8]}`),
  ...['vssid', 'VssID', 'zalo.me/bhxhvietnam', 'e-mail', 'COVID-19', 'x2', '2024'],
];

function text(next: (n: number) => number, words: number): string {
  return Array.from({ length: words }, () => VOCABULARY[next(VOCABULARY.length)]).join(' ');
}

function corpus(next: (n: number) => number, n: number): SearchRecord[] {
  return Array.from({ length: n }, (_, i) =>
    page(`/tin/${i.toString().padStart(3, '0')}/`, `Tin ${text(next, 3)}`, `<p>${text(next, 80)}</p><h2 id="m${i}">${text(next, 2)}</h2><p>${text(next, 40)}</p>`, {
      Năm: String(2020 + (i % 3)),
    }),
  );
}

describe('patching the index', () => {
  it('equals the whole index after each of a series of random edits, one page or several at a time', () => {
    const next = random(7);
    let records = corpus(next, 200);
    let files = writeSearchIndex('vi', records);
    // The `th` prefix holds several chunks, so edits move chunk boundaries.
    expect([...files.keys()].filter((f) => f.startsWith('p/th/')).length).toBeGreaterThan(2);
    const firstChunk = unpackChunk(gunzipSync(files.get('p/th/0.bin') as Uint8Array));
    expect([...firstChunk.keys()].reduce((size, key) => size + packedSize(key, postingsOfPacked(firstChunk.get(key)!)), 0)).toBeGreaterThanOrEqual(CHUNK_BYTES);
    for (let round = 0; round < 12; round++) {
      const count = 1 + (round % 3);
      const edited = Array.from({ length: count }, () => pagesOf('vi', records)[next(records.length)]!).filter((r, i, all) => all.indexOf(r) === i);
      const replaced = edited.map((r, i) =>
        page(r.metadata.url, round % 4 === 0 ? r.metadata.title : `Tin sửa ${round} ${text(next, 2)}`, `<p>${text(next, round % 2 === 0 ? 5 : 300)}</p>`, {
          Năm: String(2020 + ((round + i) % 3)),
        }),
      );
      const step = patchWith(files, records, replaced);
      records = step.records;
      files = apply(files, step.patch);
      expect(sorted(files)).toEqual(sorted(writeSearchIndex('vi', records)));
    }
    // A page with one word of the `th` prefix, edited twice: the chunks holding none of its
    // words are not even read.
    const few = (word: string) => page('/tin/000/', 'Tin', `<p>bảo hiểm ${word}</p>`, { Năm: '2020' });
    for (const word of [VOCABULARY.find((w) => w.startsWith('th'))!, VOCABULARY.findLast((w) => w.startsWith('th'))!]) {
      const step = patchWith(files, records, [few(word)]);
      records = step.records;
      files = apply(files, step.patch);
      expect(sorted(files)).toEqual(sorted(writeSearchIndex('vi', records)));
    }
    const last = patchWith(files, records, [few(VOCABULARY.find((w) => w.startsWith('th'))!)]);
    expect(sorted(apply(files, last.patch))).toEqual(sorted(writeSearchIndex('vi', last.records)));
    const chunks = [...files.keys()].filter((f) => f.startsWith('p/th/')).length;
    expect(last.read.filter((f) => f.startsWith('p/th/')).length).toBeLessThan(chunks);
  });

  it('adds and removes words and whole prefixes, and changes which spelling a word is first met in', () => {
    const records = [page('/a/', 'Một', '<p>bảo hiểm</p>'), page('/b/', 'Hai', '<p>báo bao</p>'), page('/c/', 'Ba', '<p>quỹ</p>')];
    const files = writeSearchIndex('vi', records);
    expect(files.has('w/qu.json')).toBe(true);
    // Page /a/ now has `báo` only (so `bảo` is gone and `báo` is met first), /c/ loses `quỹ` and gains `xyz`.
    const replaced = [page('/a/', 'Một', '<p>báo hiểm</p>'), page('/c/', 'Ba', '<p>xyz ngoài</p>')];
    const step = patchWith(files, records, replaced);
    const patched = apply(files, step.patch);
    expect(sorted(patched)).toEqual(sorted(writeSearchIndex('vi', step.records)));
    expect(patched.has('w/qu.json')).toBe(false);
    expect(patched.has('w/xy.json')).toBe(true);
    if ('refused' in step.patch) throw new Error('refused');
    // Only what changed: the pages edited, their words' lists and chunks, index.json — never the untouched page.
    expect([...step.patch.files.keys()]).not.toContain('pages/1.json');

    // A page met the spellings in another order than it writes them (`bảo` on an earlier page
    // than `bão`): when the earlier pages drop them, its own order (by spelling) decides.
    const spelled = [page('/a/', 'Một', '<p>bảo</p>'), page('/b/', 'Hai', '<p>bão</p>'), page('/c/', 'Ba', '<p>bão bảo</p>')];
    const before = writeSearchIndex('vi', spelled);
    const dropped = patchWith(before, spelled, [page('/a/', 'Một', '<p>một</p>'), page('/b/', 'Hai', '<p>hai</p>')]);
    expect(sorted(apply(before, dropped.patch))).toEqual(sorted(writeSearchIndex('vi', dropped.records)));
  });

  it('moves a page between filter values that exist, and refuses a value that appears or disappears', () => {
    const records = [page('/a/', 'Một', '<p>một</p>', { Năm: '2024' }), page('/b/', 'Hai', '<p>hai</p>', { Năm: '2025' }), page('/c/', 'Ba', '<p>ba</p>', { Năm: '2025' })];
    const files = writeSearchIndex('vi', records);
    const moved = patchWith(files, records, [page('/b/', 'Hai', '<p>hai</p>', { Năm: '2024' })]);
    expect(sorted(apply(files, moved.patch))).toEqual(sorted(writeSearchIndex('vi', moved.records)));
    // A page that loses its year (a document back to draft) while others keep the value.
    const undated = patchWith(files, records, [page('/b/', 'Hai', '<p>hai</p>')]);
    expect(sorted(apply(files, undated.patch))).toEqual(sorted(writeSearchIndex('vi', undated.records)));
    expect(patchWith(files, records, [page('/b/', 'Hai', '<p>hai</p>', { Năm: '2026' })]).patch).toEqual({ refused: expect.stringContaining('2026') });
    expect(patchWith(files, records, [page('/a/', 'Một', '<p>một</p>', { Năm: '2025' })]).patch).toEqual({ refused: expect.stringContaining('2024') });
  });

  it('refuses when a file it needs is missing, and never writes a file that came out the same', () => {
    const records = [page('/a/', 'Một', '<p>bảo hiểm</p>'), page('/b/', 'Hai', '<p>báo bao</p>')];
    const files = writeSearchIndex('vi', records);
    const without = new Map(files);
    without.delete('w/ba.json');
    expect(patchWith(without, records, [page('/a/', 'Một', '<p>bảo bảo hiểm</p>')]).patch).toEqual({ refused: expect.stringContaining('w/ba.json') });
    // A word the page has as it had it is not read: here only `mới` is new.
    const added = patchWith(without, records, [page('/a/', 'Một', '<p>bảo hiểm mới</p>')]);
    expect(added.read.filter((f) => f.includes('/ba') || f.includes('/hi'))).toEqual([]);
    expect(sorted(apply(files, added.patch))).toEqual(sorted(writeSearchIndex('vi', added.records)));
    const same = patchWith(files, records, [page('/a/', 'Một', '<p>bảo hiểm</p>')]).patch;
    expect(same).toEqual({ files: new Map() });
  });
});

describe('words that are names of every object’s properties', () => {
  it('patches and finds `constructor`, `tostring` and `valueof` like any word', async () => {
    const en = (url: string, body: string) => searchRecord({ url, locale: 'en', title: 'Page', filters: {} }, `<html lang="en"><body><article data-pagefind-body><h1>Page</h1>${body}</article></body></html>`)!;
    const records = [en('/en/a/', '<p>plain words</p>'), en('/en/b/', '<p>other words to cook</p>')];
    const files = writeSearchIndex('en', records);
    const after = en('/en/a/', '<p>the constructor of tostring and valueof</p>');
    const patch = patchSearchIndex('en', [{ page: 0, before: records[0]!, after }], (path) => files.get(path));
    const patched = apply(files, patch);
    expect(sorted(patched)).toEqual(sorted(writeSearchIndex('en', [after, records[1]!])));
    const search = openSearch('/s/', async (path) => responseOf(patched.get(path.slice(3))!));
    // Before: nothing begins with `constructorx`, and `constructor` is no indexed word either.
    const before = openSearch('/s/', async (path) => responseOf(files.get(path.slice(3))!));
    expect((await before.search('constructorx')).results).toEqual([]);
    for (const query of ['constructor', 'constructors', 'constructorx', 'tostring', 'valueof']) {
      const { results } = await search.search(query);
      expect([query, await Promise.all(results.map(async (r) => (await r.data()).url))]).toEqual([query, ['/en/a/']]);
    }
  });
});
