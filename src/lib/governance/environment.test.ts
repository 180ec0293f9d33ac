import { describe, expect, it } from 'vitest';
import { environmentChanges } from './environment.ts';

const custom = { deployment_branch_policy: { protected_branches: false, custom_branch_policies: true } };

describe('the approval environment: only the default branch may use it', () => {
  it('is created with one branch policy when it does not exist', () => {
    expect(environmentChanges('editorial-approval', null, [], 'main')).toEqual({
      lines: ['environment “editorial-approval”: (chưa có / none) → chỉ nhánh / only branch main'],
      setPolicy: true,
      add: ['main'],
      remove: [],
    });
  });

  it('is unchanged when only the default branch is allowed', () => {
    expect(environmentChanges('editorial-approval', custom, [{ id: 1, name: 'main', type: 'branch' }], 'main').lines).toEqual([]);
  });

  it('is narrowed when any branch, or any protected branch, may use it', () => {
    for (const policy of [null, { protected_branches: true, custom_branch_policies: false }]) {
      const plan = environmentChanges('editorial-approval', { deployment_branch_policy: policy }, [], 'main');
      expect(plan.setPolicy).toBe(true);
      expect(plan.add).toEqual(['main']);
      expect(plan.lines[0]).toMatch(/any (protected )?branch → chỉ nhánh \/ only branch main$/);
    }
  });

  it('removes every other pattern, a tag of the same name included, and adds the default branch', () => {
    const plan = environmentChanges('editorial-approval', custom, [{ id: 1, name: 'release/*', type: 'branch' }, { id: 2, name: 'main', type: 'tag' }], 'main');
    expect(plan.setPolicy).toBe(false);
    expect(plan.add).toEqual(['main']);
    expect(plan.remove.map((p) => p.id)).toEqual([1, 2]);
    expect(plan.lines).toEqual(['environment “editorial-approval”: branch release/*, tag main → chỉ nhánh / only branch main']);
  });
});
