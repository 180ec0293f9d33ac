/**
 * A result's excerpt and its sub-results (the sections of the page, headed by
 * a heading with an id, that hold the words), cut from the page's text as
 * Pagefind cuts them: the window of `length` words where the matched words
 * weigh most, the matched words marked. Every word is escaped
 * (src/lib/markup-text.ts): the only markup in an excerpt is `<mark>`.
 */
import { escapeMarkup } from '../markup-text.ts';
import type { PageFile } from './index-format.ts';

/** A matched word's place on the page and how much it counts for choosing the excerpt. */
export interface Hit {
  location: number;
  score: number;
}

/** Where the excerpt starts: the middle of the densest windows of `length` words. */
export function excerptStart(hits: readonly Hit[], length: number): number {
  if (hits.length === 0) return 0;
  const words: number[] = [];
  for (const h of hits) words[h.location] = (words[h.location] ?? 0) + h.score;
  if (words.length <= length) return 0;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += words[i] ?? 0;
  let densest = sum;
  let at = [0];
  for (let i = 0; i < words.length; i++) {
    sum += (words[i + length] ?? 0) - (words[i] ?? 0);
    if (sum > densest) {
      densest = sum;
      at = [i];
    } else if (sum === densest && at.at(-1) === i - 1) at.push(i);
  }
  return at[Math.floor(at.length / 2)]!;
}

/** The words from `start`, `length` of them within [notBefore, notFrom), the hits marked. */
export function buildExcerpt(words: readonly string[], start: number, length: number, hits: ReadonlySet<number>, notBefore = 0, notFrom = words.length): string {
  if (notFrom - notBefore < length) length = notFrom - notBefore;
  if (start + length > notFrom) start = notFrom - length;
  if (start < notBefore) start = notBefore;
  const out: string[] = [];
  for (let i = start; i < start + length && i < words.length; i++) {
    const word = escapeMarkup(words[i]!);
    out.push(hits.has(i) ? `<mark>${word}</mark>` : word);
  }
  return out.join(' ').trim();
}

export interface Excerpts {
  excerpt: string;
  subResults: { title: string; id: string; excerpt: string }[];
}

/** The excerpt of the whole page and of each section holding hits (sections: anchors of headings). */
export function excerptsOf(page: PageFile, hits: readonly Hit[], length: number): Excerpts {
  const words = page.content === '' ? [] : page.content.split(/\s+/);
  const marked = new Set(hits.map((h) => h.location));
  const excerpt = buildExcerpt(words, excerptStart(hits, length), length, marked);
  const anchors = page.anchors.filter((a) => /^h\d$/i.test(a.element) && /\S/.test(a.text)).sort((a, b) => a.location - b.location);
  const sorted = [...hits].sort((a, b) => a.location - b.location);
  const subResults: Excerpts['subResults'] = [];
  let next = 0;
  let section: { title: string; id: string; from: number; hits: Hit[] } | undefined;
  const close = (end?: number) => {
    if (!section || section.hits.length === 0) return;
    const relative = section.hits.map((h) => ({ location: h.location - section!.from, score: h.score }));
    const start = excerptStart(relative, length) + section.from;
    const size = end !== undefined ? Math.min(end - start, length) : length;
    subResults.push({
      title: section.title,
      id: section.id,
      excerpt: buildExcerpt(words, start, size, new Set(section.hits.map((h) => h.location)), section.from, end),
    });
  };
  for (const hit of sorted) {
    if (next >= anchors.length || hit.location < anchors[next]!.location) {
      section?.hits.push(hit);
      continue;
    }
    let anchor = anchors[next++]!;
    close(anchor.location);
    while (next < anchors.length && hit.location >= anchors[next]!.location) anchor = anchors[next++]!;
    section = { title: anchor.text, id: anchor.id, from: anchor.location, hits: [hit] };
  }
  close(anchors[next]?.location);
  return { excerpt, subResults };
}
