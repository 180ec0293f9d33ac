/**
 * Publishing from the real Decap CMS on `npm start` (one portal for the file):
 * - an edit of a published entry, then an English-only change (the case where
 *   Decap asks for the unchanged Vietnamese file with an empty id), each
 *   saved, moved to “Sẵn sàng”, published and live on the rebuilt site; a new
 *   English page address published, after which a reader's old link lands
 *   on the page at its new address; discarding a draft removes it;
 * - the publication gate (scripts/lib/publication-gate.ts): a draft holding a
 *   mistake the content check refuses (written with git: the CMS no longer
 *   saves one) gets a visible bilingual notice naming
 *   the file, line and field, nothing is merged, the published branch and the
 *   site are unchanged, and the editor can discard the draft from the CMS;
 * - a publication whose build fails after the merge is reported in the CMS
 *   and undone; the draft is kept and publishes once the build works again.
 * Screenshots of what the editor sees go to docs/images/cms/.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { fieldIds } from './cms-editor.ts';
import { writeDraftBranch } from './hand-made-draft.ts';
import { guideScreenshot } from './guide-screenshots.ts';
import { cmsSandbox, startPortal, type RunningPortal } from './npm-start.ts';
import { englishPath } from './site-content.ts';

const sandbox = cmsSandbox();
const repo = path.join(sandbox, 'repo');
/** Edited in the CMS: its files get publish_at and minor_change first, so that the CMS writes no empty field. */
const edited = 'canh-bao-tai-khoan-zalo-gia-mao';
/** Given broken drafts. */
const broken = 'huong-dan-su-dung-ung-dung-vssid';

let portal: RunningPortal;
let base = '';
let browser: Browser;
let page: Page;

function git(...args: string[]): string {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}
const draftExists = (slug: string) => spawnSync('git', ['show-ref', '--verify', '--quiet', `refs/heads/cms/news/${slug}`], { cwd: repo }).status === 0;
const siteUpdates = () => portal.output().split('site updated after a publication').length - 1;
const page$ = async (url: string) => (await fetch(`${base}${url}`)).text();

/**
 * A draft of `broken` ready to publish, holding these files. The CMS can no
 * longer save a draft the content check refuses (the local backend's save
 * check), so it is written with git, as a draft saved before that check
 * existed or edited by hand would be: the publication gate must still stop it.
 */
function giveDraft(files: Record<'vi' | 'en', (source: string) => string>) {
  const texts = Object.fromEntries(
    (['vi', 'en'] as const).map((locale) => {
      const file = `content/news/${locale}/${broken}.mdx`;
      return [file, files[locale](git('show', `main:${file}`) + '\n')];
    }),
  );
  writeDraftBranch(repo, { collection: 'news', slug: broken, files: texts, status: 'pending_publish' });
}

let loads = 0;
/** Loads a page of the CMS afresh (so that it reads the drafts again: the board keeps what it read). */
async function go(hash: string) {
  await page.goto(`${base}/admin/?load=${++loads}#${hash}`);
}

/** The local backend's answer to the publication the next step asks for. */
function publicationAnswer() {
  return page.waitForResponse((r) => r.url().endsWith('/api/v1') && (r.request().postData() ?? '').includes('"action":"publishUnpublishedEntry"'), { timeout: 180_000 });
}

async function openEntry(slug: string) {
  await go(`/collections/news/entries/${slug}`);
  await page.locator('[id^="title-field-"]').first().waitFor({ timeout: 30_000 });
  // Decap has finished reading the entry and the drafts: a field typed into before may be drawn again with what it read
  // (seen on a loaded CI machine: the typed title was lost and “Lưu” stayed greyed out).
  await page.waitForLoadState('networkidle');
}

/** Saves the entry open in the editor, as a draft. */
async function save(slug: string) {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1') && (r.request().postData() ?? '').includes('"action":"persistEntry"'), { timeout: 30_000 });
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  expect((await saved).status()).toBe(200);
  // Decap reads the draft back, then offers to discard it.
  await page.getByText('Xoá thay đổi chưa công bố này', { exact: true }).first().waitFor({ timeout: 30_000 });
  expect(draftExists(slug)).toBe(true);
}

