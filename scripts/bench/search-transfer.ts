/**
 * What a reader's browser transfers to search, in requests and bytes: open
 * the search page (fresh context: empty cache), type the query, wait for the
 * results; then, in the same context, a later query. Every response counts,
 * including those fetched by Pagefind's web worker, at the size a production
 * host sends: text (HTML, CSS, JavaScript, JSON) gzip-compressed, Pagefind's
 * own files (already compressed) and wasm as they are. Also the time from the
 * query to the first result on the page, measured in the page: the query is
 * typed and then Enter is pressed, as a reader who has finished typing does;
 * the clock starts at Enter (the portal's form answers it at once; Pagefind's
 * Default UI has no submit and answers after its 300 ms wait for typing to
 * pause, which its figure therefore includes).
 *
 * Works for the portal's search page and for Pagefind's stock Default UI
 * (the Hugo peer): a target names the input, result and status elements.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Response } from 'playwright-core';
import { fileKind, type FileKind } from './transfer-summary.ts';

export interface SearchTarget {
  baseUrl: string;
  /** The search page, e.g. `/tim-kiem/`. */
  path: string;
  input: string;
  /** A result as shown (its appearance, or a change inside it, is "first result shown"). */
  result: string;
  /** The element announcing the result count. */
  status: string;
}

export const PORTAL_SEARCH = { input: '#search-q', result: '#search-results > li', status: '#search-status' } as const;
export const PAGEFIND_UI_SEARCH = { input: '.pagefind-ui__search-input', result: '.pagefind-ui__result-link', status: '.pagefind-ui__message' } as const;

export interface Fetched {
  url: string;
  bytes: number;
  kind: FileKind;
}

export interface QueryCost {
  query: string;
  requests: number;
  bytes: number;
  /** ms from the query (Enter pressed after typing it) to the first result shown (undefined: no result appeared). */
  firstResultMs?: number;
  results: number;
  files: Fetched[];
}

export interface Transfer {
  query: string;
  /** The search page itself and what it loads before any query. */
  pageBytes: number;
  pageRequests: number;
  /** Everything fetched to answer the query (index chunks, excerpts). */
  searchBytes: number;
  searchRequests: number;
  /** All requests of the first search, page included. */
  requests: number;
  firstResultMs?: number;
  results: number;
  /** What was fetched for the first search, page included (for the breakdown by file kind). */
  files: Fetched[];
  /** A later query in the same browser context, after this one. */
  later?: QueryCost;
}

async function wireSize(response: Response): Promise<number> {
  const body = await response.body().catch(() => Buffer.alloc(0));
  const type = response.headers()['content-type'] ?? '';
  return /text\/|javascript|json|svg/.test(type) ? gzipSync(body).length : body.length;
}

interface Collector {
  /** Every response so far, in order. */
  files: () => Promise<Fetched[]>;
  /** Resolves once no request has been in flight for `quietMs` (Playwright's networkidle is reached only once per page load). */
  idle: (quietMs?: number) => Promise<void>;
}

function collect(context: BrowserContext): Collector {
  const pending: Promise<Fetched>[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  context.on('request', () => {
    inFlight++;
    lastActivity = performance.now();
  });
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = performance.now();
  };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  context.on('response', (r) => pending.push(wireSize(r).then((bytes) => ({ url: r.url(), bytes, kind: fileKind(r.url()) }))));
  return {
    files: () => Promise.all(pending),
    idle: async (quietMs = 500) => {
      const deadline = performance.now() + 60_000;
      while (performance.now() < deadline && (inFlight > 0 || performance.now() - lastActivity < quietMs)) await new Promise((r) => setTimeout(r, 50));
    },
  };
}

/** Types `query` and waits until the status names it with a count; returns the cost from the moment of typing. */
async function ask(page: import('playwright-core').Page, target: SearchTarget, query: string, net: Collector): Promise<QueryCost> {
  const before = (await net.files()).length;
  await page.evaluate(
    ({ input, result }) => {
      const w = window as unknown as { __bench: { t0: number; t1: number } };
      w.__bench = { t0: 0, t1: 0 };
      const box = document.querySelector(input)!;
      box.addEventListener('input', () => (w.__bench.t0 ||= performance.now()), { capture: true, once: true });
      // The reader has finished typing and presses Enter: the query is asked.
      box.addEventListener('keydown', (e) => void ((e as KeyboardEvent).key === 'Enter' && !w.__bench.t1 && (w.__bench.t0 = performance.now())), { capture: true, once: true });
      const observer = new MutationObserver((records) => {
        if (!w.__bench.t0 || w.__bench.t1) return;
        for (const r of records) {
          const inResult = r.target instanceof Element ? r.target.closest(result) : r.target.parentElement?.closest(result);
          const added = [...r.addedNodes].some((n) => n instanceof Element && (n.matches(result) || n.querySelector(result) !== null));
          if (inResult || added) {
            w.__bench.t1 = performance.now();
            observer.disconnect();
            return;
          }
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    },
    { input: target.input, result: target.result },
  );
  await page.fill(target.input, query);
  await page.press(target.input, 'Enter');
  await page.waitForFunction(
    ({ status, query }) => {
      const text = (document.querySelector(status)?.textContent ?? '').normalize('NFC');
      if (!text.includes(query.normalize('NFC'))) return false;
      const rest = text.replace(query.normalize('NFC'), '');
      return /\d/.test(rest) || /^(No results|Không)/i.test(rest.trim());
    },
    { status: target.status, query },
    { timeout: 120_000 },
  );
  await net.idle();
  const bench = await page.evaluate(() => (window as unknown as { __bench: { t0: number; t1: number } }).__bench);
  const files = (await net.files()).slice(before);
  const statusText = (await page.locator(target.status).first().textContent()) ?? '';
  return {
    query,
    requests: files.length,
    bytes: files.reduce((a, f) => a + f.bytes, 0),
    firstResultMs: bench.t1 && bench.t0 ? Math.round(bench.t1 - bench.t0) : undefined,
    // “2,297 results” (Pagefind's UI) and “2.297 kết quả” count as 2297.
    results: Number(/\d+/.exec(statusText.replace(query, '').replace(/(\d)[,.](?=\d{3})/g, '$1'))?.[0] ?? 0),
    files,
  };
}

/**
 * For each query: a fresh context opens the search page and asks it; then the
 * same context asks `laterOf(query)` (the next query of the list by default).
 */
export async function searchTransfer(target: SearchTarget, queries: string[], laterOf = (i: number) => queries[(i + 1) % queries.length]!): Promise<Transfer[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const out: Transfer[] = [];
  try {
    for (const [i, query] of queries.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Responses of the page and of its workers (Pagefind searches in a web worker).
      const net = collect(context);
      await page.goto(`${target.baseUrl}${target.path}`, { waitUntil: 'networkidle' });
      await page.waitForSelector(target.input);
      await net.idle();
      const loaded = await net.files();
      const first = await ask(page, target, query, net);
      const later = queries.length > 1 ? await ask(page, target, laterOf(i), net) : undefined;
      const pageBytes = loaded.reduce((a, f) => a + f.bytes, 0);
      out.push({
        query,
        pageBytes,
        pageRequests: loaded.length,
        searchBytes: first.bytes,
        searchRequests: first.requests,
        requests: loaded.length + first.requests,
        firstResultMs: first.firstResultMs,
        results: first.results,
        files: [...loaded, ...first.files],
        later,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
