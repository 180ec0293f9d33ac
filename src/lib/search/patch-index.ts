/**
 * The files of a language's search index that change when some pages change
 * and the set of pages does not: what an incremental build writes instead of
 * the whole index. The result is what writeSearchIndex (write-index.ts) would
 * write from all the records, byte for byte (patch-index.test.ts): each
 * changed page's file, `index.json`, `facets.json` when a page's filter
 * value changed, and the word lists and chunks of the prefixes of every word
 * the page had or has — those prefixes are read back, decoded, changed and
 * cut again; no other file is read.
 *
 * Refused (the caller then writes the whole index) when the set of pages
 * changed, a filter value appears or disappears (values are numbered in
 * order in `facets.json`), or a file the patch needs is not the one last written.
 */
import { gunzipSync } from 'node:zlib';
import type { Locale } from '../locales.ts';
import {
  FORMAT_VERSION,
  FACETS_FILE,
  facetRuns,
  facetValues,
  listFile,
  listPrefix,
  pageFile,
  postingsFile,
  bytesOf,
  sameFile,
  undelta,
  type FacetsFile,
  type IndexEntry,
  type IndexFile,
  type Postings,
  type WordList,
} from './index-format.ts';
import { postingsOfPacked, unpackChunk } from './postings-codec.ts';
import type { SearchRecord } from './record.ts';
import { dFold } from './tokenize.ts';
import { averageLength, byCodeUnits, ChunkWriter, deltas, pageFileText, pageKeys, type PageKey } from './write-index.ts';

/** A page whose record changed: its number in the index (its rank by address) and both records. */
export interface PageChange {
  page: number;
  before: SearchRecord;
  after: SearchRecord;
}

/** Path relative to `/search/<locale>/` → new text or bytes, or null for a file to remove. */
export type IndexPatch = { files: Map<string, IndexFile | null> } | { refused: string };

/** A file of the index as last written, or undefined when there is none (or it cannot be trusted). */
export type ReadIndexFile = (path: string) => IndexFile | undefined;

/** A file's text (a JSON file read as bytes is decoded). */
const textOf = (file: IndexFile) => (typeof file === 'string' ? file : new TextDecoder().decode(file));

/** The first index in sorted `values` holding `value` or more. */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A key's postings with some pages' rows replaced (null: the page no longer
 * has the key), or undefined when no page has it any more. Works on the
 * arrays as they are (a common word has thousands of pages): rows are
 * spliced in, and the spellings are renumbered only when the order in
 * which pages first meet them changed — the order postingsOf
 * (write-index.ts) gives: '' first, then by the first page holding the
 * spelling, then (on one page) by spelling.
 */
export function patchPostings(postings: Postings | undefined, changes: ReadonlyMap<number, PageKey | null>): Postings | undefined {
  const pages = postings ? undelta(postings.p) : [];
  const weights = postings ? [...postings.w] : [];
  const variants: (number | number[])[] = postings ? [...postings.v] : [];
  const titles = postings ? undelta(postings.t) : [];
  const shadows = postings?.s ? [...postings.s] : [];
  const forms = postings ? [...postings.f] : [];
  const formIndex = new Map(forms.map((f, i) => [f, i]));

  for (const page of [...changes.keys()].sort((x, y) => x - y)) {
    const row = changes.get(page)!;
    const at = lowerBound(pages, page);
    const present = pages[at] === page;
    // The page's shadows go; later places move by one when the page comes or goes.
    const shift = present === (row !== null) ? 0 : row ? 1 : -1;
    const kept: number[] = [];
    let insertAt = -1;
    for (let i = 0; i < shadows.length; i += 3) {
      const index = shadows[i]!;
      if (present && index === at) continue;
      if (insertAt < 0 && (present ? index > at : index >= at)) insertAt = kept.length;
      kept.push(index >= at ? index + shift : index, shadows[i + 1]!, shadows[i + 2]!);
    }
    if (insertAt < 0) insertAt = kept.length;
    const t = lowerBound(titles, page);
    if (titles[t] === page) titles.splice(t, 1);
    if (row === null) {
      if (present) {
        pages.splice(at, 1);
        weights.splice(at, 1);
        variants.splice(at, 1);
      }
      shadows.splice(0, shadows.length, ...kept);
      continue;
    }
    const indices = row.forms.map((f) => {
      let index = formIndex.get(f);
      if (index === undefined) {
        formIndex.set(f, (index = forms.length));
        forms.push(f);
      }
      return index;
    });
    indices.sort((x, y) => x - y);
    const variant = indices.length === 1 ? indices[0]! : indices;
    if (present) {
      weights[at] = row.weight;
      variants[at] = variant;
    } else {
      pages.splice(at, 0, page);
      weights.splice(at, 0, row.weight);
      variants.splice(at, 0, variant);
    }
    if (row.title) titles.splice(t, 0, page);
    kept.splice(insertAt, 0, ...row.shadows.flatMap(([n, weight]) => [at, n, weight]));
    shadows.splice(0, shadows.length, ...kept);
  }
  if (pages.length === 0) return undefined;

  // Spellings in the order postingsOf gives; renumbered only when it changed.
  const first = new Array<number>(forms.length).fill(-1);
  let unseen = forms.length;
  for (let i = 0; i < variants.length && unseen > 0; i++) {
    const v = variants[i]!;
    for (const f of typeof v === 'number' ? [v] : v) {
      if (first[f] === -1) {
        first[f] = pages[i]!;
        unseen--;
      }
    }
  }
  const order = forms
    .map((_, i) => i)
    .filter((i) => first[i] !== -1)
    .sort((x, y) => (forms[x] === '' ? -1 : forms[y] === '' ? 1 : first[x]! - first[y]! || byCodeUnits(forms[x]!, forms[y]!)));
  const renumbered = order.length !== forms.length || order.some((f, i) => f !== i);
  let v = variants;
  if (renumbered) {
    const rank = new Array<number>(forms.length);
    order.forEach((f, i) => (rank[f] = i));
    v = variants.map((x) => {
      if (typeof x === 'number') return rank[x]!;
      return x.map((f) => rank[f]!).sort((a, b) => a - b);
    });
  }
  return {
    f: order.map((i) => forms[i]!),
    p: deltas(pages),
    w: weights,
    v,
    t: deltas(titles),
    ...(shadows.length > 0 ? { s: shadows } : {}),
  };
}

