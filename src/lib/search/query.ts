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
import type { FetchText, SearchEngine, SearchResult, SearchResultData } from './contract.ts';
import { excerptsOf, type Hit } from './excerpt.ts';
import { FORMAT_VERSION, WEIGHT_UNIT, listFile, listPrefix, pageFile, postingsFile, filterFile, undelta, type IndexEntry, type PageFile, type Postings, type PostingsChunk, type WordList } from './index-format.ts';
import { diacriticBonus, idf, lengthBonus, titleBoost, wordScore } from './ranking.ts';
import { dFold, indexableWords, queryTerms, stemmerFor, type Stem } from './tokenize.ts';
import type { Locale } from '../locales.ts';

/** Words shown around the matches in an excerpt. */
export const EXCERPT_LENGTH = 24;
/**
 * At most this many indexed words per query word: a one-letter word begins
 * thousands; the most frequent ones are kept (docs/search.md).
 */
export const MAX_EXTENSIONS = 100;

interface Extension {
  key: string;
  term: number;
  bonus: number;
  /** Page → its weight and the forms it has (an index of `forms`, or several). */
  postings: Map<number, { weight: number; variant: number | number[] }>;
  /** Per spelling of the word: its ranking bonus for the query word as typed (ranking.ts). */
  formBonus: number[];
  titles: Set<number>;
}

/** A word's postings for a query word of `length` characters: places it shares with a smaller matching key do not count. */
function decode(key: string, postings: Postings, length: number) {
  const pages = undelta(postings.p);
  const weights = [...postings.w];
  const s = postings.s ?? [];
  for (let i = 0; i < s.length; i += 3) if (length <= s[i + 1]!) weights[s[i]!]! -= s[i + 2]!;
  // The forms stay indexes: only the pages that are scored need their spellings.
  const map = new Map<number, { weight: number; variant: number | number[] }>();
  for (let i = 0; i < pages.length; i++) map.set(pages[i]!, { weight: weights[i]!, variant: postings.v[i]! });
  return { map, forms: postings.f.map((f) => f || key), titles: new Set(undelta(postings.t)) };
}

