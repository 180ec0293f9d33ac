/**
 * The WARC of a deploy, replayed (issue 16): the archive step's `.warc.gz` of
 * the built site, loaded into ReplayWeb.page (its own `ui.js` and service
 * worker from the npm package, served here, no CDN) in Chromium, shows the
 * portal's pages, and its archived search page answers a search — the search
 * index is in the WARC.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-warc-replay-'));
let browser: Browser;
let page: Page;
let base = '';
let close = () => {};

beforeAll(async () => {
  // The site the browser tests run on (tests/e2e/global-setup.ts builds it), archived as a deploy would be.
  const archived = spawnSync(process.execPath, ['scripts/archive.ts', '--out', work, '--site', 'dist'], { encoding: 'utf8' });
  if (archived.status !== 0) throw new Error(`archive failed:\n${archived.stdout}\n${archived.stderr}`);
  const warc = readdirSync(work).find((f) => f.endsWith('.warc.gz'))!;
  const app = express();
  const rwp = path.resolve('node_modules/replaywebpage');
  // The page embedding the player, on the archived address `?url=` (the home page by default).
  app.get('/', (req, res) => {
    const url = new URL(typeof req.query.url === 'string' ? req.query.url : 'https://baohiemxahoi.gov.vn/');
    if (url.origin !== 'https://baohiemxahoi.gov.vn') return void res.status(400).end();
    res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Replay</title><script src="/ui.js"></script></head>
<body><replay-web-page source="/${warc}" url="${url.href.replace(/"/g, '%22')}" replayBase="/replay/" embed="replayonly" style="display:block;height:900px"></replay-web-page></body></html>`);
  });
  // The player's page loads ui.js from its own folder too.
  app.get(['/ui.js', '/replay/ui.js'], (_req, res) => res.sendFile(path.join(rwp, 'ui.js')));
  // The player's own page, until its service worker answers for the folder.
  app.get('/replay/', (_req, res) => res.sendFile(path.join(rwp, 'index.html')));
  app.get('/replay/sw.js', (_req, res) => res.sendFile(path.join(rwp, 'sw.js')));
  app.get(`/${warc}`, (_req, res) => res.sendFile(path.join(work, warc)));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  close();
  rmSync(work, { recursive: true, force: true });
});

/** The frame showing the archived page at `url` (the replay engine's iframe). */
async function replayed(url: RegExp): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(
      () => {
        found = page.frames().find((f) => /\/replay\/w\//.test(f.url()) && url.test(decodeURIComponent(f.url())));
        return found !== undefined;
      },
      { timeout: 30_000, message: `no replayed frame for ${url}; frames: ${page.frames().map((f) => f.url()).join(', ')}` },
    )
    .toBe(true);
  return found!;
}

describe('an archived deploy in ReplayWeb.page', () => {
  it('shows the home page as it was built', { timeout: 90_000 }, async () => {
    await page.goto(base);
    const home = await replayed(/baohiemxahoi\.gov\.vn\/$/);
    await expect.poll(() => home.locator('h1, .site-title, header').first().textContent({ timeout: 5000 }).catch(() => ''), { timeout: 30_000 }).toMatch(/Bảo hiểm xã hội|BHXH/);
    // The page's styles came from the WARC too.
    expect(await home.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 10))).toBe(true);
  });

  it('answers a search on the archived search page, from the archived index', { timeout: 90_000 }, async () => {
    // As a reader does: the archived search page, a query typed into its box.
    await page.goto(`${base}/?url=${encodeURIComponent('https://baohiemxahoi.gov.vn/tim-kiem/')}`);
    const search = await replayed(/tim-kiem\/$/);
    await search.locator('#search-q').fill('phát ngôn');
    await search.locator('#search-q').press('Enter');
    const results = search.locator('#search-results li a');
    await expect.poll(() => results.count(), { timeout: 30_000, message: 'no result in the archived search page' }).toBeGreaterThan(0);
    expect((await results.allTextContents()).join(' ')).toMatch(/phát ngôn/i);
  });
});
