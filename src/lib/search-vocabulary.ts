/**
 * Which words each search shard holds, so that a sharded index answers like
 * one index.
 *
 * When a query word is in no page of an index, Pagefind searches for its
 * longest prefix that is (Pagefind PR #315): "khánh" becomes "kha" and finds
 * "khả". With one index that only happens for words the whole site lacks; with
 * shards it happens in every shard that lacks the word, adding unrelated
 * results. So each shard publishes its words (folded as Pagefind folds them),
 * in small files by first two letters, and the search page restricts a query
 * to the shards that hold all its words (Pagefind filter `shard`). For
 * Vietnamese only: English words are stemmed by Pagefind, which this list
 * cannot mirror.
 */

/** The Pagefind filter naming the shard a page is indexed in (hidden from readers). */
export const SHARD_FILTER = 'shard';

/** Lower case without tone and vowel marks, as Pagefind compares words; đ stays đ. */
export function foldForSearch(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/** The words of a text or query, folded (the whole text at once: much faster than word by word). */
export function wordsOf(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The file a word is listed in: its first two letters, spelled safely for file names and URLs (đ → _111). */
export function vocabularyKey(word: string): string {
  return [...word]
    .slice(0, 2)
    .map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`))
    .join('');
}

/** Words grouped by key, each group sorted, from HTML documents. */
export function vocabulary(documents: Iterable<string>): Map<string, string[]> {
  const words = new Set<string>();
  for (const html of documents) for (const w of wordsOf(html.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' '))) words.add(w);
  const groups = new Map<string, string[]>();
  for (const w of words) {
    const key = vocabularyKey(w);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(w);
  }
  for (const group of groups.values()) group.sort();
  return groups;
}

/** Whether a shard's word list (for the word's key) has a word starting with `word`, as Pagefind matches. */
export function holds(group: readonly string[], word: string): boolean {
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (group[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo < group.length && group[lo]!.startsWith(word);
}
