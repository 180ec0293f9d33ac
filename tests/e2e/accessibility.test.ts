/** axe-core (WCAG 2.2 A and AA) on every page type, in both languages, in Debian Chromium. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeViolations, launch } from './browser.ts';
import { englishPath, translated, untranslated } from './site-content.ts';

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

const news = translated('news')[0];
const qa = translated('qa')[0];
const pages: [string, string][] = [
  ['home', '/'],
  ['home (en)', '/en/'],
  ['news list', '/tin-tuc/'],
  ['news item', `/tin-tuc/${news}/`],
  ['news item (en)', englishPath('news', news!)],
  ['document library', '/van-ban/'],
  ['document library, filtered', '/van-ban/loai-quyet-dinh/'],
  ['document library (en)', '/en/documents/'],
  ['document', '/van-ban/1624-qd-bhxh/'],
  ['document (en)', '/en/documents/1624-qd-bhxh/'],
  ['Q&A list', '/hoi-dap/'],
  ['Q&A list, filtered by topic', '/hoi-dap/chu-de-bhyt/'],
  ['Q&A list, filtered by topic (en)', '/en/questions/topic-health-insurance/'],
  ['Q&A item', `/hoi-dap/${qa}/`],
  ['Q&A item (en)', englishPath('qa', qa!)],
  ['page with spokespeople', '/nguoi-phat-ngon/'],
  ['page with units (en)', '/en/contact/'],
  ['statistics page with its reports', '/thong-ke/'],
  ['statistical report (en)', '/en/statistics-2026-11/'],
  ['search', '/tim-kiem/?q=b%E1%BA%A3o%20hi%E1%BB%83m'],
  ['search (en)', '/en/search/?q=social'],
  ['not translated notice', englishPath('news', untranslated('news')[0]!)],
  ['not found', '/404.html'],
  ['not found (en)', '/en/404/'],
];

describe('WCAG 2.2 AA (axe)', () => {
  it.each(pages)('%s (%s) has no violations', async (_name, path) => {
    await page.goto(`${base}${path}`);
    if (path.includes('?q=')) await page.waitForSelector('#search-results > li h2 a');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main#main').count()).toBe(1);
    expect(await page.locator('header').first().evaluate((el) => el.closest('main') === null)).toBe(true);
    // One search landmark, named (the search page has its own form, not the header's as well).
    const searches = await page.locator('[role=search], search').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(searches).toHaveLength(1);
    expect(searches[0]).toBe(path.startsWith('/en/') ? 'Search the portal' : 'Tìm kiếm trên cổng thông tin');
  });

  it('has a skip link that moves focus to the main content', async () => {
    await page.goto(`${base}/van-ban/1624-qd-bhxh/`);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('shows a visible focus indicator on links', async () => {
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, shadow: s.boxShadow };
    });
    expect(style.bg).toBe('rgb(255, 221, 0)');
  });
});
