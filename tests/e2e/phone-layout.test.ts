/**
 * The portal on a small phone (360×640, the smallest screen in common use):
 * the page starts on the first screen, and nothing is wider than the screen.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('on a small phone', () => {
  it.each(['/', '/en/', '/van-ban/1624-qd-bhxh/', '/en/documents/1624-qd-bhxh/', '/hoi-dap/', '/en/questions/', '/tim-kiem/'])(
    '%s: the header takes at most a third of the screen, and the page is no wider than the screen',
    async (path) => {
      await page.goto(`${base}${path}`);
      const { header, width, h1 } = await page.evaluate(() => ({
        header: document.querySelector('header.site-header')!.getBoundingClientRect().height,
        width: document.documentElement.scrollWidth,
        h1: document.querySelector('h1')!.getBoundingClientRect().top,
      }));
      expect(header).toBeLessThanOrEqual(640 / 3);
      expect(h1, 'the page’s heading is on the first screen').toBeLessThan(640 / 2);
      expect(width).toBeLessThanOrEqual(360);
      // Every section is still reachable: the row of sections scrolls sideways.
      const sections = page.locator('nav.primary-nav a');
      const count = await sections.count();
      expect(count).toBeGreaterThan(3);
      await sections.last().scrollIntoViewIfNeeded();
      expect(await sections.last().isVisible()).toBe(true);
    },
  );
});

describe('a legal document on a small phone', () => {
  it('reaches its table of contents from the top of the page, in both languages', async () => {
    for (const [path, name] of [
      ['/van-ban/1624-qd-bhxh/', 'Xem mục lục văn bản'],
      ['/en/documents/1624-qd-bhxh/', 'Go to the contents'],
    ] as const) {
      await page.goto(`${base}${path}`);
      const jump = page.getByRole('link', { name });
      expect(await jump.evaluate((a) => a.getBoundingClientRect().top), path).toBeLessThan(640);
      await jump.click();
      await page.waitForFunction(() => location.hash === '#toc-title');
      const toc = await page.locator('nav.toc').evaluate((n) => n.getBoundingClientRect().top);
      expect(Math.abs(toc), path).toBeLessThan(200);
      expect(await page.locator('nav.toc a').count()).toBeGreaterThan(5);
    }
  });

  it('does not show the way to the contents where they sit beside the text', async () => {
    const wide = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const p = await wide.newPage();
      await p.goto(`${base}/van-ban/1624-qd-bhxh/`);
      expect(await p.getByRole('link', { name: 'Xem mục lục văn bản' }).isVisible()).toBe(false);
      expect(await p.locator('nav.toc').isVisible()).toBe(true);
    } finally {
      await wide.close();
    }
  });
});

describe('the document library on a small phone', () => {
  it('reaches the documents past the filters from the top of the page, in both languages', async () => {
    for (const [path, name] of [
      ['/van-ban/', /^Xem \d+ văn bản/],
      ['/en/documents/', /^Go to the \d+ documents/],
    ] as const) {
      await page.goto(`${base}${path}`);
      const jump = page.getByRole('link', { name });
      expect(await jump.evaluate((a) => a.getBoundingClientRect().bottom), path).toBeLessThan(640);
      // The filters come first on a phone, so the documents start below the screen.
      expect(await page.locator('#results li').first().evaluate((li) => li.getBoundingClientRect().top), path).toBeGreaterThan(640);
      await jump.click();
      await page.waitForFunction(() => location.hash === '#results-count');
      const first = await page.locator('#results li').first().evaluate((li) => li.getBoundingClientRect().top);
      expect(first, path).toBeLessThan(640);
    }
  });
});

