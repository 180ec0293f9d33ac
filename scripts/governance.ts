/**
 * npm run governance -- plan|apply --repo owner/name [--branch main]
 *
 * Makes the approval chain real on GitHub, idempotently: protects the
 * published branch (pull requests only; the `editorial-approval` check from
 * the GitHub Actions app; stale reviews dismissed; code owners' review;
 * administrators included, nobody bypasses; no force pushes, no deletion) and
 * creates the editorial flow's labels. `plan` prints the differences from what
 * is live and changes nothing; `apply` makes them; a second `apply` changes
 * nothing. Needs a token with administration rights in GITHUB_TOKEN.
 *
 * npm run governance -- codeowners
 *   writes .github/CODEOWNERS from content/governance/roles.yml (merge it
 *   through a pull request like any technical change).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Octokit } from 'octokit';
import { formatIssues } from '../src/lib/content/issues.ts';
import { ROLES_FILE, validateRolesFile } from '../src/lib/content/roles-file.ts';
import { codeowners, CODEOWNERS_FILE } from '../src/lib/governance/codeowners.ts';
import { desiredLabels, desiredProtection } from '../src/lib/governance/desired.ts';
import { labelChanges, protectionChanges, type LiveProtection } from '../src/lib/governance/diff.ts';
import { githubClient, parseRepo, type RepoRef } from './lib/github.ts';
import { RETROSPECTIVE_LABEL, URGENT_LABEL } from '../src/lib/approval/urgent.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { repo: { type: 'string' }, branch: { type: 'string', default: 'main' } },
});
const command = positionals[0];
if (command === 'codeowners') {
  const { roles, issues } = validateRolesFile(await readFile(ROLES_FILE, 'utf8'));
  if (!roles) {
    console.error(formatIssues(issues));
    process.exit(1);
  }
  await writeFile(CODEOWNERS_FILE, codeowners(roles, ROLES_FILE));
  console.log(`governance: đã viết / wrote ${CODEOWNERS_FILE}`);
  process.exit(0);
}
if (command !== 'plan' && command !== 'apply') {
  console.error('Dùng / Usage: npm run governance -- plan|apply --repo owner/name [--branch main]\n       npm run governance -- codeowners');
  process.exit(2);
}

async function liveProtection(octokit: Octokit, where: RepoRef, branch: string): Promise<LiveProtection | null> {
  try {
    return (await octokit.rest.repos.getBranchProtection({ ...where, branch })).data as LiveProtection;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

try {
  const where = parseRepo(values.repo);
  const branch = values.branch!;
  const octokit = githubClient();
  const desired = desiredProtection();
  const labels = desiredLabels(URGENT_LABEL, RETROSPECTIVE_LABEL);

  const protection = protectionChanges(await liveProtection(octokit, where, branch), desired);
  const labelPlan = labelChanges(await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { ...where, per_page: 100 }), labels);

  console.log(`governance: ${where.owner}/${where.repo}, nhánh / branch ${branch}`);
  if (protection.length === 0 && labelPlan.length === 0) {
    console.log('governance: không có gì cần đổi / nothing to change');
    process.exit(0);
  }
  for (const line of protection) console.log(`  ~ protection ${line}`);
  for (const change of labelPlan) console.log(`  ${change.action === 'create' ? '+' : '~'} ${change.line}`);

  if (command === 'plan') {
    console.log(`governance: ${protection.length + labelPlan.length} thay đổi, chưa áp dụng (chạy apply) / change(s), not applied (run apply)`);
  } else {
    if (protection.length > 0) {
      await octokit.rest.repos.updateBranchProtection({
        ...where,
        branch,
        ...desired,
        // `checks` (with the app id) replaces the deprecated `contexts`, which octokit's types still list.
        required_status_checks: desired.required_status_checks as typeof desired.required_status_checks & { contexts: string[] },
        required_pull_request_reviews: { ...desired.required_pull_request_reviews, bypass_pull_request_allowances: { users: [], teams: [], apps: [] } },
      });
      console.log('governance: đã bảo vệ nhánh / branch protection applied');
    }
    for (const change of labelPlan) {
      const { name, color, description } = change.label;
      if (change.action === 'create') await octokit.rest.issues.createLabel({ ...where, name, color, description });
      else await octokit.rest.issues.updateLabel({ ...where, name, color, description });
    }
    if (labelPlan.length > 0) console.log(`governance: ${labelPlan.length} nhãn / label(s) created or updated`);
  }
} catch (error) {
  console.error(`governance: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
