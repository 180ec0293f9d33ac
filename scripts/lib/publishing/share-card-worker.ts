/** A worker thread of scripts/lib/publishing/share-cards.ts: draws its share of the cards, saying after each one. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ShareCard } from '../../../src/lib/publishing/share-card.ts';
import { cardDrawer } from './share-card-drawing.ts';

const { root, cache, cards } = workerData as { root: string; cache: string; cards: ShareCard[] };
const draw = await cardDrawer(root, cache);
for (const card of cards) {
  await draw(card);
  parentPort!.postMessage('drawn');
}
