/**
 * The files of a language's search index and where each lives, shared by the
 * writer (write-index.ts) and the search page (query.ts). Described for
 * people in docs/search-index-format.md. Every file is JSON, so the host
 * compresses it like any text, except the chunks of postings: numbers in
 * arrays, gzip-compressed by the build (postings-codec.ts).
 */

/** Pagefind's unit of weight: a word of plain text weighs 24, a word of an h1 7 × 24. */
export const WEIGHT_UNIT = 24;

/** Raised when the files' layout changes: a page never reads an index of another format. */
export const FORMAT_VERSION = 4;

/** `index.json`: the only file read before a query. */
export interface IndexEntry {
  format: number;
  language: string;
  /** Pages in the index; a page's number is its rank in address order. */
  pages: number;
  /** The pages' mean length in words (ranking's page-length term). */
  averageLength: number;
  /** Filter name → value → pages having it, in the whole index (which page has which: `facets.json`). */
  filters: Record<string, Record<string, number>>;
  /**
   * Each prefix that has a word list (sorted) → the first word key of each of its chunks of
   * postings: a query word of three letters or more finds the chunks of the words it begins
   * here, without fetching the list.
   */
  starts: Record<string, string[]>;
  /** Every page's length in words, by page number (ranking's page-length term; one request fewer than a file of its own). */
  lengths: number[];
}

/** `w/<prefix>.json`: the indexed words beginning with the prefix (đ read as d) → [pages holding it, postings chunk number]. */
export type WordList = Record<string, [number, number]>;

/**
 * `p/<prefix>/<n>.bin`: a chunk of postings — neighbouring words of one
 * prefix, in key order, cut at about `CHUNK_BYTES` — word key → its postings,
 * packed (postings-codec.ts). A query word's words are neighbours, so it
 * fetches one or two chunks.
 */
export const CHUNK_BYTES = 16_000;

/** A file of the index: text (JSON) or bytes (a chunk of postings). */
export type IndexFile = string | Uint8Array;

/** A file as a host answers it (the search page's engine reads responses; the tests serve files so). */
export const responseOf = (file: IndexFile) => new Response(typeof file === 'string' ? file : new Blob([file as Uint8Array<ArrayBuffer>]));

/** A file's bytes (a JSON file's text as UTF-8). */
export const bytesOf = (file: IndexFile): Uint8Array => (typeof file === 'string' ? new TextEncoder().encode(file) : file);

/** Whether two versions of a file are the same, however each was had (text or bytes). */
export function sameFile(a: IndexFile | undefined, b: IndexFile | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  const [x, y] = [bytesOf(a), bytesOf(b)];
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

/**
 * Where a word key is, page by page (the writer's form; a chunk's file packs it).
 * Arrays run in parallel over the pages holding the word.
 */
export interface Postings {
  /** The forms the word is written in ('' = without marks). */
  f: string[];
  /** Page numbers, each as the difference from the previous one. */
  p: number[];
  /** Per page: the sum of the weights of the word's places (24 per plain word; 0 when only in the title). */
  w: number[];
  /** Per page: the forms of `f` the page has (an index, or several). */
  v: (number | number[])[];
  /** The pages whose title holds the word (differences, as `p`). */
  t: number[];
  /**
   * Places shared with a smaller key, as triples [index in `p`, n, weight]: for a query word of n
   * characters or fewer, `weight` of the page's weight belongs to the smaller key (record.ts).
   */
  s?: number[];
}

/** `pages/<n>.json`: what a result shows, fetched only for the results shown. */
export interface PageFile {
  url: string;
  title: string;
  content: string;
  anchors: { element: string; id: string; text: string; location: number }[];
  weights: [number, number, number][];
}

/**
 * `facets.json`: which value of each filter every page has, fetched when a reader checks a
 * filter or once the first results are shown (the counts then follow the query). Per filter,
 * its values in code unit order and, page by page in number order, runs of the same value:
 * `[value index, pages, value index, pages, …]`, -1 for pages without the filter. Runs are
 * long: pages are numbered by address, so a collection's pages are neighbours.
 */
export type FacetsFile = Record<string, { values: string[]; runs: number[] }>;

export const FACETS_FILE = 'facets.json';

/** Runs of equal values over the pages (`-1`: none). */
export function facetRuns(perPage: ArrayLike<number>): number[] {
  const runs: number[] = [];
  for (let page = 0; page < perPage.length; page++) {
    const v = perPage[page]!;
    if (runs.length > 0 && runs[runs.length - 2] === v) runs[runs.length - 1]!++;
    else runs.push(v, 1);
  }
  return runs;
}

/** Each page's value index from runs, for `pages` pages (pages past the runs have none). */
export function facetValues(runs: readonly number[], pages: number): Int32Array {
  const out = new Int32Array(pages).fill(-1);
  let at = 0;
  for (let i = 0; i + 1 < runs.length; i += 2) {
    const end = Math.min(pages, at + runs[i + 1]!);
    out.fill(runs[i]!, at, end);
    at = end;
  }
  return out;
}

/** The prefix whose list holds a key: its first two characters (or its only one). */
export function listPrefix(dFoldedKey: string): string {
  return [...dFoldedKey].slice(0, 2).join('');
}

/** A prefix as a file name: ASCII letters and digits as they are, anything else as `_<hex>_`. */
export function fileNameOf(prefix: string): string {
  let out = '';
  for (const ch of prefix) out += /[a-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
  return out;
}

export const listFile = (prefix: string) => `w/${fileNameOf(prefix)}.json`;
export const postingsFile = (prefix: string, n: number) => `p/${fileNameOf(prefix)}/${n}.bin`;
export const pageFile = (n: number) => `pages/${n}.json`;

/** Differences back to numbers. */
export function undelta(values: readonly number[]): number[] {
  const out: number[] = new Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) out[i] = at += values[i]!;
  return out;
}

/** Differences back to numbers, in a typed array (the search page's form: no array in between). */
export function undeltaInts(values: ArrayLike<number>): Int32Array {
  const out = new Int32Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) out[i] = at += values[i]!;
  return out;
}
