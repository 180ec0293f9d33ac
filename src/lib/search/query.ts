/**
 * The search page's engine over the files of one language's index
 * (write-index.ts), fetched as a query needs them: `index.json` first, then
 * for each word the chunks of postings of the words it begins — found by the
 * chunks' first words in `index.json`, or for a word of one or two letters by
 * the list of words beginning with it — and the page files of the results
 * shown.
 *
 * Matching is Pagefind's: the words of the query must all be on a page (or
 * in its title); a word matches every indexed word it begins (`bảo hi`
 * finds `bảo hiểm`), and a word that matches nothing falls back to the
 * longest indexed word it begins with. Accents are not needed (`bao` finds
 * `bảo`), and pages with the accents typed rank higher. The portal's one
 * addition: a word typed without `đ` also finds words with `đ` (`dang ky`
 * finds `đăng ký`); typed with `đ`, it finds only them, as Pagefind would.
 * Ranking: ranking.ts.
 */
import type { FetchFile, SearchEngine, SearchResult, SearchResultData } from './contract.ts';
import { excerptsOf, type Hit } from './excerpt.ts';
import { FACETS_FILE, FORMAT_VERSION, WEIGHT_UNIT, facetValues, listFile, listPrefix, pageFile, postingsFile, undeltaInts, type FacetsFile, type IndexEntry, type PageFile, type WordList } from './index-format.ts';
import { unpackChunk, type PackedPostings } from './postings-codec.ts';
import { diacriticBonus, idf, lengthBonus, lengthTerm, titleBoost, wordScoreOn } from './ranking.ts';
import { dFold, indexableWords, queryTerms, stemmerFor, type Stem } from './tokenize.ts';
import type { Locale } from '../locales.ts';

/** Words shown around the matches in an excerpt. */
export const EXCERPT_LENGTH = 24;
/**
 * At most this many indexed words per query word: a one-letter word begins
 * thousands; the most frequent ones are kept (docs/search.md).
 */
export const MAX_EXTENSIONS = 100;
/** A two-letter query word's chunks are all fetched, without its word list, when its prefix has at most this many. */
const WHOLE_PREFIX_CHUNKS = 4;

interface Extension {
  key: string;
  /** The key's number among the query's keys: a word matched by two query words has one. */
  keyId: number;
  term: number;
  bonus: number;
  /** The pages holding the word, ascending; at the same index, its weight there and the set of spellings it has there. */
  pages: Int32Array;
  weights: Float64Array;
  variants: ArrayLike<number>;
  /** Per set of spellings: the best ranking bonus of its spellings for the query word as typed (ranking.ts). */
  setBonus: number[];
  /** The pages whose title holds the word, ascending. */
  titles: Int32Array;
}

/** A word's postings for a query word of `length` characters: places it shares with a smaller matching key do not count. */
function decode(key: string, postings: PackedPostings, length: number) {
  const pages = undeltaInts(postings.p);
  const weights = Float64Array.from(postings.w);
  const s = postings.s;
  for (let i = 0; i < s.length; i += 3) if (length <= s[i + 1]!) weights[s[i]!]! -= s[i + 2]!;
  // The spellings stay sets: a word's pages share a few of them.
  return { pages, weights, variants: postings.v, sets: postings.sets, forms: postings.f.map((f) => f || key), titles: undeltaInts(postings.t) };
}

/** The best bonus of a set of spellings. */
function bestBonus(set: number | readonly number[], formBonus: readonly number[]): number {
  return typeof set === 'number' ? formBonus[set]! : Math.max(0, ...set.map((form) => formBonus[form]!));
}

