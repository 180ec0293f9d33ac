/**
 * `<cache>/portal-share-cards.json`: the share card of every entry page of the
 * last build (src/site/share-cards.ts writes it while the build plans its
 * pages; scripts/lib/publishing/share-cards.ts draws from it).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { portalCacheDir } from '../content-loader/body-cache.ts';
import type { ShareCard } from '../lib/publishing/share-card.ts';

const shareCardsFile = () => path.join(portalCacheDir(), 'portal-share-cards.json');

export async function writeShareCardManifest(cards: ShareCard[]): Promise<void> {
  await mkdir(path.dirname(shareCardsFile()), { recursive: true });
  await writeFile(shareCardsFile(), JSON.stringify(cards));
}

export async function readShareCardManifest(): Promise<ShareCard[]> {
  return JSON.parse(await readFile(shareCardsFile(), 'utf8')) as ShareCard[];
}
