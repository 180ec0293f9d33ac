/**
 * The CMS's form and the content check agree (issue 11): ordinary edits in the
 * real Decap UI on `npm start` leave files on the draft's `cms/…` branch that
 * pass the real content check (validateContent), dates are typed and shown
 * dd/mm/yyyy in both interfaces and implausible ones are refused with a
 * message, and an upload of the wrong kind is refused with a message.
 * Screenshots for the editors' guide: tests/e2e/guide-screenshots.ts.
 *
 * Every edit kind in every collection (published entries edited in each
 * language, new entries, withdrawal, scheduling, images) is driven in
 * tests/e2e/cms-matrix.test.ts; moving a card to “ready” and publishing in
 * tests/e2e/cms-publication.test.ts.
 */

import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { choose, contentErrorsOn as contentErrorsOnBranch, fieldIds, gitIn, logIn as logInAt, openEntry as openEntryAt, typeDate as typeDateAt, waitUntilSaved } from './cms-editor.ts';
import { guideScreenshot } from './guide-screenshots.ts';
import { cmsSandbox, startPortal, type RunningPortal } from './npm-start.ts';

const sandbox = cmsSandbox();
const repo = path.join(sandbox, 'repo');

let portal: RunningPortal;
let browser: Browser;
let page: Page;

const git = gitIn(repo);

const contentErrorsOn = (branch: string) => contentErrorsOnBranch(repo, branch);
const logIn = (admin: string, button: string) => logInAt(page, portal.base, admin, button);
const openEntry = (address: string, field?: string) => openEntryAt(page, portal.base, address, field);
const typeDate = (id: string, text: string) => typeDateAt(page, id, text);

beforeAll(async () => {
  portal = await startPortal(sandbox);
  browser = await launch(['--lang=en-US']);
  // An American browser: a native date input would show mm/dd/yyyy here.
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'America/New_York' });
  page.on('dialog', (d) => void d.accept());
}, 180_000);

afterEach(async (context) => {
  // A failed step leaves a picture of the page to read the CMS's own message from.
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(tmpdir(), `cms-fields-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) }).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('dates in the CMS', () => {
  it('Vietnamese interface: typed dd/mm/yyyy, stored YYYY-MM-DD, no “UTC”; 1906 is refused with the field’s label', async () => {
    await logIn('/admin/', 'Đăng nhập');
    await page.goto(`${portal.base}/admin/#/collections/news/new`);
    await page.locator('[id^="title-field-"]').first().waitFor();
    const [date] = await fieldIds(page, 'date');
    await typeDate(date!, '12/02/2026');
    expect(await page.inputValue(`#${date}`)).toBe('12/02/2026');
    const field = page.locator(`#${date}`).locator('xpath=ancestor::div[.//label][1]');
    expect(await page.locator(`#${date}-format`).textContent()).toBe('ngày/tháng/năm');
    expect(await page.locator('body').textContent()).not.toMatch(/\bUTC\b(?!\+7)/);
    await guideScreenshot(field, 'date-field-vi.png');

    await typeDate(date!, '02/12/1906');
    const alert = page.locator('.vietnam-date-error').first();
    await expect.poll(() => alert.textContent()).toContain('Ngày 02/12/1906 trước năm 1945, không thể đúng.');
    await guideScreenshot(field, 'date-field-refused-vi.png');
  });

  it('English interface: the same dd/mm/yyyy, publish_at in Vietnam time (UTC+7)', async () => {
    await logIn('/en/admin/', 'Login');
    await page.goto(`${portal.base}/en/admin/#/collections/news/new`);
    await page.locator('[id^="title-field-"]').first().waitFor();
    const [date] = await fieldIds(page, 'date');
    await typeDate(date!, '12/02/2026');
    expect(await page.inputValue(`#${date}`)).toBe('12/02/2026');
    expect(await page.locator(`#${date}-format`).textContent()).toBe('dd/mm/yyyy');
    const [publishAt] = await fieldIds(page, 'publish_at');
    expect(await page.locator(`#${publishAt}-format`).textContent()).toBe('dd/mm/yyyy hh:mm · Vietnam time (UTC+7)');
    await guideScreenshot(page.locator(`#${publishAt}`).locator('xpath=ancestor::div[.//label][1]'), 'publish-at-field-en.png');
    await guideScreenshot(page.locator(`#${date}`).locator('xpath=ancestor::div[.//label][1]'), 'date-field-en.png');
  });
});

