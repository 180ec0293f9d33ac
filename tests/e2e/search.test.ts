/**
 * Search in a real browser over the real Pagefind index, one per language.
 * Vietnamese readers often type without diacritics, and đ as d.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
});

interface Hit {
  url: string;
  title: string;
  excerpt: string;
}

/** Types the query into the search page, as a reader would, and reads the results. */
async function search(searchPath: string, query: string): Promise<Hit[]> {
  await page.goto(`${base}${searchPath}`);
  const input = page.locator('#search input');
  await input.fill(query);
  await page.waitForSelector('.pagefind-ui__message', { state: 'attached' });
  await page.waitForFunction(() => !document.querySelector('.pagefind-ui__message')?.textContent?.match(/Đang tìm|Searching/));
  await page.waitForTimeout(300);
  // Readers can load every result: do the same, so "finds" means "is among the results".
  for (let i = 0; i < 20 && (await page.locator('.pagefind-ui__button').count()) > 0; i++) {
    const before = await page.locator('.pagefind-ui__result').count();
    await page.click('.pagefind-ui__button');
    await page.waitForFunction((n) => document.querySelectorAll('.pagefind-ui__result').length > n, before);
  }
  // Results load lazily: wait until every one has its link.
  await page.waitForFunction(() => [...document.querySelectorAll('.pagefind-ui__result')].every((r) => r.querySelector('a[href]')));
  return page.$$eval('.pagefind-ui__result', (items) =>
    items.map((el) => ({
      url: new URL(el.querySelector('a')!.getAttribute('href')!, location.href).pathname,
      title: el.querySelector('.pagefind-ui__result-title')?.textContent?.trim() ?? '',
      excerpt: el.querySelector('.pagefind-ui__result-excerpt')?.innerHTML ?? '',
    })),
  );
}

const vi = '/tim-kiem/';
const en = '/en/search/';

describe('Vietnamese search', () => {
  it.each([
    ['phát ngôn', '/van-ban/du-thao-quy-che-phat-ngon/'],
    ['phat ngon', '/van-ban/du-thao-quy-che-phat-ngon/'],
    ['bảo hiểm xã hội', '/van-ban/1624-qd-bhxh/'],
    ['bao hiem xa hoi', '/van-ban/1624-qd-bhxh/'],
    ['địa chỉ', '/van-ban/1624-qd-bhxh/'],
    ['dia chi', '/van-ban/1624-qd-bhxh/'],
    ['đăng tải', '/van-ban/1624-qd-bhxh/'],
    ['dang tai', '/van-ban/1624-qd-bhxh/'],
    ['Khánh Hòa', '/van-ban/1436-bhxh-tt-ptdt/'],
    ['khanh hoa', '/van-ban/1436-bhxh-tt-ptdt/'],
  ])('“%s” finds %s', async (query, expected) => {
    const hits = await search(vi, query);
    expect(hits.map((h) => h.url)).toContain(expected);
    for (const hit of hits) expect(hit.url.startsWith('/en/')).toBe(false);
  });

  it('finds đ words typed with d and highlights the original word, not an index copy', async () => {
    const hits = await search(vi, 'dang ky');
    expect(hits.length).toBeGreaterThan(0);
    const excerpts = hits.map((h) => h.excerpt).join('\n');
    expect(excerpts).toMatch(/<mark>đăng<\/mark>/i);
    expect(excerpts).not.toMatch(/đăng\s+(<mark>)?dăng/i);
  });

  it('ranks pages with the exact accents first', async () => {
    // "đăng" (post) and "dạng" (form) both match "dang"; typed with accents, đăng comes first.
    const hits = await search(vi, 'đăng');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.excerpt).toMatch(/<mark>đăng<\/mark>/i);
  });
});

describe('English search', () => {
  it.each([
    ['spokesperson', '/en/documents/du-thao-quy-che-phat-ngon/'],
    ['Zalo', '/en/documents/1624-qd-bhxh/'],
    ['Đào Việt Ánh', '/en/documents/1624-qd-bhxh/'],
    ['dao viet anh', '/en/documents/1624-qd-bhxh/'],
    ['Khánh Hòa', '/en/documents/1436-bhxh-tt-ptdt/'],
    ['khanh hoa', '/en/documents/1436-bhxh-tt-ptdt/'],
  ])('“%s” finds %s', async (query, expected) => {
    const hits = await search(en, query);
    expect(hits.map((h) => h.url)).toContain(expected);
    for (const hit of hits) expect(hit.url.startsWith('/en/')).toBe(true);
  });
});

describe('search filters and query links', () => {
  it('offers type and year filters, named in the page’s language', async () => {
    await search(vi, 'bảo hiểm');
    const filters = await page.locator('.pagefind-ui__filter-name').allInnerTexts();
    expect(filters.map((f) => f.trim())).toEqual(expect.arrayContaining(['Loại nội dung', 'Năm']));
    await search(en, 'social');
    const enFilters = await page.locator('.pagefind-ui__filter-name').allInnerTexts();
    expect(enFilters.map((f) => f.trim())).toEqual(expect.arrayContaining(['Type', 'Year']));
  });

  it('narrows results with the type filter', async () => {
    const all = await search(vi, 'zalo');
    const before = await page.locator('.pagefind-ui__message').innerText();
    await page.locator('.pagefind-ui__filter-name', { hasText: 'Loại nội dung' }).click();
    await page.locator('.pagefind-ui__filter-label', { hasText: 'Thư viện văn bản' }).click();
    await page.waitForFunction(
      (text) => {
        const now = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
        return now !== text && !/Đang tìm/.test(now);
      },
      before,
    );
    await page.waitForFunction(() => [...document.querySelectorAll('.pagefind-ui__result')].every((r) => r.querySelector('a[href]')));
    const urls = await page.$$eval('.pagefind-ui__result', (items) =>
      items.map((el) => new URL(el.querySelector('a')!.getAttribute('href')!, location.href).pathname),
    );
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.length).toBeLessThan(all.length);
    for (const url of urls) expect(url.startsWith('/van-ban/')).toBe(true);
  });

  it('shows titles and excerpts without the index’s đ→d copies', async () => {
    const hits = await search(vi, 'dang tai');
    const texts = await page.locator('.pagefind-ui__results').innerText();
    expect(hits.length).toBeGreaterThan(0);
    expect(texts).not.toMatch(/đăng dăng|điện diện|định dịnh/);
  });

  it('runs the query given in the address (the header search box)', async () => {
    await page.goto(`${base}/`);
    await page.fill('#site-search', 'phat ngon');
    await page.press('#site-search', 'Enter');
    await page.waitForSelector('.pagefind-ui__result a[href]');
    expect(new URL(page.url()).pathname).toBe('/tim-kiem/');
    expect(await page.inputValue('#search input')).toBe('phat ngon');
    const urls = await page.$$eval('.pagefind-ui__result a', (as) => as.map((a) => new URL(a.getAttribute('href')!, location.href).pathname));
    expect(urls).toContain('/van-ban/du-thao-quy-che-phat-ngon/');
  });
});
