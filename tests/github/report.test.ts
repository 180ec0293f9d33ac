/**
 * `npm run report -- --repo owner/name` against the local GitHub-shaped
 * server: the pull requests and reviews of the scripted year
 * (tests/fixtures/report/year-repo.ts) give the approval figures and the
 * urgent publications, compared with hand-counted values. Each pull request
 * was opened max(48, last review + 1) hours before its merge; the review
 * delays below are the fixture's, in hours after the opening.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorialReport } from '../../src/lib/report/report.ts';
import { createYearRepo, people, type YearRepo, fakePulls } from '../fixtures/report/year-repo.ts';
import { FakeGitHub } from './fake-github.ts';
import { runScript } from './helpers.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-report-github-'));
const github = new FakeGitHub('bhxh-vietnam', 'cong-thong-tin');
let repo: YearRepo;

beforeAll(async () => {
  await github.start();
  repo = createYearRepo(path.join(work, 'repo'));
  for (const p of fakePulls(repo)) github.state.pulls.set(p.number, p);
}, 300_000); // beside the browser tests at the lowest priority (scripts/test.ts), it waits for the CPU
afterAll(async () => {
  await github.stop();
  rmSync(work, { recursive: true, force: true });
});

async function report(...args: string[]): Promise<EditorialReport> {
  const env = { ...process.env, GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.url };
  const r = await runScript('scripts/report.ts', ['--dir', repo.dir, '--repo', 'bhxh-vietnam/cong-thong-tin', ...args, '--json'], { env });
  expect(r.stderr).not.toMatch(/Error|lỗi/);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as EditorialReport;
}

describe('npm run report --repo (pull requests and reviews from GitHub)', () => {
  it('November 2026: merged and rejected pull requests, waiting times, urgent publications and their retrospective review', async () => {
    const r = await report('--month', '2026-11', '--now', '2026-11-26T08:00');
    // Merged 26/10 00:00 – 25/11: #9–#18 (10). Closed unmerged: #21 (5/11), #22 (21/11) (#23 is December's).
    // To the secretary's first approval (hours): #9 2 (after a changes-request at 1), #10 4, #11 1, #12 3, #13 5, #14 2,
    // #16 6, #18 2, and the rejected #22 3 — #15's secretary approved only after the merge, #17 never: 9 values
    // [1,2,2,2,3,3,4,5,6]: median the 5th = 3; 90th percentile at rank 0.9×8 = 7.2: 5 + 0.2×(6 − 5) = 5.2.
    // To the board's deciding approval: #9 6, #10 10 (a deputy with a publication delegation), #11 3, #12 5,
    // #13 8 (a takedown: the publication-only deputy's approval at 4 does not decide, the takedown deputy's at 8 does),
    // #14 4, #15 1, #16 12 (the head's comment at 7 is no approval), #17 2, #18 24: [1,2,3,4,5,6,8,10,12,24]:
    // median (5 + 6)/2 = 5.5; 90th percentile at rank 8.1: 12 + 0.1×(24 − 12) = 13.2.
    expect(r.approvals).toEqual({
      fromGitHub: true,
      merged: 10,
      closedUnmerged: 2,
      toSecretary: { count: 9, medianHours: 3, p90Hours: 5.2 },
      toBoard: { count: 10, medianHours: 5.5, p90Hours: 13.2 },
    });
    // #15 (label urgent) reviewed by the secretary on 16/11 09:00 after its merge on 15/11 10:00; #17 (khan-cap) never.
    expect(r.urgent).toEqual([
      {
        pr: 15,
        title: 'Tin khẩn',
        mergedAt: '2026-11-15T03:00:00.000Z',
        reason: 'Thông báo khẩn về sự cố hệ thống VssID',
        reviewedAt: '2026-11-16T02:00:00.000Z',
        reviewedBy: people.secretary,
      },
      { pr: 17, title: 'Tin khẩn 2', mergedAt: '2026-11-18T03:00:00.000Z', reason: 'Deadline of the award notice' },
    ]);
    expect(r.sources.repository).toBe('bhxh-vietnam/cong-thong-tin');
    // The closed pull requests were listed page by page, then each one's reviews.
    const lists = github.calls.filter((c) => c.path.endsWith('/pulls') && c.method === 'GET');
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((c) => c.query.state === 'closed' && c.query.base === 'main')).toBe(true);
    expect(github.writes()).toEqual([]);
  });

  it('the second half of 2026 and the year: hand-counted waiting times', async () => {
    const h2 = await report('--half', '2026-H2', '--now', '2026-12-27T08:00');
    // Merged: #5–#19 (15); closed unmerged #21, #22, #23 (3).
    // Secretary: November's nine plus #5 4, #6 2, #7 5, #8 1, #19 3, #23 2 — 15 values
    // [1,1,2,2,2,2,2,3,3,3,4,4,5,5,6]: median the 8th = 3; 90th at rank 12.6: 5 + 0.6×(5 − 5) = 5.
    // Board: November's ten plus #5 8, #6 3, #7 9, #8 2, #19 5 — [1,2,2,3,3,4,5,5,6,8,8,9,10,12,24]:
    // median 5; 90th at rank 12.6: 10 + 0.6×(12 − 10) = 11.2.
    expect(h2.approvals).toEqual({
      fromGitHub: true,
      merged: 15,
      closedUnmerged: 3,
      toSecretary: { count: 15, medianHours: 3, p90Hours: 5 },
      toBoard: { count: 15, medianHours: 5, p90Hours: 11.2 },
    });
    expect(h2.urgent.map((u) => [u.pr, u.reviewedBy ?? null])).toEqual([
      [15, people.secretary],
      [17, null],
    ]);
    const year = await report('--year', '2026', '--now', '2026-12-27T08:00');
    // Merged #1–#19 (19; #20 on 26/12 is 2027's); closed unmerged #21–#24 (4).
    // Secretary: H2's 15 plus #1 1, #2 2, #3 3, #4 1 — [1×4, 2×6, 3×4, 4×2, 5×2, 6]: median the 10th = 2; 90th at rank 16.2: 5.
    // Board: H2's 15 plus #1 2, #2 4, #3 6, #4 1.5 — [1,1.5,2,2,2,3,3,4,4,5,5,6,6,8,8,9,10,12,24]: median 5; 90th at rank 16.2: 10 + 0.2×2 = 10.4.
    expect(year.approvals).toEqual({
      fromGitHub: true,
      merged: 19,
      closedUnmerged: 4,
      toSecretary: { count: 19, medianHours: 2, p90Hours: 5 },
      toBoard: { count: 19, medianHours: 5, p90Hours: 10.4 },
    });
  });

  it('GitHub refusing the token is a failure said in both languages (exit 1)', async () => {
    const env = { ...process.env, GITHUB_TOKEN: 'test-token', GITHUB_API_URL: github.url };
    const r = await runScript('scripts/report.ts', ['--dir', repo.dir, '--repo', 'bhxh-vietnam/no-such-repo', '--month', '2026-11', '--json'], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/GitHub trả lời lỗi 404/);
    expect(r.stderr).toMatch(/GitHub answered 404/);
  });
});
