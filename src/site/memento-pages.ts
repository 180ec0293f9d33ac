/**
 * The pages whose versions are kept as mementos (src/lib/history/mementos.ts),
 * chosen by the build (`mementoPagesOf`, src/site/mementos.ts), kept in the
 * build cache and read by the memento step (scripts/mementos.ts), which runs
 * outside Astro: this file imports nothing of the build.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { portalCacheDir } from '../content-loader/body-cache.ts';

export interface MementoPage {
  path: string;
  /** The commit of the page file's current published revision (entry pages with a known history). */
  commit?: string;
  /**
   * The path is an address the page no longer has (src/views/MovedView.astro): the page is now at
   * `movedTo`. Nothing new is kept of it; its kept versions link the page at its new address.
   */
  movedTo?: string;
}

export const mementoPagesFile = () => path.join(portalCacheDir(), 'portal-memento-pages.json');

export async function writeMementoPages(pages: readonly MementoPage[]): Promise<void> {
  await mkdir(path.dirname(mementoPagesFile()), { recursive: true });
  await writeFile(mementoPagesFile(), JSON.stringify(pages));
}

/** The list of the last build, or undefined when no build wrote one. */
export async function readMementoPages(): Promise<MementoPage[] | undefined> {
  return readFile(mementoPagesFile(), 'utf8').then((t) => JSON.parse(t) as MementoPage[], () => undefined);
}
