import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PublicationDutyResult } from '../duties/publication-duties.ts';
import type { Roles } from '../schema/governance.ts';
import { approvalFigures, boardApproval, durations, dutyFigures, editorialReport, secretaryApproval, type PullRequestFact, type ReportFacts } from './figures.ts';
import { monthPeriod } from './period.ts';
import type { EntryRevisionFact } from './publication-events.ts';

const roles = {
  people: [
    { login: 'head', name: 'Head', title: { vi: 'T', en: 'T' }, roles: ['board-head'] },
    { login: 'sec', name: 'Secretary', title: { vi: 'T', en: 'T' }, roles: ['secretary'] },
    { login: 'dep', name: 'Deputy', title: { vi: 'T', en: 'T' }, roles: ['deputy-head'] },
    { login: 'dep2', name: 'Deputy 2', title: { vi: 'T', en: 'T' }, roles: ['deputy-head'] },
    { login: 'ed', name: 'Editor', title: { vi: 'T', en: 'T' }, roles: ['editor', 'secretary'] },
  ],
  delegations: [{ to: 'dep', letter: { number: '01/UQ', date: '2026-01-02' }, scope: ['publish'], term: { from: '2026-01-05', to: '2026-06-30' } }],
  sample: false,
} as unknown as Roles;

const pr = (over: Partial<PullRequestFact> = {}): PullRequestFact => ({
  number: 1,
  title: 'T',
  author: 'ed',
  createdAt: '2026-03-01T00:00:00Z',
  mergedAt: '2026-03-03T00:00:00Z',
  closedAt: '2026-03-03T00:00:00Z',
  labels: [],
  body: null,
  reviews: [],
  ...over,
});
const review = (user: string, hours: number, state = 'APPROVED') => ({ user, state, submittedAt: new Date(Date.parse('2026-03-01T00:00:00Z') + hours * 3_600_000).toISOString() });

describe('who approved, by the roles file', () => {
  it('the secretary’s first approval; the author’s own approval never counts, nor a changes-request', () => {
    const p = pr({ reviews: [review('ed', 1), review('sec', 2, 'CHANGES_REQUESTED'), review('sec', 5), review('sec', 7)] });
    expect(secretaryApproval(p, roles, Date.parse(p.mergedAt!))?.submittedAt).toBe(review('sec', 5).submittedAt);
  });

  it('the board: the head, or a deputy under a delegation in force that day for that kind of decision', () => {
    const until = Date.parse('2026-12-31T00:00:00Z');
    expect(boardApproval(pr({ reviews: [review('dep2', 1), review('head', 3)] }), roles, 'publish', until)?.user).toBe('head');
    expect(boardApproval(pr({ reviews: [review('dep', 1), review('head', 3)] }), roles, 'publish', until)?.user).toBe('dep');
    expect(boardApproval(pr({ reviews: [review('dep', 1), review('head', 3)] }), roles, 'takedown', until)?.user).toBe('head');
    // After the delegation's term (30/06), the deputy no longer decides.
    const late = pr({ createdAt: '2026-07-01T00:00:00Z', reviews: [{ user: 'dep', state: 'APPROVED', submittedAt: '2026-07-02T00:00:00Z' }] });
    expect(boardApproval(late, roles, 'publish', until)).toBeUndefined();
  });
});

describe('durations (d3-array quantiles, R-7)', () => {
  it('median and 90th percentile in hours, a tenth of an hour; null when nothing was measured', () => {
    expect(durations([])).toEqual({ count: 0, medianHours: null, p90Hours: null });
    expect(durations([4])).toEqual({ count: 1, medianHours: 4, p90Hours: 4 });
    expect(durations([10, 1, 2, 3])).toEqual({ count: 4, medianHours: 2.5, p90Hours: 7.9 });
  });
});

