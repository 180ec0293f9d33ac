/**
 * --propose on a real repository: the report's entry lands on the branch
 * Decap would use for it, marked in review, passes the real content check,
 * leaves the published branch and the working tree alone, and a second
 * proposal of the same period is refused without overwriting the first.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import decapServer from 'decap-server/dist/middlewares.js';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryError } from '../../../src/lib/history/history-error.ts';
import { reportEntry } from '../../../src/lib/report/report-entry.ts';
import { novemberReport } from '../../../tests/fixtures/report-proposal/november-report.ts';
import { IN_REVIEW, proposeOnBranch } from './propose.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-propose-'));
const repo = path.join(work, 'repo');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function git(...args: string[]): string {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}


const bodies = {
  vi: '## Tin bài\n\n| Chỉ số | Số lượng |\n| --- | --- |\n| Đăng mới | 1.234 |\n',
  en: '## Entries\n\n| Figure | Count |\n| --- | --- |\n| Published | 1,234 |\n',
};

beforeAll(() => {
  cpSync('content', path.join(repo, 'content'), { recursive: true });
  git('init', '--quiet', '--initial-branch', 'main');
  git('config', 'user.name', 'Thư ký');
  git('config', 'user.email', 'thu-ky@example.org');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'Nội dung');
});

describe('npm run report -- --propose (on a branch)', () => {
  it('commits both languages on cms/pages/<slug>, marked in review, leaving main and the working tree alone', async () => {
    const mainBefore = git('rev-parse', 'main');
    const entry = reportEntry(novemberReport, bodies);
    expect(entry.slug).toBe('thong-ke-2026-11');
    const proposal = await proposeOnBranch(repo, 'main', entry, 'Báo cáo thống kê tháng 11/2026');
    expect(proposal.branch).toBe('cms/pages/thong-ke-2026-11');
    expect(git('rev-parse', 'main')).toBe(mainBefore);
    expect(git('status', '--porcelain')).toBe('');
    expect(git('config', `branch.${proposal.branch}.description`)).toBe(IN_REVIEW);
    expect(git('rev-parse', `${proposal.branch}^`)).toBe(mainBefore);
    expect(git('diff', '--name-only', 'main', proposal.branch).split('\n').sort()).toEqual(['content/pages/en/thong-ke-2026-11.mdx', 'content/pages/vi/thong-ke-2026-11.mdx']);
    const vi = git('show', `${proposal.branch}:content/pages/vi/thong-ke-2026-11.mdx`);
    expect(vi).toContain('section: statistics');
    expect(vi).toContain('1.234 mục đăng mới');
    expect(vi).toContain('90% đúng hạn');
    expect(git('show', `${proposal.branch}:content/pages/en/thong-ke-2026-11.mdx`)).toContain('1,234 new entries');
    // Every other file of main is still there, unchanged.
    expect(git('diff', '--stat', 'main', proposal.branch, '--', 'content/news')).toBe('');
  });

  it('writes files the real content check accepts', () => {
    const checkout = path.join(work, 'checkout');
    git('worktree', 'add', '--quiet', '--detach', checkout, 'cms/pages/thong-ke-2026-11');
    const result = spawnSync(process.execPath, ['scripts/check-content.ts'], {
      encoding: 'utf8',
      env: { ...process.env, PORTAL_CONTENT_DIR: path.join(checkout, 'content') },
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(readFileSync(path.join(checkout, 'content/pages/vi/thong-ke-2026-11.mdx'), 'utf8').normalize('NFC')).toBe(
      readFileSync(path.join(checkout, 'content/pages/vi/thong-ke-2026-11.mdx'), 'utf8'),
    );
  });

  it('refuses a second proposal of the same period, in both languages, keeping the first', async () => {
    const first = git('rev-parse', 'cms/pages/thong-ke-2026-11');
    const again = proposeOnBranch(repo, 'main', reportEntry(novemberReport, bodies), 'again');
    await expect(again).rejects.toBeInstanceOf(HistoryError);
    await expect(again).rejects.toMatchObject({ message: expect.stringMatching(/Đã có bản đề xuất[\s\S]*already on the branch/) });
    expect(git('rev-parse', 'cms/pages/thong-ke-2026-11')).toBe(first);
  });
});

describe('the proposal in the local CMS', () => {
  it('is an entry of the editorial workflow for decap-server, in review, with both language files', async () => {
    process.env.GIT_REPO_DIRECTORY = repo;
    const app = express();
    await decapServer.registerLocalGit(app, { logLevel: 'error' });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const call = async (body: unknown) => {
        const r = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        return (await r.json()) as unknown;
      };
      expect(await call({ action: 'unpublishedEntries', params: { branch: 'main' } })).toContain('pages/thong-ke-2026-11');
      const entry = (await call({ action: 'unpublishedEntry', params: { branch: 'main', collection: 'pages', slug: 'thong-ke-2026-11' } })) as { status: string; diffs: { path: string }[] };
      expect(entry.status).toBe('pending_review');
      expect(entry.diffs.map((d) => d.path).sort()).toEqual(['content/pages/en/thong-ke-2026-11.mdx', 'content/pages/vi/thong-ke-2026-11.mdx']);
    } finally {
      server.close();
    }
  });
});
