import { describe, expect, it } from 'vitest';
import { GITHUB_ACTIONS_APP_ID } from './desired.ts';
import { desiredArchiveRulesets, refRulesetChanges } from './archive-rulesets.ts';

describe('the kept drafts’ tag rulesets', () => {
  const [drafts, mementos] = desiredArchiveRulesets();
  const [keep, create] = drafts!.rulesets;

  it('nobody may update or delete a kept draft; only GitHub Actions may create one', () => {
    expect(keep).toMatchObject({ target: 'tag', enforcement: 'active', conditions: { ref_name: { include: ['refs/tags/drafts/**'] } }, bypass_actors: [] });
    expect(keep!.rules.map((r) => r.type).sort()).toEqual(['deletion', 'non_fast_forward', 'update']);
    expect(create!.rules).toEqual([{ type: 'creation' }]);
    expect(create!.bypass_actors).toEqual([{ actor_id: GITHUB_ACTIONS_APP_ID, actor_type: 'Integration', bypass_mode: 'always' }]);
  });

  it('says what differs from what is live', () => {
    expect(refRulesetChanges(null, keep!)).toEqual([`ruleset “${keep!.name}”: (chưa có / none) → tag refs/tags/drafts/**: update, deletion, non_fast_forward`]);
    expect(refRulesetChanges({ id: 1, ...keep!, rules: [{ type: 'deletion' }, { type: 'update' }, { type: 'non_fast_forward' }] }, keep!)).toEqual([]);
    const loosened = { id: 1, ...keep!, enforcement: 'evaluate', bypass_actors: [{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }], rules: [{ type: 'update' }], conditions: { ref_name: { include: ['refs/tags/**'], exclude: [] } } };
    const lines = refRulesetChanges(loosened, keep!);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('.enforcement: evaluate → active');
    expect(lines.join('\n')).toContain('.bypass_actors: ["RepositoryRole:5:always"] → []');
  });

  it('nobody may delete or force-push the memento store; only GitHub Actions may create or move it', () => {
    const [never, workflow] = mementos!.rulesets;
    expect(never).toMatchObject({ target: 'branch', enforcement: 'active', conditions: { ref_name: { include: ['refs/heads/luu-tru'] } }, bypass_actors: [] });
    expect(never!.rules.map((r) => r.type).sort()).toEqual(['deletion', 'non_fast_forward']);
    expect(workflow!.rules.map((r) => r.type).sort()).toEqual(['creation', 'update']);
    expect(workflow!.bypass_actors).toEqual([{ actor_id: GITHUB_ACTIONS_APP_ID, actor_type: 'Integration', bypass_mode: 'always' }]);
    expect(refRulesetChanges(null, never!)).toEqual([`ruleset “${never!.name}”: (chưa có / none) → branch refs/heads/luu-tru: deletion, non_fast_forward`]);
    expect(mementos!.what.en).toContain('memento store');
  });
});
