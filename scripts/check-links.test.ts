/**
 * npm run check:links on a small built site: a broken internal link of a
 * current page fails it; the same link in an archived copy (the site as it
 * was) does not.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'portal-check-links-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function site(name: string, pages: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}
const check = (dir: string) => spawnSync(process.execPath, ['scripts/check-links.ts', '--site', dir], { encoding: 'utf8' });

it('fails on a current page’s link to a page that is gone, naming both', () => {
  const r = check(site('current', { 'index.html': '<a href="/tin-tuc/da-go/">x</a>' }));
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('/tin-tuc/da-go/  ← /');
});

it('leaves the archived copies’ links as they were served', () => {
  const r = check(
    site('archive', {
      'index.html': '<a href="/luu-tru/20261120T080000Z/">bản lưu</a>',
      'luu-tru/20261120T080000Z/index.html': '<a href="/tin-tuc/da-go/">x</a>',
      'en/archive/20261120T080000Z/en/index.html': '<a href="/en/news/gone/">x</a>',
    }),
  );
  expect(r.stdout).toContain('0 broken internal link(s)');
  expect(r.status).toBe(0);
});