describe('approval figures', () => {
  const facts = (pulls: PullRequestFact[] | undefined, rolesAt?: ReportFacts['rolesAt']): ReportFacts => ({
    period: monthPeriod('2026-03'),
    now: new Date('2026-04-01T00:00:00Z'),
    revisions: new Map(),
    settings: [],
    merges: [],
    commit: 'c',
    shallow: false,
    labels: { units: new Map() },
    pulls,
    rolesAt,
    duties: [],
    translations: { missing: [], stale: [] },
  });

  it('closed in the period only; rejected ones count for the secretary, not the board; urgent with its later review', () => {
    const pulls = [
      pr({ number: 1, reviews: [review('sec', 2), review('head', 4)] }),
      pr({ number: 2, mergedAt: undefined, closedAt: '2026-03-04T00:00:00Z', reviews: [review('sec', 6)] }),
      pr({ number: 3, labels: ['Urgent'], body: '- Urgent reason: outage', reviews: [review('head', 1), review('sec', 100)] }),
      pr({ number: 4, mergedAt: '2026-03-27T00:00:00Z', closedAt: '2026-03-27T00:00:00Z' }),
    ];
    const { approvals, urgent } = approvalFigures(facts(pulls, () => roles), new Set());
    expect(approvals).toEqual({ fromGitHub: true, merged: 2, closedUnmerged: 1, toSecretary: { count: 2, medianHours: 4, p90Hours: 5.6 }, toBoard: { count: 2, medianHours: 2.5, p90Hours: 3.7 } });
    expect(urgent).toEqual([{ pr: 3, title: 'T', mergedAt: '2026-03-03T00:00:00.000Z', reason: 'outage', reviewedAt: '2026-03-05T04:00:00.000Z', reviewedBy: 'sec' }]);
  });

  it('a pull request that stopped serving the archived versions of pages taken down is a takedown: listed, and decided by the head or a deputy authorised for takedowns', () => {
    const site = readFileSync('content/site.yml', 'utf8').replace(/^taken_down_versions:.*\n/m, '');
    const f = facts([pr({ number: 7, reviews: [review('sec', 2), review('dep', 3), review('head', 5)] })], () => roles);
    const tin = (date: string, data: Record<string, unknown>, pr?: number): EntryRevisionFact => ({ path: 'content/news/vi/a.mdx', date, pr, removed: false, data: { title: 'A', ...data } });
    f.revisions = new Map([['content/news/vi/a.mdx', [tin('2026-02-01T00:00:00Z', {}), tin('2026-03-10T00:00:00Z', { withdrawn: { kind: 'unpublish', date: '2026-03-10', reason: 'Sai số liệu' } }, 8)]]]);
    f.settings = [
      { date: '2026-01-01T00:00:00Z', text: `${site}taken_down_versions: public\n` },
      { date: '2026-03-03T00:00:00Z', text: `${site}taken_down_versions: hidden\n`, pr: 7 },
    ];
    const r = editorialReport(f);
    expect(r.takedowns).toEqual([
      { address: '/luu-tru/', path: 'content/site.yml', kind: 'withhold-archive', date: '2026-03-03', reason: { vi: '', en: '' }, pr: 7 },
      { address: '/tin-tuc/a/', path: 'content/news/vi/a.mdx', kind: 'unpublish', date: '2026-03-10', reason: { vi: 'Sai số liệu', en: '' }, pr: 8 },
    ]);
    // The deputy's delegation is for publication only: the head's approval (5 h) decided it, not the deputy's (3 h).
    expect(r.approvals.toBoard).toEqual({ count: 1, medianHours: 5, p90Hours: 5 });
    f.settings = [f.settings[0]!];
    expect(editorialReport(f).approvals.toBoard).toEqual({ count: 1, medianHours: 3, p90Hours: 3 });
  });

  it('without a roles file: no waiting times, and a note that says why', () => {
    const { approvals } = approvalFigures(facts([pr({ reviews: [review('sec', 2)] })], () => undefined), new Set());
    expect(approvals.toSecretary.count).toBe(0);
    expect(approvals.note?.en).toMatch(/roles file/);
  });

  it('without GitHub: the pull requests merged in the period, from the history of content/ (each counted once)', () => {
    const f = facts(undefined);
    f.merges = [
      { date: '2026-02-20T00:00:00Z', pr: 7 },
      { date: '2026-03-01T00:00:00Z', pr: 8 },
      { date: '2026-03-03T00:00:00Z', pr: 8 },
      { date: '2026-03-04T00:00:00Z', pr: 9 },
    ];
    expect(approvalFigures(f, new Set()).approvals).toMatchObject({ fromGitHub: false, merged: 2, closedUnmerged: 0 });
  });
});

describe('publication duties in the period', () => {
  const duty = (due: string, state: PublicationDutyResult['state']) => ({ due, state }) as PublicationDutyResult;
  it('due in the period: met on time, late, still open; unrecorded ones are left out', () => {
    const period = monthPeriod('2026-11');
    expect(
      dutyFigures([duty('2026-11-25T17:00', 'on-time'), duty('2026-10-26T17:00', 'late'), duty('2026-11-20T17:00', 'overdue'), duty('2026-11-26T17:00', 'on-time'), duty('2026-11-02T17:00', 'unrecorded')], period),
    ).toEqual({ due: 3, metOnTime: 1, late: 1, open: 1, onTimePercent: 33.3 });
    expect(dutyFigures([], period).onTimePercent).toBeNull();
  });
});

describe('the whole report from hostile front matter', () => {
  it('never throws on values of the wrong type; names them as given (the renderers escape)', () => {
    const data = { title: 1, column: ['x'], section: { a: 1 }, author: '<script>alert(1)</script>', source_unit: 42, withdrawn: 'yes', publish_at: 'not a date' };
    const f: ReportFacts = {
      period: monthPeriod('2026-03'),
      now: new Date('2026-04-01T00:00:00Z'),
      revisions: new Map([['content/news/vi/x.mdx', [{ path: 'content/news/vi/x.mdx', date: '2026-03-01T00:00:00Z', removed: false, data }]]]),
      settings: [],
      merges: [],
      commit: 'c',
      shallow: false,
      labels: { units: new Map() },
      duties: [],
      translations: { missing: [], stale: [] },
    };
    const r = editorialReport(f);
    expect(r.publications.byColumn.map((x) => x.key)).toEqual(['-']);
    expect(r.publications.byAuthor.map((x) => x.label.vi)).toEqual(['<script>alert(1)</script>']);
  });
});
