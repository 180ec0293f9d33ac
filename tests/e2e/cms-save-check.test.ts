/**
 * The save check of the local backend (scripts/lib/publication-gate.ts
 * `checkSave`), in the real Decap CMS on `npm start`, in the Vietnamese and
 * the English interface: a pasted <script>, a {1+1} expression, an import
 * line or an unknown component in the text of an entry is refused when the
 * editor saves, with a notice naming the text field by its label and the
 * line, in the interface's language and without Decap's “API_ERROR: ”;
 * the problems stay listed in a panel; nothing is written; the text stays in
 * the form; fixed there, it saves. A save that passes with notes — one the
 * server makes on the text (a legal text's numbering), one the CMS page makes
 * from the former addresses the build served (an address another page had
 * when published) — lists them once saved, in both interfaces.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { EntryRules } from '../../src/lib/cms/cms-entry-check.ts';
import { launch } from './browser.ts';
import { fieldIds, gitIn } from './cms-editor.ts';
import { cmsSandbox, startPortal, type RunningPortal } from './npm-start.ts';

const sandbox = cmsSandbox();
const repo = path.join(sandbox, 'repo');
const git = gitIn(repo);
/** A published bilingual entry, edited in the CMS. */
const slug = 'canh-bao-tai-khoan-zalo-gia-mao';
const draft = `cms/news/${slug}`;

let portal: RunningPortal;
let browser: Browser;

const interfaces = {
  vi: { admin: '/admin/', login: 'Đăng nhập', loggedIn: 'Bộ sưu tập', save: 'Lưu', field: 'trường “Nội dung”, dòng', notSaved: 'Chưa lưu được mục: Nội dung của “news/' },
  en: { admin: '/en/admin/', login: 'Login', loggedIn: 'Collections', save: 'Save', field: 'field “Text”, line', notSaved: 'The entry was not saved: The content of “news/' },
} as const;
type Language = keyof typeof interfaces;
const pages: Partial<Record<Language, Page>> = {};

const mistakes = [
  { name: 'a pasted <script>', text: '<script>alert("x")</script>', vi: 'Thẻ <script> không bao giờ được phép', en: 'The tag <script> is never allowed' },
  { name: 'a {1+1} expression', text: 'Kết quả là {1+1}.', vi: 'biểu thức trong ngoặc nhọn', en: 'may not contain { } expressions' },
  { name: 'an import line', text: "import Widget from './widget.js'", vi: 'lệnh import/export', en: 'may not contain import/export statements' },
  { name: 'an unknown component', text: '<Widget title="x" />', vi: 'Thẻ <Widget> không được phép', en: 'The tag <Widget> is not allowed' },
];

