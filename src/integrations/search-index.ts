/**
 * Builds the Pagefind search index after `astro build`, one index per
 * language (Pagefind splits by <html lang>). Pages are indexed from their
 * built HTML with the đ→d copies of src/lib/search-folding.ts added in
 * memory only; the files readers get are unchanged.
 */
import { readFile } from 'node:fs/promises';
import { glob } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { addFoldedCopies } from '../lib/search-folding.ts';

export async function buildSearchIndex(siteDir: string, log: (message: string) => void): Promise<{ pages: number }> {
  const started = Date.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const files: string[] = [];
  for await (const rel of glob('**/*.html', { cwd: siteDir })) files.push(rel);
  files.sort();
  let indexed = 0;
  const batch = 32;
  for (let i = 0; i < files.length; i += batch) {
    await Promise.all(
      files.slice(i, i + batch).map(async (rel) => {
        const html = await readFile(path.join(siteDir, rel), 'utf8');
        if (!html.includes('data-pagefind-body')) return;
        const result = await index.addHTMLFile({ sourcePath: rel.split(path.sep).join('/'), content: addFoldedCopies(html) });
        if (result.errors.length > 0) throw new Error(`Pagefind could not index ${rel}: ${result.errors.join('; ')}`);
        indexed++;
      }),
    );
    if ((i / batch) % 50 === 0 || i + batch >= files.length) {
      log(`search index: ${Math.min(i + batch, files.length)}/${files.length} files read, ${indexed} pages indexed`);
    }
  }
  const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await pagefind.close();
  log(`search index: ${indexed} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { pages: indexed };
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'portal-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.PORTAL_SEARCH_INDEX === 'off') return logger.info('search index: skipped (PORTAL_SEARCH_INDEX=off)');
        await buildSearchIndex(fileURLToPath(dir), (m) => logger.info(m));
      },
    },
  };
}
