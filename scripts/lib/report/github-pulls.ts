/**
 * The pull requests a report counts, from GitHub through octokit (paginated):
 * those into the published branch closed (merged or not) in the period, each
 * with all its reviews up to now — so an urgent publication's retrospective
 * review, given after the period, is seen too. The API address is
 * GITHUB_API_URL and the token GITHUB_TOKEN (scripts/lib/github.ts).
 */
import type { Octokit } from 'octokit';
import type { PullRequestFact } from '../../../src/lib/report/figures.ts';
import type { ReportPeriod } from '../../../src/lib/report/report.ts';
import type { RepoRef } from '../github.ts';

export async function closedPullRequests(octokit: Octokit, where: RepoRef, base: string, period: ReportPeriod, progress: (line: { vi: string; en: string }) => void = () => {}): Promise<PullRequestFact[]> {
  const [start, end] = [Date.parse(period.start), Date.parse(period.end)];
  const listed = await octokit.paginate(octokit.rest.pulls.list, { ...where, state: 'closed', base, per_page: 100 });
  const inPeriod = listed.filter((p) => {
    const closed = p.merged_at ?? p.closed_at;
    return closed !== null && Date.parse(closed) >= start && Date.parse(closed) < end;
  });
  progress({ vi: `${inPeriod.length} pull request đóng trong kỳ (trên ${listed.length} đã đóng); đọc ý kiến duyệt`, en: `${inPeriod.length} pull requests closed in the period (of ${listed.length} closed); reading their reviews` });
  const pulls: PullRequestFact[] = [];
  for (const p of inPeriod) {
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...where, pull_number: p.number, per_page: 100 });
    pulls.push({
      number: p.number,
      title: p.title,
      author: p.user?.login ?? '',
      createdAt: p.created_at,
      mergedAt: p.merged_at ?? undefined,
      closedAt: p.closed_at ?? p.merged_at ?? undefined,
      labels: p.labels.map((l) => l.name ?? '').filter((n) => n !== ''),
      body: p.body ?? null,
      reviews: reviews.filter((r) => r.submitted_at && r.user).map((r) => ({ user: r.user!.login, state: r.state, submittedAt: r.submitted_at! })),
    });
  }
  return pulls.sort((a, b) => a.number - b.number);
}
