/**
 * `npm run governance`'s reads and writes of the live GitHub settings: branch
 * protection, the approval app's environment and its branch policies, and the
 * push ruleset for workflow files. The decisions (what differs, what to set)
 * are in src/lib/governance/.
 */
import type { Octokit } from 'octokit';
import type { ProtectionSettings } from '../../src/lib/governance/desired.ts';
import type { LiveProtection } from '../../src/lib/governance/diff.ts';
import { type EnvironmentPlan, type LiveBranchPolicy, type LiveEnvironment } from '../../src/lib/governance/environment.ts';
import type { RefRulesetSettings } from '../../src/lib/governance/archive-rulesets.ts';
import type { LiveRuleset, RulesetSettings } from '../../src/lib/governance/workflow-ruleset.ts';
import type { RepoRef } from './github.ts';

const status = (error: unknown) => (error as { status?: number }).status;

/** Null when GitHub answers 404 (not protected, no such environment…). */
async function orNull<T>(request: Promise<{ data: T }>): Promise<T | null> {
  try {
    return (await request).data;
  } catch (error) {
    if (status(error) === 404) return null;
    throw error;
  }
}

export function liveProtection(octokit: Octokit, where: RepoRef, branch: string): Promise<LiveProtection | null> {
  return orNull(octokit.rest.repos.getBranchProtection({ ...where, branch })) as Promise<LiveProtection | null>;
}

export async function applyProtection(octokit: Octokit, where: RepoRef, branch: string, desired: ProtectionSettings): Promise<void> {
  await octokit.rest.repos.updateBranchProtection({
    ...where,
    branch,
    ...desired,
    // `checks` (with the app id) replaces the deprecated `contexts`, which octokit's types still list.
    required_status_checks: desired.required_status_checks as typeof desired.required_status_checks & { contexts: string[] },
    required_pull_request_reviews: { ...desired.required_pull_request_reviews, bypass_pull_request_allowances: { users: [], teams: [], apps: [] } },
  });
}

/** The environment and, when it uses custom branch policies, those policies. */
export async function liveEnvironment(octokit: Octokit, where: RepoRef, environment_name: string): Promise<{ environment: LiveEnvironment | null; policies: LiveBranchPolicy[] }> {
  const environment = await orNull(octokit.rest.repos.getEnvironment({ ...where, environment_name }));
  if (!environment?.deployment_branch_policy?.custom_branch_policies) return { environment, policies: [] };
  const policies = await octokit.paginate(octokit.rest.repos.listDeploymentBranchPolicies, { ...where, environment_name, per_page: 100 });
  return { environment, policies };
}

export async function applyEnvironment(octokit: Octokit, where: RepoRef, environment_name: string, plan: EnvironmentPlan): Promise<void> {
  if (plan.setPolicy) {
    await octokit.rest.repos.createOrUpdateEnvironment({ ...where, environment_name, deployment_branch_policy: { protected_branches: false, custom_branch_policies: true } });
  }
  for (const name of plan.add) await octokit.rest.repos.createDeploymentBranchPolicy({ ...where, environment_name, name, type: 'branch' });
  for (const policy of plan.remove) {
    if (policy.id === undefined) throw new Error(`GitHub gave no id for the branch policy “${policy.name}” of ${environment_name}.`);
    await octokit.rest.repos.deleteDeploymentBranchPolicy({ ...where, environment_name, branch_policy_id: policy.id });
  }
}

/** The repository's ruleset of that name, in full; null when there is none. */
export async function liveRuleset(octokit: Octokit, where: RepoRef, name: string): Promise<LiveRuleset | null> {
  const all = await octokit.paginate(octokit.rest.repos.getRepoRulesets, { ...where, includes_parents: false, per_page: 100 });
  const found = all.find((r) => r.name === name);
  if (!found) return null;
  return (await octokit.rest.repos.getRepoRuleset({ ...where, ruleset_id: found.id })).data as LiveRuleset;
}

/**
 * Creates or updates the ruleset; `refused` holds GitHub's answer when the
 * plan does not allow it (GitHub answers 403, 404 or 422 then).
 */
export async function applyRuleset(octokit: Octokit, where: RepoRef, live: LiveRuleset | null, desired: RulesetSettings | RefRulesetSettings): Promise<{ refused?: string }> {
  try {
    if (live) await octokit.rest.repos.updateRepoRuleset({ ...where, ruleset_id: live.id, ...desired });
    else await octokit.rest.repos.createRepoRuleset({ ...where, ...desired });
    return {};
  } catch (error) {
    const code = status(error);
    if (code === 403 || code === 404 || code === 422) return { refused: `${code}: ${(error as Error).message}` };
    throw error;
  }
}
