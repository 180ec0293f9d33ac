/**
 * The pages this build writes: all of them, or in an incremental build
 * (scripts/build.ts) only those whose fingerprint changed since the last one.
 * Computed once per build and shared by the pages and the TimeMap endpoint;
 * records the next route plan (with the pages that have a TimeMap), the
 * search manifest (every searchable page, built this time or not), the share
 * cards and the pages kept as mementos as it goes.
 */
import { changedRoutes, fingerprint } from './incremental.ts';
import { once } from './entries.ts';
import { readRoutePlan, writeNextRoutePlan } from './route-plan.ts';
import { routeTable, type Route } from './route-table.ts';
import { writeMementoPages } from './memento-pages.ts';
import { mementoDigest, mementoPagesOf } from './mementos.ts';
import { writeSearchManifest } from './search-manifest.ts';
import { searchablePages } from './search-pages.ts';
import { writeShareCards } from './share-cards.ts';
import { timemapPages } from './timemaps.ts';

export function plannedRoutes(): Promise<Route[]> {
  return once('planned-routes', async () => {
    // A page's history links the kept versions of it (mementos.ts): a new one rebuilds it.
    const all = await Promise.all(
      (await routeTable()).map(async (r) => {
        const kept = await mementoDigest(r.path);
        return { ...r, fingerprint: `${await fingerprint(r.view)}${kept ? `|${kept}` : ''}` };
      }),
    );
    const previous = process.env.PORTAL_BUILD_MODE === 'incremental' ? await readRoutePlan('current') : undefined;
    const routes = previous ? changedRoutes(all, previous) : all;
    const timemaps = (await timemapPages(all)).map((p) => p.path);
    await writeNextRoutePlan({ routes: Object.fromEntries(all.map((r) => [r.path, r.fingerprint])), build: routes.map((r) => r.path), timemaps });
    await writeSearchManifest(await searchablePages(all));
    await writeShareCards(all);
    await writeMementoPages(await mementoPagesOf(all));
    return routes;
  });
}
