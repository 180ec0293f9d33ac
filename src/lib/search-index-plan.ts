/**
 * How the search index is split and what must be re-indexed.
 *
 * Pagefind's time and memory grow with the pages it indexes at once (measured:
 * 5,000 pages 14 s / 1.6 GB; 20,000 pages 65 s / 6 GB), and it cannot update
 * an index in place. So each language's pages are spread over shards by a
 * stable hash of their URL; each shard is a separate Pagefind bundle, the
 * search page merges the shards of its language in the browser, and after a
 * change only the shards holding changed pages are indexed again.
 *
 * Shards hold one language each: a search only fetches its own language's
 * shards, so it pays the per-shard overhead of ~1,000-page shards while only
 * ~1,000 pages need re-indexing after a change.
 */
import type { Locale } from './locales.ts';

/** Pages per shard: about 0.4 GB and 3 s of Pagefind each. */
export const PAGES_PER_SHARD = 1000;

/** The language of a page, from its URL. */
export function languageOfUrl(url: string): Locale {
  return url === '/en/' || url.startsWith('/en/') ? 'en' : 'vi';
}

export function shardCount(pages: number, perShard = PAGES_PER_SHARD): number {
  return Math.max(1, Math.ceil(pages / perShard));
}

/** FNV-1a: a fast, stable hash, so a page stays in its shard between builds. */
export function hashUrl(url: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Shard names: `vi-0`, `vi-1`, …, `en-0`, … */
export type Layout = Record<Locale, number>;

export function shardNames(layout: Layout): string[] {
  return (Object.keys(layout) as Locale[]).flatMap((l) => Array.from({ length: layout[l] }, (_, i) => `${l}-${i}`));
}

export function shardOf(url: string, layout: Layout): string {
  const l = languageOfUrl(url);
  return `${l}-${hashUrl(url) % layout[l]}`;
}

export interface IndexManifest {
  /** Changes when Pagefind or the way pages are prepared changes: then everything is re-indexed. */
  version: string;
  layout: Layout;
  /** URL → hash of what was indexed for it. */
  pages: Record<string, string>;
}

export interface IndexPlan {
  layout: Layout;
  /** Whether the shards are laid out differently from last time (or there was no last time). */
  relayout: boolean;
  /** Shards to index again. */
  rebuild: string[];
}

export function layoutFor(urls: string[], perShard = PAGES_PER_SHARD): Layout {
  const count = { vi: 0, en: 0 };
  for (const u of urls) count[languageOfUrl(u)]++;
  return { vi: count.vi && shardCount(count.vi, perShard), en: count.en && shardCount(count.en, perShard) };
}

/** Which shards must be indexed again, given what was indexed last time. */
export function planIndex(previous: IndexManifest | undefined, version: string, pages: Record<string, string>, perShard = PAGES_PER_SHARD): IndexPlan {
  const urls = Object.keys(pages).sort();
  const layout = layoutFor(urls, perShard);
  const relayout = !previous || previous.version !== version || previous.layout?.vi !== layout.vi || previous.layout?.en !== layout.en;
  if (relayout) return { layout, relayout, rebuild: shardNames(layout) };
  const dirty = new Set<string>();
  for (const url of urls) if (previous.pages[url] !== pages[url]) dirty.add(shardOf(url, layout));
  for (const url of Object.keys(previous.pages)) if (!(url in pages)) dirty.add(shardOf(url, layout));
  return { layout, relayout, rebuild: [...dirty].sort() };
}
