/**
 * Rendered entry bodies, kept on disk by content hash between builds:
 * `<cache>/portal-bodies/<digest>.json` holds `{ html, toc }`. The Astro data
 * store keeps only each entry's data and digest, so it stays small (the store
 * is inlined into the build's JavaScript bundle), and pages read one body at
 * a time instead of holding every page's HTML in memory.
 *
 * Beside them, `<cache>/portal-links.json` maps each digest to the links its
 * body makes to the portal, so the check between entries has every entry's
 * links without rendering the unchanged ones again.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TocItem } from '../lib/content/legal-structure.ts';
import type { InternalLink } from '../lib/content/render-body.ts';

export interface EntryBody {
  html: string;
  toc: TocItem[];
}

/** The build cache: PORTAL_CACHE_DIR, else Astro's default node_modules/.astro. */
export function portalCacheDir(projectRoot = process.cwd()): string {
  return path.resolve(projectRoot, process.env.PORTAL_CACHE_DIR ?? 'node_modules/.astro');
}

function bodiesDir(): string {
  return path.join(portalCacheDir(), 'portal-bodies');
}

function bodyFile(digest: string): string {
  return path.join(bodiesDir(), `${digest}.json`);
}

export async function writeBody(digest: string, body: EntryBody): Promise<void> {
  await mkdir(bodiesDir(), { recursive: true });
  await writeFile(bodyFile(digest), JSON.stringify(body));
}

export async function readBody(digest: string): Promise<EntryBody> {
  return JSON.parse(await readFile(bodyFile(digest), 'utf8')) as EntryBody;
}

/** Digests whose body is on disk. */
export async function storedBodies(): Promise<Set<string>> {
  try {
    return new Set((await readdir(bodiesDir())).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));
  } catch {
    return new Set();
  }
}

/** Deletes bodies that no entry uses any more. */
export async function pruneBodies(keep: ReadonlySet<string>, stored: ReadonlySet<string>): Promise<number> {
  const stale = [...stored].filter((d) => !keep.has(d));
  await Promise.all(stale.map((d) => rm(bodyFile(d), { force: true })));
  return stale.length;
}

function linksFile(): string {
  return path.join(portalCacheDir(), 'portal-links.json');
}

/** Digest → links to the portal, as of the last sync; empty when there is none. */
export async function readLinkIndex(): Promise<Map<string, InternalLink[]>> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(linksFile(), 'utf8')) as Record<string, InternalLink[]>));
  } catch {
    return new Map();
  }
}

export async function writeLinkIndex(index: ReadonlyMap<string, InternalLink[]>): Promise<void> {
  await mkdir(portalCacheDir(), { recursive: true });
  await writeFile(linksFile(), JSON.stringify(Object.fromEntries(index)));
}
