/**
 * Lets readers find Vietnamese words typed without "đ".
 *
 * Pagefind folds tone and vowel marks (`dia` finds `dịa`) but not the letter
 * đ, which is its own letter, not a d with a mark: `dia chi` would never find
 * `địa chỉ`. So when a page is indexed (never in the page served to readers),
 * every word containing đ is followed by a copy with đ → d: `địa dịa chỉ`.
 * Pagefind then matches `dia chi` on the copy and `địa chỉ` on the original;
 * exact-accent matches still rank first through Pagefind's diacritic ranking.
 * In the browser, `cleanExcerpt` removes the copies from result excerpts
 * again, moving any highlight onto the original word.
 */
import { foldDStroke } from './vietnamese.ts';

const WORD_WITH_D_STROKE = /[\p{L}\p{M}]*[đĐ][\p{L}\p{M}]*/gu;

/** Adds the đ→d copy after every word with đ in the text of an HTML fragment (not in tags). */
export function addFoldedCopies(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : part.replace(WORD_WITH_D_STROKE, (w) => `${w} ${foldDStroke(w)}`)))
    .join('');
}

/**
 * Removes the copies added by `addFoldedCopies` from an excerpt with <mark>
 * highlights: `đăng <mark>dăng</mark>` → `<mark>đăng</mark>`.
 */
export function cleanExcerpt(excerpt: string): string {
  const pattern = /(<mark>)?([\p{L}\p{M}]*[đĐ][\p{L}\p{M}]*)(<\/mark>)?(\s+)(<mark>)?([\p{L}\p{M}]+)(<\/mark>)?/gu;
  return excerpt.replace(pattern, (whole, m1, word: string, _c1, _sp, m2, copy: string) => {
    if (copy !== foldDStroke(word)) return whole;
    return m1 || m2 ? `<mark>${word}</mark>` : word;
  });
}
