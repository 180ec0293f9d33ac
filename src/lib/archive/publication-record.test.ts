import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approvalInputSchema, type ApprovalInput } from '../approval/input.ts';
import { NO_GITHUB_NOTE, NO_PULL_NOTE, publicationRecord, type PublicationFacts } from './publication-record.ts';

// A content pull request: the secretary approved at 09:30, the head of the board at 14:15 (Vietnam time).
const scenario = JSON.parse(readFileSync('tests/fixtures/approval/01-content-secretary-then-head.json', 'utf8')) as { input: unknown };
const input = (): ApprovalInput => approvalInputSchema.parse(structuredClone(scenario.input));
const COMMIT = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';
const archive = { tag: 'site-20261120T080000Z-9f8e7d6', files: [{ name: 'site-20261120T080000Z-9f8e7d6.tar.gz', size: 10, sha256: 'a'.repeat(64) }] };
const pull = {
  number: 101,
  title: 'Hướng dẫn đóng BHXH tự nguyện năm 2027',
  author: 'editor-chau',
  url: 'https://github.com/bhxh-vietnam/cong-thong-tin/pull/101',
  merged_by: 'secretary-huong',
  merged_at: '2026-11-20T08:00:00Z',
};
const facts = (github: PublicationFacts['github']): PublicationFacts => ({
  commit: COMMIT,
  repository: 'bhxh-vietnam/cong-thong-tin',
  archivedAt: '2026-11-20T08:05:00.000Z',
  archive,
  ...(github ? { github } : {}),
});

describe('publicationRecord', () => {
  it('records the pull request, the approvals with each reviewer’s base-branch role, the decision and the merge', () => {
    const record = publicationRecord(facts({ pull, approval: input(), checkRunUrl: 'https://github.com/bhxh-vietnam/cong-thong-tin/runs/7' }));
    expect(record).toMatchObject({
      commit: COMMIT,
      repository: 'bhxh-vietnam/cong-thong-tin',
      pull_request: { number: 101, title: pull.title, author: 'editor-chau', url: pull.url },
      approvals: [
        { login: 'secretary-huong', role: 'secretary', state: 'APPROVED', submitted_at: '2026-11-20T09:30:00+07:00', commit_id: 'c3d4e5f60718293a4b5c6d7e8f9012345678abcd' },
        { login: 'head-an', role: 'board-head', state: 'APPROVED', submitted_at: '2026-11-20T14:15:00+07:00' },
      ],
      decision: { decision: 'pass', check_run_url: 'https://github.com/bhxh-vietnam/cong-thong-tin/runs/7' },
      merged_by: 'secretary-huong',
      merged_at: '2026-11-20T08:00:00Z',
      archived_at: '2026-11-20T08:05:00.000Z',
      archive,
    });
    expect(record.decision!.reasons.some((r) => r.en.startsWith('Publication is fully approved'))).toBe(true);
    expect(record.note).toBeUndefined();
    // Keys in reading order.
    expect(Object.keys(record)).toEqual(['commit', 'repository', 'pull_request', 'approvals', 'decision', 'merged_by', 'merged_at', 'archived_at', 'archive']);
  });

  it('decides as the gate did at the merge: a review given after the merge does not count', () => {
    const early = { ...pull, merged_at: '2026-11-20T05:00:00Z' }; // 12:00 in Vietnam: after the secretary, before the head
    const record = publicationRecord(facts({ pull: early, approval: input() }));
    expect(record.approvals.map((a) => a.login)).toEqual(['secretary-huong']);
    expect(record.decision!.decision).toBe('pending');
  });

  it('names reviewers without a role as none, and every role as unknown when the roles file cannot be read; comments are left out', () => {
    const i = input();
    i.reviews.push({ user: 'stranger', state: 'CHANGES_REQUESTED', commit_id: 'c3d4e5f60718293a4b5c6d7e8f9012345678abcd', submitted_at: '2026-11-20T10:00:00+07:00' });
    i.reviews.push({ user: 'head-an', state: 'COMMENTED', commit_id: 'c3d4e5f60718293a4b5c6d7e8f9012345678abcd', submitted_at: '2026-11-20T10:30:00+07:00' });
    expect(publicationRecord(facts({ pull, approval: i })).approvals.map((a) => [a.login, a.role])).toEqual([
      ['secretary-huong', 'secretary'],
      ['stranger', 'none'],
      ['head-an', 'board-head'],
    ]);
    i.roles.base_content = null;
    const record = publicationRecord(facts({ pull, approval: i }));
    expect(new Set(record.approvals.map((a) => a.role))).toEqual(new Set(['unknown']));
    expect(record.decision!.decision).toBe('fail');
  });

  it('says so, in both languages, when made without GitHub or when no pull request merged the commit', () => {
    const local = publicationRecord(facts(undefined));
    expect(local).toEqual({ commit: COMMIT, repository: 'bhxh-vietnam/cong-thong-tin', approvals: [], archived_at: '2026-11-20T08:05:00.000Z', archive, note: NO_GITHUB_NOTE });
    expect(local.note!.en).toContain('without GitHub access');
    expect(local.note!.vi).toContain('không có quyền truy cập GitHub');
    const direct = publicationRecord(facts({}));
    expect(direct.note).toEqual(NO_PULL_NOTE);
    expect(direct.pull_request).toBeUndefined();
  });
});
