/**
 * Every file of one language's search index, from the records of its pages
 * (docs/search-index-format.md). Deterministic: the same records, in any
 * order, give the same files byte for byte — so an incremental build, which
 * reads most records from its cache, writes what a full build writes.
 *
 * A reader's browser fetches `index.json` (a few hundred bytes to a few KB),
 * then for each word of the query one word list and the postings of the
 * words it names, then the page files of the results it shows: a search
 * costs what its words and results weigh, not what the site weighs.
 */
import { gzipSync } from 'node:zlib';
import type { Locale } from '../locales.ts';
import { packChunk, packedSize } from './postings-codec.ts';
import type { SearchRecord, SearchRecordBody } from './record.ts';
import { dFold } from './tokenize.ts';
import {
  FORMAT_VERSION,
  listFile,
  listPrefix,
  postingsFile,
  FACETS_FILE,
  facetRuns,
  type FacetsFile,
  pageFile,
  CHUNK_BYTES,
  type IndexEntry,
  type IndexFile,
  type PageFile,
  type Postings,
  type WordList,
} from './index-format.ts';

/**
 * What the index knows of one word key while it is written: parallel arrays
 * over the pages holding it (numbers, not objects: 20,000 pages hold
 * millions of such entries).
 */
interface KeyData {
  pages: number[];
  weights: number[];
  /** Per page, the forms it has, as the sum of 2^index (form index in `forms`). */
  masks: number[];
  /** Form → index, in the order met (pages in order, a page's new forms by spelling). */
  forms: Map<string, number>;
  titles: number[];
  /** Triples [index in `pages`, n, weight]. */
  shadows: number[];
}

export function deltas(ids: number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]!));
}

export const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The postings of one word key over the pages, in page order. */
function postingsOf(d: KeyData): Postings {
  // Forms: the plain one first, then in the order met (any fixed order would do).
  const met = [...d.forms.keys()];
  const order = met.includes('') ? ['', ...met.filter((f) => f !== '')] : met;
  const rank = met.map((f) => order.indexOf(f));
  const v = d.masks.map((mask) => {
    const present: number[] = [];
    for (let i = 0; i < met.length; i++) if (Math.floor(mask / 2 ** i) % 2 === 1) present.push(rank[i]!);
    present.sort((x, y) => x - y);
    return present.length === 1 ? present[0]! : present;
  });
  return {
    f: order,
    p: deltas(d.pages),
    w: d.weights,
    v,
    t: deltas(d.titles),
    ...(d.shadows.length > 0 ? { s: d.shadows } : {}),
  };
}

/** A record's lines: `a<TAB>b<TAB>c` → [a, b, c]. */
function linesOf(text: string): string[][] {
  if (text === '') return [];
  return text.split('\n').map((line) => line.split('\t'));
}

/** What one page gives one word key: its weight, its forms (sorted), whether the title holds it, its shadows [n, weight]. */
export interface PageKey {
  weight: number;
  forms: string[];
  title: boolean;
  shadows: [number, number][];
}

/** A page's word keys, in the order its record names them. */
export function pageKeys(body: SearchRecordBody): Map<string, PageKey> {
  const here = new Map<string, PageKey>();
  const entry = (key: string) => {
    let e = here.get(key);
    if (!e) here.set(key, (e = { weight: 0, forms: [], title: false, shadows: [] }));
    return e;
  };
  for (const [key, form, weight] of linesOf(body.words)) {
    const e = entry(key!);
    e.weight += Number(weight);
    if (!e.forms.includes(form!)) e.forms.push(form!);
  }
  for (const [key, form] of linesOf(body.title)) {
    const e = entry(key!);
    if (!e.forms.includes(form!)) e.forms.push(form!);
    e.title = true;
  }
  for (const e of here.values()) if (e.forms.length > 1) e.forms.sort(byCodeUnits);
  for (const [key, n, weight] of linesOf(body.shadows)) here.get(key!)!.shadows.push([Number(n), Number(weight)]);
  return here;
}

const emptyKeyData = (): KeyData => ({ pages: [], weights: [], masks: [], forms: new Map(), titles: [], shadows: [] });

/** Adds a page (after the pages already there) to a key's data. */
function addPage(d: KeyData, page: number, e: PageKey): void {
  let mask = 0;
  for (const form of e.forms) {
    let index = d.forms.get(form);
    if (index === undefined) d.forms.set(form, (index = d.forms.size));
    mask += 2 ** index;
  }
  d.pages.push(page);
  d.weights.push(e.weight);
  d.masks.push(mask);
  if (e.title) d.titles.push(page);
  for (const [n, weight] of e.shadows) d.shadows.push(d.pages.length - 1, n, weight);
}

/** A chunk's file: its words' postings packed, then compressed (level and header fixed: the same words give the same bytes). */
const chunkFile = (words: readonly [string, Postings][]): Uint8Array => new Uint8Array(gzipSync(packChunk(words), { level: 6 }));

/**
 * Writes the files of one prefix: its word list and its chunks of postings,
 * from its keys' postings, given in key order. A chunk closes once its words
 * pack to `CHUNK_BYTES`, so a chunk that began empty with the same keys comes
 * out the same: `addChunk` takes such a chunk whole (an index patch reuses the
 * chunks it did not change).
 */
