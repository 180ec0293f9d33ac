/**
 * The public Q&A in a real browser, without JavaScript: a question's page says
 * when it was received and answered and how many working days that took, in
 * each language; the listing is narrowed to a topic by following links, and
 * the language switcher keeps the topic.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** The question page's details table, as rows of [heading, value]. */
async function details(): Promise<string[][]> {
  return page.locator('table.metadata tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent!.trim(), r.querySelector('td')!.textContent!.trim()]));
}

describe('a question’s page', () => {
  it('shows when it was received and answered, in Vietnam time, and the working days it took', async () => {
    await page.goto(`${base}/hoi-dap/gui-cau-hoi-tren-cong-can-thong-tin-gi/`);
    expect(await details()).toEqual(
      expect.arrayContaining([
        ['Kênh gửi câu hỏi', 'Cổng thông tin điện tử'],
        ['Thời điểm tiếp nhận', '13/02/2026 17:45'],
        ['Thời điểm trả lời', '26/02/2026 15:00'],
        ['Thời gian trả lời', 'Trả lời sau 3 ngày làm việc'],
      ]),
    );
    await page.goto(`${base}/en/questions/what-to-include-in-a-question/`);
    expect(await details()).toEqual(
      expect.arrayContaining([
        ['Received', '13 February 2026, 17:45'],
        ['Answered', '26 February 2026, 15:00'],
        ['Time to answer', 'Answered in 3 working days'],
      ]),
    );
  });
});

describe('the Q&A listing by topic', () => {
  it('narrows to a topic by links, counts what it lists, and switches language on the same topic', async () => {
    await page.goto(`${base}/hoi-dap/`);
    const all = Number(/\d+/.exec(await page.locator('main [role=status]').innerText())![0]);
    await page.getByRole('navigation', { name: 'Lọc theo chủ đề' }).getByRole('link', { name: /^Bảo hiểm y tế/ }).click();
    expect(new URL(page.url()).pathname).toBe('/hoi-dap/chu-de-bhyt/');
    expect(await page.locator('h1').innerText()).toBe('Hỏi đáp: Bảo hiểm y tế');
    const listed = await page.locator('#results > li').count();
    expect(await page.locator('main [role=status]').innerText()).toBe(`${listed} câu hỏi`);
    expect(listed).toBeLessThan(all);
    expect(await page.locator('[aria-current="true"]').innerText()).toMatch(/^Bảo hiểm y tế \(\d+\)$/);
    await page.locator('a.language-switcher').click();
    expect(new URL(page.url()).pathname).toBe('/en/questions/topic-health-insurance/');
    expect(await page.locator('h1').innerText()).toBe('Questions and answers: Health insurance');
  });
});
