import { describe, expect, it } from 'vitest';
import { countAtOrBefore, countThroughCommit, revisionsOf, revisionsTouching, stateAt } from './lookup.ts';
import type { ContentHistory, Revision } from './revision.ts';

const rev = (commit: string, date: string, status: Revision['status'], path: string, previousPath?: string): Revision => ({
  commit: commit.repeat(40).slice(0, 40),
  date,
  status,
  path,
  ...(previousPath ? { previousPath } : {}),
  minor: false,
});

const old = 'content/news/vi/cu.mdx';
const now = 'content/news/vi/moi.mdx';
const history: ContentHistory = {
  head: 'f'.repeat(40),
  shallow: false,
  files: new Map([
    [now, [rev('a', '2026-03-01T16:30:00Z', 'added', old), rev('b', '2026-03-10T04:00:00Z', 'renamed', now, old)]],
    // Another file later took the old path, and was deleted.
    [old, [rev('c', '2026-03-11T04:00:00Z', 'added', old), rev('d', '2026-03-12T04:00:00Z', 'removed', old)]],
    ['content/news/en/moi.mdx', [rev('e', '2026-03-10T04:00:00Z', 'added', 'content/news/en/moi.mdx')]],
  ]),
};

describe('looking up revisions', () => {
  it('by current path, or by any path a file ever had', () => {
    expect(revisionsOf(history, now).map((r) => r.commit[0])).toEqual(['a', 'b']);
    expect(revisionsOf(history, 'content/x.mdx')).toEqual([]);
    expect(revisionsTouching(history, [now]).map((r) => r.commit[0])).toEqual(['a', 'b']);
    expect(revisionsTouching(history, [old]).map((r) => r.commit[0])).toEqual(['a', 'b', 'c', 'd']);
    // Two files, by date; ties keep the order asked for.
    expect(revisionsTouching(history, ['content/news/en/moi.mdx', now]).map((r) => r.commit[0])).toEqual(['a', 'e', 'b']);
  });

  it('up to a moment, or through a commit', () => {
    const revisions = revisionsTouching(history, [old]);
    expect(countAtOrBefore(revisions, Date.parse('2026-03-01T16:29:59Z'))).toBe(0);
    expect(countAtOrBefore(revisions, Date.parse('2026-03-01T16:30:00Z'))).toBe(1);
    expect(countAtOrBefore(revisions, Date.parse('2030-01-01T00:00:00Z'))).toBe(4);
    expect(countThroughCommit(revisions, 'bbbb')).toBe(2);
    expect(countThroughCommit(revisions, 'BBBBBBB')).toBe(2);
    expect(countThroughCommit(revisions, 'bbb')).toBeUndefined();
    expect(countThroughCommit(revisions, '1234567')).toBeUndefined();
  });

  it('says what stood at a path: nothing yet, the file, moved away, something else, deleted', () => {
    const revisions = revisionsTouching(history, [old]);
    expect(stateAt(revisions, old, 0)).toEqual({ kind: 'not-yet', first: revisions[0] });
    expect(stateAt(revisions, old, 1)).toEqual({ kind: 'present', revision: revisions[0] });
    expect(stateAt(revisions, old, 2)).toEqual({ kind: 'moved', revision: revisions[1] });
    expect(stateAt(revisions, old, 3)).toEqual({ kind: 'present', revision: revisions[2] });
    expect(stateAt(revisions, old, 4)).toEqual({ kind: 'removed', revision: revisions[3] });
    expect(stateAt(revisions, 'content/news/vi/khac.mdx', 4)).toEqual({ kind: 'not-yet', first: undefined });
  });
});
