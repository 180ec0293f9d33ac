/**
 * The editorial-approval check's I/O: gather a pull request's facts from
 * GitHub into the plain input of `approvalDecision`, and report the decision
 * as a check run and one PR comment kept up to date. Nothing here runs or
 * checks out the pull request's code; the roles file is read through the API
 * from the repository's default branch — never from the branch a pull
 * request names as its base, which its author chooses — and a check run is
 * posted only for pull requests into the default branch.
 */
import type { Octokit } from 'octokit';
import { approvalInputSchema, type ApprovalDecision, type ApprovalInput } from '../../src/lib/approval/input.ts';
import { isEntryPath } from '../../src/lib/approval/classify.ts';
import { SITE_FILE } from '../../src/lib/content/site-file.ts';
import { coAuthorTrailers } from '../../src/lib/approval/commits.ts';
import { APPROVAL_CHECK, CONTENT_CHECK, GITHUB_ACTIONS_BOT } from '../../src/lib/governance/desired.ts';
import { ROLES_FILE } from '../../src/lib/content/roles-file.ts';
import { intoDefaultBranch } from '../../src/lib/approval/scope.ts';
import { fileAt, type RepoRef } from './github.ts';


/** The files whose text the decision reads on both sides: entries (their states), and the site settings (what they serve of pages taken down). */
const isReadFile = (path: string | undefined) => path !== undefined && (isEntryPath(path) || path === SITE_FILE);

/** The repository's default branch: the protected one, the only one the check judges pull requests into. */
export async function defaultBranchOf(octokit: Octokit, where: RepoRef): Promise<string> {
  return (await octokit.rest.repos.get({ ...where })).data.default_branch;
}

/** The numbers of the open pull requests into the default branch, oldest first; with `headSha`, only those whose head is that commit. */
export async function openPullsIntoDefault(octokit: Octokit, where: RepoRef, headSha?: string): Promise<number[]> {
  const branch = await defaultBranchOf(octokit, where);
  const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...where, state: 'open', base: branch, sort: 'created', direction: 'asc', per_page: 100 });
  return pulls.filter((p) => p.base.ref === branch && (headSha === undefined || p.head.sha === headSha)).map((p) => p.number);
}

/**
 * The content check of commit `sha`: the newest `content-check` status posted
 * by GitHub Actions (the pull request workflow). A status of that name posted
 * by anyone else (an editor's token can post statuses) is ignored; none at all
 * is `missing`, and the decision waits.
 */
export async function contentCheckOf(octokit: Octokit, where: RepoRef, sha: string): Promise<NonNullable<ApprovalInput['content_check']>> {
  // Newest first (GitHub's order).
  const statuses = await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, { ...where, ref: sha, per_page: 100 });
  const latest = statuses.find((s) => s.context === CONTENT_CHECK && s.creator?.login === GITHUB_ACTIONS_BOT);
  if (!latest) return 'missing';
  if (latest.state === 'success') return 'success';
  if (latest.state === 'pending') return 'pending';
  return 'failure'; // failure or error
}

/**
 * `baseAt`: where the default branch's files (the roles file, entries before
 * the change) are read — by default the default branch as it is now; for a
 * pull request already merged, the merge commit's first parent (the branch
 * as it was just before the merge, as the gate saw it). The pull request's
 * own base branch is recorded, never read.
 */
export async function gatherApprovalInput(octokit: Octokit, where: RepoRef, pullNumber: number, now = new Date(), baseAt?: string): Promise<ApprovalInput> {
  const defaultBranch = await defaultBranchOf(octokit, where);
  const { data: pr } = await octokit.rest.pulls.get({ ...where, pull_number: pullNumber });
  // At most 3,000 files: `changed_files` tells whether the list is complete (src/lib/approval/scope.ts).
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...where, pull_number: pullNumber, per_page: 100 });
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...where, pull_number: pullNumber, per_page: 100 });
  // Who wrote it (GitHub lists at most 250 commits; the decision fails closed when pr.commits is more).
  const commits = await octokit.paginate(octokit.rest.pulls.listCommits, { ...where, pull_number: pullNumber, per_page: 100 });
  const account = (user: (typeof commits)[number]['author']) => (user && 'login' in user && user.login ? user.login : null);
  const base = pr.base.ref;
  const readAt = baseAt ?? defaultBranch;
  const head = pr.head.sha;

  const changed = await Promise.all(
    files.map(async (f) => {
      const before = f.status === 'renamed' ? f.previous_filename : f.filename;
      const read = isReadFile(f.filename) || isReadFile(f.previous_filename);
      return {
        filename: f.filename,
        status: f.status,
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
        ...(read
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
    default_branch: defaultBranch,
    pull_request: {
      number: pr.number,
      author: pr.user.login,
      head_sha: head,
      base_ref: base,
      labels: pr.labels.map((l) => l.name),
      body: pr.body ?? null,
      commit_count: pr.commits,
      changed_files: pr.changed_files,
    },
    files: changed,
    commits: commits.map((c) => ({ sha: c.sha, author: account(c.author), committer: account(c.committer), co_authors: coAuthorTrailers(c.commit.message) })),
    reviews: reviews
      // Pending (unsubmitted) reviews have no time or commit, and count for nothing.
      .filter((r) => r.user && r.submitted_at && r.commit_id)
      .map((r) => ({ user: r.user!.login, state: r.state, commit_id: r.commit_id!, submitted_at: r.submitted_at! })),
    // Always the default branch's version: a pull request cannot grant itself roles, nor pick the branch they come from.
    content_check: await contentCheckOf(octokit, where, head),
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

/**
 * Writes the check run on the head commit and creates or updates the bot's
 * one comment. For a pull request into any branch but the default one, only
 * the comment (saying why it is not judged): every pull request from the same
 * head shares that commit, and the check on it must be the judgement of the
 * pull request into the default branch. Not even a failing run — the latest
 * run of a name decides, so one would block the real pull request.
 */
export async function publishDecision(
  octokit: Octokit,
  where: RepoRef,
  input: ApprovalInput,
  decision: ApprovalDecision,
  report: ReportParts,
  labels: { retrospective: string },
): Promise<{ checkRunId: number | null; commentId: number; commentCreated: boolean }> {
  const number = input.pull_request.number;
  const judged = intoDefaultBranch(input);
  const run = judged
    ? (
        await octokit.rest.checks.create({
          ...where,
          name: APPROVAL_CHECK,
          head_sha: input.pull_request.head_sha,
          // Which pull request this judgement is of (several may share the commit).
          external_id: String(number),
          status: 'completed',
          conclusion: report.conclusion,
          completed_at: input.now,
          details_url: `https://github.com/${where.owner}/${where.repo}/pull/${number}`,
          output: report.output,
        })
      ).data
    : null;

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
  if (judged && decision.decision === 'pass' && decision.urgent && !input.pull_request.labels.includes(labels.retrospective)) {
    await octokit.rest.issues.addLabels({ ...where, issue_number: number, labels: [labels.retrospective] });
  }
  return { checkRunId: run?.id ?? null, commentId, commentCreated: !mine };
}
