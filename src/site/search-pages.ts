/**
 * The searchable pages of the route table and their metadata, from the
 * entries' data: an entry's own page while its state makes it searchable
 * (src/lib/lifecycle/states.ts: a withdrawn entry keeps its page but leaves
 * search; its view does not mark a searchable part either).
 */
import type { SearchMetadata } from '../lib/search/contract.ts';
import { searchMetadata, type SearchableEntry } from '../lib/search/metadata.ts';
import { entryMap } from './entries.ts';
import type { Route } from './route-table.ts';

const collectionOf = { page: 'pages', news: 'news', document: 'documents', qa: 'qa' } as const;

export async function searchablePages(routes: Route[]): Promise<SearchMetadata[]> {
  const pages: SearchMetadata[] = [];
  for (const { path, view } of routes) {
    if (view.kind !== 'page' && view.kind !== 'news' && view.kind !== 'document' && view.kind !== 'qa') continue;
    const entry = (await entryMap(collectionOf[view.kind], view.locale)).get(view.slug);
    if (!entry?.site.searchable) continue;
    pages.push(searchMetadata({ kind: view.kind, data: entry.data } as SearchableEntry, view.locale, path));
  }
  return pages;
}
