/**
 * The Q&A register in the real CMS on `npm start`: the Customer Service
 * Centre registers a question the moment it arrives — no classification, no
 * unit, no answer, no text — with its arrival typed dd/mm/yyyy hh:mm in
 * Vietnam time; the draft saves, its file passes the real content check, and
 * an answer time without the answer is refused before saving, by the field's
 * label.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readContentFiles, readPublicFiles } from '../../src/content-loader/read-content.ts';
import { formatIssue, isError } from '../../src/lib/content/issues.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { exportBranch } from '../../scripts/lib/sandbox-repo.ts';
import { launch } from './browser.ts';
import { choose, fieldIds, gitIn, waitUntilSaved } from './cms-editor.ts';
import { cmsSandbox, startPortal, type RunningPortal } from './npm-start.ts';

const sandbox = cmsSandbox();
const repo = path.join(sandbox, 'repo');
const git = gitIn(repo);

let portal: RunningPortal;
let browser: Browser;
let page: Page;

async function contentErrorsOn(branch: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-cms-qa-branch-'));
  try {
    await exportBranch(repo, branch, dir);
    const content = await readContentFiles(dir);
    const publicFiles = await readPublicFiles(dir);
    const { issues } = validateContent(content.files, { staticPaths: publicFiles.staticPaths });
    return [...content.issues, ...publicFiles.issues, ...issues].filter(isError).map(formatIssue);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function typeDate(id: string, text: string) {
  await page.click(`#${id}`);
  await page.fill(`#${id}`, '');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

beforeAll(async () => {
  portal = await startPortal(sandbox);
  browser = await launch(['--lang=en-US']);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'America/New_York' });
  page.on('dialog', (d) => void d.accept());
  page.on('console', (m) => { if (m.type() === 'error') process.stderr.write(`[console] ${m.text()}\n`); });
  page.on('pageerror', (e) => process.stderr.write(`[pageerror] ${e.message}\n`));
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(tmpdir(), `cms-qa-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`) }).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('registering a question in the CMS', () => {
  const slug = 'gia-han-the-bhyt-cho-bo-me';
  const branch = `cms/qa/${slug}`;

  it('saves a question received but not yet answered, in Vietnam time, and the content check accepts it', async () => {
    await page.goto(`${portal.base}/admin/`);
    const login = page.getByRole('button', { name: 'Đăng nhập' });
    const collections = page.locator('a[href*="#/collections/"]').first();
    await login.or(collections).first().waitFor({ timeout: 30_000 });
    if (await login.isVisible()) await login.click();
    await page.goto(`${portal.base}/admin/#/collections/qa/new`);
    await page.locator('[id^="title-field-"]').first().waitFor({ timeout: 30_000 });
    await page.fill(`#${(await fieldIds(page, 'title'))[0]}`, 'Gia hạn thẻ BHYT cho bố mẹ');
    await page.fill(`#${(await fieldIds(page, 'question'))[0]}`, 'Thẻ BHYT của bố mẹ tôi sắp hết hạn, tôi gia hạn qua VssID được không?');
    await page.fill(`#${(await fieldIds(page, 'initials'))[0]}`, 'P.T.M.');
    await page.fill(`#${(await fieldIds(page, 'province'))[0]}`, 'Hồ Chí Minh');
    await choose(page, (await fieldIds(page, 'topic'))[0]!, 'Bảo hiểm y tế');
    await choose(page, (await fieldIds(page, 'channel'))[0]!, 'Thư điện tử');
    const [received] = await fieldIds(page, 'received');
    expect(await page.locator(`#${received}-format`).textContent()).toBe('ngày/tháng/năm giờ:phút · Giờ Việt Nam (UTC+7)');
    await typeDate(received!, '01/12/2026 20:10');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => git('show', `${branch}:content/qa/vi/${slug}.mdx`), { timeout: 20_000 }).toMatch(/^received: ["']?2026-12-01T20:10/m);
    // The CMS reopens the saved draft at its own address, with a new form.
    await page.waitForURL(new RegExp(`#/collections/qa/entries/${slug}$`), { timeout: 30_000 });
    await waitUntilSaved(page);
    const file = git('show', `${branch}:content/qa/vi/${slug}.mdx`);
    expect(file).not.toMatch(/^answered: ["']?\d/m);
    expect(await contentErrorsOn(branch)).toEqual([]);
  });

  it('refuses an answer time without the answer, naming the field', async () => {
    const [answered] = await fieldIds(page, 'answered');
    await typeDate(answered!, '02/12/2026 09:00');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 20_000 }).toContain('Thời điểm trả lời: Câu hỏi đã có thời điểm trả lời (answered) nhưng chưa có câu trả lời');
    expect(git('show', `${branch}:content/qa/vi/${slug}.mdx`)).not.toMatch(/^answered:/m);
  });
});
