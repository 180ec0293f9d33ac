/**
 * How results are ordered: Pagefind 1.6's ranking as its documentation
 * describes it (https://pagefind.app/docs/ranking/), with its default
 * weights, re-implemented: BM25 over the weighted count of a word's places,
 * a bonus for words close in length to what was typed (a term matches every
 * word it begins), a bonus for matching the accents typed, and a boost for
 * pages whose title holds the query's words. Arithmetic in 32-bit floats,
 * as Pagefind computes, so that equal inputs give equal order.
 */
import { utf8Length } from './tokenize.ts';

const f = Math.fround;

export const RANKING = {
  termSimilarity: 1.0,
  pageLength: 0.75,
  termSaturation: 1.4,
  termFrequency: 1.0,
  diacriticSimilarity: 0.8,
  titleWeight: 5.0,
} as const;

/** Inverse document frequency of a term found on `containing` of `total` pages. */
export function idf(total: number, containing: number): number {
  return f(Math.log(f(f(f(total - containing + 0.5) / f(containing + 0.5)) + 1)));
}

/** 1 for a word as long as the term, less as it grows longer or shorter. */
export function lengthBonus(word: string, term: string): number {
  const differential = Math.min(255, Math.abs(utf8Length(word) - utf8Length(term)) + 1);
  const base = f(Math.exp(f(f(-0.5 * f(differential * differential)) / 4)));
  return f(f(Math.exp(f(base * RANKING.termSimilarity))) / f(Math.exp(RANKING.termSimilarity)));
}

/** Whether a form as written matches the accents the reader typed. */
export function diacriticsMatch(typed: string, form: string): boolean {
  return form === typed || form.startsWith(typed) || typed.startsWith(form);
}

export function diacriticBonus(typed: string, form: string): number {
  return RANKING.diacriticSimilarity > 0 && diacriticsMatch(typed, form) ? f(1 + RANKING.diacriticSimilarity) : 1;
}

/** A page's length term of BM25 (k1 × (1 − b + b × length / mean)), shared by the words scored on it. */
export function lengthTerm(pageLength: number, averageLength: number): number {
  const b = RANKING.pageLength;
  return f(RANKING.termSaturation * f(f(1 - b) + f(b * f(pageLength / averageLength))));
}

/** A word's score on a page: BM25 with Pagefind's weights. `weighted` is the sum of its places' weights in units of 24; `termIdf` is idf() of the query word. */
export function wordScore(weighted: number, bonus: number, pageLength: number, averageLength: number, termIdf: number): number {
  return wordScoreOn(weighted, bonus, lengthTerm(pageLength, averageLength), averageLength, termIdf);
}

/** wordScore with the page's lengthTerm computed once for all its words (the same arithmetic). */
export function wordScoreOn(weighted: number, bonus: number, pageTerm: number, averageLength: number, termIdf: number): number {
  const k1 = RANKING.termSaturation;
  const tf = f(weighted * bonus);
  const saturated = f(f(f(k1 + 1) * tf) / f(pageTerm + tf));
  const raw = Math.min(f(tf / f(averageLength / 5)), k1 + 1);
  const pagefindTf = f(f(f(1 - RANKING.termFrequency) * raw) + f(RANKING.termFrequency * saturated));
  return f(termIdf * pagefindTf);
}

/** The boost of a page whose title holds words of the query: squared coverage of the query's weight. */
export function titleBoost(matchedIdf: number, queryIdf: number): number {
  if (queryIdf <= 0) return 0;
  const coverage = f(matchedIdf / queryIdf);
  return f(f(f(RANKING.titleWeight * matchedIdf) * coverage) * coverage);
}