/** Whether a page gives a word the same row before and after. */
function samePageKey(a: PageKey | undefined, b: PageKey | undefined): boolean {
  if (!a || !b) return false;
  return a.weight === b.weight && a.title === b.title && a.forms.join('\n') === b.forms.join('\n') && JSON.stringify(a.shadows) === JSON.stringify(b.shadows);
}

export function patchSearchIndex(locale: Locale, changes: readonly PageChange[], readFile: ReadIndexFile): IndexPatch {
  const seen = new Map<string, IndexFile | undefined>();
  const read = (path: string) => {
    if (!seen.has(path)) seen.set(path, readFile(path));
    return seen.get(path);
  };
  const files = new Map<string, IndexFile | null>();
  const entryText = read('index.json');
  if (entryText === undefined) return { refused: 'index.json is missing' };
  const entry = JSON.parse(textOf(entryText)) as IndexEntry;
  if (entry.format !== FORMAT_VERSION || entry.language !== locale) return { refused: 'index.json is of another format or language' };

  // Pages: their files and lengths.
  for (const { page, before, after } of changes) {
    if (page < 0 || page >= entry.pages || before.metadata.url !== after.metadata.url) return { refused: `page ${page} is not in the index` };
    files.set(pageFile(page), pageFileText(after));
    entry.lengths[page] = after.rest.wordCount;
  }
  entry.averageLength = averageLength(entry.lengths);

  // Filters: a page moves between values that exist before and after.
  const moved = changes.filter(({ before, after }) => JSON.stringify(before.metadata.filters) !== JSON.stringify(after.metadata.filters));
  if (moved.length > 0) {
    const facetsText = read(FACETS_FILE);
    if (facetsText === undefined) return { refused: `${FACETS_FILE} is missing` };
    const facets = JSON.parse(textOf(facetsText)) as FacetsFile;
    const perPage = new Map<string, Int32Array>();
    for (const { page, before, after } of moved) {
      for (const name of new Set([...Object.keys(before.metadata.filters), ...Object.keys(after.metadata.filters)])) {
        const was = before.metadata.filters[name];
        const is = after.metadata.filters[name];
        if (was === is) continue;
        const facet = Object.hasOwn(facets, name) ? facets[name] : undefined;
        const counts = Object.hasOwn(entry.filters, name) ? entry.filters[name]! : undefined;
        if (!facet || !counts) return { refused: `a new filter (${name})` };
        let values = perPage.get(name);
        if (!values) perPage.set(name, (values = facetValues(facet.runs, entry.pages)));
        if (was !== undefined && Object.hasOwn(counts, was)) counts[was]!--;
        if (is === undefined) values[page] = -1;
        else {
          const v = facet.values.indexOf(is);
          if (v === -1 || !Object.hasOwn(counts, is)) return { refused: `a new filter value (${name}: ${is})` };
          values[page] = v;
          counts[is]!++;
        }
      }
    }
    for (const [name, values] of perPage) {
      const gone = Object.entries(entry.filters[name]!).find(([, count]) => count <= 0);
      if (gone) return { refused: `a filter value no page has any more (${name}: ${gone[0]})` };
      facets[name]!.runs = facetRuns(values);
    }
    files.set(FACETS_FILE, JSON.stringify(facets));
  }

  // Words: every key a changed page had or has, by prefix.
  const touched = new Map<string, Map<string, Map<number, PageKey | null>>>();
  for (const { page, before, after } of changes) {
    const was = pageKeys(before.rest);
    const now = pageKeys(after.rest);
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      // A word the page has as it had it changes nothing: its chunk is not even read.
      if (samePageKey(was.get(key), now.get(key))) continue;
      const prefix = listPrefix(dFold(key));
      let keys = touched.get(prefix);
      if (!keys) touched.set(prefix, (keys = new Map()));
      let pages = keys.get(key);
      if (!pages) keys.set(key, (pages = new Map()));
      pages.set(page, now.get(key) ?? null);
    }
  }
  const starts = new Map(Object.entries(entry.starts));
  for (const [prefix, keys] of touched) {
    const oldStarts = starts.get(prefix) ?? [];
    const written = new Map<string, IndexFile>();
    const writer = new ChunkWriter(prefix, written);
    let list: WordList = {};
    if (oldStarts.length > 0) {
      const listText = read(listFile(prefix));
      if (listText === undefined) return { refused: `${listFile(prefix)} is missing` };
      list = JSON.parse(textOf(listText)) as WordList;
    }
    // The old chunks: their keys (from the list, in key order), and which hold a key that changes
    // (a new key goes to the chunk whose range holds it).
    const chunkKeys: [key: string, pages: number][][] = oldStarts.map(() => []);
    for (const key of Object.keys(list).sort(byCodeUnits)) chunkKeys[list[key]![1]]!.push([key, list[key]![0]]);
    // Words are data: `constructor` is a word, not a property every object has.
    const own = <T>(object: Record<string, T>, key: string): T | undefined => (Object.hasOwn(object, key) ? object[key] : undefined);
    const changedIn = new Map<number, string[]>();
    for (const key of [...keys.keys()].sort(byCodeUnits)) {
      let n = own(list, key)?.[1];
      if (n === undefined) n = Math.max(0, oldStarts.findLastIndex((start) => start <= key));
      if (!changedIn.has(n)) changedIn.set(n, []);
      changedIn.get(n)!.push(key);
    }
    const addKey = (key: string, postings: Postings | undefined) => postings && writer.add(key, postings);
    for (let n = 0; n < Math.max(oldStarts.length, 1); n++) {
      const changing = changedIn.get(n);
      // An unchanged chunk where a chunk begins stays as it is (not even read when it keeps its
      // number); otherwise its keys are laid out again.
      if (!changing && writer.atChunkStart && writer.nextChunk === n) {
        writer.addChunk(undefined, chunkKeys[n]!);
        continue;
      }
      const file = oldStarts.length === 0 ? undefined : read(postingsFile(prefix, n));
      if (oldStarts.length > 0 && file === undefined) return { refused: `${postingsFile(prefix, n)} is missing` };
      if (!changing && writer.atChunkStart) {
        writer.addChunk(file, chunkKeys[n]!);
        continue;
      }
      let chunk: Map<string, Postings>;
      try {
        chunk = new Map([...(file ? unpackChunk(new Uint8Array(gunzipSync(bytesOf(file)))) : [])].map(([key, packed]) => [key, postingsOfPacked(packed)]));
      } catch {
        return { refused: `${postingsFile(prefix, n)} cannot be read` };
      }
      const inChunk = [...(chunkKeys[n] ?? []).map(([key]) => key), ...(changing ?? []).filter((key) => !chunk.has(key))].sort(byCodeUnits);
      for (const key of inChunk) addKey(key, keys.has(key) ? patchPostings(chunk.get(key), keys.get(key)!) : chunk.get(key));
    }
    const firsts = writer.starts.length === 0 ? [] : writer.finish();
    for (const [path, file] of written) files.set(path, file);
    for (let n = firsts.length; n < oldStarts.length; n++) files.set(postingsFile(prefix, n), null);
    if (firsts.length === 0) {
      if (starts.has(prefix)) files.set(listFile(prefix), null);
      starts.delete(prefix);
    } else starts.set(prefix, firsts);
  }
  entry.starts = Object.fromEntries([...starts].sort(([a], [b]) => byCodeUnits(a, b)));
  files.set('index.json', JSON.stringify(entry));
  // Files that came out as they were need no writing.
  for (const [path, file] of files) if (file !== null && sameFile(read(path), file)) files.delete(path);
  return { files };
}
