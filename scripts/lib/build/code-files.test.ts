import { describe, expect, it } from 'vitest';
import { buildCodeFiles } from './code-files.ts';

describe('the code a build depends on', () => {
  it('holds the site, the build’s own scripts and the lockfile, and no tests', async () => {
    const files = await buildCodeFiles(process.cwd());
    // A change to the search index's writer or the share cards' drawing must rebuild everything.
    for (const f of ['src/lib/search/write-index.ts', 'scripts/build.ts', 'scripts/build-search-index.ts', 'scripts/draw-share-cards.ts', 'scripts/lib/publishing/share-card-drawing.ts', 'package-lock.json', 'astro.config.mjs']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.includes('.test.'))).toEqual([]);
    expect(files).toEqual([...files].sort());
  });
});