export function openSearch(base: string, fetchText: FetchText): SearchEngine {
  const cache = new Map<string, Promise<unknown>>();
  const get = <T>(path: string): Promise<T> => {
    let p = cache.get(path);
    if (!p) {
      p = fetchText(base + path).then((t) => JSON.parse(t) as T);
      p.catch(() => cache.delete(path));
      cache.set(path, p);
    }
    return p as Promise<T>;
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
      const chunk = await get<PostingsChunk>(postingsFile(prefix, n));
      for (const [key, postings] of Object.entries(chunk)) {
        if (key.startsWith(term) || (!hasStroke && dFold(key).startsWith(term))) found.push({ prefix, key, pages: postings.p.length, chunk: n });
      }
      return chunk;
    };
    await Promise.all([...chunks].map(read));
    if (found.length === 0) {
      for (const key of beginnings.reverse()) {
        const n = chunksBetween(starts, key, key)[0]!;
        const chunk = await get<PostingsChunk>(postingsFile(prefix, n));
        // Words are data: `constructor` is a word, not a property every object has.
        const postings = Object.hasOwn(chunk, key) ? chunk[key] : undefined;
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
  async function extensionsOf(index: IndexEntry, term: string, termIndex: number, typed: string): Promise<Extension[]> {
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
    if (letters.length >= 3) ({ found, longest } = await keysFromChunks(index, term, listPrefix(folded), hasStroke));
    else scan(await listsOf(letters.length === 2 ? [listPrefix(folded)] : prefixes.filter((p) => p.startsWith(folded))));
    // Nothing begins with the term: the longest indexed word it begins with, maybe a one-letter one.
    if (found.length === 0 && !longest && letters.length >= 2) scan(await listsOf([letters[0]!]));
    if (found.length === 0 && longest) found = [longest];
    if (found.length > MAX_EXTENSIONS) found = found.sort((a, b) => b.pages - a.pages || (a.key < b.key ? -1 : 1)).slice(0, MAX_EXTENSIONS);
    return Promise.all(
      found.map(async ({ prefix, key, chunk }) => {
        const postings = (await get<PostingsChunk>(postingsFile(prefix, chunk)))[key]!;
        const { map, forms, titles } = decode(key, postings, [...term].length);
        const formBonus = forms.map((form) => diacriticBonus(typed, form));
        return { key, term: termIndex, bonus: lengthBonus(key, term), postings: map, formBonus, titles };
      }),
    );
  }

  async function filterPages(index: IndexEntry, filters: Record<string, string[]> | undefined): Promise<Set<number> | undefined> {
    let allowed: Set<number> | undefined;
    for (const [name, values] of Object.entries(filters ?? {})) {
      if (values.length === 0) continue;
      const pages = new Set<number>();
      for (const value of values) {
        const known = Object.hasOwn(index.filters, name) && Object.hasOwn(index.filters[name]!, value) ? index.filters[name]![value] : undefined;
        if (known) for (const p of undelta(await get<number[]>(filterFile(known[1])))) pages.add(p);
      }
      allowed = allowed ? new Set([...allowed].filter((p) => pages.has(p))) : pages;
    }
    return allowed;
  }

  return {
    async filters() {
      const index = await entry();
      return Object.fromEntries(Object.entries(index.filters).map(([name, values]) => [name, Object.fromEntries(Object.entries(values).map(([v, [count]]) => [v, count]))]));
    },

    async search(query, options = {}) {
      const index = await entry();
      const stem: Stem | undefined = stemmerFor(index.language as Locale);
      const { original, terms } = queryTerms(query, stem);
      if (terms.length === 0) return { results: [] };
      const [perTerm, allowed] = await Promise.all([Promise.all(terms.map((t, i) => extensionsOf(index, t, i, original[i] ?? ''))), filterPages(index, options.filters)]);
      const lengths = index.lengths;
      const total = index.pages;
      // Pages holding each term (any of its words), and how many: the term's weight (IDF).
      const holding = perTerm.map((exts) => {
        const pages = new Set<number>();
        for (const e of exts) for (const p of e.postings.keys()) pages.add(p);
        return pages;
      });
      const termIdf = holding.map((pages) => idf(total, pages.size));
      const queryIdf = termIdf.reduce((a, b) => Math.fround(a + b), 0);
      let candidates = [...holding[0]!];
      for (const pages of holding.slice(1)) candidates = candidates.filter((p) => pages.has(p));
      if (allowed) candidates = candidates.filter((p) => allowed.has(p));

      const scored = candidates.map((page) => {
        const words = new Map<string, { weight: number; bonus: number; diacritic: number; term: number }>();
        const titleIdf = new Map<string, number>();
        for (const exts of perTerm) {
          for (const e of exts) {
            const at = e.postings.get(page);
            if (!at) continue;
            if (e.titles.has(page)) titleIdf.set(e.key, termIdf[e.term]!);
            if (at.weight === 0) continue;
            const known = words.get(e.key);
            if (known) known.weight += at.weight;
            else {
              const diacritic = typeof at.variant === 'number' ? e.formBonus[at.variant]! : Math.max(...at.variant.map((n) => e.formBonus[n]!));
              words.set(e.key, { weight: at.weight, bonus: e.bonus, diacritic, term: e.term });
            }
          }
        }
        let score = 0;
        for (const w of words.values()) {
          score = Math.fround(score + Math.fround(wordScore(Math.fround(w.weight / WEIGHT_UNIT), w.bonus, lengths[page]!, index.averageLength, total, holding[w.term]!.size) * w.diacritic));
        }
        const matchedIdf = [...titleIdf.values()].reduce((a, b) => Math.fround(a + b), 0);
        score = Math.fround(score + titleBoost(matchedIdf, queryIdf));
        return { page, score };
      });
      scored.sort((a, b) => b.score - a.score || a.page - b.page);

      const matchedKeys = (page: number) => {
        const keys = new Map<string, number>();
        for (const exts of perTerm) for (const e of exts) if (e.postings.has(page) && !keys.has(e.key)) keys.set(e.key, e.bonus);
        return keys;
      };
      const results: SearchResult[] = scored.map(({ page, score }) => ({
        id: String(page),
        score,
        data: async (): Promise<SearchResultData> => {
          const file = await get<PageFile>(pageFile(page));
          const keys = matchedKeys(page);
          const words = file.content === '' ? [] : file.content.split(/\s+/);
          const hits: Hit[] = [];
          let run = 0;
          words.forEach((word, location) => {
            let bonus = 0;
            for (const w of indexableWords(word, stem)) bonus = Math.max(bonus, keys.get(w.key) ?? 0);
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
        },
      }));
      return { results };
    },
  };
}
