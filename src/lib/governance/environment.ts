/**
 * The deployment environments that hold private keys: `editorial-approval`
 * (the approval app's key, which posts the required check) and
 * `archive-signing` (the key that signs every published archive). Only the
 * default branch may use them, so a workflow pushed to any other branch — or
 * run for a pull request into one — cannot get a key. `npm run governance`
 * compares each live environment with this and sets it.
 */

export const APPROVAL_ENVIRONMENT = 'editorial-approval';
export const ARCHIVE_SIGNING_ENVIRONMENT = 'archive-signing';
/** Every environment whose secrets only the default branch may reach. */
export const KEY_ENVIRONMENTS = [APPROVAL_ENVIRONMENT, ARCHIVE_SIGNING_ENVIRONMENT] as const;

/** GET /repos/{owner}/{repo}/environments/{name}, the part that matters here. */
export interface LiveEnvironment {
  deployment_branch_policy?: { protected_branches: boolean; custom_branch_policies: boolean } | null;
}

/** One of GET …/environments/{name}/deployment-branch-policies. */
export interface LiveBranchPolicy {
  id?: number;
  name?: string;
  type?: string;
}

export interface EnvironmentPlan {
  /** Readable lines for `plan`; empty when nothing is to change. */
  lines: string[];
  /** Create the environment, or set its policy to custom branches. */
  setPolicy: boolean;
  /** Branch policies to add (names). */
  add: string[];
  /** Branch policies to remove. */
  remove: LiveBranchPolicy[];
}

const only = (branch: string) => `chỉ nhánh / only branch ${branch}`;

function describe(live: LiveEnvironment, policies: LiveBranchPolicy[]): string {
  const p = live.deployment_branch_policy;
  if (!p) return 'mọi nhánh / any branch';
  if (p.protected_branches) return 'mọi nhánh được bảo vệ / any protected branch';
  return policies.length === 0 ? 'không nhánh nào / no branch' : policies.map((x) => `${x.type ?? 'branch'} ${x.name}`).join(', ');
}

/** What to change so that the environment exists and only `defaultBranch` may use it. */
export function environmentChanges(environment: string, live: LiveEnvironment | null, policies: LiveBranchPolicy[], defaultBranch: string): EnvironmentPlan {
  const name = `environment “${environment}”`;
  if (!live) return { lines: [`${name}: (chưa có / none) → ${only(defaultBranch)}`], setPolicy: true, add: [defaultBranch], remove: [] };
  const custom = live.deployment_branch_policy?.custom_branch_policies === true && live.deployment_branch_policy.protected_branches === false;
  const current = custom ? policies : [];
  const isWanted = (p: LiveBranchPolicy) => p.name === defaultBranch && (p.type ?? 'branch') === 'branch';
  const add = current.some(isWanted) ? [] : [defaultBranch];
  const remove = current.filter((p) => !isWanted(p));
  const lines = add.length > 0 || remove.length > 0 || !custom ? [`${name}: ${describe(live, policies)} → ${only(defaultBranch)}`] : [];
  return { lines, setPolicy: !custom, add, remove };
}
