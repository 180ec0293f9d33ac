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
import { indexableWords, stemmerFor, type Stem } from './tokenize.ts';


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
  /** Word key → form as written ('' when it had no marks to remove) → sum of the weights of its places. */
  words: Record<string, Record<string, number>>;
  /**
   * Word key → n → the weight of its places shared with a smaller key that begins with the same n
   * characters: a query word of n characters or fewer matches the smaller key there, not this one.
   */
  shadows: Record<string, Record<number, number>>;
  /** The title's word keys → their forms ('' as above). */
  title: Record<string, string[]>;
}

export type SearchRecord = SearchRecordOf<SearchRecordBody>;

const ZWSP = /\u200B/g;

function commonPrefixLength(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

function add(words: Record<string, Record<string, number>>, key: string, form: string, weight: number) {
  const forms = (words[key] ??= {});
  forms[form] = (forms[form] ?? 0) + weight;
}

function titleKeys(title: string, stem: Stem | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const piece of title.split(/\s+/)) {
    for (const w of indexableWords(piece, stem)) {
      const forms = (out[w.key] ??= []);
      const form = w.form ?? '';
      if (!forms.includes(form)) forms.push(form);
    }
  }
  for (const forms of Object.values(out)) forms.sort();
  return out;
}

/** The record of a built page; undefined when the page has no part marked `data-pagefind-body`. */
export function searchRecord(metadata: SearchMetadata, html: string): SearchRecord | undefined {
  const tokens = pageTokens(html);
  if (!tokens) return undefined;
  const stem = stemmerFor(metadata.locale);
  const content: string[] = [];
  const anchors: RecordAnchor[] = [];
  const weights: [number, number, number][] = [];
  const words: Record<string, Record<string, number>> = {};
  const shadows: Record<string, Record<number, number>> = {};
  const stack = [WEIGHT_UNIT];
  let position = 0;

  const track = (raw: string) => {
    const word = raw.replace(ZWSP, '');
    if (word === '') return;
    content.push(word);
    const weight = stack.at(-1)!;
    const indexable = indexableWords(word, stem);
    const parts = indexable.filter((w) => w.part).length;
    const partWeight = parts > 0 && weight > 0 ? Math.max(1, Math.floor(weight / parts)) : 0;
    // A key met twice at one place counts once; a key sharing its place with a smaller key counts
    // only for query words longer than what the two share (Pagefind counts one word per place and query word).
    const seen = new Set<string>();
    const keys = [...new Set(indexable.map((w) => w.key))];
    for (const w of indexable) {
      if (seen.has(w.key)) continue;
      seen.add(w.key);
      const placeWeight = w.part ? partWeight : weight;
      add(words, w.key, w.form ?? '', placeWeight);
      const shared = Math.max(0, ...keys.filter((k) => k < w.key).map((k) => commonPrefixLength(k, w.key)));
      if (shared > 0) ((shadows[w.key] ??= {})[shared] ??= 0), (shadows[w.key]![shared]! += placeWeight);
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
      words,
      shadows,
      title: titleKeys(metadata.title, stem),
    },
  };
}
