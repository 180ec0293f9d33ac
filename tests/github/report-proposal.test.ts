/**
 * `npm run report -- --propose --repo …`: the proposal's branch is pushed to
 * origin and a pull request opened into the published branch with Decap's
 * “in review” label, so the GitHub CMS lists it and the approval check
 * judges it like any content (against the local GitHub-shaped server and a
 * local bare repository as origin).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubClient } from '../../scripts/lib/github.ts';
import { IN_REVIEW, openProposal, proposeOnBranch } from '../../scripts/lib/report/propose.ts';
import { novemberReport } from '../fixtures/report-proposal/november-report.ts';
import { reportEntry } from '../../src/lib/report/report-entry.ts';
import { FakeGitHub } from './fake-github.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-proposal-'));
const repo = path.join(work, 'repo');
const origin = path.join(work, 'origin.git');
const github = new FakeGitHub('bhxh-vietnam', 'cong-thong-tin');
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

beforeAll(async () => {
  await github.start();
  github.state.viewer = 'thu-ky-ban-bien-tap';
  cpSync('content', path.join(repo, 'content'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', 'Thư ký');
  git(repo, 'config', 'user.email', 'thu-ky@example.org');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Nội dung');
  git(work, 'clone', '-q', '--bare', repo, origin);
  git(repo, 'remote', 'add', 'origin', origin);
});
afterAll(async () => {
  await github.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('a proposed report on GitHub', () => {
  it('pushes the branch and opens a pull request into main labelled in review', async () => {
    const entry = reportEntry(novemberReport, { vi: 'Nội dung.', en: 'Text.' });
    const proposal = await proposeOnBranch(repo, 'main', entry, 'Báo cáo thống kê tháng 11/2026');
    const octokit = githubClient({ GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.url });
    const url = await openProposal(repo, octokit, { owner: 'bhxh-vietnam', repo: 'cong-thong-tin' }, proposal, {
      base: 'main',
      title: 'Báo cáo thống kê tháng 11/2026 / Statistics, November 2026',
      body: 'Đề xuất công bố. / Proposed for publication.',
    });
    expect(git(origin, 'rev-parse', 'refs/heads/cms/pages/thong-ke-2026-11')).toBe(proposal.commit);
    const pull = [...github.state.pulls.values()].find((p) => p.head_ref === 'cms/pages/thong-ke-2026-11')!;
    expect(pull).toMatchObject({ base_ref: 'main', author: 'thu-ky-ban-bien-tap', labels: [IN_REVIEW], title: 'Báo cáo thống kê tháng 11/2026 / Statistics, November 2026' });
    expect(url).toBe(`https://github.com/bhxh-vietnam/cong-thong-tin/pull/${pull.number}`);
    const calls = github.writes().map((c) => `${c.method} ${c.path}`);
    expect(calls).toEqual(['POST /repos/bhxh-vietnam/cong-thong-tin/pulls', `POST /repos/bhxh-vietnam/cong-thong-tin/issues/${pull.number}/labels`]);
  });

  it('says in both languages when the branch cannot be pushed, and opens no pull request', async () => {
    git(repo, 'remote', 'set-url', 'origin', path.join(work, 'missing.git'));
    const before = github.writes().length;
    const entry = reportEntry({ ...novemberReport, period: { ...novemberReport.period, id: '2026-10', to: '2026-10-25' } }, { vi: 'Nội dung.', en: 'Text.' });
    const proposal = await proposeOnBranch(repo, 'main', entry, 'Báo cáo thống kê tháng 10/2026');
    const octokit = githubClient({ GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.url });
    await expect(openProposal(repo, octokit, { owner: 'bhxh-vietnam', repo: 'cong-thong-tin' }, proposal, { base: 'main', title: 't', body: 'b' })).rejects.toThrow(
      /Không đẩy được nhánh cms\/pages\/thong-ke-2026-10[\s\S]*Could not push the branch/,
    );
    expect(github.writes().length).toBe(before);
  });
});
