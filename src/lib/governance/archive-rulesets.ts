/**
 * The rulesets that keep the archive's own refs (docs/archive.md, “Drafts”;
 * docs/history.md, “Where the store lives”): GitHub rulesets protect branches
 * and tags, not arbitrary refs. For each, two rulesets, because a bypass
 * actor bypasses every rule of its ruleset:
 * - the kept drafts, tags refs/tags/drafts/**: “no update, no deletion”, which
 *   nobody bypasses — not the archive workflow, not administrators (they can
 *   only delete the ruleset itself, which the audit log records); and
 *   “creation”, which only GitHub Actions (the publish workflow's
 *   GITHUB_TOKEN) bypasses: editors' tokens cannot plant a fake draft;
 * - the memento store, the branch luu-tru: “no deletion, no force push”, which
 *   nobody bypasses (the store only grows); and “creation, update”, which only
 *   GitHub Actions bypasses: nobody else adds a version of a page to the
 *   public record.
 */
import { MEMENTO_BRANCH } from '../history/mementos.ts';
import { GITHUB_ACTIONS_APP_ID } from './desired.ts';
import type { LiveRuleset } from './workflow-ruleset.ts';

export const DRAFTS_KEEP_RULESET = 'editorial-archive: kept drafts are never changed';
export const DRAFTS_CREATE_RULESET = 'editorial-archive: kept drafts come from the archive workflow';
export const DRAFT_TAG_PATTERN = 'refs/tags/drafts/**';
export const MEMENTOS_KEEP_RULESET = 'editorial-archive: the memento store is never rewritten';
export const MEMENTOS_WRITE_RULESET = 'editorial-archive: the memento store comes from the publish workflow';
export const MEMENTO_BRANCH_REF = `refs/heads/${MEMENTO_BRANCH}`;

type RuleType = 'creation' | 'update' | 'deletion' | 'non_fast_forward';

/** The body of POST/PUT /repos/{owner}/{repo}/rulesets[/{id}] for a tag or branch ruleset. */
export interface RefRulesetSettings {
  name: string;
  target: 'tag' | 'branch';
  enforcement: 'active';
  conditions: { ref_name: { include: string[]; exclude: string[] } };
  bypass_actors: { actor_id: number; actor_type: 'Integration'; bypass_mode: 'always' }[];
  rules: { type: RuleType }[];
}

/** What the rulesets of a ref keep, for the message when GitHub refuses them. */
export interface ArchiveRulesets {
  what: { vi: string; en: string };
  rulesets: RefRulesetSettings[];
}

function pair(target: 'tag' | 'branch', ref: string, keep: [string, RuleType[]], write: [string, RuleType[]]): RefRulesetSettings[] {
  const conditions = { ref_name: { include: [ref], exclude: [] } };
  const actions = [{ actor_id: GITHUB_ACTIONS_APP_ID, actor_type: 'Integration' as const, bypass_mode: 'always' as const }];
  return [
    { name: keep[0], target, enforcement: 'active', conditions, bypass_actors: [], rules: keep[1].map((type) => ({ type })) },
    { name: write[0], target, enforcement: 'active', conditions, bypass_actors: actions, rules: write[1].map((type) => ({ type })) },
  ];
}

export function desiredArchiveRulesets(): ArchiveRulesets[] {
  return [
    {
      what: { vi: `các bản nháp đã lưu (${DRAFT_TAG_PATTERN})`, en: `the kept drafts (${DRAFT_TAG_PATTERN})` },
      rulesets: pair('tag', DRAFT_TAG_PATTERN, [DRAFTS_KEEP_RULESET, ['update', 'deletion', 'non_fast_forward']], [DRAFTS_CREATE_RULESET, ['creation']]),
    },
    {
      what: { vi: `kho bản lưu các trang (${MEMENTO_BRANCH_REF})`, en: `the memento store (${MEMENTO_BRANCH_REF})` },
      rulesets: pair('branch', MEMENTO_BRANCH_REF, [MEMENTOS_KEEP_RULESET, ['deletion', 'non_fast_forward']], [MEMENTOS_WRITE_RULESET, ['creation', 'update']]),
    },
  ];
}

type Live = LiveRuleset & { conditions?: { ref_name?: { include?: string[]; exclude?: string[] } } | null };

const actors = (list: Live['bypass_actors']) => JSON.stringify((list ?? []).map((a) => `${a.actor_type}:${a.actor_id ?? ''}:${a.bypass_mode ?? 'always'}`).sort());
const ruleTypes = (list: Live['rules']) => JSON.stringify((list ?? []).map((r) => r.type).sort());
const refNames = (c: Live['conditions']) => JSON.stringify({ include: [...(c?.ref_name?.include ?? [])].sort(), exclude: [...(c?.ref_name?.exclude ?? [])].sort() });

/** Lines like `ruleset “…”.rules: ["update"] → ["deletion","non_fast_forward","update"]`; empty when live matches. */
export function refRulesetChanges(live: Live | null, desired: RefRulesetSettings): string[] {
  const name = `ruleset “${desired.name}”`;
  if (!live) return [`${name}: (chưa có / none) → ${desired.target} ${desired.conditions.ref_name.include.join(', ')}: ${desired.rules.map((r) => r.type).join(', ')}`];
  const changes: string[] = [];
  if (live.target !== desired.target) changes.push(`${name}.target: ${live.target ?? '(none)'} → ${desired.target}`);
  if (live.enforcement !== desired.enforcement) changes.push(`${name}.enforcement: ${live.enforcement} → ${desired.enforcement}`);
  if (refNames(live.conditions) !== refNames(desired.conditions)) changes.push(`${name}.conditions: ${refNames(live.conditions)} → ${refNames(desired.conditions)}`);
  if (actors(live.bypass_actors) !== actors(desired.bypass_actors)) changes.push(`${name}.bypass_actors: ${actors(live.bypass_actors)} → ${actors(desired.bypass_actors)}`);
  if (ruleTypes(live.rules) !== ruleTypes(desired.rules)) changes.push(`${name}.rules: ${ruleTypes(live.rules)} → ${ruleTypes(desired.rules)}`);
  return changes;
}
