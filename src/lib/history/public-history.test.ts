import { describe, expect, it } from 'vitest';
import { publicHistory } from './public-history.ts';
import type { Revision } from './revision.ts';

const rev = (commit: string, date: string, extra: Partial<Revision> = {}): Revision => ({ commit, date, path: 'content/news/vi/a.mdx', status: 'modified', minor: false, ...extra });

describe('publicHistory', () => {
  it('lists revisions newest first, the first as the first publication, without minor changes', () => {
    const h = publicHistory([
      rev('a1', '2026-01-01T09:00:00+07:00', { status: 'added', pr: 3 }),
      rev('b2', '2026-02-01T09:00:00+07:00', { changeNote: 'Sửa mức đóng.', pr: 7 }),
      rev('c3', '2026-02-02T09:00:00+07:00', { minor: true }),
      rev('d4', '2026-03-01T09:00:00+07:00', { status: 'renamed', previousPath: 'content/news/vi/old.mdx' }),
    ]);
    expect(h.map((r) => [r.commit, r.first, r.note, r.pr])).toEqual([
      ['d4', false, undefined, undefined],
      ['b2', false, 'Sửa mức đóng.', 7],
      ['a1', true, undefined, 3],
    ]);
  });

  it('shows the first publication even when it was marked minor', () => {
    expect(publicHistory([rev('a1', '2026-01-01T09:00:00+07:00', { status: 'added', minor: true })]).map((r) => r.first)).toEqual([true]);
  });
});
