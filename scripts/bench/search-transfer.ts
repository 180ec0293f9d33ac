/**
 * Bytes a reader's browser transfers for a first search: open the search page
 * (fresh profile, empty cache), type the query, wait for the results. Every
 * response counts, including those fetched by Pagefind's web worker, at the
 * size a production host sends: text (HTML, CSS, JavaScript, JSON) gzip-
 * compressed, Pagefind's own files (already compressed) and wasm as they are.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Response } from 'playwright-core';

export interface Transfer {
  query: string;
  /** The search page itself and what it loads before any query. */
  pageBytes: number;
  /** Everything fetched to answer the query (index chunks, excerpts). */
  searchBytes: number;
  requests: number;
  results: number;
}

async function wireSize(response: Response): Promise<number> {
  const body = await response.body().catch(() => Buffer.alloc(0));
  const type = response.headers()['content-type'] ?? '';
  return /text\/|javascript|json|svg/.test(type) ? gzipSync(body).length : body.length;
}

export async function searchTransfer(baseUrl: string, searchPath: string, queries: string[]): Promise<Transfer[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const out: Transfer[] = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      // Responses of the page and of its workers (Pagefind searches in a web worker).
      context.on('response', (r) => sizes.push(wireSize(r)));
      await page.goto(`${baseUrl}${searchPath}`, { waitUntil: 'networkidle' });
      const pageBytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      const before = sizes.length;
      await page.fill('#search-q', query);
      await page.waitForFunction(() => /\d/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      const all = await Promise.all(sizes);
      out.push({
        query,
        pageBytes,
        searchBytes: all.slice(before).reduce((a, b) => a + b, 0),
        requests: all.length,
        results: Number(/\d+/.exec((await page.locator('#search-status').textContent()) ?? '')?.[0] ?? 0),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
