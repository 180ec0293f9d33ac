/**
 * An editor writes Pagefind's own markup into the text of an entry — its
 * title, summary, image description, a link title, an image title, a link
 * definition's title — hoping that the search index takes it for metadata:
 * a result address of `javascript:…` or another site, and a filter group
 * (a fake hotline) shown to every visitor of the search page. A real build of
 * a copy of the content with that entry, searched in Chromium, shows that the
 * result still leads to the entry's own page and that the only filter groups
 * are the portal's type and year.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { seedBuildCache } from '../seed-build-cache.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-search-hostile-'));
const content = path.join(work, 'content');
const publicDir = path.join(work, 'public');
const out = path.join(work, 'site');
const slug = 'thong-bao-doc-hai';
const word = 'xyzzyhostile';

/** Pagefind markup as an editor would type it, in the quoting styles HTML allows. */
const urlMeta = (target: string) => `<meta data-pagefind-meta=url[content] content=${target}>`;
const filterMeta = `<meta data-pagefind-filter='Đường dây nóng[content]' content='0999 999 999'>`;

const entry = [
  '---',
  `title: "Thông báo ${word} ${urlMeta('javascript:alert(1)')}"`,
  `summary: "Tóm tắt ${filterMeta}"`,
  'date: 2026-11-20',
  'column: tin-tuc-su-kien',
  'section: hoat-dong-nganh',
  'author: Phòng Truyền thông',
  'image:',
  '  src: /media/anh-doc-hai.png',
  `  alt: "Ảnh ${urlMeta('https://evil.example/')}"`,
  '---',
  '',
  `Văn bản ${word} có [một liên kết](/tin-tuc/ "${urlMeta('javascript:alert(2)')}") và [một định nghĩa][dn].`,
  '',
  `![Logo](/media/anh-doc-hai.png "${filterMeta}")`,
  '',
  `[dn]: /van-ban/ "${urlMeta('//evil.example/x')}"`,
  '',
].join('\n');

let browser: Browser;
let page: Page;
let base = '';
let stop: () => Promise<void> = async () => {};

beforeAll(async () => {
  cpSync('content', content, { recursive: true });
  writeFileSync(path.join(content, 'news/vi', `${slug}.mdx`), entry);
  cpSync('public', publicDir, { recursive: true });
  mkdirSync(path.join(publicDir, 'media'), { recursive: true });
  cpSync('public/og-image.png', path.join(publicDir, 'media/anh-doc-hai.png'));
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--full', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_PUBLIC_DIR: publicDir, PORTAL_CACHE_DIR: seedBuildCache(path.join(work, 'cache')), PORTAL_PAGES_PER_SHARD: '10' },
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  const { preview } = await import('astro');
  const server = await preview({ root: process.cwd(), outDir: out, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  base = `http://127.0.0.1:${server.port}`;
  stop = () => server.stop();
  browser = await launch();
  page = await browser.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stop();
  rmSync(work, { recursive: true, force: true });
});

async function searchFor(query: string) {
  await page.goto(`${base}/tim-kiem/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return s !== '' && !/Đang tìm/.test(s);
  });
}

describe('Pagefind markup in an entry’s text', () => {
  it('does not change where the entry’s search result leads', async () => {
    await searchFor(word);
    const hrefs = await page.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(new URL(href, base).href).toMatch(new RegExp(`^${base}/tin-tuc/${slug}/(#.*)?$`));
  });

  it('adds no filter group to the search page', async () => {
    await searchFor(word);
    await page.waitForSelector('#search-filters legend');
    expect((await page.locator('#search-filters legend').allInnerTexts()).sort()).toEqual(['Loại nội dung', 'Năm']);
    expect(await page.locator('#search-filters').innerText()).not.toContain('0999');
  });

  it('still shows the entry’s real title, as text', async () => {
    await searchFor(word);
    const title = await page.locator('#search-results > li h2').first().innerText();
    expect(title).toContain(`Thông báo ${word}`);
    expect(await page.locator('#search-results meta').count()).toBe(0);
  });
});
