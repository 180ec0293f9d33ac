/**
 * The mementos a page's history links to (docs/history.md, “Mementos”): the
 * versions kept in the memento store (PORTAL_MEMENTOS, read once per build),
 * and the version this deploy keeps of a page whose current revision is not
 * kept yet — at the deploy's time (PORTAL_DEPLOYED_AT, set by scripts/build.ts
 * for the memento step too), so the link and the copy agree. Without a store,
 * no memento is linked.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { comparisonPath, emptyMementoIndex, mementoPath, mementoStamp, parseMementoIndex, type MementoIndex } from '../lib/history/mementos.ts';
import { entryPath } from '../lib/routes.ts';
import { entryMap, once } from './entries.ts';
import { revisionsOf } from './history.ts';
import type { MementoPage } from './memento-pages.ts';
import { VIEW_COLLECTION, type Route } from './route-table.ts';

function storeIndex(): Promise<MementoIndex | undefined> {
  return once('memento-index', async () => {
    const store = process.env.PORTAL_MEMENTOS;
    if (!store) return undefined;
    const text = await readFile(path.join(store, 'mementos.json'), 'utf8').catch(() => undefined);
    // A damaged index is the memento step's to report (scripts/mementos.ts stops the build, naming the field).
    const parsed = text === undefined ? undefined : parseMementoIndex(text);
    return parsed?.ok ? parsed.index : emptyMementoIndex();
  });
}

/** A version of a page kept as a memento: its address, and the comparison with the version before when there is one. */
export interface KeptVersion {
  memento: string;
  comparison: string | undefined;
}

/**
 * Commit → the kept version of the page that commit published; `current` is
 * the commit of the page file's current revision, which this deploy keeps
 * when the store does not have it yet.
 */
export async function mementosOf(pagePath: string, current: string | undefined): Promise<Map<string, KeptVersion>> {
  const index = await storeIndex();
  const kept = new Map<string, KeptVersion>();
  if (!index) return kept;
  const list: { stamp: string; commit?: string | undefined }[] = [...(index.pages[pagePath] ?? [])];
  const deployedAt = process.env.PORTAL_DEPLOYED_AT;
  if (current && !list.some((m) => m.commit === current) && deployedAt) list.push({ stamp: mementoStamp(new Date(deployedAt)), commit: current });
  list.forEach((m, i) => {
    if (m.commit) kept.set(m.commit, { memento: mementoPath(pagePath, m.stamp), comparison: i > 0 ? comparisonPath(pagePath, m.stamp) : undefined });
  });
  return kept;
}

/** What of the store a page's history shows, for the page fingerprints of incremental builds ('' without mementos). */
export async function mementoDigest(pagePath: string): Promise<string> {
  const list = (await storeIndex())?.pages[pagePath];
  return list ? list.map((m) => `${m.stamp}:${m.commit ?? ''}`).join(',') : '';
}

/**
 * The pages whose versions are kept: every entry page with the commit of its
 * file's current published revision, and the home page and the first page of
 * each listing (unfiltered), whose versions are the deploys'.
 */
export async function mementoPagesOf(routes: readonly Route[]): Promise<MementoPage[]> {
  const kinds = new Map(routes.map((r) => [r.path, r.view.kind]));
  const pages = await Promise.all(routes.map((route) => mementoPage(route, kinds)));
  return pages.filter((p): p is MementoPage => p !== undefined);
}

/** Pages that only say an entry's page was taken down: no page of the portal's (their versions are a taken-down page's). */
const TAKEN_DOWN: ReadonlySet<Route['view']['kind']> = new Set(['removed', 'untranslated']);

async function mementoPage(route: Route, kinds: ReadonlyMap<string, Route['view']['kind']>): Promise<MementoPage | undefined> {
  const v = route.view;
  switch (v.kind) {
    case 'home':
      return { path: route.path };
    case 'news-list':
    case 'qa-list':
    case 'library': {
      const first = v.page === 1 && (v.kind === 'news-list' || (v.kind === 'qa-list' ? v.topic === undefined : Object.keys(v.filter).length === 0));
      return first ? { path: route.path } : undefined;
    }
    case 'page':
    case 'news':
    case 'document':
    case 'qa': {
      const file = (await entryMap(VIEW_COLLECTION[v.kind], v.locale)).get(v.slug)?.filePath;
      const live = (file ? await revisionsOf(file) : []).filter((r) => r.status !== 'removed');
      return { path: route.path, ...(live.length > 0 ? { commit: live.at(-1)!.commit } : {}) };
    }
    case 'moved': {
      const original = (await entryMap(v.collection, 'vi')).get(v.slug);
      const movedTo = entryPath(v.locale, v.collection, v.slug, original?.data.english_address);
      // An address the page had before it was taken down: the portal has the page no more, at either address.
      const target = kinds.get(movedTo);
      if (target && TAKEN_DOWN.has(target)) return undefined;
      return { path: route.path, movedTo };
    }
    default:
      return undefined;
  }
}