export class ChunkWriter {
  private readonly list: WordList = {};
  /** The first key of each chunk. */
  readonly starts: string[] = [];
  private chunk: [string, Postings][] = [];
  private size = 0;
  private n = 0;
  private readonly prefix: string;
  private readonly files: Map<string, IndexFile>;

  constructor(prefix: string, files: Map<string, IndexFile>) {
    this.prefix = prefix;
    this.files = files;
  }

  add(key: string, postings: Postings): void {
    this.list[key] = [postings.p.length, this.n];
    if (this.chunk.length === 0) this.starts.push(key);
    this.chunk.push([key, postings]);
    this.size += packedSize(key, postings);
    if (this.size >= CHUNK_BYTES) this.close();
  }

  /** Whether the next key begins a chunk. */
  get atChunkStart(): boolean {
    return this.chunk.length === 0;
  }

  /** The number of the next chunk. */
  get nextChunk(): number {
    return this.n;
  }

  /**
   * A chunk written earlier from these keys (in order) beginning empty, as it stands: its file,
   * or undefined when it keeps its number (its file stays as it is).
   */
  addChunk(file: IndexFile | undefined, keys: readonly [key: string, pages: number][]): void {
    if (!this.atChunkStart) throw new Error('a whole chunk goes only where a chunk begins');
    for (const [key, pages] of keys) this.list[key] = [pages, this.n];
    this.starts.push(keys[0]![0]);
    if (file !== undefined) this.files.set(postingsFile(this.prefix, this.n), file);
    this.n++;
  }

  private close(): void {
    if (this.chunk.length === 0) return;
    this.files.set(postingsFile(this.prefix, this.n++), chunkFile(this.chunk));
    this.chunk = [];
    this.size = 0;
  }

  /** Closes the last chunk and writes the word list; returns the first key of each chunk. */
  finish(): string[] {
    this.close();
    this.files.set(listFile(this.prefix), JSON.stringify(this.list));
    return this.starts;
  }
}

/** What a result shows of a page. */
export function pageFileText(record: SearchRecord): string {
  const file: PageFile = {
    url: record.metadata.url,
    title: record.metadata.title,
    content: record.rest.content,
    anchors: record.rest.anchors,
    weights: record.rest.weights,
  };
  return JSON.stringify(file);
}

/** The pages of a language in number order (by address, in code unit order). */
export function pagesOf(locale: Locale, records: readonly SearchRecord[]): SearchRecord[] {
  return records.filter((r) => r.metadata.locale === locale).sort((a, b) => byCodeUnits(a.metadata.url, b.metadata.url));
}

/** The mean page length as the index states it. */
export const averageLength = (lengths: readonly number[]) => (lengths.length === 0 ? 0 : Math.fround(lengths.reduce((a, b) => a + b, 0) / lengths.length));

/** Every file of the index of `locale`: path relative to `/search/<locale>/` → its text or bytes. */
export function writeSearchIndex(locale: Locale, records: readonly SearchRecord[]): Map<string, IndexFile> {
  const pages = pagesOf(locale, records);
  const files = new Map<string, IndexFile>();
  const words = new Map<string, KeyData>();
  const filters = new Map<string, Map<string, number[]>>();

  pages.forEach((record, page) => {
    for (const [key, e] of pageKeys(record.rest)) {
      let d = words.get(key);
      if (!d) words.set(key, (d = emptyKeyData()));
      addPage(d, page, e);
    }
    for (const [name, value] of Object.entries(record.metadata.filters)) {
      let values = filters.get(name);
      if (!values) filters.set(name, (values = new Map()));
      let ids = values.get(value);
      if (!ids) values.set(value, (ids = []));
      ids.push(page);
    }
    files.set(pageFile(page), pageFileText(record));
  });

  // Word lists by the first letters of the key (with đ read as d), and each word's postings.
  const groups = new Map<string, string[]>();
  for (const key of words.keys()) {
    const prefix = listPrefix(dFold(key));
    let group = groups.get(prefix);
    if (!group) groups.set(prefix, (group = []));
    group.push(key);
  }
  const starts: IndexEntry['starts'] = {};
  for (const prefix of [...groups.keys()].sort(byCodeUnits)) {
    const keys = groups.get(prefix)!.sort(byCodeUnits);
    const writer = new ChunkWriter(prefix, files);
    for (const key of keys) writer.add(key, postingsOf(words.get(key)!));
    starts[prefix] = writer.finish();
  }

  const lengths = pages.map((r) => r.rest.wordCount);
  const entry: IndexEntry = {
    format: FORMAT_VERSION,
    language: locale,
    pages: pages.length,
    averageLength: averageLength(lengths),
    filters: {},
    starts,
    lengths,
  };
  const facets: FacetsFile = {};
  for (const name of [...filters.keys()].sort(byCodeUnits)) {
    const values = filters.get(name)!;
    const names = [...values.keys()].sort(byCodeUnits);
    const perPage = new Int32Array(pages.length).fill(-1);
    entry.filters[name] = {};
    names.forEach((value, v) => {
      const ids = values.get(value)!;
      entry.filters[name]![value] = ids.length;
      for (const page of ids) perPage[page] = v;
    });
    facets[name] = { values: names, runs: facetRuns(perPage) };
  }
  files.set(FACETS_FILE, JSON.stringify(facets));
  files.set('index.json', JSON.stringify(entry));
  return files;
}
