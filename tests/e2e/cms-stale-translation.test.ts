/**
 * The CMS preview of an English version older than its Vietnamese original
 * shows the notice the English page shows (src/admin/stale-translation-preview.ts):
 * `npm start` on a sandbox whose published branch has a non-minor revision of
 * an original after its translation; the Vietnamese preview shows no notice,
 * the English one does, with the date and a link to the original.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { staleNoticeWords } from '../../src/lib/translations/stale-notice.ts';
import { axeViolations, describeViolations, launch } from './browser.ts';
import { gitIn, logIn, openEntry } from './cms-editor.ts';
import { cmsSandbox, startPortal, type RunningPortal } from './npm-start.ts';
import { englishPath } from './site-content.ts';

const sandbox = cmsSandbox();
const repo = path.join(sandbox, 'repo');
const SLUG = 'dich-vu-cong-truc-tuyen-bhxh-tren-cong-dich-vu-cong-quoc-gia';

let portal: RunningPortal;
let browser: Browser;
let page: Page;
/** When the sandbox's published branch revised the original. */
let revisedAt: string;

beforeAll(async () => {
  // The sandbox `npm start` would make (a clone of this repository), with one more publication:
  // the Vietnamese original revised, its translation not.
  mkdirSync(repo, { recursive: true });
  const git = (...args: string[]) => {
    const out = gitIn(sandbox)('-C', repo, ...args);
    return out;
  };
  gitIn(sandbox)('clone', '--quiet', process.cwd(), repo);
  git('checkout', '--quiet', '-B', 'main');
  git('config', 'user.name', 'Biên tập viên');
  git('config', 'user.email', 'editor@localhost');
  const file = path.join(repo, 'content/news/vi', `${SLUG}.mdx`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('sample: true\n', 'sample: true\nchange_note: Bổ sung thủ tục mới.\n'));
  git('commit', '--quiet', '-am', 'Merge pull request #30 from bhxh-vietnam/cms/news/dich-vu-cong');
  revisedAt = git('log', '-1', '--format=%cI');
  expect(revisedAt).not.toBe('');

  portal = await startPortal(sandbox);
  browser = await launch(['--lang=en-US']);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
  page.on('dialog', (d) => void d.accept());
  page.on('pageerror', (e) => process.stderr.write(`[pageerror] ${e.message}\n`));
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(tmpdir(), 'cms-stale-translation.png') }).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('the CMS preview of a stale translation', () => {
  it('shows the notice on the English version only, with the date and a link to the original', async () => {
    await logIn(page, portal.base, '/en/admin/', 'Login');
    await openEntry(page, portal.base, `/en/admin/#/collections/news/entries/${SLUG}`, 'title');
    const frame = page.locator('iframe').first();
    if (!(await frame.isVisible())) await page.locator('button[title="Toggle preview"]').click();
    const preview = frame.contentFrame();
    // The Vietnamese version (the preview's default) is the original: no notice.
    await preview.locator('h1').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => preview.locator('h1').first().textContent(), { timeout: 10_000 }).toContain('Thực hiện dịch vụ công trực tuyến');
    expect(await preview.locator('.notice--stale-translation').count()).toBe(0);

    // Preview the English version: the left pane's language.
    await page.getByRole('button', { name: /^Writing in VI/ }).first().click();
    await page.getByRole('menuitem', { name: 'en', exact: true }).first().click();
    await expect.poll(() => preview.locator('h1').first().textContent(), { timeout: 10_000 }).toContain('Social and health insurance services online');
    const notice = preview.locator('.notice--stale-translation');
    await notice.waitFor({ timeout: 20_000 });
    const words = staleNoticeWords(revisedAt);
    expect(await notice.getAttribute('role')).toBe('note');
    expect(await notice.locator('h2').textContent()).toBe(words.title);
    expect(await notice.locator('p').textContent()).toBe(`${words.body} ${words.link}`);
    const link = notice.locator('a');
    expect(await link.getAttribute('href')).toBe(`/tin-tuc/${SLUG}/`);
    expect(await link.getAttribute('hreflang')).toBe('vi');

    // Back to the Vietnamese version (the list is loaded by now): still no notice.
    await page.getByRole('button', { name: /^Writing in EN/ }).first().click();
    await page.getByRole('menuitem', { name: 'vi', exact: true }).first().click();
    await expect.poll(() => preview.locator('h1').first().textContent(), { timeout: 10_000 }).toContain('Thực hiện dịch vụ công trực tuyến');
    await page.waitForTimeout(1000);
    expect(await preview.locator('.notice--stale-translation').count()).toBe(0);

    // The published English page says the same.
    const site = await browser.newPage();
    try {
      await site.goto(`${portal.base}${englishPath('news', SLUG)}`);
      const onSite = site.locator('.notice--stale-translation');
      expect(await onSite.locator('h2').textContent()).toBe(words.title);
      expect((await onSite.locator('p').textContent())?.replace(/\s+/g, ' ').trim()).toBe(`${words.body} ${words.link}`);
      expect(describeViolations(await axeViolations(site))).toBe('');
      await onSite.screenshot({ path: path.join(tmpdir(), 'stale-translation-notice.png') });
    } finally {
      await site.close();
    }
  });
});