/** Whether the ascending `pages` holds `page` (binary search). */
function holds(pages: Int32Array, page: number): boolean {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = pages[mid]!;
    if (at === page) return true;
    if (at < page) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Scores every page holding all the query's terms (and allowed by the filters), as Pagefind
 * does: per page, the weights of each matched word summed, each word scored by BM25 in the
 * order it is first met (32-bit sums depend on their order), then the title boost. The
 * candidates' places in the words' postings are first gathered per page, in the words' order
 * (one pass over each word's pages), so a page is scored from the words it holds only: a
 * two-letter query word matches up to 100 words, most of them on few pages.
 */
function scorePages(perTerm: Extension[][], keyCount: number, index: IndexEntry, allowed: Uint8Array | undefined) {
  const total = index.pages;
  const lengths = index.lengths;
  // Pages holding each term (any of its words), and how many: the term's weight (IDF).
  const termsHolding = new Uint16Array(total);
  const lastTerm = new Int32Array(total).fill(-1);
  const holding = perTerm.map((exts, t) => {
    let size = 0;
    for (const e of exts) {
      // Indexed loops: a cold page's first query runs them before they are compiled, and iterators cost there.
      const pages = e.pages;
      for (let c = 0; c < pages.length; c++) {
        const p = pages[c]!;
        if (p >= total || lastTerm[p] === t) continue;
        lastTerm[p] = t;
        termsHolding[p]!++;
        size++;
      }
    }
    return size;
  });
  const termIdf = holding.map((size) => idf(total, size));
  const queryIdf = termIdf.reduce((a, b) => Math.fround(a + b), 0);
  const candidate = new Uint8Array(total);
  // Every page the query matches, before the filters: what the filters' counts are counted over.
  const matching: number[] = [];
  for (let page = 0; page < total; page++) {
    if (termsHolding[page] !== perTerm.length) continue;
    matching.push(page);
    if (!allowed || allowed[page]) candidate[page] = 1;
  }

  // Each candidate's places in the words' postings (word, position), in the words' order.
  const exts = perTerm.flat();
  const first = new Int32Array(total + 1);
  for (const e of exts) {
    const pages = e.pages;
    for (let c = 0; c < pages.length; c++) if (candidate[pages[c]!]) first[pages[c]! + 1]!++;
  }
  for (let page = 0; page < total; page++) first[page + 1]! += first[page]!;
  const next = first.slice(0, total);
  const placeWord = new Int32Array(first[total]!);
  const placeAt = new Int32Array(first[total]!);
  const inTitle = new Uint8Array(first[total]!);
  exts.forEach((e, x) => {
    let t = 0;
    for (let c = 0; c < e.pages.length; c++) {
      const p = e.pages[c]!;
      while (t < e.titles.length && e.titles[t]! < p) t++;
      if (!candidate[p]) continue;
      const k = next[p]!++;
      placeWord[k] = x;
      placeAt[k] = c;
      inTitle[k] = e.titles[t] === p ? 1 : 0;
    }
  });

  // Per key, the page it was last met on and its slot there (words, then titles).
  const wordPage = new Int32Array(keyCount).fill(-1);
  const wordSlot = new Int32Array(keyCount);
  const titlePage = new Int32Array(keyCount).fill(-1);
  const titleSlot = new Int32Array(keyCount);
  const weight: number[] = [];
  const bonus: number[] = [];
  const diacritic: number[] = [];
  const term: number[] = [];
  const titleIdf: number[] = [];
  const scores = new Float32Array(total);
  for (let page = 0; page < total; page++) {
    if (!candidate[page]) continue;
    let words = 0;
    let titles = 0;
    for (let k = first[page]!; k < first[page + 1]!; k++) {
      const e = exts[placeWord[k]!]!;
      const c = placeAt[k]!;
      if (inTitle[k]) {
        if (titlePage[e.keyId] === page) titleIdf[titleSlot[e.keyId]!] = termIdf[e.term]!;
        else {
          titlePage[e.keyId] = page;
          titleSlot[e.keyId] = titles;
          titleIdf[titles++] = termIdf[e.term]!;
        }
      }
      const w = e.weights[c]!;
      if (w === 0) continue;
      if (wordPage[e.keyId] === page) weight[wordSlot[e.keyId]!]! += w;
      else {
        wordPage[e.keyId] = page;
        wordSlot[e.keyId] = words;
        weight[words] = w;
        bonus[words] = e.bonus;
        diacritic[words] = e.setBonus[e.variants[c]!]!;
        term[words++] = e.term;
      }
    }
    let score = 0;
    const pageTerm = lengthTerm(lengths[page]!, index.averageLength);
    for (let i = 0; i < words; i++) {
      score = Math.fround(score + Math.fround(wordScoreOn(Math.fround(weight[i]! / WEIGHT_UNIT), bonus[i]!, pageTerm, index.averageLength, termIdf[term[i]!]!) * diacritic[i]!));
    }
    let matchedIdf = 0;
    for (let i = 0; i < titles; i++) matchedIdf = Math.fround(matchedIdf + titleIdf[i]!);
    scores[page] = Math.fround(score + titleBoost(matchedIdf, queryIdf));
  }
  return { order: rankOrder(scores, candidate, matching.length), scores, matching };
}

const PAGE_BITS = 2 ** 21;

/**
 * The candidates by score, highest first, and by page number among equal scores. Sorted as
 * numbers, natively (a comparator runs interpreted on a page's first query): a score is 32-bit
 * and not negative, so its bits order as it does, and bits × 2^21 + (2^21 − 1 − page) is an
 * exact 53-bit key. Beyond 2^21 pages, or for a score that is not a finite positive number,
 * the comparator.
 */
function rankOrder(scores: Float32Array, candidate: Uint8Array, count: number): Int32Array {
  const all = new Int32Array(count);
  let n = 0;
  for (let page = 0; page < candidate.length; page++) if (candidate[page]) all[n++] = page;
  const pages = all.subarray(0, n);
  let plain = n <= PAGE_BITS;
  for (let i = 0; i < n && plain; i++) {
    const score = scores[pages[i]!]!;
    if (score === 0) scores[pages[i]!] = 0; // -0 as 0: its sign bit would order it first
    else plain = score > 0 && score < Infinity;
  }
  if (!plain) return pages.slice().sort((a, b) => scores[b]! - scores[a]! || a - b);
  const bits = new Uint32Array(scores.buffer);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = bits[pages[i]!]! * PAGE_BITS + (PAGE_BITS - 1 - pages[i]!);
  keys.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = PAGE_BITS - 1 - (keys[n - 1 - i]! % PAGE_BITS);
  return order;
}

type Selected = Record<string, readonly string[]>;

/** Each filter's value per page, decoded once per fetched `facets.json` (every query's counts read them all). */
const decodedFacets = new WeakMap<FacetsFile[string], Int32Array>();
function valuesOf(facet: FacetsFile[string], pages: number): Int32Array {
  let values = decodedFacets.get(facet);
  if (values?.length !== pages) decodedFacets.set(facet, (values = facetValues(facet.runs, pages)));
  return values;
}

/** Each checked filter's allowed values as a set of value indexes (an unknown value allows nothing). */
function checkedFacets(facets: FacetsFile, pages: number, selected: Selected) {
  const out: { name: string; values: Int32Array; allowed: Set<number> }[] = [];
  for (const [name, checked] of Object.entries(selected)) {
    if (checked.length === 0) continue;
    const facet = Object.hasOwn(facets, name) ? facets[name]! : { values: [], runs: [] };
    out.push({ name, values: valuesOf(facet, pages), allowed: new Set(checked.map((v) => facet.values.indexOf(v)).filter((v) => v !== -1)) });
  }
  return out;
}

/** The pages every checked filter allows: any checked value of one filter, and every filter checked. */
function allowedPages(facets: FacetsFile, pages: number, selected: Selected): Uint8Array {
  const allowed = new Uint8Array(pages).fill(1);
  for (const { values, allowed: ok } of checkedFacets(facets, pages, selected)) {
    for (let page = 0; page < pages; page++) if (!ok.has(values[page]!)) allowed[page] = 0;
  }
  return allowed;
}

/**
 * Per filter and value, how many of the `matching` pages have it among those the other
 * filters' checked values allow: what checking the value (too) would show. A filter's own
 * checked values do not narrow its counts, as its values are alternatives.
 */
export function facetCounts(facets: FacetsFile, pages: number, matching: readonly number[], selected: Selected): Record<string, Record<string, number>> {
  const checked = checkedFacets(facets, pages, selected);
  const out: Record<string, Record<string, number>> = {};
  for (const [name, facet] of Object.entries(facets)) {
    const values = valuesOf(facet, pages);
    const others = checked.filter((c) => c.name !== name);
    const counts = new Array<number>(facet.values.length).fill(0);
    for (const page of matching) {
      const v = values[page]!;
      if (v !== -1 && others.every((c) => c.allowed.has(c.values[page]!))) counts[v]!++;
    }
    out[name] = Object.fromEntries(facet.values.map((value, v) => [value, counts[v]!]));
  }
  return out;
}

/** A result: its page, its score, and its text on demand. */
class Result implements SearchResult {
  readonly page: number;
  readonly score: number;
  private readonly text: (page: number) => Promise<SearchResultData>;
  constructor(page: number, score: number, text: (page: number) => Promise<SearchResultData>) {
    this.page = page;
    this.score = score;
    this.text = text;
  }
  get id(): string {
    return String(this.page);
  }
  data(): Promise<SearchResultData> {
    return this.text(this.page);
  }
}

export function openSearch(base: string, fetchFile: FetchFile): SearchEngine {
  const cache = new Map<string, Promise<unknown>>();
  const load = <T>(path: string, read: (response: Response) => Promise<T>): Promise<T> => {
    let p = cache.get(path);
    if (!p) {
      p = fetchFile(base + path).then(read);
      p.catch(() => cache.delete(path));
      cache.set(path, p);
    }
    return p as Promise<T>;
  };
  const get = <T>(path: string) => load(path, (response) => response.json() as Promise<T>);
  // A chunk of postings is decompressed as it arrives, by the browser's own decoder.
  const chunkAt = (path: string) =>
    load(path, async (response) => {
      if (!response.body) throw new Error(`${path}: no content`);
      return unpackChunk(new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()));
    });
  // The words a page's text is indexed under, once per distinct word: the pages of a site share most of their words.
  const keysOfWords = new Map<string, string[]>();
  const keysOfWord = (word: string, stem: Stem | undefined): string[] => {
    let keys = keysOfWords.get(word);
    if (!keys) keysOfWords.set(word, (keys = indexableWords(word, stem).map((w) => w.key)));
    return keys;
  };
  const entry = () =>
    get<IndexEntry>('index.json').then((e) => {
      if (e.format !== FORMAT_VERSION) throw new Error(`search index format ${e.format}, expected ${FORMAT_VERSION}`);
      return e;
    });

  /** The chunks of a prefix that may hold keys from `from` to `to` (both included), by the chunks' first keys. */
  function chunksBetween(starts: readonly string[], from: string, to: string): number[] {
    const last = (key: string) => {
      let n = 0;
      while (n + 1 < starts.length && starts[n + 1]! <= key) n++;
      return n;
    };
    const out: number[] = [];
    for (let n = last(from); n <= last(to); n++) out.push(n);
    return out;
  }

  /**
   * The term written every way that matches it: itself, and — for a term without `đ` — with
   * any of its `d` as `đ` (a key matches when it begins with one of them); undefined past
   * 2^4 ways (every chunk of the prefix is read then).
   */
  function spellings(term: string): string[] | undefined {
    let out = [''];
    for (const ch of term) out = out.flatMap((s) => (ch === 'd' ? [s + 'd', s + 'đ'] : [s + ch]));
    return out.length <= 16 ? out : undefined;
  }

  type Found = { prefix: string; key: string; pages: number; chunk: number };

  /** The keys a term of three letters or more begins, read from the chunks that can hold them (no word list). */
  async function keysFromChunks(index: IndexEntry, term: string, prefix: string, hasStroke: boolean) {
    const starts = index.starts[prefix] ?? [];
    const found: Found[] = [];
    let longest: Found | undefined;
    if (starts.length === 0) return { found, longest };
    const chunks = new Set<number>();
    const ways = hasStroke ? [term] : spellings(term);
    if (ways) for (const spelled of ways) for (const n of chunksBetween(starts, spelled, `${spelled}\uffff`)) chunks.add(n);
    else starts.forEach((_, n) => chunks.add(n));
    // Nothing may begin with the term: the indexed words it begins with are its own beginnings.
    const beginnings = [...term].map((_, i) => [...term].slice(0, i + 1).join('')).slice(1, -1);
    const read = async (n: number) => {
      const chunk = await chunkAt(postingsFile(prefix, n));
      for (const [key, postings] of chunk) {
        if (key.startsWith(term) || (!hasStroke && dFold(key).startsWith(term))) found.push({ prefix, key, pages: postings.p.length, chunk: n });
      }
      return chunk;
    };
    await Promise.all([...chunks].map(read));
    if (found.length === 0) {
      for (const key of beginnings.reverse()) {
        const n = chunksBetween(starts, key, key)[0]!;
        const postings = (await chunkAt(postingsFile(prefix, n))).get(key);
        if (postings) {
          longest = { prefix, key, pages: postings.p.length, chunk: n };
          break;
        }
      }
    }
    found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { found, longest };
  }

  /** The indexed words the term matches, with their postings. */
  async function extensionsOf(index: IndexEntry, term: string, termIndex: number, typed: string, keyIds: Map<string, number>): Promise<Extension[]> {
    const folded = dFold(term);
    const hasStroke = term.includes('đ');
    const letters = [...folded];
    const prefixes = Object.keys(index.starts);
    const available = new Set(prefixes);
    const listsOf = (from: string[]) => Promise.all(from.filter((p) => available.has(p)).map(async (p) => ({ prefix: p, words: await get<WordList>(listFile(p)) })));
    let found: Found[] = [];
    let longest: Found | undefined;
    const scan = (from: { prefix: string; words: WordList }[]) => {
      for (const { prefix, words } of from) {
        for (const [key, [pages, chunk]] of Object.entries(words)) {
          if (key.startsWith(term) || (!hasStroke && dFold(key).startsWith(term))) found.push({ prefix, key, pages, chunk });
          else if (term.startsWith(key) && key.length > (longest?.key.length ?? 0)) longest = { prefix, key, pages, chunk };
        }
      }
    };
    // A two-letter word without đ matches every word of its prefix, so when the prefix has a few
    // chunks they are all read, and their words are the list: no word list, no round trip before them.
    const prefix = listPrefix(folded);
    const chunkCount = Object.hasOwn(index.starts, prefix) ? index.starts[prefix]!.length : 0;
    const wholePrefix = letters.length === 2 && !hasStroke && chunkCount > 0 && chunkCount <= WHOLE_PREFIX_CHUNKS;
    if (letters.length >= 3 || wholePrefix) ({ found, longest } = await keysFromChunks(index, term, prefix, hasStroke));
    else scan(await listsOf(letters.length === 2 ? [listPrefix(folded)] : prefixes.filter((p) => p.startsWith(folded))));
    // Nothing begins with the term: the longest indexed word it begins with, maybe a one-letter one.
    if (found.length === 0 && !longest && letters.length >= 2) scan(await listsOf([letters[0]!]));
    if (found.length === 0 && longest) found = [longest];
    if (found.length > MAX_EXTENSIONS) found = found.sort((a, b) => b.pages - a.pages || (a.key < b.key ? -1 : 1)).slice(0, MAX_EXTENSIONS);
    return Promise.all(
      found.map(async ({ prefix, key, chunk }) => {
        const postings = (await chunkAt(postingsFile(prefix, chunk))).get(key)!;
        const { pages, weights, variants, sets, forms, titles } = decode(key, postings, [...term].length);
        const formBonus = forms.map((form) => diacriticBonus(typed, form));
        const setBonus = sets.map((set) => bestBonus(set, formBonus));
        if (!keyIds.has(key)) keyIds.set(key, keyIds.size);
        return { key, keyId: keyIds.get(key)!, term: termIndex, bonus: lengthBonus(key, term), pages, weights, variants, setBonus, titles };
      }),
    );
  }

  const facetsOf = () => get<FacetsFile>(FACETS_FILE);
  const anyChecked = (selected: Selected | undefined) => Object.values(selected ?? {}).some((values) => values.length > 0);

  return {
    async filters() {
      const index = await entry();
      return Object.fromEntries(Object.entries(index.filters).map(([name, values]) => [name, { ...values }]));
    },

    async search(query, options = {}) {
      const index = await entry();
      const stem: Stem | undefined = stemmerFor(index.language as Locale);
      const { original, terms } = queryTerms(query, stem);
      const selected = options.filters ?? {};
      if (terms.length === 0) return { results: [], counts: async () => facetCounts(await facetsOf(), index.pages, [], selected) };
      const keyIds = new Map<string, number>();
      const [perTerm, allowed] = await Promise.all([
        Promise.all(terms.map((t, i) => extensionsOf(index, t, i, original[i] ?? '', keyIds))),
        anyChecked(selected) ? facetsOf().then((facets) => allowedPages(facets, index.pages, selected)) : undefined,
      ]);
      const { order, scores, matching } = scorePages(perTerm, keyIds.size, index, allowed);

      const matchedKeys = (page: number) => {
        const keys = new Map<string, number>();
        for (const exts of perTerm) for (const e of exts) if (!keys.has(e.key) && holds(e.pages, page)) keys.set(e.key, e.bonus);
        return keys;
      };
      const pageData = async (page: number): Promise<SearchResultData> => {
        const file = await get<PageFile>(pageFile(page));
        const keys = matchedKeys(page);
        const words = file.content === '' ? [] : file.content.split(/\s+/);
        const hits: Hit[] = [];
        let run = 0;
        words.forEach((word, location) => {
          let bonus = 0;
          for (const key of keysOfWord(word, stem)) bonus = Math.max(bonus, keys.get(key) ?? 0);
          if (bonus === 0) return;
          while (run < file.weights.length && file.weights[run]![1] <= location) run++;
          const r = file.weights[run];
          const weight = r && r[0] <= location ? r[2] : WEIGHT_UNIT;
          hits.push({ location, score: weight * weight * bonus });
        });
        const { excerpt, subResults } = excerptsOf(file, hits, EXCERPT_LENGTH);
        return {
          url: file.url,
          title: file.title,
          excerpt,
          sub_results: subResults.map((s) => ({ title: s.title, url: `${file.url}#${s.id}`, excerpt: s.excerpt })),
        };
      };
      // A query matches up to every page: one small object per result, its text made only when shown.
      const results: SearchResult[] = new Array(order.length);
      for (let i = 0; i < order.length; i++) results[i] = new Result(order[i]!, scores[order[i]!]!, pageData);
      return { results, counts: async () => facetCounts(await facetsOf(), index.pages, matching, selected) };
    },
  };
}
