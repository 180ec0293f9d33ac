import { describe, expect, it } from 'vitest';
import { rolesSchema } from '../schema/governance.ts';
import { approvalInputSchema, type ApprovalInputSource } from './input.ts';
import { inOrder, readReviews } from './reviews.ts';

const HEAD = 'head000';
const roles = rolesSchema.parse({
  people: [
    { login: 'head', name: 'Trưởng Ban', title: { vi: 'Trưởng Ban', en: 'Head' }, roles: ['board-head'] },
    { login: 'sec', name: 'Thư Ký', title: { vi: 'Thư ký', en: 'Secretary' }, roles: ['secretary'] },
    { login: 'ed', name: 'Biên Tập', title: { vi: 'Biên tập viên', en: 'Editor' }, roles: ['editor'] },
  ],
});
const r = (user: string, state: string, at: string, commit_id = HEAD) => ({ user, state, commit_id, submitted_at: `2026-11-20T${at}:00+07:00` }) as ApprovalInputSource['reviews'][number];
const read = (reviews: ApprovalInputSource['reviews'], author = 'ed', commits: ApprovalInputSource['commits'] = [{ sha: HEAD, author, committer: author }]) =>
  readReviews(
    approvalInputSchema.parse({
      pull_request: { number: 1, author, head_sha: HEAD, base_ref: 'main', commit_count: commits.length },
      files: [],
      commits,
      reviews,
      roles: { base_content: '' },
      now: '2026-11-22T10:00:00+07:00',
    }),
    roles,
    ['secretary', 'board-head'],
  );

describe('readReviews', () => {
  it('counts approvals on the head commit by people with a role, other than the author, oldest first', () => {
    const got = read([r('head', 'APPROVED', '10:00'), r('sec', 'APPROVED', '09:00'), r('ed', 'APPROVED', '08:00'), r('sec', 'APPROVED', '07:00', 'old')], 'ed');
    expect(got.current.map((a) => [a.login, a.at.slice(11, 16)])).toEqual([
      ['sec', '09:00'],
      ['head', '10:00'],
    ]);
    expect(got.notes.map((n) => n.en)).toEqual(["Biên Tập (@ed) opened this pull request; the author's own approval never counts."]);
  });

  it('does not count the approval of anyone who authored, co-authored or committed a commit of the pull request', () => {
    const reviews = [r('sec', 'APPROVED', '09:00'), r('head', 'APPROVED', '10:00')];
    const authored = read(reviews, 'ed', [{ sha: HEAD, author: 'Sec', committer: 'ed' }]);
    expect(authored.current.map((a) => a.login)).toEqual(['head']);
    expect(authored.notes.map((n) => n.en)).toEqual(['Thư Ký (@sec) authored commit head000 in this pull request; someone who wrote part of it cannot approve it, so this approval does not count.']);
    expect(read(reviews, 'ed', [{ sha: 'c1', author: 'ed', committer: 'head' }]).current.map((a) => a.login)).toEqual(['sec']);
    const coAuthored = read(reviews, 'ed', [{ sha: 'c1', author: 'ed', committer: 'ed', co_authors: ['Trưởng Ban <12345+head@users.noreply.github.com>'] }]);
    expect(coAuthored.current.map((a) => a.login)).toEqual(['sec']);
    expect(coAuthored.notes[0]!.vi).toBe('Trưởng Ban (@head) là đồng tác giả commit c1 trong pull request này; người đã viết một phần nội dung không được duyệt nó, nên phê duyệt này không được tính.');
  });

  it('lets a later approval resolve the same person’s changes-request, on any commit', () => {
    expect(read([r('sec', 'CHANGES_REQUESTED', '08:00', 'old'), r('sec', 'APPROVED', '09:00')]).blocking).toEqual([]);
    expect(read([r('sec', 'APPROVED', '08:00'), r('sec', 'CHANGES_REQUESTED', '09:00', 'old')]).blocking).toHaveLength(1);
  });

  it('skips comments and dismissed reviews when finding a person’s latest word', () => {
    expect(read([r('head', 'CHANGES_REQUESTED', '08:00'), r('head', 'COMMENTED', '09:00')]).blocking).toHaveLength(1);
    expect(read([r('head', 'DISMISSED', '08:00')]).blocking).toEqual([]);
  });

  it('does not let editors or strangers block', () => {
    expect(read([r('ed', 'CHANGES_REQUESTED', '08:00'), r('stranger', 'CHANGES_REQUESTED', '08:00')], 'someone').blocking).toEqual([]);
  });

  it('orders reviews by time, keeping the given order for equal times', () => {
    const list = [r('a', 'APPROVED', '09:00'), r('b', 'APPROVED', '08:00'), r('c', 'APPROVED', '09:00')];
    expect(inOrder(list).map((x) => x.user)).toEqual(['b', 'a', 'c']);
  });
});