/** The card of `slug` on the workflow board. */
async function card(slug: string) {
  await go('/workflow');
  const found = page.locator(`a[href*="/entries/${slug}?"]`).first();
  await found.waitFor({ timeout: 30_000 });
  return found;
}

/** Drags the card of `slug` to the “Sẵn sàng” column, as an editor does. */
async function moveToReady(slug: string) {
  await (await card(slug)).dragTo(page.getByText('Sẵn sàng', { exact: true }).first());
  await expect.poll(() => spawnSync('git', ['config', `branch.cms/news/${slug}.description`], { cwd: repo, encoding: 'utf8' }).stdout.trim(), { timeout: 10_000 }).toBe('decap-cms/pending_publish');
}

/** Presses a button of the card of `slug` (“Công bố thay đổi”, “Xoá thay đổi”), and confirms. */
async function onCard(slug: string, button: string) {
  await (await card(slug)).hover();
  await page.getByRole('button', { name: button, exact: true }).click();
}

/**
 * Publishes the draft of `slug` from its card, and waits until the site is rebuilt after it — and, when given,
 * until the published branch's English file holds `onMain`.
 */
async function publishAndRebuild(slug: string, onMain?: string) {
  const updates = siteUpdates();
  await onCard(slug, 'Công bố thay đổi');
  if (onMain !== undefined) await expect.poll(() => git('show', `main:content/news/en/${slug}.mdx`), { timeout: 120_000 }).toContain(onMain);
  await expect.poll(siteUpdates, { timeout: 120_000, interval: 500 }).toBeGreaterThan(updates);
}

/** What the CMS's notice says, once it says `expected`. */
async function notice(expected: RegExp): Promise<string> {
  const shown = page.getByText(expected).first();
  await shown.waitFor({ timeout: 120_000 });
  return (await shown.textContent()) ?? '';
}

