import { describe, expect, it } from 'vitest';
import { coAuthorLogin, coAuthorTrailers, commitProblems, MAX_LISTED_COMMITS, writersOf } from './commits.ts';
import { approvalInputSchema, type ApprovalInputSource } from './input.ts';

describe('co-authors', () => {
  it('reads the Co-authored-by trailers of a message, in any letter case', () => {
    const message = 'Sửa tin\n\nMô tả.\n\nCo-authored-by: Vũ Thị Hương <8812+secretary-huong@users.noreply.github.com>\nco-authored-by:  An <an@example.gov.vn>  \n';
    expect(coAuthorTrailers(message)).toEqual(['Vũ Thị Hương <8812+secretary-huong@users.noreply.github.com>', 'An <an@example.gov.vn>']);
    expect(coAuthorTrailers('Sửa tin')).toEqual([]);
  });

  it('names the account of a GitHub address only', () => {
    expect(coAuthorLogin('Vũ Thị Hương <8812+secretary-huong@users.noreply.github.com>')).toBe('secretary-huong');
    expect(coAuthorLogin('Octo <octocat@users.noreply.github.com>')).toBe('octocat');
    expect(coAuthorLogin('An <an@example.gov.vn>')).toBeUndefined();
    expect(coAuthorLogin('An <an@users.noreply.github.com.evil.example>')).toBeUndefined();
  });
});

describe('writersOf', () => {
  it('collects authors, committers and co-authors, once each, ignoring letter case', () => {
    const w = writersOf([
      { sha: 'aaaaaaa1', author: 'ed', committer: 'web-flow', co_authors: [] },
      { sha: 'bbbbbbb2', author: 'ED', committer: 'sec', co_authors: ['H <1+head@users.noreply.github.com>'] },
    ]);
    expect([...w.keys()]).toEqual(['ed', 'web-flow', 'sec', 'head']);
    expect(w.get('sec')!.did.en).toBe('committed commit bbbbbbb');
  });
});

describe('commitProblems', () => {
  const input = (count: number, commits: ApprovalInputSource['commits']) =>
    approvalInputSchema.parse({
      pull_request: { number: 1, author: 'ed', head_sha: 'abc', base_ref: 'main', commit_count: count },
      files: [],
      commits,
      reviews: [],
      roles: { base_content: null },
      now: '2026-11-20T10:00:00+07:00',
    });
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ sha: `sha${i}`, author: 'ed', committer: 'ed' }));

  it('has none when every commit is listed and tied to accounts', () => {
    expect(commitProblems(input(2, many(2)))).toEqual([]);
  });

  it('fails closed when GitHub lists fewer commits than the pull request has (at most 250)', () => {
    const [p] = commitProblems(input(260, many(MAX_LISTED_COMMITS)));
    expect(p!.en).toBe(
      'The pull request has 260 commits but GitHub lists only 250 (at most 250): who wrote it cannot be known for sure, so no approval can count. Split it into smaller pull requests (under 250 commits), or squash its commits.',
    );
    expect(p!.vi).toContain('Pull request có 260 commit nhưng GitHub chỉ liệt kê được 250');
  });

  it('fails closed on a commit whose author or committer is tied to no account', () => {
    const [p] = commitProblems(input(2, [{ sha: 'f00dcafe99', author: null, committer: 'ed' }, { sha: 'beef', author: 'ed', committer: 'ed' }]));
    expect(p!.en).toContain('GitHub ties the author or committer of commit f00dcaf to no account');
    expect(p!.vi).toContain('Settings → Emails');
  });
});
