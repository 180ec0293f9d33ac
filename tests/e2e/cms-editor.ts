/**
 * What the CMS browser tests share: reading the editorial sandbox's git
 * repository, and finding and filling Decap's form fields as an editor does.
 */
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';

/** `git …` in `repo`: its output, or '' when the command fails (a branch not there yet). */
export function gitIn(repo: string): (...args: string[]) => string {
  return (...args) => {
    const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : '';
  };
}

/** The ids of the form's inputs for a field, Vietnamese side first, then English. */
export async function fieldIds(page: Page, name: string): Promise<string[]> {
  const ids = await page.locator('input, textarea').evaluateAll((els) => els.map((e) => e.id));
  return ids.filter((id) => id.startsWith(`${name}-field-`));
}

/** Picks `label` in a select or relation field, by typing it as an editor would. */
export async function choose(page: Page, id: string, label: string): Promise<void> {
  await page.click(`#${id}`, { force: true });
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
}
