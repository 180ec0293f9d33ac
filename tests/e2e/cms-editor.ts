/**
 * What the CMS browser tests share: reading the editorial sandbox's git
 * repository and running the real content check on one of its branches,
 * opening the CMS and its entries, and finding and filling Decap's form
 * fields as an editor does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { readContentFiles, readPublicFiles } from '../../src/content-loader/read-content.ts';
import { formatIssue, isError } from '../../src/lib/content/issues.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { changeNoteIssue } from '../../src/lib/content/change-note.ts';
import { exportBranch } from '../../scripts/lib/sandbox-repo.ts';

/** `git …` in `repo`: its output, or '' when the command fails (a branch not there yet). */
export function gitIn(repo: string): (...args: string[]) => string {
  return (...args) => {
    const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : '';
  };
}

/**
 * The errors the real content check finds on `branch` of `repo` (its whole
 * tree): `npm run check:content`, and with `base`, `npm run check:content --
 * --base <base>` as the pull request runs it (a changed published entry needs
 * a new change note).
 */
export async function contentErrorsOn(repo: string, branch: string, base?: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-cms-branch-'));
  try {
    await exportBranch(repo, branch, dir);
    const content = await readContentFiles(dir);
    const publicFiles = await readPublicFiles(dir);
    const { issues } = validateContent(content.files, { staticPaths: publicFiles.staticPaths });
    const git = gitIn(repo);
    const changed = base ? git('diff', '--name-only', '--diff-filter=M', `${base}...${branch}`, '--', 'content/').split('\n').filter((f) => f.endsWith('.mdx')) : [];
    const notes = changed.flatMap((file) => {
      const head = content.files.find((f) => f.file === file);
      const issue = head && changeNoteIssue(file, git('show', `${base}:${file}`), head.source);
      return issue ? [issue] : [];
    });
    return [...content.issues, ...publicFiles.issues, ...issues, ...notes].filter(isError).map(formatIssue);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens the CMS at `base` + `admin` (`/admin/` or `/en/admin/`), logging in with `button` unless the session already is. */
export async function logIn(page: Page, base: string, admin: string, button: string): Promise<void> {
  await page.goto(`${base}${admin}`);
  const login = page.getByRole('button', { name: button });
  const collections = page.locator('a[href*="#/collections/"]').first();
  await login.or(collections).first().waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await collections.waitFor({ timeout: 60_000 });
}

/**
 * Waits until the CMS has finished saving the open entry, as an editor sees it:
 * nothing is left unsaved, so its save button (`save`) is greyed out. Decap
 * forgets its local backup of the entry only then; a test that moves on as
 * soon as the file is in git leaves the backup behind, and the next new entry
 * of the collection opens with the CMS offering to restore it.
 */
export async function waitUntilSaved(page: Page, save = 'Lưu'): Promise<void> {
  const button = page.getByRole('button', { name: save, exact: true });
  await expect.poll(() => button.isDisabled({ timeout: 1000 }).catch(() => false), { timeout: 30_000, message: `the CMS still shows unsaved changes (“${save}” not greyed out)` }).toBe(true);
}

/** Opens an entry's editor afresh at `base` + `address` (a change of the address's #part alone keeps the open editor). */
export async function openEntry(page: Page, base: string, address: string, field = 'summary'): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${base}${address}`);
  await page.locator(`[id^="${field}-field-"]`).first().waitFor({ timeout: 30_000 });
}

/**
 * Opens an entry's editor in the running CMS, as an editor moves between
 * entries: back to the entry's collection list, then to the entry (or a new
 * one). Decap is not loaded again; a page not showing the CMS of `base`
 * opens it afresh (`openEntry`). `address` is `/admin/#/collections/<name>/…`.
 */
export async function goToEntry(page: Page, base: string, address: string, field = 'summary'): Promise<void> {
  const [admin, route] = address.split('#') as [string, string];
  if (!page.url().startsWith(`${base}${admin}#/`)) return openEntry(page, base, address, field);
  const list = route.replace(/^(\/collections\/[^/]+).*$/, '$1');
  await page.evaluate((hash) => (location.hash = hash), list);
  await page.locator(`a[href$="#${list}/new"], a[href*="#${list}/entries/"]`).first().waitFor({ timeout: 30_000 });
  await page.evaluate((hash) => (location.hash = hash), route);
  await page.locator(`[id^="${field}-field-"]`).first().waitFor({ timeout: 30_000 });
}

/** The ids of the form's inputs for a field, Vietnamese side first, then English. */
export async function fieldIds(page: Page, name: string): Promise<string[]> {
  const ids = await page.locator('input, textarea').evaluateAll((els) => els.map((e) => e.id));
  return ids.filter((id) => id.startsWith(`${name}-field-`));
}

/** Types into a date field as an editor does: click, type, leave the field. */
export async function typeDate(page: Page, id: string, text: string): Promise<void> {
  await page.click(`#${id}`);
  await page.fill(`#${id}`, '');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** Picks `label` in a select or relation field, by typing it as an editor would. */
export async function choose(page: Page, id: string, label: string): Promise<void> {
  await page.click(`#${id}`, { force: true });
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
}
