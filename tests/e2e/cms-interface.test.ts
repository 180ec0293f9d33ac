/**
 * The CMS as a Vietnamese editor sees it, on `npm start`: every screen
 * (collections, the editor of a bilingual entry with every kind of field, the
 * media library, the workflow board, the settings) says nothing in Decap's
 * English; and an entry the content check would refuse is not saved, with a
 * message naming the field by its label. Screenshots for the editors' guide
 * go to docs/images/cms/.
 */

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import decapEnglish from 'decap-cms-locales/dist/esm/en/index.js';
import { phraseLeaves } from '../../src/lib/cms/decap-locale-vi.ts';
import { launch } from './browser.ts';
import { choose, fieldIds, gitIn } from './cms-editor.ts';
import { guideScreenshot } from './guide-screenshots.ts';
import { cmsSandbox, startPortal, type RunningPortal } from './npm-start.ts';

const sandbox = cmsSandbox();
const repo = path.join(sandbox, 'repo');

/** Names that are the same in every language: brands and formats Decap names. */
const properNouns = ['Markdown', 'GitHub', 'GitLab', 'Bitbucket', 'Gitea', 'Forgejo', 'Azure', 'Netlify Identity', 'Netlify', 'Decap CMS'];

/**
 * Decap's English interface strings (its `en` phrases): each phrase's fixed
 * parts, without its %{placeholders}, plural forms split.
 */