beforeAll(async () => {
  portal = await startPortal(sandbox);
  base = portal.base;
  // The entry edited in the CMS gets its optional lifecycle fields, as if the CMS had written it before.
  for (const locale of ['vi', 'en']) {
    const file = path.join(repo, 'content', 'news', locale, `${edited}.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n---\n', '\npublish_at: 2024-11-20T08:00:00+07:00\nminor_change: false\n---\n'));
  }
  git('commit', '--quiet', '--all', '-m', 'Lifecycle fields of one entry');
  const started = Date.now();
  while (!portal.output().includes('site rebuilt from the published branch')) {
    if (Date.now() - started > 120_000) throw new Error(`the seeded commit was not built:\n${portal.output().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${base}/admin/`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click({ timeout: 30_000 });
  await page.getByText('Bộ sưu tập').waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('publishing edits of a published entry', () => {
  it('publishes an edit of both languages, live on the site once rebuilt', async () => {
    await openEntry(edited);
    await page.fill(`#${(await fieldIds(page, 'title'))[1]}`, 'Beware of fake Zalo accounts (first edit)');
    await save(edited);
    await moveToReady(edited);
    await publishAndRebuild(edited, 'title: Beware of fake Zalo accounts (first edit)');
    expect(await page$(englishPath('news', edited))).toContain('Beware of fake Zalo accounts (first edit)');
  });

  it('saves an English-only change, reopens it, moves it to “Sẵn sàng”, publishes it, live on the site', async () => {
    await openEntry(edited);
    await page.fill(`#${(await fieldIds(page, 'title'))[1]}`, 'Beware of fake Zalo accounts (English only)');
    await save(edited);
    // Only the English file differs from the published one.
    expect(git('diff', '--name-only', 'main', `cms/news/${edited}`)).toBe(`content/news/en/${edited}.mdx`);

    // Reopened, the entry shows both languages (it stayed on “Đang tải…” before).
    await openEntry(edited);
    const [titleVi, titleEn] = await fieldIds(page, 'title');
    expect(await page.inputValue(`#${titleVi}`)).toBe('Cảnh giác với tài khoản Zalo giả mạo cơ quan Bảo hiểm xã hội');
    expect(await page.inputValue(`#${titleEn}`)).toBe('Beware of fake Zalo accounts (English only)');

    await moveToReady(edited);
    await (await card(edited)).hover();
    await guideScreenshot(page, 'workflow-ready-to-publish.png');
    await publishAndRebuild(edited, 'title: Beware of fake Zalo accounts (English only)');
    // decap-server deletes the draft branch just after the merge: look again until it has.
    await expect.poll(() => draftExists(edited), { timeout: 20_000 }).toBe(false);
    expect(await page$(englishPath('news', edited))).toContain('Beware of fake Zalo accounts (English only)');
  });

  it('changes the English page address and publishes: the old address sends readers to the new one', async () => {
    const before = englishPath('news', edited);
    await openEntry(edited);
    // Shown once, in the Vietnamese pane; the CMS writes it into both files.
    const [address] = await fieldIds(page, 'english_address');
    expect(`/en/news/${await page.inputValue(`#${address}`)}/`).toBe(before);
    await page.fill(`#${address}`, 'fake-zalo-accounts-warning');
    await save(edited);
    await moveToReady(edited);
    await publishAndRebuild(edited, 'english_address: fake-zalo-accounts-warning');
    // A reader with an old link, in the browser.
    const reader = await browser.newPage();
    try {
      await reader.goto(`${base}${before}`);
      await reader.waitForURL(`${base}/en/news/fake-zalo-accounts-warning/`);
      expect(await reader.locator('h1').textContent()).toContain('Beware of fake Zalo accounts (English only)');
    } finally {
      await reader.close();
    }
  });

  it('discards a draft: its branch is gone and nothing published changes', async () => {
    const before = git('rev-parse', 'main');
    await openEntry(edited);
    await page.fill(`#${(await fieldIds(page, 'title'))[1]}`, 'A change the editor thinks better of');
    await save(edited);
    await page.getByText('Xoá thay đổi chưa công bố này', { exact: true }).first().click();
    await expect.poll(() => draftExists(edited), { timeout: 20_000 }).toBe(false);
    expect(git('rev-parse', 'main')).toBe(before);
  });
});

const longTitle = `Thông báo ${'về việc điều chỉnh mức đóng '.repeat(14)}`.slice(0, 376);
/** The line a mistake put first in the body lands on: just after the frontmatter's closing ---. */
const bodyLine = readFileSync(`content/news/vi/${broken}.mdx`, 'utf8').split('\n').indexOf('---', 1) + 2;

/**
 * One mistake in each place the gate reads: the text, a field, and two fields together. (Every kind of mistake is
 * the content check's, tested with the hostile corpus; the save check refuses each kind in the CMS too,
 * cms-save-check.test.ts.)
 */
const mistakes: { name: string; vi: (s: string) => string; en?: (s: string) => string; says: RegExp }[] = [
  { name: 'script', vi: (s) => s.replace('\n---\n', '\n---\n<script>alert("x")</script>\n\n'), says: new RegExp(`dòng ${bodyLine}, trường “Nội dung”: Thẻ <script> không bao giờ được phép`) },
  { name: 'long-title', vi: (s) => s.replace(/^title: .*$/m, `title: ${longTitle}`), says: /dòng 2, trường “Tiêu đề”: .*300 ký tự/ },
  { name: 'section-outside-column', vi: (s) => s.replace('section: chuyen-doi-so', 'section: thong-cao-bao-chi'), en: (s) => s.replace('section: chuyen-doi-so', 'section: thong-cao-bao-chi'), says: /không thuộc chuyên mục/ },
];

describe('the publication gate, in the CMS', () => {
  it.each(mistakes)('refuses a draft with a mistake ($name): a bilingual notice, nothing merged, site unchanged, draft discardable', async ({ name, vi, en, says }) => {
    giveDraft({ vi, en: en ?? ((s) => s) });
    const before = git('rev-parse', 'main');
    const live = await page$(`/tin-tuc/${broken}/`);

    const answered = publicationAnswer();
    await onCard(broken, 'Công bố thay đổi');
    // Decap shows the answer's `error`, in the interface's language; the answer holds both.
    const said = await notice(new RegExp(`Chưa công bố “news/${broken}”`));
    if (name === 'script') {
      // The notice slides in: photograph it once it is fully shown.
      await page.getByText(/Chưa công bố “news\//).first().waitFor({ state: 'visible' });
      await page.waitForTimeout(800);
      await guideScreenshot(page, 'publish-refused-content-check.png');
    }
    expect(said).toMatch(says);
    // The notice says what the server said, without Decap's “API_ERROR: ” in front.
    expect(said).not.toContain('API_ERROR');
    expect(said).toContain(`content/news/vi/${broken}.mdx`);
    const answer = await answered;
    expect(answer.status()).toBe(422);
    const { vi: saidVi, en: saidEn } = (await answer.json()) as { vi: string; en: string };
    expect(said).toContain(saidVi);
    expect(saidEn).toContain(`“news/${broken}” was not published: its content fails the site's check`);
    expect(saidEn).toContain(`content/news/vi/${broken}.mdx, line `);

    expect(git('rev-parse', 'main')).toBe(before);
    expect(draftExists(broken)).toBe(true);
    expect(await page$(`/tin-tuc/${broken}/`)).toBe(live);

    // The editor can always throw the broken draft away from the CMS.
    await onCard(broken, 'Xoá thay đổi');
    await expect.poll(() => draftExists(broken), { timeout: 20_000 }).toBe(false);
    expect(git('rev-parse', 'main')).toBe(before);
  });
});

describe('a publication whose build fails', () => {
  it('is reported in the CMS and undone; the draft is kept and publishes once the site builds again', async () => {
    const title = 'The main features of the VssID app (published after a failed build)';
    giveDraft({ vi: (s) => s, en: (s) => s.replace(/^title: .*$/m, `title: ${title}`) });
    const before = git('rev-parse', 'main');
    const live = await page$(englishPath('news', broken));
    // A real cause: the build cannot write its cache (as on a full or broken disk).
    const cache = path.join(sandbox, 'cache');
    renameSync(cache, `${cache}.saved`);
    writeFileSync(cache, 'not a folder');
    try {
      const answered = publicationAnswer();
      await onCard(broken, 'Công bố thay đổi');
      const said = await notice(new RegExp(`Chưa công bố “news/${broken}”: trang không dựng lại được`));
      await page.waitForTimeout(500);
      await guideScreenshot(page, 'publish-undone-build-failed.png');
      expect(said).toContain('việc công bố đã được hoàn tác');
      expect(said).not.toContain('API_ERROR');
      // The build's own words: the first write into the cache fails (a file where its folder should be).
      const cause = /(EEXIST: file already exists|ENOTDIR: not a directory), \w+ '[^']*\/cache[/']/;
      expect(said).toMatch(cause);
      expect(said).not.toContain('Stack trace');
      const answer = await answered;
      expect(answer.status()).toBe(500);
      expect(((await answer.json()) as { en: string }).en).toMatch(new RegExp(`The build said: ${cause.source}`));
    } finally {
      rmSync(cache, { force: true });
      renameSync(`${cache}.saved`, cache);
    }
    expect(git('rev-parse', 'main')).toBe(before);
    expect(git('status', '--porcelain')).toBe('');
    expect(draftExists(broken)).toBe(true);
    expect(git('config', `branch.cms/news/${broken}.description`)).toBe('decap-cms/pending_publish');
    expect(await page$(englishPath('news', broken))).toBe(live);

    await publishAndRebuild(broken);
    expect(draftExists(broken)).toBe(false);
    expect(await page$(englishPath('news', broken))).toContain(title);
  });
});
