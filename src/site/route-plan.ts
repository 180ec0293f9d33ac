/**
 * The pages of the last finished build and their fingerprints (see
 * incremental.ts), kept in the build cache. A build writes the "next" plan;
 * scripts/build.ts makes it "current" once the build and index succeeded.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { portalCacheDir } from '../content-loader/body-cache.ts';

/**
 * path → fingerprint of every page of a build; the pages it built; the pages with a TimeMap the build
 * writes (src/site/timemaps.ts).
 */
export type RoutePlan = { routes: Record<string, string>; build: string[]; timemaps?: string[] };

const planFile = (which: 'current' | 'next') => path.join(portalCacheDir(), which === 'current' ? 'portal-routes.json' : 'portal-routes.next.json');

export async function readRoutePlan(which: 'current' | 'next'): Promise<RoutePlan | undefined> {
  return readFile(planFile(which), 'utf8').then((t) => JSON.parse(t) as RoutePlan, () => undefined);
}

export async function writeNextRoutePlan(plan: RoutePlan): Promise<void> {
  await writeFile(planFile('next'), JSON.stringify(plan));
}

/** Makes the plan of a build that finished the current one. */
export async function commitRoutePlan(): Promise<void> {
  await rename(planFile('next'), planFile('current'));
}

