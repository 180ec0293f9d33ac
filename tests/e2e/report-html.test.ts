/**
 * The HTML report (src/lib/report/render-html.ts) of a realistic month
 * (tests/fixtures/report-render/sample-report.ts), opened from a file in
 * Debian's Chromium with JavaScript off, as a board member opens an attached
 * report: the charts are visible SVG images named by their titles, their text
 * alternatives hold the figures, both languages are there with numbers written
 * their way; and axe-core finds no WCAG 2.2 AA violation (in a context with
 * JavaScript on, which axe itself needs; the page has no script either way).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartDescription, reportCharts } from '../../src/lib/report/charts.ts';
import { renderHtml } from '../../src/lib/report/render-html.ts';
import { hostileReport } from '../fixtures/hostile/report/hostile-report.ts';
import { sampleHalfYearReport, sampleReport } from '../fixtures/report-render/sample-report.ts';
import { axeViolations, describeViolations, launch } from './browser.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let dir: string;
const charts = reportCharts(sampleReport);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'report-html-'));
  writeFileSync(path.join(dir, 'report.html'), renderHtml(sampleReport));
  writeFileSync(path.join(dir, 'hostile.html'), renderHtml(hostileReport()));
  writeFileSync(path.join(dir, 'half-year.html'), renderHtml(sampleHalfYearReport));
  browser = await launch();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 800 } });
  page = await context.newPage();
  await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the HTML report in Chromium, JavaScript off', () => {
  it('really has JavaScript off', async () => {
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
    // With scripts off a noscript element's content is parsed as elements; the page itself has no script anyway.
    expect(await page.locator('script').count()).toBe(0);
    const probe = await context.newPage();
    await probe.setContent('<p id="p">static</p><script>document.getElementById("p").textContent = "ran"</script>');
    expect(await probe.locator('#p').textContent()).toBe('static');
    await probe.close();
  });

  it('shows every chart as a visible SVG image named by its title, in both languages', async () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const chart of charts) {
        const svg = page.locator(`#${locale}-${chart.id}`);
        await svg.scrollIntoViewIfNeeded();
        await expect.poll(() => svg.isVisible()).toBe(true);
        const box = (await svg.boundingBox())!;
        expect(box.width).toBeGreaterThan(200);
        expect(box.height).toBeGreaterThan(100);
        expect(await svg.getAttribute('role')).toBe('img');
        // The accessible name and description Chromium computes, as assistive technology gets them.
        const byRole = page.getByRole('img', { name: chart.title[locale], exact: false });
        expect(await byRole.count()).toBeGreaterThanOrEqual(1);
        const description = await svg.evaluate((el) => {
          const ids = el.getAttribute('aria-labelledby')!.split(' ');
          return ids.map((id) => document.getElementById(id)!.textContent).join(' ');
        });
        expect(description).toContain(chart.title[locale]);
        expect(description).toContain(chartDescription(chart, locale));
        // Bars drawn: painted paths of non-zero size.
        const bars = await svg.evaluate((el) => [...el.querySelectorAll('path')].filter((p) => {
          const b = p.getBBox();
          return b.width > 1 && b.height > 1 && (p.getAttribute('fill') ?? 'none') !== 'none';
        }).length);
        expect(bars).toBeGreaterThanOrEqual(chart.categories.length);
      }
    }
  });

  it('draws every text of the charts inside the chart, none cut at an edge', async () => {
    for (const file of ['report.html', 'half-year.html']) {
      await page.goto(pathToFileURL(path.join(dir, file)).href);
      const outside = await page.locator('svg[role="img"]').evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const view = (svg as SVGSVGElement).viewBox.baseVal;
          return [...svg.querySelectorAll('text')].flatMap((t) => {
            const box = t.getBBox();
            const m = t.getCTM()!;
            const left = m.a * box.x + m.e;
            const right = m.a * (box.x + box.width) + m.e;
            return left < -0.5 || right > view.width + 0.5 ? [`${svg.id}: “${t.textContent}” from ${left.toFixed(1)} to ${right.toFixed(1)} of ${view.width}`] : [];
          });
        }),
      );
      expect(outside, file).toEqual([]);
    }
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
  });

  it('gives the figures in the text alternatives, written per language', async () => {
    const qa = page.locator('#vi-chart-qa-on-time desc');
    expect(await qa.textContent()).toContain('Tất cả: Đúng hạn 1.317, Trễ hạn 79, Chưa trả lời 84.');
    expect(await page.locator('#en-chart-qa-on-time desc').textContent()).toContain('All: On time 1,317, Late 79, Not yet answered 84.');
    expect(await page.locator('#vi-chart-approval-times desc').textContent()).toContain('Ban Quản trị quyết định: Trung vị 1 ngày 3 giờ');
  });

  it('has both languages, each marked, with numbers their way', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    const vi = page.locator('article#vi[lang="vi"]');
    const en = page.locator('article#en[lang="en"]');
    await expect.poll(() => vi.isVisible()).toBe(true);
    expect(await vi.locator('table#vi-table-summary').innerText()).toContain('1.234');
    expect(await vi.innerText()).toContain('94,3%');
    expect(await en.locator('table#en-table-summary').innerText()).toContain('1,234');
    expect(await en.innerText()).toContain('94.3%');
    expect(await vi.locator('h3').allInnerTexts()).toContain('Hỏi đáp');
    expect(await en.locator('h3').allInnerTexts()).toContain('Questions and answers');
  });

  it('has a skip link that takes the keyboard to the report', async () => {
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('has no WCAG 2.2 AA violation (axe)', async () => {
    // axe-core needs the page's event loop (its checks wait on timers), which stops with JavaScript off:
    // it runs in a context with JavaScript on, on the same file, which has no script of its own.
    const axeContext = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    try {
      const axePage = await axeContext.newPage();
      for (const file of ['report.html', 'half-year.html', 'hostile.html']) {
        await axePage.goto(pathToFileURL(path.join(dir, file)).href);
        const violations = await axeViolations(axePage);
        expect(violations, `${file}\n${describeViolations(violations)}`).toEqual([]);
      }
    } finally {
      await axeContext.close();
    }
  }, 120_000);

  it('runs none of the hostile texts', async () => {
    await page.goto(pathToFileURL(path.join(dir, 'hostile.html')).href);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain('</text><script>alert(1)</script>');
  });
});
