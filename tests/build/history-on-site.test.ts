/**
 * Every content page shows its revision history from one git log pass, and a
 * Memento TimeMap lists its revisions — against a temporary repository with
 * scripted commits: a merged pull request with a change note, a rename, a
 * minor change, and dates on both sides of midnight in Vietnam (UTC+7).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datedGitIn } from '../fixtures/history/scripted-repo.ts';
import { seedBuildCache } from '../seed-build-cache.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'portal-history-site-'));
const out = path.join(repo, '..', `${path.basename(repo)}-site`);
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const git = datedGitIn(repo);

const NEWS = 'content/news/vi/canh-bao-tai-khoan-zalo-gia-mao.mdx';
const read = (p: string) => readFileSync(path.join(out, p), 'utf8');

beforeAll(() => {
  cpSync('content', path.join(repo, 'content'), { recursive: true });
  cpSync('public', path.join(repo, 'public'), { recursive: true });
  git('2026-03-01T16:30:00Z', 'init', '-q', '-b', 'main');
  git('2026-03-01T16:30:00Z', 'add', '.');
  // 23:30 on 1 March in Vietnam.
  git('2026-03-01T16:30:00Z', 'commit', '-qm', 'Portal content');

  // A reviewed pull request, merged at 00:30 on 2 March in Vietnam, with a change note.
  git('2026-03-01T17:00:00Z', 'checkout', '-qb', 'cms/news/canh-bao');
  const text = readFileSync(path.join(repo, NEWS), 'utf8');
  writeFileSync(path.join(repo, NEWS), text.replace('sample: true\n', 'sample: true\nchange_note: Thêm cách nhận biết tài khoản giả.\n').replace('đề nghị người dân', 'khuyến cáo người dân'));
  git('2026-03-01T17:00:00Z', 'commit', '-qam', 'Update Tin “canh-bao”');
  git('2026-03-01T17:30:00Z', 'checkout', '-q', 'main');
  git('2026-03-01T17:30:00Z', 'merge', '-q', '--no-ff', '-m', 'Merge pull request #12 from bhxh-vietnam/cms/news/canh-bao', 'cms/news/canh-bao');

  // A minor change straight on main: not in the public history.
  writeFileSync(path.join(repo, NEWS), readFileSync(path.join(repo, NEWS), 'utf8').replace('change_note: Thêm cách nhận biết tài khoản giả.\n', 'minor_change: true\n').replace('khuyến cáo người dân', 'khuyến cáo người dân,'));
  git('2026-03-05T02:00:00Z', 'commit', '-qam', 'Typo (#13)');

  // A rename: the page's history continues under its new address.
  for (const l of ['vi', 'en']) renameSync(path.join(repo, `content/qa/${l}/mat-the-bhyt-giay.mdx`), path.join(repo, `content/qa/${l}/mat-the-bao-hiem-y-te-giay.mdx`));
  git('2026-03-06T02:00:00Z', 'add', '-A');
  git('2026-03-06T02:00:00Z', 'commit', '-qm', 'Rename (#14)');

  const build = spawnSync(process.execPath, ['scripts/build.ts', '--full', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, PORTAL_CONTENT_DIR: path.join(repo, 'content'), PORTAL_PUBLIC_DIR: path.join(repo, 'public'), PORTAL_CACHE_DIR: seedBuildCache(path.join(out, '..', `${path.basename(repo)}-cache`)), PORTAL_TODAY: '2026-03-10' },
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}, 180_000);

describe('the revision history on a page', () => {
  it('lists each publication newest first, with its note and pull request, in Vietnam dates', () => {
    const page = read('tin-tuc/canh-bao-tai-khoan-zalo-gia-mao/index.html');
    const history = /<section class="revision-history"[\s\S]*?<\/section>/.exec(page)![0];
    const items = [...history.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(items).toEqual([
      '02/03/2026 — Thêm cách nhận biết tài khoản giả. (đề nghị #12)',
      expect.stringMatching(/^01\/03\/2026 — Đăng lần đầu \(phiên bản [0-9a-f]{7}\)$/),
    ]);
  });

  it('says the same in English on the English page’s own history', () => {
    const page = read('en/news/online-services-on-national-public-service-portal/index.html');
    expect(page).toContain('<h2 id="revision-history">Page history</h2>');
    expect(page).toMatch(/01\/03\/2026|1 March 2026|March 1, 2026/);
    expect(page).toContain('First published');
  });

  it('continues across a rename', () => {
    const page = read('hoi-dap/mat-the-bao-hiem-y-te-giay/index.html');
    const items = [.../<section class="revision-history"[\s\S]*?<\/section>/.exec(page)![0].matchAll(/<li>/g)];
    expect(items).toHaveLength(2);
    expect(page).toContain('đề nghị #14');
  });
});

describe('the TimeMap of a page (RFC 7089)', () => {
  it('lists the original and one memento per publication, with their datetimes', () => {
    const map = read('timemap/tin-tuc/canh-bao-tai-khoan-zalo-gia-mao.txt');
    expect(map).toContain('<https://baohiemxahoi.gov.vn/tin-tuc/canh-bao-tai-khoan-zalo-gia-mao/>; rel="original"');
    const mementos = [...map.matchAll(/rel="([^"]*memento)"; datetime="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(mementos).toEqual([
      ['first memento', 'Sun, 01 Mar 2026 16:30:00 GMT'],
      ['memento', 'Sun, 01 Mar 2026 17:30:00 GMT'],
      ['last memento', 'Thu, 05 Mar 2026 02:00:00 GMT'],
    ]);
  });
});
