/**
 * Which pages have a Memento TimeMap written by the build
 * (src/pages/timemap/[...page].ts): every entry page with a published
 * history, unless a memento store is used (its step writes every TimeMap,
 * scripts/mementos.ts). The build's route plan records them, so that an
 * incremental build removes the TimeMap of a page that no longer has one
 * (a deleted entry, an address the page moved away from).
 */
import type { Revision } from '../lib/history/revision.ts';
import { entryMap } from './entries.ts';
import { revisionsOf } from './history.ts';
import { VIEW_COLLECTION, type Route } from './route-table.ts';

export interface TimemapPage {
  path: string;
  /** The page file's published revisions, oldest first. */
  revisions: Revision[];
}

export async function timemapPages(routes: readonly Route[]): Promise<TimemapPage[]> {
  if (process.env.PORTAL_MEMENTOS) return [];
  const out: TimemapPage[] = [];
  for (const { path, view: v } of routes) {
    if (v.kind !== 'page' && v.kind !== 'news' && v.kind !== 'document' && v.kind !== 'qa') continue;
    const file = (await entryMap(VIEW_COLLECTION[v.kind], v.locale)).get(v.slug)?.filePath;
    const revisions = (file ? await revisionsOf(file) : []).filter((r) => r.status !== 'removed');
    if (revisions.length > 0) out.push({ path, revisions });
  }
  return out;
}
