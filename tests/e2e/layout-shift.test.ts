/**
 * Layout shift (CLS) on every kind of page, on a phone and on a desktop
 * screen: what a reader sees must not jump while the page loads, nor when
 * the search page's application and its filters appear. The target is the
 * "good" threshold of Core Web Vitals, below 0.1. Every shift not caused by
 * the reader's own input is added up (an upper bound of CLS, which takes the
 * worst window of shifts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const screens = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1350, height: 940 } },
} as const;

/** Pages of every kind, and the search page as a reader lands on it: empty, and from a link with a query. */
const pages = [
  '/',
  '/en/',
  '/tin-tuc/',
  '/van-ban/',
  '/van-ban/1624-qd-bhxh/',
  '/en/documents/1624-qd-bhxh/',
  '/hoi-dap/',
  '/tim-kiem/',
  '/en/search/',
  `/tim-kiem/?q=${encodeURIComponent('bảo hiểm xã hội')}`,
  '/en/search/?q=insurance',
];

/** Adds up the page's layout shifts from its first paint, as the browser reports them. */
const RECORD_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node ? (s.node.id ? '#' + s.node.id : (s.node.nodeName || '') + (s.node.className ? '.' + String(s.node.className).split(' ')[0] : '')) : '?') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

describe('layout shift below 0.1', () => {
  for (const [screen, options] of Object.entries(screens)) {
    it.each(pages)(`${screen}: %s`, async (path) => {
      const context = await browser.newContext(options);
      try {
        await context.addInitScript(RECORD_SHIFTS);
        const page = await context.newPage();
        await page.goto(`${base}${path}`, { waitUntil: 'load' });
        if (path.includes('?q=')) {
          await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0);
        }
        // Late work (filters, fonts, images) has had its time.
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const shifts = (await page.evaluate('window.__shifts')) as { value: number; sources: string[] }[];
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        expect(total, `${path} on a ${screen}: ${JSON.stringify(shifts)}`).toBeLessThan(0.1);
      } finally {
        await context.close();
      }
    });
  }
});
