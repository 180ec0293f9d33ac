/**
 * A push ruleset that refuses commits touching `.github/workflows/**` from
 * anyone but repository administrators, on every branch: a workflow pushed to
 * any branch runs with that branch's token. GitHub offers push rulesets only
 * on some plans (GitHub Team or Enterprise, private or internal repositories);
 * elsewhere `npm run governance` says so instead of applying it.
 */

export const WORKFLOW_RULESET = 'editorial-approval: workflow files';
export const WORKFLOW_PATHS = ['.github/workflows/**'];

/**
 * The repository role "Admin" as a ruleset bypass actor. GitHub's numbering of
 * the built-in roles is not sequential (maintain 2, write 4, admin 5); only
 * admin is used here.
 */
export const ADMIN_ROLE_ID = 5;

/** The body of POST/PUT /repos/{owner}/{repo}/rulesets[/{id}]. */
export interface RulesetSettings {
  name: string;
  target: 'push';
  enforcement: 'active';
  bypass_actors: { actor_id: number; actor_type: 'RepositoryRole'; bypass_mode: 'always' }[];
  rules: { type: 'file_path_restriction'; parameters: { restricted_file_paths: string[] } }[];
}

/** GET /repos/{owner}/{repo}/rulesets/{id}, the parts compared. */
export interface LiveRuleset {
  id: number;
  name: string;
  target?: string;
  enforcement: string;
  bypass_actors?: { actor_id?: number | null; actor_type: string; bypass_mode?: string }[];
  rules?: { type: string; parameters?: unknown }[];
}

export function desiredWorkflowRuleset(): RulesetSettings {
  return {
    name: WORKFLOW_RULESET,
    target: 'push',
    enforcement: 'active',
    bypass_actors: [{ actor_id: ADMIN_ROLE_ID, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
    rules: [{ type: 'file_path_restriction', parameters: { restricted_file_paths: WORKFLOW_PATHS } }],
  };
}

/** Whether GitHub can offer push rulesets at all: not on public repositories. */
export function pushRulesetsPossible(visibility: string | undefined): boolean {
  return visibility === 'private' || visibility === 'internal';
}

const actors = (list: LiveRuleset['bypass_actors']) =>
  JSON.stringify((list ?? []).map((a) => `${a.actor_type}:${a.actor_id ?? ''}:${a.bypass_mode ?? 'always'}`).sort());
const rules = (list: LiveRuleset['rules']) => JSON.stringify((list ?? []).map((r) => JSON.stringify(r)).sort());

/** Lines like `ruleset “…”.enforcement: evaluate → active`; empty when live matches. */
export function rulesetChanges(live: LiveRuleset | null, desired: RulesetSettings): string[] {
  const name = `ruleset “${desired.name}”`;
  if (!live) return [`${name}: (chưa có / none) → ${desired.target}, ${desired.rules.map((r) => `${r.type} ${r.parameters.restricted_file_paths.join(' ')}`).join('; ')}`];
  const changes: string[] = [];
  if (live.target !== desired.target) changes.push(`${name}.target: ${live.target ?? '(none)'} → ${desired.target}`);
  if (live.enforcement !== desired.enforcement) changes.push(`${name}.enforcement: ${live.enforcement} → ${desired.enforcement}`);
  if (actors(live.bypass_actors) !== actors(desired.bypass_actors)) changes.push(`${name}.bypass_actors: ${actors(live.bypass_actors)} → ${actors(desired.bypass_actors)}`);
  if (rules(live.rules) !== rules(desired.rules)) changes.push(`${name}.rules: ${rules(live.rules)} → ${rules(desired.rules)}`);
  return changes;
}
