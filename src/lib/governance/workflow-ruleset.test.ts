import { describe, expect, it } from 'vitest';
import { desiredWorkflowRuleset, pushRulesetsPossible, rulesetChanges, type LiveRuleset } from './workflow-ruleset.ts';

const desired = desiredWorkflowRuleset();
const live = (change: Partial<LiveRuleset> = {}): LiveRuleset => ({ id: 7, ...structuredClone(desired), ...change });

describe('the push ruleset for workflow files', () => {
  it('refuses pushes of .github/workflows/** by anyone but administrators, on every branch', () => {
    expect(desired).toEqual({
      name: 'editorial-approval: workflow files',
      target: 'push',
      enforcement: 'active',
      bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
      rules: [{ type: 'file_path_restriction', parameters: { restricted_file_paths: ['.github/workflows/**'] } }],
    });
  });

  it('is created when missing, unchanged when live matches, and each weakening is a change', () => {
    expect(rulesetChanges(null, desired)[0]).toContain('(chưa có / none) → push, file_path_restriction .github/workflows/**');
    expect(rulesetChanges(live(), desired)).toEqual([]);
    expect(rulesetChanges(live({ enforcement: 'evaluate' }), desired)).toEqual(['ruleset “editorial-approval: workflow files”.enforcement: evaluate → active']);
    expect(rulesetChanges(live({ bypass_actors: [...desired.bypass_actors, { actor_id: 4, actor_type: 'RepositoryRole', bypass_mode: 'always' }] }), desired)[0]).toContain('.bypass_actors');
    expect(rulesetChanges(live({ rules: [] }), desired)[0]).toContain('.rules');
  });

  it('is possible only on private or internal repositories', () => {
    expect(pushRulesetsPossible('public')).toBe(false);
    expect(pushRulesetsPossible(undefined)).toBe(false);
    expect(pushRulesetsPossible('private')).toBe(true);
    expect(pushRulesetsPossible('internal')).toBe(true);
  });
});
