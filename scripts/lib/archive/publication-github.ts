/**
 * Gathers from GitHub what the publication record says about a commit: the
 * pull request that merged it (commits/{sha}/pulls), the approval facts as
 * the gate read them (gatherApprovalInput, with the base branch read at the
 * merge commit's first parent), and the editorial-approval check run of the
 * pull request's head commit.
 */
import type { Octokit } from 'octokit';
import type { MergedPull, PublicationFacts } from '../../../src/lib/archive/publication-record.ts';
import { APPROVAL_CHECK } from '../../../src/lib/governance/desired.ts';
import { gatherApprovalInput } from '../approval-github.ts';
import type { RepoRef } from '../github.ts';

/** The merged pull request whose merge (or squash) commit is `sha`; else the first merged one holding it. */
async function mergingPull(octokit: Octokit, where: RepoRef, sha: string): Promise<MergedPull | undefined> {
  const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, { ...where, commit_sha: sha, per_page: 100 });
  const merged = pulls.filter((p) => p.merged_at);
  const chosen = merged.find((p) => p.merge_commit_sha === sha) ?? merged[0];
  if (!chosen) return undefined;
  const { data: pr } = await octokit.rest.pulls.get({ ...where, pull_number: chosen.number });
  return {
    number: pr.number,
    title: pr.title,
    author: pr.user.login,
    url: pr.html_url,
    merged_by: pr.merged_by?.login,
    merged_at: pr.merged_at ?? undefined,
  };
}

/** The latest completed editorial-approval check run on `ref`, as a link. */
async function approvalCheckRun(octokit: Octokit, where: RepoRef, ref: string): Promise<string | undefined> {
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, { ...where, ref, check_name: APPROVAL_CHECK, filter: 'all', per_page: 100 });
  const completed = runs.filter((r) => r.status === 'completed' && r.name === APPROVAL_CHECK);
  completed.sort((a, b) => Date.parse(b.completed_at ?? '') - Date.parse(a.completed_at ?? '') || b.id - a.id);
  return completed[0]?.html_url ?? undefined;
}

/** `firstParent`: the commit before `sha` on the published branch, where the gate read the roles file. */
export async function gatherPublication(octokit: Octokit, where: RepoRef, sha: string, firstParent: string | undefined): Promise<NonNullable<PublicationFacts['github']>> {
  const pull = await mergingPull(octokit, where, sha);
  if (!pull) return {};
  const approval = await gatherApprovalInput(octokit, where, pull.number, pull.merged_at ? new Date(pull.merged_at) : new Date(), firstParent);
  const checkRunUrl = await approvalCheckRun(octokit, where, approval.pull_request.head_sha);
  return { pull, approval, ...(checkRunUrl ? { checkRunUrl } : {}) };
}
