import { describe, expect, it } from 'vitest';
import { publicationEvents, type EntryRevisionFact } from './publication-events.ts';

const news = (over: Record<string, unknown> = {}) => ({ title: 'Tin', column: 'tin-tuc-su-kien', section: 'hoat-dong-nganh', author: 'A', ...over });
const rev = (path: string, date: string, data: Record<string, unknown> | null, pr?: number): EntryRevisionFact => ({ path, date, data, removed: data === null, pr });
const now = new Date('2027-01-01T00:00:00Z');

describe('publication events from the published history', () => {
  it('first publication, non-minor updates, minor changes skipped, withdrawal, re-withdrawal not counted twice', () => {
    const p = 'content/news/vi/a.mdx';
    const events = publicationEvents(
      new Map([
        [
          p,
          [
            rev(p, '2026-03-01T03:00:00Z', news(), 1),
            rev(p, '2026-03-02T03:00:00Z', news({ title: 'B' }), 2),
            rev(p, '2026-03-03T03:00:00Z', news({ title: 'C', minor_change: true }), 3),
            rev(p, '2026-03-04T03:00:00Z', news({ withdrawn: { kind: 'withdraw', date: '2026-03-04', reason: 'Sai' } }), 4),
            rev(p, '2026-03-05T03:00:00Z', news({ withdrawn: { kind: 'withdraw', date: '2026-03-04', reason: 'Sai số liệu' } }), 5),
            rev(p, '2026-03-06T03:00:00Z', news({ withdrawn: { kind: 'unpublish', date: '2026-03-06', reason: 'Gỡ' } }), 6),
          ],
        ],
      ]),
      now,
    );
    expect(events.map((e) => [e.kind, e.pr])).toEqual([
      ['published', 1],
      ['updated', 2],
      ['withdrawn', 4],
      ['unpublished', 6],
    ]);
  });

  it('a scheduled entry counts when it went live, not at its merge; not at all before then', () => {
    const p = 'content/news/vi/s.mdx';
    const revisions = new Map([[p, [rev(p, '2026-11-20T03:00:00Z', news({ publish_at: '2026-11-26T08:00:00+07:00' }), 9)]]]);
    expect(publicationEvents(revisions, now).map((e) => e.at)).toEqual(['2026-11-26T01:00:00.000Z']);
    expect(publicationEvents(revisions, new Date('2026-11-25T00:00:00Z'))).toEqual([]);
  });

  it('a scheduled revision superseded before it went live never counts', () => {
    const p = 'content/news/vi/s.mdx';
    const revisions = new Map([
      [
        p,
        [
          rev(p, '2026-11-20T03:00:00Z', news({ publish_at: '2026-11-28T08:00:00+07:00' }), 9),
          rev(p, '2026-11-21T03:00:00Z', news({ publish_at: '2026-11-27T08:00:00+07:00' }), 10),
        ],
      ],
    ]);
    expect(publicationEvents(revisions, now).map((e) => [e.kind, e.pr])).toEqual([['published', 10]]);
  });

  it('an entry counts once, by its Vietnamese original; an English-only entry by its English file', () => {
    const vi = 'content/news/vi/x.mdx';
    const en = 'content/news/en/x.mdx';
    const only = 'content/news/en/y.mdx';
    const events = publicationEvents(
      new Map([
        [en, [rev(en, '2026-03-01T03:00:00Z', news(), 1), rev(en, '2026-03-05T03:00:00Z', news({ title: 'E' }), 3)]],
        [vi, [rev(vi, '2026-03-01T03:00:00Z', news(), 1)]],
        [only, [rev(only, '2026-03-02T03:00:00Z', news(), 2)]],
      ]),
      now,
    );
    expect(events.map((e) => [e.path, e.kind])).toEqual([
      [vi, 'published'],
      [only, 'published'],
    ]);
  });

  it('a question is published with its answer, not when it is registered', () => {
    const p = 'content/qa/vi/q.mdx';
    const q = { title: 'Q', channel: 'portal', received: '2026-03-01T08:00' };
    const events = publicationEvents(
      new Map([[p, [rev(p, '2026-03-01T03:00:00Z', q, 1), rev(p, '2026-03-04T03:00:00Z', { ...q, answered: '2026-03-03T10:00', answered_by: ['u'] }, 2)]]]),
      now,
    );
    expect(events.map((e) => [e.kind, e.pr])).toEqual([['published', 2]]);
  });
});
