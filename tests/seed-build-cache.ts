/**
 * A test's fresh build cache, seeded with the content-addressed caches of this
 * checkout's own build (node_modules/.astro, filled by `npm run build`, which
 * the browser tests' set-up runs): the share cards already drawn and the entry
 * bodies already rendered. Both are looked up by the digest of what they were
 * made from, so a seeded cache changes nothing in the output — only what is
 * drawn again (tests/build/incremental.test.ts proves a build with caches equal
 * to one from empty caches; it and the archive test keep starting cold). Each
 * build with an empty cache drew the 71 cards again (8 s on CI).
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const OWN_CACHE = path.resolve('node_modules/.astro');
const CONTENT_ADDRESSED = ['portal-cards', 'portal-bodies'];

/** Copies the checkout's content-addressed caches into `cacheDir` (made if missing), when they exist; returns `cacheDir`. */
export function seedBuildCache(cacheDir: string): string {
  mkdirSync(cacheDir, { recursive: true });
  for (const name of CONTENT_ADDRESSED) {
    const from = path.join(OWN_CACHE, name);
    if (existsSync(from)) cpSync(from, path.join(cacheDir, name), { recursive: true });
  }
  return cacheDir;
}