const englishPhrases = [
  ...new Set(
    phraseLeaves(decapEnglish)
      .flatMap(([, text]) => text.split('||||'))
      .flatMap((text) => {
        const parts = text.split(/%\{\w+\}|\n/).map((part) => part.trim().replace(/^[\s:.,…'"‘’“”()\-＋]+|[\s:.,…'"‘’“”()\-＋]+$/g, ''));
        // A short word cut out of a longer phrase (“and”, “by”) says nothing on its own; a whole short phrase (“Now”) does.
        return parts.filter((part) => /[A-Za-z]{4,}/.test(part) || (parts.length === 1 && /[A-Za-z]{2,}/.test(part)));
      })
      .filter((part) => !properNouns.includes(part)),
  ),
];

let portal: RunningPortal;
let base = '';
let browser: Browser;
let page: Page;

const git = gitIn(repo);

beforeAll(async () => {
  portal = await startPortal(sandbox);
  base = portal.base;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('dialog', (d) => void d.accept());
  // Every text shown since the page started, the short-lived loading screen included.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenTexts: string[] }).seenTexts = seen;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.textContent?.trim() && !(n.parentElement ?? (n as Element)).closest?.('.cms-language')) seen.push(n.textContent.trim());
    }).observe(document, { childList: true, subtree: true });
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/**
 * The text an editor sees on the page, from Decap (not what was typed into
 * the entry): visible text outside the text editors and the preview, plus the
 * placeholders, tooltips and accessible names of the controls.
 */
async function interfaceText(): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[contenteditable=true], textarea, script, style, .cms-language')) continue;
      if (!parent.checkVisibility()) continue;
      const text = node.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (el.closest('.cms-language')) continue;
      for (const name of ['placeholder', 'title', 'aria-label']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

/** The Decap English phrases found in the page's interface text (and, with `sinceLoad`, in all it showed since it loaded). */
async function englishOnPage(sinceLoad = false): Promise<string[]> {
  const texts = [...(await interfaceText()), ...(sinceLoad ? await page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts) : [])];
  const found = new Set<string>();
  for (const phrase of englishPhrases) {
    const whole = new RegExp(`(^|[^A-Za-z])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`);
    for (const text of texts) if (whole.test(text)) found.add(`${phrase} ← “${text.slice(0, 80)}”`);
  }
  return [...found];
}

/** Opens a screen of the CMS afresh (a full load: nothing of the previous screen stays). */
async function open(hash: string) {
  await page.goto('about:blank');
  await page.goto(`${base}/admin/#/${hash}`);
}

/** Opens every collapsed group and list of the form, so that their controls are on the screen too. */
async function expandAll() {
  // An empty list has nothing to open: add an item to it, so that its controls show (e.g. a document's attachments, a file field).
  await page.locator('button[data-testid="expand-button"]').evaluateAll((buttons) => {
    for (const button of buttons) {
      const topBar = button.parentElement?.parentElement;
      if (/^0\s/.test(button.parentElement?.textContent ?? '')) topBar?.querySelector<HTMLButtonElement>(':scope > button')?.click();
    }
  });
  for (let round = 0; round < 3; round++) {
    // Decap's object and list widgets: a chevron button named “Expand” (Mở ra) while collapsed.
    const closed = page.locator('button[data-testid="expand-button"]:is([aria-label="Mở ra"], [aria-label="Expand"])');
    const n = await closed.count();
    // A DOM click: the English side's copied fields are greyed out with `pointer-events: none`.
    for (let i = n - 1; i >= 0; i--) await closed.nth(i).evaluate((button) => (button as HTMLButtonElement).click());
  }
  await page.waitForTimeout(500);
}

/** A date typed as the field takes it: Decap's own date input (ISO), or the portal's day/month/year field. */
async function fillDate(id: string, year: number, month: number, day: number) {
  const two = (n: number) => String(n).padStart(2, '0');
  const native = (await page.getAttribute(`#${id}`, 'type')) === 'date';
  await page.fill(`#${id}`, native ? `${year}-${two(month)}-${two(day)}` : `${two(day)}/${two(month)}/${year}`);
}

describe('the Vietnamese interface of the CMS', () => {
  it('builds its list of Decap’s English strings from Decap’s own phrases', () => {
    expect(englishPhrases).toContain('Writing in');
    expect(englishPhrases).toContain('Fill in from another locale');
    expect(englishPhrases).toContain('Copy Name');
    expect(englishPhrases.length).toBeGreaterThan(200);
  });

  it('says nothing in English while it starts and on the login screen', async () => {
    await page.goto(`${base}/admin/`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts)).toContain('Đang tải cấu hình…');
    expect(await englishOnPage(true)).toEqual([]);
    await guideScreenshot(page, 'dang-nhap.png');
  });

  it('says nothing in English on the collections list', async () => {
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Bộ sưu tập').first().waitFor();
    await open('collections/news');
    await page.getByText('Tin tức').first().waitFor();
    await page.waitForTimeout(1000);
    expect(await englishOnPage()).toEqual([]);
  });

  it('says nothing in English in the editor of a bilingual entry, with every kind of field open', async () => {
    for (const [collection, slug] of [
      ['news', 'ban-hanh-quy-che-hoat-dong-tai-khoan-zalo'],
      ['documents', '1624-qd-bhxh'],
    ] as const) {
      await open(`collections/${collection}/entries/${slug}`);
      await page.waitForURL(`**/entries/${slug}`);
      await page.locator('[id^="title-field-"]').first().waitFor({ timeout: 30_000 });
      if (collection === 'news') await guideScreenshot(page, 'trinh-bien-tap.png');
      const groups = await page.locator('button[data-testid="expand-button"]').count();
      await expandAll();
      // Every group and list is open: more controls than before, and none left to open.
      expect(await page.locator('button[data-testid="expand-button"]').count()).toBeGreaterThanOrEqual(groups);
      expect(await page.locator('button[data-testid="expand-button"][aria-label="Mở ra"]').count()).toBe(0);
      // The image and file pickers are on the screen with the rest (text, dates, lists, choices, switches, the text editor).
      expect(await page.getByText(collection === 'news' ? 'Chọn một hình' : 'Chọn một tập tin', { exact: true }).count()).toBeGreaterThan(0);
      expect(await englishOnPage(), `${collection}/${slug}`).toEqual([]);
    }
    await open('collections/news/new');
    await page.locator('[id^="title-field-"]').first().waitFor();
    expect(await englishOnPage()).toEqual([]);
  });

  it('says nothing in English in the media library', async () => {
    await open('collections/news');
    await page.getByText('Tập tin', { exact: true }).first().click();
    await page.getByText('Tải lên').first().waitFor();
    await page.waitForTimeout(500);
    expect(await englishOnPage()).toEqual([]);
    await page.keyboard.press('Escape');
  });

});

describe('errors in the CMS, before anything is saved', () => {
  async function newNews(title: string, section: string) {
    await open('collections/news/new');
    await page.locator('[id^="title-field-"]').first().waitFor();
    await page.fill(`#${(await fieldIds(page, 'title'))[0]}`, title);
    await page.fill(`#${(await fieldIds(page, 'summary'))[0]}`, 'Một tóm tắt đủ dài cho bản tin thử nghiệm về lỗi.');
    await fillDate((await fieldIds(page, 'date'))[0]!, 2026, 11, 20);
    await choose(page, (await fieldIds(page, 'column'))[0]!, 'Tin tức - Sự kiện');
    await choose(page, (await fieldIds(page, 'section'))[0]!, section);
    await page.fill(`#${(await fieldIds(page, 'author'))[0]}`, 'Phòng Truyền thông');
    await page.locator('[contenteditable=true]').nth(0).click();
    await page.keyboard.type('Nội dung.');
  }

  it('refuses a 376-character title, naming the field “Tiêu đề”, and saves nothing', async () => {
    const title = `${'Tin dài '.repeat(47).trim()}!`;
    expect(title).toHaveLength(376);
    await newNews(title, 'Hoạt động ngành');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const panel = page.locator('#cms-entry-problems');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.textContent()).toContain('Chưa lưu');
    expect(await panel.locator('li').allTextContents()).toEqual([expect.stringMatching(/^Bản tiếng Việt — Tiêu đề: Dài quá 300 ký tự/)]);
    // Decap's own notice says it too.
    await page.getByText('Chưa lưu được mục: có 1 lỗi, xem danh sách ở góc dưới bên trái màn hình.').waitFor();
    expect(git('branch', '--list', 'cms/*')).toBe('');
    await page.locator('[id^="title-field-"]').first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await guideScreenshot(page, 'loi-truoc-khi-luu.png');
  });

  it('refuses a section outside its column, named by the names the editor sees', async () => {
    await newNews('Tin về mục sai chuyên mục', 'Thông cáo báo chí');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const panel = page.locator('#cms-entry-problems');
    await panel.waitFor({ timeout: 10_000 });
    const text = (await panel.textContent())!;
    expect(text).toContain('Mục “Thông cáo báo chí” không thuộc chuyên mục “Tin tức - Sự kiện”');
    expect(text).not.toContain('thong-cao-bao-chi');
    expect(git('branch', '--list', 'cms/*')).toBe('');
  });

  it('says it in English in the English interface', async () => {
    await page.goto('about:blank');
    await page.goto(`${base}/en/admin/#/collections/news/new`);
    await page.locator('[id^="title-field-"]').first().waitFor({ timeout: 30_000 });
    await page.fill(`#${(await fieldIds(page, 'title'))[0]}`, 'A news item in the wrong section');
    await page.fill(`#${(await fieldIds(page, 'summary'))[0]}`, 'A summary long enough for a test of the checks before saving.');
    await fillDate((await fieldIds(page, 'date'))[0]!, 2026, 11, 20);
    await choose(page, (await fieldIds(page, 'column'))[0]!, 'News and events');
    await choose(page, (await fieldIds(page, 'section'))[0]!, 'Press releases');
    await page.fill(`#${(await fieldIds(page, 'author'))[0]}`, 'Communications Office');
    await page.locator('[contenteditable=true]').nth(0).click();
    await page.keyboard.type('Text.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const panel = page.locator('#cms-entry-problems');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.locator('h2').textContent()).toMatch(/^Not saved: the entry has 1 error/);
    expect(await panel.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Vietnamese version — Section: Section “Press releases” is not in the column “News and events”/),
    ]);
    expect(git('branch', '--list', 'cms/*')).toBe('');
  });

  it('saves the entry once it is fixed, and the panel goes away', async () => {
    await newNews('Tin về mục sai chuyên mục', 'Thông cáo báo chí');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.locator('#cms-entry-problems').waitFor({ timeout: 10_000 });
    await choose(page, (await fieldIds(page, 'section'))[0]!, 'Hoạt động ngành');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => git('branch', '--list', 'cms/news/*'), { timeout: 20_000 }).toContain('cms/news/tin-ve-muc-sai-chuyen-muc');
    expect(await page.locator('#cms-entry-problems').count()).toBe(0);
  });

  it('tells the editor, once saved, what the content check warns about: the English version is not translated yet', async () => {
    // The entry saved above is in Vietnamese only: the English file Decap wrote holds only the copied fields,
    // which the build skips with a warning. The editor reads it here, not only whoever reads the build's log.
    const notes = page.getByRole('status').filter({ has: page.locator('h2') });
    await notes.waitFor({ timeout: 10_000 });
    expect(await notes.getAttribute('id')).toBe('cms-entry-notes');
    expect(await notes.locator('h2').textContent()).toBe('Đã lưu. Bước kiểm tra nội dung có 1 lưu ý cho mục này; hãy xem trước khi công bố:');
    expect(await notes.locator('li').allTextContents()).toEqual([expect.stringMatching(/^Bản tiếng Anh: Bản tiếng Anh chưa được dịch .* nên chưa được đăng/)]);
    expect(git('show', 'cms/news/tin-ve-muc-sai-chuyen-muc:content/news/vi/tin-ve-muc-sai-chuyen-muc.mdx')).toContain('Tin về mục sai chuyên mục');
    // A note is not an error: nothing in it says the save failed, and it goes when the editor leaves the entry.
    expect(await page.locator('#cms-entry-problems').count()).toBe(0);
    await page.evaluate(() => (location.hash = '#/collections/news'));
    await page.locator('a[href*="#/collections/news/entries/"]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#cms-entry-notes').count()).toBe(0);
  });
});

describe('the workflow board and the settings, in Vietnamese', () => {
  it('says nothing in English on the workflow board (with the draft saved above) and in the settings', async () => {
    await open('workflow');
    await page.getByText('Tin về mục sai chuyên mục').first().waitFor();
    expect(await englishOnPage()).toEqual([]);
    // The cards' dates as Vietnamese write them, never "2 December".
    const board = await page.locator('body').innerText();
    expect(board).toMatch(/\b\d{2}\/\d{2}\/20\d{2}\b/);
    expect(board).not.toMatch(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/);
    await guideScreenshot(page, 'quy-trinh-bien-tap.png');
    await open('collections/settings');
    await page.getByText('Cài đặt cổng').first().waitFor();
    expect(await englishOnPage()).toEqual([]);
    await open('collections/settings/entries/taxonomy');
    await page.locator('input, textarea').first().waitFor({ state: 'attached' });
    await expandAll();
    expect(await englishOnPage()).toEqual([]);
  });
});
