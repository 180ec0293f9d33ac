/**
 * Puts the share cards the build recorded (src/site/share-cards.ts) in
 * `<site>/og/<key>.png`, drawing the ones not yet drawn (./share-card-drawing.ts)
 * into `<cache>/portal-cards/<renderer>/`, so a card is drawn once for as long as
 * what it shows and the drawing code stay the same. Cards of entries that are
 * gone are removed from the site, so an incremental build ends with the same
 * files as a full one.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Presets, SingleBar } from 'cli-progress';
import { portalCacheDir } from '../../../src/content-loader/body-cache.ts';
import { cardKey, type ShareCard } from '../../../src/lib/publishing/share-card.ts';
import { readShareCardManifest } from '../../../src/site/share-cards-manifest.ts';
import { cardDrawer, FONT_FILES, FONT_PACKAGE } from './share-card-drawing.ts';

/** Below this many cards to draw, worker threads (about 0.5 s to start) cost more than they save. */
const POOL_THRESHOLD = 24;

/** Everything that shapes a card's pixels besides what it shows: the layout code, the font and the three libraries. */
async function rendererDigest(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['src/lib/publishing/share-card.ts', 'scripts/lib/publishing/share-card-drawing.ts']) hash.update(await readFile(path.join(root, file)));
  for (const file of Object.values(FONT_FILES)) hash.update(await readFile(path.join(root, FONT_PACKAGE, file)));
  for (const pkg of ['satori', '@resvg/resvg-js', 'sharp']) hash.update(JSON.parse(await readFile(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version);
  return hash.digest('hex').slice(0, 16);
}

/** Draws `cards` into `cache`, on every core when there are many; `drawn` is called after each. */
async function drawAll(root: string, cache: string, cards: ShareCard[], drawn: () => void): Promise<void> {
  if (cards.length < POOL_THRESHOLD) {
    const draw = await cardDrawer(root, cache);
    for (const card of cards) {
      await draw(card);
      drawn();
    }
    return;
  }
  const workers = Math.min(availableParallelism(), 4);
  const shares = Array.from({ length: workers }, (_, w) => cards.filter((_, i) => i % workers === w));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./share-card-worker.ts', import.meta.url), { workerData: { root, cache, cards: share } });
          worker.on('message', drawn);
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`A share-card worker stopped with exit code ${code}`))));
        }),
    ),
  );
}

export interface CardsDrawn {
  total: number;
  drawn: number;
  removed: number;
}

export async function drawShareCards(site: string, options: { root?: string; quiet?: boolean } = {}): Promise<CardsDrawn> {
  const root = options.root ?? process.cwd();
  const cards = await readShareCardManifest();
  const renderer = await rendererDigest(root);
  const cardsDir = path.join(portalCacheDir(), 'portal-cards');
  const cache = path.join(cardsDir, renderer);
  // Cards drawn by other drawing code are never used again.
  for (const old of await readdir(cardsDir).catch(() => [])) if (old !== renderer) await rm(path.join(cardsDir, old), { recursive: true, force: true });
  const out = path.join(site, 'og');
  await mkdir(cache, { recursive: true });
  await mkdir(out, { recursive: true });
  const cached = new Set(await readdir(cache));
  const keys = new Set<string>();
  const missing = cards.filter((c) => {
    const key = cardKey(c);
    const isNew = !keys.has(key) && !cached.has(`${key}.png`);
    keys.add(key);
    return isNew;
  });
  const bar = options.quiet || missing.length < 200 ? undefined : new SingleBar({ format: 'share cards: drawing {bar} {value}/{total}', hideCursor: true }, Presets.shades_classic);
  bar?.start(missing.length, 0);
  await drawAll(root, cache, missing, () => bar?.increment());
  bar?.stop();
  // A card already in the site is the same picture (its name is what it shows; new drawing code is a full build:
  // scripts/build.ts). New ones are linked to the cache's file, or copied where the two are on different disks.
  const present = new Set(await readdir(out));
  for (const key of keys) {
    if (present.has(`${key}.png`)) continue;
    const [from, to] = [path.join(cache, `${key}.png`), path.join(out, `${key}.png`)];
    await link(from, to).catch(() => copyFile(from, to));
  }
  let removed = 0;
  for (const file of present) {
    if (!keys.has(file.replace(/\.png$/, ''))) {
      await rm(path.join(out, file), { force: true });
      removed++;
    }
  }
  return { total: keys.size, drawn: missing.length, removed };
}
