/**
 * Incremental builds: after a few entries change, only the pages that show
 * them are built again, into the existing site (scripts/build.ts decides when
 * that is safe: same code, previous site still there).
 *
 * The content loader records which entries changed; `affectedRoutes` turns
 * that into pages: the entry's own page in both languages (translation or
 * "not translated" notice, and the hreflang of its counterpart), every listing
 * and library page of its collection, and the home pages. Changes that every
 * page can show (the pages collection feeds the navigation) rebuild everything.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { portalCacheDir } from '../content/body-cache.ts';
import type { CollectionName } from '../lib/schema/collections.ts';
import type { Route } from './route-table.ts';

export interface ContentChanges {
  /** `collection/locale/slug` of entries added, changed or removed. */
  entries: string[];
}

const changesFile = () => path.join(portalCacheDir(), 'portal-changes.json');
const routesFile = () => path.join(portalCacheDir(), 'portal-routes.json');

export async function writeChanges(changes: ContentChanges): Promise<void> {
  await writeFile(changesFile(), JSON.stringify(changes));
}

export async function readChanges(): Promise<ContentChanges | undefined> {
  return readFile(changesFile(), 'utf8').then((t) => JSON.parse(t) as ContentChanges, () => undefined);
}

export interface RoutePlan {
  /** Every page of the site. */
  all: string[];
  /** The pages to build now. */
  build: string[];
}

export async function writeRoutePlan(plan: RoutePlan): Promise<void> {
  await writeFile(routesFile(), JSON.stringify(plan));
}

export async function readRoutePlan(): Promise<RoutePlan | undefined> {
  return readFile(routesFile(), 'utf8').then((t) => JSON.parse(t) as RoutePlan, () => undefined);
}

/** Entries (collection, slug) whose pages show data of other entries. */
export interface Dependents {
  /** slug of a unit → `collection/slug` of news and Q&A that name it. */
  unitUsers: Map<string, string[]>;
  /** slug of a document → slugs of documents that list it as related. */
  relatedBy: Map<string, string[]>;
  /** Slugs of pages that list spokespeople or units. */
  pagesIncluding: { spokespeople: string[]; units: string[] };
}

/** The routes to build for `changes`; all of them when a change can show on every page. */
export function affectedRoutes(routes: Route[], changes: ContentChanges, dependents: Dependents): Route[] {
  const changed = changes.entries.map((key) => {
    const [collection, , slug] = key.split('/') as [CollectionName, string, string];
    return { collection, slug };
  });
  if (changed.some((c) => c.collection === 'pages')) return routes;

  const entryPages = new Set<string>(); // `${collection}/${slug}` whose own pages (both languages) are rebuilt
  const lists = new Set<string>(); // collections whose listings are rebuilt
  for (const { collection, slug } of changed) {
    if (collection === 'units') {
      for (const user of dependents.unitUsers.get(slug) ?? []) entryPages.add(user);
      for (const page of dependents.pagesIncluding.units) entryPages.add(`pages/${page}`);
    } else if (collection === 'spokespeople') {
      for (const page of dependents.pagesIncluding.spokespeople) entryPages.add(`pages/${page}`);
    } else {
      entryPages.add(`${collection}/${slug}`);
      lists.add(collection);
      if (collection === 'documents') for (const other of dependents.relatedBy.get(slug) ?? []) entryPages.add(`documents/${other}`);
    }
  }
  const kindOfList = { news: 'news-list', qa: 'qa-list', documents: 'library' } as Record<string, string>;
  const listKinds = new Set([...lists].map((c) => kindOfList[c]));
  return routes.filter((r) => {
    const v = r.view;
    switch (v.kind) {
      case 'home':
        return lists.size > 0;
      case 'news-list':
      case 'qa-list':
      case 'library':
        return listKinds.has(v.kind);
      case 'page':
        return entryPages.has(`pages/${v.slug}`);
      case 'news':
      case 'qa':
        return entryPages.has(`${v.kind}/${v.slug}`);
      case 'document':
        return entryPages.has(`documents/${v.slug}`);
      case 'untranslated':
        return entryPages.has(`${v.collection}/${v.slug}`);
      case 'search':
        return false;
    }
  });
}
