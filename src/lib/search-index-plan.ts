/**
 * How the search index is split and what must be re-indexed.
 *
 * Pagefind's time and memory grow with the pages it indexes at once (measured:
 * 5,000 pages 14 s / 1.6 GB; 20,000 pages 65 s / 6 GB), and it cannot update
 * an index in place. So pages are spread over shards by a stable hash of their
 * URL; each shard is a separate Pagefind bundle, the search page merges them
 * in the browser, and after a change only the shards holding changed pages are
 * indexed again.
 */

/** Pages per shard: about 0.4 GB and 3 s of Pagefind each (a change re-indexes one shard). */
export const PAGES_PER_SHARD = 1000;

export function shardCount(pages: number): number {
  return Math.max(1, Math.ceil(pages / PAGES_PER_SHARD));
}

/** FNV-1a: a fast, stable hash, so a page stays in its shard between builds. */
export function shardOf(url: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % count;
}

export interface IndexManifest {
  /** Changes when Pagefind or the way pages are prepared changes: then everything is re-indexed. */
  version: string;
  shards: number;
  /** URL → hash of what was indexed for it. */
  pages: Record<string, string>;
}

export interface IndexPlan {
  shards: number;
  /** Shards to index again, in order. */
  rebuild: number[];
  /** URL → shard, for every page. */
  shardOfPage: Map<string, number>;
}

/** Which shards must be indexed again, given what was indexed last time. */
export function planIndex(previous: IndexManifest | undefined, version: string, pages: Record<string, string>): IndexPlan {
  const urls = Object.keys(pages).sort();
  const shards = shardCount(urls.length);
  const shardOfPage = new Map(urls.map((u) => [u, shardOf(u, shards)]));
  if (!previous || previous.version !== version || previous.shards !== shards) {
    return { shards, rebuild: Array.from({ length: shards }, (_, i) => i), shardOfPage };
  }
  const dirty = new Set<number>();
  for (const url of urls) if (previous.pages[url] !== pages[url]) dirty.add(shardOfPage.get(url)!);
  for (const url of Object.keys(previous.pages)) if (!(url in pages)) dirty.add(shardOf(url, shards));
  return { shards, rebuild: [...dirty].sort((a, b) => a - b), shardOfPage };
}