describe('edits in the Vietnamese interface leave files that pass the content check', () => {
  it('a new Vietnamese-only news item (the English file Decap writes is an untranslated copy)', async () => {
    await logIn('/admin/', 'Đăng nhập');
    await page.goto(`${portal.base}/admin/#/collections/news/new`);
    await page.locator('[id^="title-field-"]').first().waitFor();
    await page.fill(`#${(await fieldIds(page, 'title'))[0]}`, 'Lịch tiếp công dân tháng 2');
    await page.fill(`#${(await fieldIds(page, 'summary'))[0]}`, 'Lịch tiếp công dân định kỳ của cơ quan trong tháng 2.');
    await typeDate((await fieldIds(page, 'date'))[0]!, '12/02/2026');
    await choose(page, (await fieldIds(page, 'column'))[0]!, 'Tin tức - Sự kiện');
    await choose(page, (await fieldIds(page, 'section'))[0]!, 'Hoạt động ngành');
    await page.fill(`#${(await fieldIds(page, 'author'))[0]}`, 'Văn phòng');
    await page.locator('[contenteditable=true]').nth(0).click();
    await page.keyboard.type('Cơ quan tiếp công dân vào thứ Năm hằng tuần.');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const branch = 'cms/news/lich-tiep-cong-dan-thang-2';
    await expect.poll(() => git('show', `${branch}:content/news/vi/lich-tiep-cong-dan-thang-2.mdx`), { timeout: 20_000 }).toContain('date: 2026-02-12');
    await waitUntilSaved(page);
    expect(await contentErrorsOn(branch)).toEqual([]);
  });

  it('an edit of a published bilingual entry (one word of the summary)', async () => {
    const slug = 'bhxh-tu-nguyen-cho-lao-dong-tu-do';
    await openEntry(`/admin/#/collections/news/entries/${slug}`);
    const [summaryVi] = await fieldIds(page, 'summary');
    // The summary is a text area: Ctrl+End is the end of its text (End, the end of a wrapped line).
    await page.locator(`#${summaryVi}`).press('Control+End');
    await page.keyboard.type(' Cập nhật.');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const branch = `cms/news/${slug}`;
    await expect.poll(() => git('show', `${branch}:content/news/vi/${slug}.mdx`), { timeout: 20_000 }).toContain('Cập nhật.');
    await waitUntilSaved(page);
    // Decap rewrites the English file too, with fields nobody filled in as null (issue 11): the state the check must accept.
    const english = git('show', `${branch}:content/news/en/${slug}.mdx`);
    expect(english).toContain('title: Voluntary social insurance');
    expect(english).toMatch(/^publish_at: null$/m);
    expect(await contentErrorsOn(branch)).toEqual([]);
  });

  it('a field copied from the Vietnamese original (the author) cannot be typed into on the English side', async () => {
    const slug = 'bhxh-tu-nguyen-cho-lao-dong-tu-do';
    await openEntry(`/admin/#/collections/news/entries/${slug}`);
    const [authorVi, authorEn] = await fieldIds(page, 'author');
    const english = page.locator(`#${authorEn}`);
    const before = await english.inputValue();
    expect(before).toBe(await page.locator(`#${authorVi}`).inputValue());
    // Inside a disabled fieldset: the browser neither focuses nor changes it, and a note says where to edit it.
    expect(await english.isEditable()).toBe(false);
    expect(await english.evaluate((el) => el.closest('fieldset')?.disabled)).toBe(true);
    expect(await page.locator(`#${authorEn}-copied`).textContent()).toBe('Giống bản tiếng Việt: sửa ở khung tiếng Việt.');
    await english.press('End').catch(() => {});
    await page.keyboard.type(' (typed in English)');
    expect(await english.inputValue()).toBe(before);
  });
});

describe('uploads', () => {
  it('a PDF saved from an image field is refused with a message the editor sees, and nothing is committed', async () => {
    const slug = 'lich-tiep-cong-dan-thang-2';
    await openEntry(`/admin/#/collections/news/entries/${slug}`);
    // The optional group “Ảnh đại diện” is the first collapsed group of the Vietnamese side.
    await page.locator('[data-testid="expand-button"]').first().click();
    await page.getByRole('button', { name: 'Chọn một hình' }).first().click();
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    await page.locator('input[type=file]').first().setInputFiles({ name: 'quyet-dinh.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.waitForTimeout(1000);
    // Closed as an editor does, from inside the dialog (Escape from outside it reaches the form).
    const dialog = page.getByRole('dialog');
    await dialog.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.locator(`#${(await fieldIds(page, 'summary'))[0]}`).press('Control+End');
    await page.keyboard.type(' Có ảnh.');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const message = page.getByText(/ô ảnh chỉ nhận ảnh/i).first();
    await message.waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(800); // the notice slides in
    await guideScreenshot(page, 'upload-refused-vi.png');
    expect(git('ls-tree', '-r', '--name-only', `cms/news/${slug}`, 'public')).not.toContain('quyet-dinh.pdf');
  });
});