beforeAll(async () => {
  portal = await startPortal(sandbox);
  // The entry gets its optional lifecycle fields, as if the CMS had written it before: the CMS then writes no empty field.
  // Its link whose text is its address gets other text here, so that these cases do not depend on the link's round
  // trip through the rich-text editor; the last test puts it back and checks that round trip.
  for (const locale of ['vi', 'en']) {
    const file = path.join(repo, 'content', 'news', locale, `${slug}.mdx`);
    const text = readFileSync(file, 'utf8')
      .replace('\n---\n', '\npublish_at: 2024-11-20T08:00:00+07:00\nminor_change: false\n---\n')
      .replace('[https://zalo.me/bhxhvietnam](https://zalo.me/bhxhvietnam)', '[zalo.me/bhxhvietnam](https://zalo.me/bhxhvietnam)');
    writeFileSync(file, text);
  }
  git('commit', '--quiet', '--all', '-m', 'Lifecycle fields of one entry');
  browser = await launch();
  for (const language of ['vi', 'en'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('dialog', (d) => void d.accept());
    const ui = interfaces[language];
    await page.goto(`${portal.base}${ui.admin}`);
    await page.getByRole('button', { name: ui.login }).click({ timeout: 30_000 });
    await page.getByText(ui.loggedIn).first().waitFor();
    pages[language] = page;
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

let loads = 0;

/** Opens the entry afresh in the `language` interface; its Vietnamese text field. */
async function openEntry(page: Page, language: Language) {
  await page.goto(`${portal.base}${interfaces[language].admin}?load=${++loads}#/collections/news/entries/${slug}`);
  await page.locator('[id^="title-field-"]').first().waitFor({ timeout: 30_000 });
  return page.locator('[contenteditable=true]').first();
}

/** Puts the caret on a new line at the end of the text field, as an editor adds a paragraph. */
async function newLineAtEnd(page: Page, body: Awaited<ReturnType<typeof openEntry>>) {
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
}

/** Presses Save; the local backend's answer to it. */
async function save(page: Page, language: Language) {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1') && (r.request().postData() ?? '').includes('"action":"persistEntry"'), { timeout: 60_000 });
  await page.getByRole('button', { name: interfaces[language].save, exact: true }).click();
  return answered;
}

/** Deletes the draft through the local backend, as Decap's "Delete unpublished entry" does. */
async function discardDraft(page: Page) {
  const answer = await page.evaluate(async (params) => {
    const response = await fetch('/api/v1', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'deleteUnpublishedEntry', params }) });
    return `${response.status} ${await response.text()}`;
  }, { branch: 'main', collection: 'news', slug });
  expect(answer).toMatch(/^200 /);
}

/**
 * Before the sandbox is changed behind decap-server's back: no CMS page may be talking to it (the workflow list a
 * discard reloads), and it must be back on its published branch with no git operation under way.
 */
async function untilSandboxIdle() {
  for (const page of Object.values(pages)) await page!.goto('about:blank');
  await expect
    .poll(() => (existsSync(path.join(repo, '.git', 'index.lock')) ? 'busy' : `${git('symbolic-ref', '--short', 'HEAD')} ${git('status', '--porcelain', '--untracked-files=no')}`), { timeout: 20_000 })
    .toBe('main ');
}

/** The line of the text field that holds `text`, counted from 1, in the file the CMS sent. */
function bodyLine(raw: string, text: string): number {
  const lines = raw.split('\n');
  const end = lines.indexOf('---', 1);
  return lines.findIndex((line, i) => i > end && line.includes(text)) - end;
}

describe.each(['vi', 'en'] as const)('the save check in the %s interface', (language) => {
  const ui = interfaces[language];

  // Every kind of mistake in the Vietnamese interface; in the English one, that the interface shows its own language
  // (each kind's message in both languages is checked at the local backend, decap-local-backend.drafts.test.ts).
  it.each(language === 'vi' ? mistakes : mistakes.slice(0, 1))('refuses $name in the text at save, keeps the text, and saves it once fixed', async (mistake) => {
    const page = pages[language]!;
    const body = await openEntry(page, language);
    await newLineAtEnd(page, body);
    // As pasted: the whole line at once.
    await page.keyboard.insertText(mistake.text);

    const refused = await save(page, language);
    expect(refused.status()).toBe(422);
    const sent = JSON.parse(refused.request().postData()!) as { params: { dataFiles: { path: string; raw: string }[] } };
    const raw = sent.params.dataFiles.find((f) => f.path === `content/news/vi/${slug}.mdx`)!.raw;
    const line = bodyLine(raw, mistake.text.slice(0, 12));
    expect(line).toBeGreaterThan(0);

    // The notice, in the interface's language, names the text field by its label and the line.
    const notice = page.getByText(ui.notSaved).first();
    await notice.waitFor({ timeout: 20_000 });
    const said = (await notice.textContent()) ?? '';
    expect(said).toContain(`${ui.field} ${line} (content/news/vi/${slug}.mdx`);
    expect(said).toContain(mistake[language]);
    expect(said).not.toContain('API_ERROR');
    expect(said).not.toContain(language === 'vi' ? 'The content of' : 'Nội dung của');
    // Nothing was written.
    expect(git('branch', '--list', draft)).toBe('');
    expect(git('status', '--porcelain')).toBe('');
    // What the editor typed is still in the form.
    expect(await body.innerText()).toContain(mistake.text);
    // The problems stay listed in the save check's panel, also once Decap's notice is gone (after 8 s).
    const panel = page.locator('#cms-entry-problems');
    expect(await panel.locator('h2').textContent()).toMatch(language === 'vi' ? /^Nội dung của “news\// : /^The content of “news\//);
    expect(await panel.locator('li').allTextContents()).toEqual([expect.stringContaining(`${ui.field} ${line} (content/news/vi/${slug}.mdx`)]);
    if (mistake === mistakes[0]) {
      await notice.waitFor({ state: 'detached', timeout: 20_000 });
      expect(await panel.isVisible()).toBe(true);
    }

    // Fixed in the form (the pasted line replaced), it saves.
    await page.getByText(mistake.text, { exact: true }).last().click({ clickCount: 3 });
    await page.keyboard.insertText('Kết quả là hai.');
    expect(await body.innerText()).not.toContain(mistake.text);
    const saved = await save(page, language);
    expect(saved.status(), await saved.text()).toBe(200);
    expect(await page.locator('#cms-entry-problems').count()).toBe(0);
    await expect.poll(() => git('show', `${draft}:content/news/vi/${slug}.mdx`), { timeout: 20_000 }).toContain('Kết quả là hai.');
    expect(git('show', `${draft}:content/news/vi/${slug}.mdx`)).not.toContain(mistake.text);

    // The draft goes again, for the next case: through decap-server, which holds the sandbox's git in turn (a
    // deletion behind its back races its reading of the branch and leaves the sandbox on a branch that is gone).
    await discardDraft(page);
    expect(git('branch', '--list', draft)).toBe('');
  });
});

describe('a link whose text is its own address', () => {
  it('is written back as [address](address) after an edit of the text in the rich-text mode, and the entry saves', async () => {
    await untilSandboxIdle();
    const file = path.join(repo, 'content', 'news', 'vi', `${slug}.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('[zalo.me/bhxhvietnam](https://zalo.me/bhxhvietnam)', '[https://zalo.me/bhxhvietnam](https://zalo.me/bhxhvietnam)'));
    git('commit', '--quiet', '--all', '-m', 'The link as the portal has it');
    const page = pages.vi!;
    const body = await openEntry(page, 'vi');
    await newLineAtEnd(page, body);
    await page.keyboard.insertText('Cập nhật.');
    const saved = await save(page, 'vi');
    expect(saved.status(), await saved.text()).toBe(200);
    await expect.poll(() => git('show', `${draft}:content/news/vi/${slug}.mdx`), { timeout: 20_000 }).toContain('Cập nhật.');
    const written = git('show', `${draft}:content/news/vi/${slug}.mdx`);
    expect(written).toContain('[https://zalo.me/bhxhvietnam](https://zalo.me/bhxhvietnam)');
    expect(written).not.toContain('<https://');
  });
});

describe('the notes of the content check on a saved entry', () => {
  /** Another news item, which had the English address `a-former-address` in a published revision. */
  const other = 'bhxh-tu-nguyen-cho-lao-dong-tu-do';

  it('lists, once saved, the numbering of a legal text (the local backend checks the text) and an address another page had (from the former addresses the build served)', async () => {
    await untilSandboxIdle();
    // The draft the test above left.
    if (git('branch', '--list', draft) !== '') git('branch', '-D', '--quiet', draft);
    // Both language files hold the address (the CMS copies it).
    const files = ['vi', 'en'].map((locale) => path.join(repo, 'content', 'news', locale, `${other}.mdx`));
    const published = files.map((file) => readFileSync(file, 'utf8'));
    for (const address of ['a-former-address', 'its-address-now']) {
      files.forEach((file, i) => writeFileSync(file, published[i]!.replace(/^english_address: .*$/m, `english_address: ${address}`)));
      git('commit', '--quiet', '--all', '-m', `English address of ${other}: ${address}`);
    }
    // `npm start` rebuilds the site from the published branch; the CMS page reads the former addresses the build served.
    await expect
      .poll(async () => ((await (await fetch(`${portal.base}/admin/entry-rules.json`)).json()) as EntryRules).formerAddresses, { timeout: 120_000, interval: 1000 })
      .toContainEqual({ path: '/en/news/a-former-address/', locale: 'en', collection: 'news', slug: other, now: '/en/news/its-address-now/' });
    const page = pages.vi!;
    const body = await openEntry(page, 'vi');
    const [address] = await fieldIds(page, 'english_address');
    await page.fill(`#${address}`, 'a-former-address');
    // Two articles of a legal text, the second misnumbered, as an editor makes headings (Ctrl+2).
    await newLineAtEnd(page, body);
    await page.keyboard.press('Control+2');
    await page.keyboard.type('Điều 1. Phạm vi');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Văn bản.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+2');
    await page.keyboard.type('Điều 3. Hiệu lực');

    const saved = await save(page, 'vi');
    expect(saved.status(), await saved.text()).toBe(200);
    const sent = JSON.parse(saved.request().postData()!) as { params: { dataFiles: { path: string; raw: string }[] } };
    const raw = sent.params.dataFiles.find((f) => f.path === `content/news/vi/${slug}.mdx`)!.raw;
    expect(raw).toContain('## Điều 3. Hiệu lực');
    const line = bodyLine(raw, 'Điều 3.');
    await expect.poll(() => git('branch', '--list', draft), { timeout: 20_000 }).toContain(draft);

    // A status beside the form, not an alert: the entry is saved.
    const notes = page.locator('#cms-entry-notes');
    await notes.waitFor({ timeout: 20_000 });
    expect(await notes.getAttribute('role')).toBe('status');
    expect(await notes.locator('h2').textContent()).toBe('Đã lưu. Bước kiểm tra nội dung có 2 lưu ý cho mục này; hãy xem trước khi công bố:');
    const items = await notes.locator('li').allTextContents();
    expect(items).toEqual(
      expect.arrayContaining([
        `Bản tiếng Việt — Nội dung, dòng ${line}: Điều 3 không đúng thứ tự: điều tiếp theo phải là Điều 2.`,
        expect.stringMatching(
          new RegExp(`^Bản tiếng Việt — Địa chỉ trang tiếng Anh: Địa chỉ /en/news/a-former-address/ của trang này từng là địa chỉ của trang khác \\(content/news/vi/${other}\\.mdx, nay ở /en/news/its-address-now/\\)`),
        ),
      ]),
    );
    expect(items).toHaveLength(2);
    expect(await page.locator('#cms-entry-problems').count()).toBe(0);
  });

  it('lists them in English in the English interface', async () => {
    const page = pages.en!;
    // The draft saved above, changed again.
    const body = await openEntry(page, 'en');
    await newLineAtEnd(page, body);
    await page.keyboard.type('Thêm một dòng.');
    const saved = await save(page, 'en');
    expect(saved.status(), await saved.text()).toBe(200);
    const notes = page.locator('#cms-entry-notes');
    await notes.waitFor({ timeout: 20_000 });
    expect(await notes.locator('h2').textContent()).toBe('Saved. The content check has 2 notes on this entry; look at them before publishing:');
    expect(await notes.locator('li').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Vietnamese version — Text, line \d+: Article 3 is out of order: the next article should be Article 2\.$/),
        expect.stringMatching(/^Vietnamese version — English page address: This page's address \/en\/news\/a-former-address\/ was another page's/),
      ]),
    );
    await discardDraft(page);
  });
});
