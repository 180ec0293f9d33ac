/**
 * The editorial-approval check's I/O: gather a pull request's facts from
 * GitHub into the plain input of `approvalDecision`, and report the decision
 * as a check run and one PR comment kept up to date. Nothing here runs or
 * checks out the pull request's code; the roles file is read from the base
 * branch through the API.
 */
import type { Octokit } from 'octokit';
import { approvalInputSchema, type ApprovalDecision, type ApprovalInput } from '../../src/lib/approval/input.ts';
import { isEntryPath } from '../../src/lib/approval/classify.ts';
import { coAuthorTrailers } from '../../src/lib/approval/commits.ts';
import { APPROVAL_CHECK } from '../../src/lib/governance/desired.ts';
import { ROLES_FILE } from '../../src/lib/content/roles-file.ts';
import { fileAt, type RepoRef } from './github.ts';


const isEntryFile = (path: string | undefined) => path !== undefined && isEntryPath(path);

/**
 * `baseAt`: where the base branch's files (the roles file, entries before the
 * change) are read — by default the base branch as it is now; for a pull
 * request already merged, the merge commit's first parent (the branch as it
 * was just before the merge, as the gate saw it).
 */
export async function gatherApprovalInput(octokit: Octokit, where: RepoRef, pullNumber: number, now = new Date(), baseAt?: string): Promise<ApprovalInput> {
  const { data: pr } = await octokit.rest.pulls.get({ ...where, pull_number: pullNumber });
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...where, pull_number: pullNumber, per_page: 100 });
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...where, pull_number: pullNumber, per_page: 100 });
  // Who wrote it (GitHub lists at most 250 commits; the decision fails closed when pr.commits is more).
  const commits = await octokit.paginate(octokit.rest.pulls.listCommits, { ...where, pull_number: pullNumber, per_page: 100 });
  const account = (user: (typeof commits)[number]['author']) => (user && 'login' in user && user.login ? user.login : null);
  const base = pr.base.ref;
  const readAt = baseAt ?? base;
  const head = pr.head.sha;

  const changed = await Promise.all(
    files.map(async (f) => {
      const before = f.status === 'renamed' ? f.previous_filename : f.filename;
      const entry = isEntryFile(f.filename) || isEntryFile(f.previous_filename);
      return {
        filename: f.filename,
        status: f.status,
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
        ...(entry
          ? {
              base_content: f.status === 'added' ? null : await fileAt(octokit, where, before!, readAt),
              head_content: f.status === 'removed' ? null : await fileAt(octokit, where, f.filename, head),
            }
          : {}),
      };
    }),
  );

  return approvalInputSchema.parse({
    repository: `${where.owner}/${where.repo}`,
    pull_request: {
      number: pr.number,
      author: pr.user.login,
      head_sha: head,
      base_ref: base,
      labels: pr.labels.map((l) => l.name),
      body: pr.body ?? null,
      commit_count: pr.commits,
    },
    files: changed,
    commits: commits.map((c) => ({ sha: c.sha, author: account(c.author), committer: account(c.committer), co_authors: coAuthorTrailers(c.commit.message) })),
    reviews: reviews
      // Pending (unsubmitted) reviews have no time or commit, and count for nothing.
      .filter((r) => r.user && r.submitted_at && r.commit_id)
      .map((r) => ({ user: r.user!.login, state: r.state, commit_id: r.commit_id!, submitted_at: r.submitted_at! })),
    // Always the protected base branch's version: a pull request cannot grant itself roles.
    roles: { path: ROLES_FILE, base_content: await fileAt(octokit, where, ROLES_FILE, readAt) },
    now: now.toISOString(),
  });
}

export interface ReportParts {
  conclusion: 'success' | 'failure' | 'action_required';
  output: { title: string; summary: string; text?: string };
  comment: string;
  marker: string;
}

/** Writes the check run on the head commit and creates or updates the bot's one comment. */
export async function publishDecision(
  octokit: Octokit,
  where: RepoRef,
  input: ApprovalInput,
  decision: ApprovalDecision,
  report: ReportParts,
  labels: { retrospective: string },
): Promise<{ checkRunId: number; commentId: number; commentCreated: boolean }> {
  const number = input.pull_request.number;
  const { data: run } = await octokit.rest.checks.create({
    ...where,
    name: APPROVAL_CHECK,
    head_sha: input.pull_request.head_sha,
    status: 'completed',
    conclusion: report.conclusion,
    completed_at: input.now,
    details_url: `https://github.com/${where.owner}/${where.repo}/pull/${number}`,
    output: report.output,
  });

  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: number, per_page: 100 });
  const mine = comments.find((c) => c.user?.type === 'Bot' && c.body?.startsWith(report.marker));
  let commentId: number;
  if (mine) {
    if (mine.body !== report.comment) await octokit.rest.issues.updateComment({ ...where, comment_id: mine.id, body: report.comment });
    commentId = mine.id;
  } else {
    commentId = (await octokit.rest.issues.createComment({ ...where, issue_number: number, body: report.comment })).data.id;
  }

  // Published on the urgent path: list the pull request for the secretary's review afterwards.
  if (decision.decision === 'pass' && decision.urgent && !input.pull_request.labels.includes(labels.retrospective)) {
    await octokit.rest.issues.addLabels({ ...where, issue_number: number, labels: [labels.retrospective] });
  }
  return { checkRunId: run.id, commentId, commentCreated: !mine };
}
