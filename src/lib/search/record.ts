/**
 * What one built page gives the search index: a pure function of the page's
 * HTML and of the metadata the build computed from the entry.
 *
 * Two sources, never mixed (docs/security.md):
 * - the metadata (address, language, title, filters) comes from the search
 *   manifest, computed from the entry's data — never from the page's HTML,
 *   where editors' text lives; so no `<meta data-pagefind-…>` an editor
 *   writes can become a result's address or a filter;
 * - the text is read from the parsed tree (page-text.ts), as text only.
 *
 * The record keeps, per word key, the forms the word had on the page and
 * the sum of their weights (no positions: readers' browsers never need
 * them — excerpts are cut from the text of the few results shown), the
 * page's text for excerpts, its anchors, and the keys of its title.
 */
import type { SearchMetadata, SearchRecordOf } from './contract.ts';
import { WEIGHT_UNIT } from './index-format.ts';
import { pageTokens } from './page-text.ts';
import { indexableWords, stemmerFor, type IndexableWord, type Stem } from './tokenize.ts';


export interface RecordAnchor {
  element: string;
  id: string;
  text: string;
  /** The position of the first word after the anchor. */
  location: number;
}

export interface SearchRecordBody {
  /** The page's words, separated by single spaces: what excerpts are cut from. */
  content: string;
  /** The number of words, as ranking counts the page's length. */
  wordCount: number;
  anchors: RecordAnchor[];
  /** Runs of positions whose weight is not the plain text's: [first, after last, weight]. */
  weights: [number, number, number][];
  /**
   * One line per word key and form: `key<TAB>form<TAB>weight` — the form as written ('' when it had
   * no marks to remove) and the sum of the weights of its places. Text rather than objects: a
   * build holds 20,000 records in memory and in its cache.
   */
  words: string;
  /**
   * One line per word key and length: `key<TAB>n<TAB>weight` — the weight of its places shared with
   * a smaller key that begins with the same n characters: a query word of n characters or fewer
   * matches the smaller key there, not this one.
   */
  shadows: string;
  /** One line per title word: `key<TAB>form` ('' as above). */
  title: string;
}

export type SearchRecord = SearchRecordOf<SearchRecordBody>;

const ZWSP = /\u200B/g;

/** What one place of a page holds: its keys, each once, and how many parts share the word's weight. */
interface Place {
  keys: { key: string; form: string; part: boolean; shared: number }[];
  parts: number;
}

/**
 * A key met twice at one place counts once; a key sharing its place with a
 * smaller key counts only for query words longer than what the two share
 * (`shared`): Pagefind counts one word per place and query word.
 */
function place(indexable: IndexableWord[]): Place {
  const parts = indexable.filter((w) => w.part).length;
  if (indexable.length === 1) return { keys: [{ key: indexable[0]!.key, form: indexable[0]!.form ?? '', part: indexable[0]!.part, shared: 0 }], parts };
  const distinct = [...new Set(indexable.map((w) => w.key))];
  const seen = new Set<string>();
  const keys: Place['keys'] = [];
  for (const w of indexable) {
    if (seen.has(w.key)) continue;
    seen.add(w.key);
    const shared = Math.max(0, ...distinct.filter((k) => k < w.key).map((k) => commonPrefixLength(k, w.key)));
    keys.push({ key: w.key, form: w.form ?? '', part: w.part, shared });
  }
  return { keys, parts };
}

/** Words already cut, per language (a pure function of the word). */
const knownVi = new Map<string, Place>();
const knownEn = new Map<string, Place>();

function commonPrefixLength(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

function add(map: Map<string, Map<string | number, number>>, key: string, second: string | number, weight: number) {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  inner.set(second, (inner.get(second) ?? 0) + weight);
}

function titleLines(title: string, stem: Stem | undefined): string {
  const lines = new Set<string>();
  for (const piece of title.split(/\s+/)) for (const w of indexableWords(piece, stem)) lines.add(`${w.key}\t${w.form ?? ''}`);
  return [...lines].join('\n');
}

/** Maps of maps as the record's lines. */
function lines(map: Map<string, Map<string | number, number>>): string {
  const out: string[] = [];
  for (const [key, inner] of map) for (const [second, weight] of inner) out.push(`${key}\t${second}\t${weight}`);
  return out.join('\n');
}

/** The record of a built page; undefined when the page has no part marked `data-pagefind-body`. */
export function searchRecord(metadata: SearchMetadata, html: string): SearchRecord | undefined {
  const tokens = pageTokens(html);
  if (!tokens) return undefined;
  const stem = stemmerFor(metadata.locale);
  const known = metadata.locale === 'en' ? knownEn : knownVi;
  // A page repeats its words, and a language has far fewer words than pages have places: each is cut once.
  const placeOf = (word: string) => {
    let got = known.get(word);
    if (!got) {
      got = place(indexableWords(word, stem));
      if (known.size > 500_000) known.clear();
      known.set(word, got);
    }
    return got;
  };
  const content: string[] = [];
  const anchors: RecordAnchor[] = [];
  const weights: [number, number, number][] = [];
  const words = new Map<string, Map<string | number, number>>();
  const shadows = new Map<string, Map<string | number, number>>();
  const stack = [WEIGHT_UNIT];
  let position = 0;

  const track = (raw: string) => {
    const word = raw.replace(ZWSP, '');
    if (word === '') return;
    content.push(word);
    const weight = stack.at(-1)!;
    const { keys, parts } = placeOf(word);
    const partWeight = parts > 0 && weight > 0 ? Math.max(1, Math.floor(weight / parts)) : 0;
    for (const k of keys) {
      const placeWeight = k.part ? partWeight : weight;
      add(words, k.key, k.form, placeWeight);
      if (k.shared > 0) add(shadows, k.key, k.shared, placeWeight);
    }
    if (weight !== WEIGHT_UNIT) {
      const last = weights.at(-1);
      if (last && last[1] === position && last[2] === weight) last[1] = position + 1;
      else weights.push([position, position + 1, weight]);
    }
    position++;
  };
  let buffer = '';
  const flush = () => {
    for (const piece of buffer.split(/\s+/)) if (piece !== '') track(piece);
    buffer = '';
  };
  for (const token of tokens) {
    if (token.kind === 'text') {
      buffer += token.value;
      continue;
    }
    flush();
    if (token.kind === 'anchor') anchors.push({ element: token.element, id: token.id, text: token.text, location: position });
    else if (token.kind === 'weight') stack.push(stack.length === 1 ? token.weight * WEIGHT_UNIT : stack.at(-1)!);
    else if (stack.length > 1) stack.pop();
  }
  flush();

  return {
    metadata,
    rest: {
      content: content.join(' '),
      wordCount: Math.max(position, 1),
      anchors,
      weights,
      words: lines(words),
      shadows: lines(shadows),
      title: titleLines(metadata.title, stem),
    },
  };
}
