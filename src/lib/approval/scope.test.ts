import { describe, expect, it } from 'vitest';
import { approvalDecision } from './decision.ts';
import { approvalInputSchema, type ApprovalInputSource } from './input.ts';
import { intoDefaultBranch, scopeProblems } from './scope.ts';

const HEAD = 'c3d4e5f60718293a4b5c6d7e8f9012345678abcd';

function input(pull: Partial<ApprovalInputSource['pull_request']>, extra: Partial<ApprovalInputSource> = {}) {
  return approvalInputSchema.parse({
    pull_request: { number: 7, author: 'editor-chau', head_sha: HEAD, base_ref: 'main', commit_count: 1, ...pull },
    files: [{ filename: 'docs/cms.md', status: 'modified' }],
    commits: [{ sha: HEAD, author: 'editor-chau', committer: 'editor-chau' }],
    reviews: [],
    roles: { base_content: null },
    now: '2026-11-20T10:00:00+07:00',
    ...extra,
  });
}

describe('scopeProblems', () => {
  it('accepts a pull request into the default branch whose every file is listed', () => {
    const i = input({ changed_files: 1 }, { default_branch: 'main' });
    expect(scopeProblems(i)).toEqual([]);
    expect(intoDefaultBranch(i)).toBe(true);
  });

  it('refuses any other base branch, in both languages, naming both branches', () => {
    const i = input({ base_ref: 'editor-branch' }, { default_branch: 'main' });
    const [problem] = scopeProblems(i);
    expect(problem!.vi).toContain('nhánh “editor-branch”, không phải nhánh mặc định main');
    expect(problem!.en).toContain('the “editor-branch” branch, not the default branch main');
    expect(intoDefaultBranch(i)).toBe(false);
  });

  it('never posts for an input that does not say which branch is the default', () => {
    expect(intoDefaultBranch(input({}))).toBe(false);
    expect(scopeProblems(input({}))).toEqual([]);
  });

  it('refuses a file list shorter than the count GitHub gives (its list stops at 3,000)', () => {
    const [problem] = scopeProblems(input({ changed_files: 3001 }, { default_branch: 'main' }));
    expect(problem!.en).toContain('GitHub lists only 1 of the 3001 files');
    expect(problem!.en).toContain('at most 3,000');
    expect(problem!.vi).toContain('tối đa 3.000 tệp');
  });
});

describe('approvalDecision outside its scope', () => {
  it('fails a pull request into another branch before anything else, even one that changes no files', () => {
    const d = approvalDecision(input({ base_ref: 'x' }, { default_branch: 'main', files: [] }));
    expect(d.decision).toBe('fail');
    expect(d.checklist).toEqual([expect.objectContaining({ done: false })]);
  });
});
