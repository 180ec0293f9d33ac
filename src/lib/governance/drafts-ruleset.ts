/**
 * The tag rulesets that protect the kept drafts, refs/tags/drafts/**
 * (docs/archive.md, “Drafts”): GitHub rulesets protect branches and tags,
 * not arbitrary refs, hence tags. Two rulesets, because a bypass actor
 * bypasses every rule of its ruleset:
 * - “no update, no deletion”: nobody bypasses it — not the archive workflow,
 *   not administrators (they can only delete the ruleset itself, which the
 *   repository's audit log records);
 * - “creation”: only GitHub Actions (the publish workflow's GITHUB_TOKEN)
 *   creates such tags; editors' tokens cannot plant a fake draft.
 */
import { GITHUB_ACTIONS_APP_ID } from './desired.ts';
import type { LiveRuleset } from './workflow-ruleset.ts';

export const DRAFTS_KEEP_RULESET = 'editorial-archive: kept drafts are never changed';
export const DRAFTS_CREATE_RULESET = 'editorial-archive: kept drafts come from the archive workflow';
export const DRAFT_TAG_PATTERN = 'refs/tags/drafts/**';

/** The body of POST/PUT /repos/{owner}/{repo}/rulesets[/{id}] for a tag ruleset. */
export interface TagRulesetSettings {
  name: string;
  target: 'tag';
  enforcement: 'active';
  conditions: { ref_name: { include: string[]; exclude: string[] } };
  bypass_actors: { actor_id: number; actor_type: 'Integration'; bypass_mode: 'always' }[];
  rules: { type: 'creation' | 'update' | 'deletion' | 'non_fast_forward' }[];
}

export function desiredDraftRulesets(): TagRulesetSettings[] {
  const conditions = { ref_name: { include: [DRAFT_TAG_PATTERN], exclude: [] } };
  return [
    { name: DRAFTS_KEEP_RULESET, target: 'tag', enforcement: 'active', conditions, bypass_actors: [], rules: [{ type: 'update' }, { type: 'deletion' }, { type: 'non_fast_forward' }] },
    {
      name: DRAFTS_CREATE_RULESET,
      target: 'tag',
      enforcement: 'active',
      conditions,
      bypass_actors: [{ actor_id: GITHUB_ACTIONS_APP_ID, actor_type: 'Integration', bypass_mode: 'always' }],
      rules: [{ type: 'creation' }],
    },
  ];
}

type Live = LiveRuleset & { conditions?: { ref_name?: { include?: string[]; exclude?: string[] } } | null };

const actors = (list: Live['bypass_actors']) => JSON.stringify((list ?? []).map((a) => `${a.actor_type}:${a.actor_id ?? ''}:${a.bypass_mode ?? 'always'}`).sort());
const ruleTypes = (list: Live['rules']) => JSON.stringify((list ?? []).map((r) => r.type).sort());
const refNames = (c: Live['conditions']) => JSON.stringify({ include: [...(c?.ref_name?.include ?? [])].sort(), exclude: [...(c?.ref_name?.exclude ?? [])].sort() });

/** Lines like `ruleset “…”.rules: ["update"] → ["deletion","non_fast_forward","update"]`; empty when live matches. */
export function tagRulesetChanges(live: Live | null, desired: TagRulesetSettings): string[] {
  const name = `ruleset “${desired.name}”`;
  if (!live) return [`${name}: (chưa có / none) → tag ${DRAFT_TAG_PATTERN}: ${desired.rules.map((r) => r.type).join(', ')}`];
  const changes: string[] = [];
  if (live.target !== desired.target) changes.push(`${name}.target: ${live.target ?? '(none)'} → ${desired.target}`);
  if (live.enforcement !== desired.enforcement) changes.push(`${name}.enforcement: ${live.enforcement} → ${desired.enforcement}`);
  if (refNames(live.conditions) !== refNames(desired.conditions)) changes.push(`${name}.conditions: ${refNames(live.conditions)} → ${refNames(desired.conditions)}`);
  if (actors(live.bypass_actors) !== actors(desired.bypass_actors)) changes.push(`${name}.bypass_actors: ${actors(live.bypass_actors)} → ${actors(desired.bypass_actors)}`);
  if (ruleTypes(live.rules) !== ruleTypes(desired.rules)) changes.push(`${name}.rules: ${ruleTypes(live.rules)} → ${ruleTypes(desired.rules)}`);
  return changes;
}
