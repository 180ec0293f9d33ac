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

/** Letters of the Latin scripts (Vietnamese included) and combining marks. */
function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || // Latin-1 letters, Latin Extended-A/B (đ, ư, ơ, ă…)
    (c >= 0x300 && c <= 0x36f) || // combining marks
    (c >= 0x1e00 && c <= 0x1eff) // Latin Extended Additional (ạ, ế, ộ…)
  );
}

/**
 * Adds the đ→d copy after every word with đ in a text (the text of one node
 * of a parsed page: never markup). A single pass over the characters:
 * indexing runs it on every page, and regular expressions over whole pages
 * were 10× slower.
 */
export function addFoldedCopies(text: string): string {
  if (!text.includes('đ') && !text.includes('Đ')) return text;
  const parts: string[] = [];
  let copied = 0;
  let wordStart = -1;
  let wordHasD = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (isLetter(c)) {
      if (wordStart < 0) {
        wordStart = i;
        wordHasD = false;
      }
      if (c === 0x111 || c === 0x110) wordHasD = true; // đ Đ
      continue;
    }
    if (wordStart >= 0 && wordHasD) {
      parts.push(text.slice(copied, i), ' ', foldDStroke(text.slice(wordStart, i)));
      copied = i;
    }
    wordStart = -1;
  }
  parts.push(text.slice(copied));
  return parts.join('');
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
