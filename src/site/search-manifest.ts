/**
 * The search manifest: every searchable page of the last build with its
 * metadata (src/lib/search/metadata.ts), written by the build from the route
 * table and the entries, read by the search index
 * (scripts/build-search-index.ts), kept in the build cache. It is the only
 * source of what is searchable and of every result's address, title and
 * filters; the pages' HTML only gives the text.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { portalCacheDir } from '../content-loader/body-cache.ts';
import type { SearchMetadata } from '../lib/search/contract.ts';

export const searchManifestFile = () => path.join(portalCacheDir(), 'portal-search-pages.json');

export async function writeSearchManifest(pages: SearchMetadata[]): Promise<void> {
  await mkdir(path.dirname(searchManifestFile()), { recursive: true });
  await writeFile(searchManifestFile(), JSON.stringify(pages));
}

/** The manifest of the last build, or undefined when no build wrote one. */
export async function readSearchManifest(): Promise<SearchMetadata[] | undefined> {
  return readFile(searchManifestFile(), 'utf8').then((t) => JSON.parse(t) as SearchMetadata[], () => undefined);
}
