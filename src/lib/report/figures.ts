/**
 * The figures of an editorial report (src/lib/report/report.ts), computed from
 * facts gathered elsewhere (scripts/lib/report/: the published branch's
 * history, the register and rules as of the period's end, and — when asked —
 * pull requests and reviews from GitHub). Pure and deterministic: `now` is a
 * fact like the others. docs/reports.md says what each figure means.
 */
import { quantileSorted } from 'd3-array';
import type { WorkingCalendar } from '../calendar/index.ts';
import { vietnamDateTime } from '../dates.ts';
import { deputyAuthority } from '../approval/delegations.ts';
import { personOf, hasRole } from '../approval/roles.ts';
import { URGENT_LABELS, urgentReason } from '../approval/urgent.ts';
import { addressOfSource } from '../history/page-sources.ts';
import { englishAddressOf } from '../content/english-addresses.ts';
import { SITE_FILE } from '../content/site-file.ts';
import type { PublicationDutyResult } from '../duties/publication-duties.ts';
import type { QaDeadlineRules } from '../duties/qa-deadline-rules.ts';
import { qaDeadlines, type QaLifecycle } from '../duties/qa-deadlines.ts';
import { collectionLabels, pageSections, qaChannels, type CollectionName } from '../schema/collections.ts';
import type { Roles } from '../schema/governance.ts';
import type { Taxonomy } from '../schema/settings.ts';
import { archivePath } from '../routes.ts';
import { archiveWithholdings, type ArchiveWithholding, type SettingsRevisionFact } from './archive-withholdings.ts';
import { inPeriod, monthName, monthsOf, vietnamMomentInPeriod } from './period.ts';
import { publicationEvents, type EntryRevisions, type PublicationEvent, type PublicationEventKind } from './publication-events.ts';
import type {
  ApprovalFigures,
  Bilingual,
  DutyFigures,
  Durations,
  EditorialReport,
  PublicationFigures,
  PublicationRow,
  QaFigures,
  QaRow,
  ReportPeriod,
  Takedown,
  TranslationFigures,
  UrgentPublication,
} from './report.ts';

/** A review of a pull request as GitHub lists it. */
export interface ReviewFact {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING' | string;
  submittedAt: string;
}

/** A pull request into the published branch, as GitHub knows it. */
export interface PullRequestFact {
  number: number;
  title: string;
  author: string;
  createdAt: string;
  /** When it was merged; absent when it was not. */
  mergedAt?: string | undefined;
  /** When it was closed (merged or not); absent while open. */
  closedAt?: string | undefined;
  labels: string[];
  body: string | null;
  reviews: ReviewFact[];
}

/** A question of the register (a Vietnamese Q&A entry) as of the period's end. */
export interface QaRegisterFact {
  file: string;
  lifecycle: QaLifecycle;
}

/** Names the report shows for the keys it counts by. */
export interface ReportLabels {
  taxonomy?: Taxonomy | undefined;
  /** Unit slug → its name in both languages (content/units/). */
  units: ReadonlyMap<string, Bilingual>;
}

export interface ReportFacts {
  period: ReportPeriod;
  /** When the report is made: nothing later has happened yet. */
  now: Date;
  /** Every entry file's revisions on the published branch, with their front matter. */
  revisions: EntryRevisions;
  /** The site settings' revisions on the published branch (for when the archived versions of pages taken down stopped being served). */
  settings: readonly SettingsRevisionFact[];
  /** The revisions of content files on the published branch that a pull request's merge published (for counting merges without GitHub). */
  merges: readonly { date: string; pr: number }[];
  /** The published branch's commit read, and whether the clone was shallow. */
  commit: string;
  shallow: boolean;
  repository?: string | undefined;
  labels: ReportLabels;
  /** Pull requests and their reviews from GitHub; undefined when the report is made without GitHub. */
  pulls?: readonly PullRequestFact[] | undefined;
  /**
   * The roles file of the published branch as it stood at an instant (ms) — who was secretary, head, deputy, and
   * the delegations — when a pull request was decided; undefined when there was none or it was invalid. Needed with `pulls`.
   */
  rolesAt?: ((instant: number) => Roles | undefined) | undefined;
  /** The Q&A register, its deadline rules and the working calendar, as of the period's end; undefined when there are none. */
  qa?: { entries: readonly QaRegisterFact[]; rules: QaDeadlineRules; calendar: WorkingCalendar } | undefined;
  /** Every publication duty, judged at `now` (src/lib/duties/publication-duties.ts). */
  duties: readonly PublicationDutyResult[];
  /** English counterparts missing and stale at the period's end (src/lib/translations/), computed by the caller. */
  translations: TranslationFigures;
}

// ---------------------------------------------------------------- publications

/** The row of entries that name no column, section, unit or author. */
export const NONE_KEY = '-';
const noneLabels = {
  column: { vi: 'Không thuộc chuyên mục', en: 'No column' },
  section: { vi: 'Không thuộc mục', en: 'No section' },
  unit: { vi: 'Không ghi đơn vị cung cấp', en: 'No supplying unit named' },
  author: { vi: 'Không ghi tác giả', en: 'No author named' },
} satisfies Record<string, Bilingual>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);

/** The units an entry is counted under: a news item's `source_unit`, a unit's own entry, a question's answering units. */
export function unitsOfEntry(collection: string, slug: string, data: Record<string, unknown>): string[] {
  const source = str(data.source_unit);
  if (source) return [source];
  if (collection === 'units') return [slug];
  if (collection === 'qa') return [...new Set(strings(data.answered_by))];
  return [];
}

function labelOfColumn(key: string, labels: ReportLabels): Bilingual {
  const c = labels.taxonomy?.columns.find((x) => x.key === key);
  return c ? { vi: c.vi, en: c.en } : { vi: key, en: key };
}

function labelOfSection(key: string, labels: ReportLabels): Bilingual {
  const s = labels.taxonomy?.columns.flatMap((c) => c.sections).find((x) => x.key === key);
  if (s) return { vi: s.vi, en: s.en };
  return (pageSections as Record<string, Bilingual>)[key] ?? { vi: key, en: key };
}

const unitLabel = (slug: string, labels: ReportLabels): Bilingual => labels.units.get(slug) ?? { vi: slug, en: slug };

type Counts = Pick<PublicationRow, 'published' | 'updated' | 'withdrawn' | 'unpublished'>;
const total = (r: Counts) => r.published + r.updated + r.withdrawn + r.unpublished;

/** Rows counting `events` by the keys `keysOf` gives each (an event with several keys counts in each row). */
function rows(events: readonly PublicationEvent[], keysOf: (e: PublicationEvent) => string[], labelOf: (key: string) => Bilingual): PublicationRow[] {
  const byKey = new Map<string, PublicationRow>();
  for (const e of events) {
    for (const key of new Set(keysOf(e))) {
      let row = byKey.get(key);
      if (!row) byKey.set(key, (row = { key, label: labelOf(key), published: 0, updated: 0, withdrawn: 0, unpublished: 0 }));
      row[e.kind] += 1;
    }
  }
  // Most active first; then the “none” row last among equals, then by key: the same order on every run.
  return [...byKey.values()].sort((a, b) => total(b) - total(a) || Number(a.key === NONE_KEY) - Number(b.key === NONE_KEY) || a.key.localeCompare(b.key));
}

function count(events: readonly PublicationEvent[], kind: PublicationEventKind): number {
  return events.filter((e) => e.kind === kind).length;
}

/**
 * The figures of each monthly period (26th → 25th) of a half-year or a year, in order, every month listed (zeros
 * included); key `YYYY-MM`, label “Tháng 11/2026” / “November 2026”.
 */
export function monthRows(events: readonly PublicationEvent[], period: ReportPeriod): PublicationRow[] {
  return monthsOf(period).map((month) => {
    const inMonth = events.filter((e) => inPeriod(month, e.at));
    const [year, number] = month.id.split('-').map(Number) as [number, number];
    return {
      key: month.id,
      label: monthName(year, number),
      published: count(inMonth, 'published'),
      updated: count(inMonth, 'updated'),
      withdrawn: count(inMonth, 'withdrawn'),
      unpublished: count(inMonth, 'unpublished'),
    };
  });
}

export function publicationFigures(events: readonly PublicationEvent[], labels: ReportLabels): PublicationFigures {
  const orNone = (v: string | undefined) => [v ?? NONE_KEY];
  const named = (kind: keyof typeof noneLabels, label: (key: string) => Bilingual) => (key: string) => (key === NONE_KEY ? noneLabels[kind] : label(key));
  return {
    published: count(events, 'published'),
    updated: count(events, 'updated'),
    withdrawn: count(events, 'withdrawn'),
    unpublished: count(events, 'unpublished'),
    byCollection: rows(events, (e) => [e.collection], (key) => collectionLabels[key as CollectionName] ?? { vi: key, en: key }),
    byColumn: rows(events, (e) => orNone(str(e.data.column)), named('column', (k) => labelOfColumn(k, labels))),
    bySection: rows(events, (e) => orNone(str(e.data.section)), named('section', (k) => labelOfSection(k, labels))),
    byUnit: rows(
      events,
      (e) => {
        const units = unitsOfEntry(e.collection, e.slug, e.data);
        return units.length > 0 ? units : [NONE_KEY];
      },
      named('unit', (k) => unitLabel(k, labels)),
    ),
    byAuthor: rows(events, (e) => orNone(str(e.data.author)), named('author', (k) => ({ vi: k, en: k }))),
  };
}

// ---------------------------------------------------------------- takedowns

/**
 * Each withdrawal and unpublishing in the period, with the reason written in each language's file, and each
 * change of the settings that stopped serving the archived versions of pages taken down (`withheld`, in the
 * period), in the order they went live.
 */
export function takedowns(events: readonly PublicationEvent[], revisions: EntryRevisions, now: Date, withheld: readonly ArchiveWithholding[]): Takedown[] {
  const ofEntries = events
    .filter((e): e is PublicationEvent & { kind: 'withdrawn' | 'unpublished' } => e.kind === 'withdrawn' || e.kind === 'unpublished')
    .map((e) => {
      const withdrawn = (e.data.withdrawn ?? {}) as Record<string, unknown>;
      // The English file's reason: its latest revision by the report's making that carries one.
      const english = (revisions.get(`content/${e.collection}/en/${e.slug}.mdx`) ?? [])
        .filter((r) => r.data && Date.parse(r.date) <= now.getTime())
        .map((r) => str((r.data!.withdrawn as Record<string, unknown> | undefined)?.reason))
        .filter((x): x is string => x !== undefined)
        .at(-1);
      const vi = str(withdrawn.reason) ?? '';
      const takedown: Takedown = {
        address: addressOfSource(e.path, englishAddressOf(e.data)) ?? e.path,
        path: e.path,
        kind: e.kind === 'withdrawn' ? 'withdraw' : 'unpublish',
        date: str(withdrawn.date) ?? vietnamDateTime(new Date(e.at)).slice(0, 10),
        // An English file without a reason of its own: empty (the renderers say so).
        reason: { vi, en: english ?? '' },
      };
      if (e.pr !== undefined) takedown.pr = e.pr;
      return { at: e.at, takedown };
    });
  const ofArchive = withheld.map((w) => {
    // The settings have no reason field: the pull request that decided it says why.
    const takedown: Takedown = { address: archivePath('vi'), path: SITE_FILE, kind: 'withhold-archive', date: vietnamDateTime(new Date(w.at)).slice(0, 10), reason: { vi: '', en: '' } };
    if (w.pr !== undefined) takedown.pr = w.pr;
    return { at: w.at, takedown };
  });
  return [...ofEntries, ...ofArchive].sort((a, b) => a.at.localeCompare(b.at)).map((k) => k.takedown);
}

// ---------------------------------------------------------------- approvals

const HOUR = 3_600_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Median and 90th percentile of `hours`, with d3-array's `quantileSorted`
 * (R-7: linear interpolation between closest ranks, as spreadsheets'
 * PERCENTILE.INC), rounded to a tenth of an hour.
 */
export function durations(hours: readonly number[]): Durations {
  const sorted = [...hours].sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, medianHours: null, p90Hours: null };
  return { count: sorted.length, medianHours: round1(quantileSorted(sorted, 0.5)!), p90Hours: round1(quantileSorted(sorted, 0.9)!) };
}

/** Reviews oldest first, approvals only, by someone other than the author, up to `until`. */
function approvals(pull: PullRequestFact, until: number): ReviewFact[] {
  return pull.reviews
    .filter((r) => r.state === 'APPROVED' && r.user.toLowerCase() !== pull.author.toLowerCase() && Date.parse(r.submittedAt) <= until)
    .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
}

/** The secretary's first approval (by someone holding the secretary role in the roles file). */
export function secretaryApproval(pull: PullRequestFact, roles: Roles, until: number): ReviewFact | undefined {
  return approvals(pull, until).find((r) => hasRole(personOf(roles, r.user), 'secretary'));
}

/** The board's deciding approval: the head's, or a deputy's under a delegation in force that day for the kind of decision. */
export function boardApproval(pull: PullRequestFact, roles: Roles, scope: 'publish' | 'takedown', until: number): ReviewFact | undefined {
  return approvals(pull, until).find((r) => {
    const person = personOf(roles, r.user);
    if (hasRole(person, 'board-head')) return true;
    return hasRole(person, 'deputy-head') && deputyAuthority(roles, person!, scope, r.submittedAt).ok;
  });
}

const isUrgent = (pull: PullRequestFact) => pull.labels.some((l) => URGENT_LABELS.includes(l.trim().toLowerCase()));

export const WITHOUT_GITHUB_NOTE: Bilingual = {
  vi: 'Báo cáo được lập không có GitHub (không có --repo hoặc mã truy cập): số pull request đã hợp nhất được đếm từ các commit hợp nhất của nhánh đã đăng; số bị từ chối, thời gian chờ duyệt và các lần đăng khẩn cấp cần --repo và GITHUB_TOKEN.',
  en: 'The report was made without GitHub (no --repo or token): merged pull requests are counted from the merge commits of the published branch; rejected ones, waiting times and urgent publications need --repo and GITHUB_TOKEN.',
};

export const WITHOUT_ROLES_NOTE: Bilingual = {
  vi: 'Không đọc được tệp phân công vai trò content/governance/roles.yml trên nhánh đã đăng, nên không biết ai là Thư ký, Trưởng Ban hay Phó Trưởng Ban được ủy quyền: thời gian chờ duyệt để trống.',
  en: 'The roles file content/governance/roles.yml on the published branch could not be read, so the secretary, the head and the authorised deputies are not known: the waiting times are left empty.',
};

/** `takedownPulls`: every pull request that took something down (not only in the period), whose board decision is a takedown's. */
export function approvalFigures(facts: ReportFacts, takedownPulls: ReadonlySet<number>): { approvals: ApprovalFigures; urgent: UrgentPublication[] } {
  const { period, now } = facts;
  if (!facts.pulls) {
    // The merge commits of the published branch, in the period, that changed content.
    const merged = new Set(facts.merges.filter((m) => inPeriod(period, m.date)).map((m) => m.pr));
    return {
      approvals: { fromGitHub: false, merged: merged.size, closedUnmerged: 0, toSecretary: durations([]), toBoard: durations([]), note: WITHOUT_GITHUB_NOTE },
      urgent: [],
    };
  }
  const closed = facts.pulls.filter((p) => p.closedAt !== undefined && inPeriod(period, p.mergedAt ?? p.closedAt));
  const merged = closed.filter((p) => p.mergedAt !== undefined);
  const until = now.getTime();
  const toSecretary: number[] = [];
  const toBoard: number[] = [];
  let rolesMissing = false;
  // The roles as the base branch had them when the pull request was decided (merged or closed).
  const rolesOf = (p: PullRequestFact) => {
    const roles = facts.rolesAt?.(Date.parse(p.mergedAt ?? p.closedAt ?? p.createdAt));
    if (!roles) rolesMissing = true;
    return roles;
  };
  for (const p of closed) {
    const roles = rolesOf(p);
    if (!roles) continue;
    const created = Date.parse(p.createdAt);
    const closedAt = Date.parse(p.mergedAt ?? p.closedAt!);
    // Before the pull request closed: a retrospective review is not a waiting time.
    const secretary = secretaryApproval(p, roles, closedAt);
    if (secretary) toSecretary.push((Date.parse(secretary.submittedAt) - created) / HOUR);
    if (p.mergedAt) {
      // A deputy decides a takedown under a delegation for takedowns (Decision 1624 Art. 11.1 e).
      const board = boardApproval(p, roles, takedownPulls.has(p.number) ? 'takedown' : 'publish', closedAt);
      if (board) toBoard.push((Date.parse(board.submittedAt) - created) / HOUR);
    }
  }
  const urgent = merged
    .filter(isUrgent)
    .sort((a, b) => Date.parse(a.mergedAt!) - Date.parse(b.mergedAt!) || a.number - b.number)
    .map((p) => {
      const entry: UrgentPublication = { pr: p.number, title: p.title, mergedAt: new Date(Date.parse(p.mergedAt!)).toISOString() };
      const reason = urgentReason(p.body);
      if (reason) entry.reason = reason;
      const roles = rolesOf(p);
      const after = roles ? approvals(p, until).find((r) => Date.parse(r.submittedAt) > Date.parse(p.mergedAt!) && hasRole(personOf(roles, r.user), 'secretary')) : undefined;
      if (after) {
        entry.reviewedAt = new Date(Date.parse(after.submittedAt)).toISOString();
        entry.reviewedBy = after.user;
      }
      return entry;
    });
  const figures: ApprovalFigures = {
    fromGitHub: true,
    merged: merged.length,
    closedUnmerged: closed.length - merged.length,
    toSecretary: durations(toSecretary),
    toBoard: durations(toBoard),
  };
  if (rolesMissing) figures.note = WITHOUT_ROLES_NOTE;
  return { approvals: figures, urgent };
}

// ---------------------------------------------------------------- questions and answers

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export const NOT_ROUTED: Bilingual = { vi: 'Chưa chuyển đơn vị', en: 'Not routed to a unit' };

/**
 * Received in the period (by `received`), answered in the period (by
 * `answered`), and of those answered, answered by the deadline of the answer
 * step (or with no deadline set for it), by channel and by the units each
 * question was routed to.
 */
export function qaFigures(facts: ReportFacts): QaFigures {
  const empty: QaFigures = { received: 0, answered: 0, answeredOnTime: 0, onTimePercent: null, byChannel: [], byUnit: [] };
  if (!facts.qa) return empty;
  const { entries, rules, calendar } = facts.qa;
  const { period } = facts;
  // The register as it stood at the period's end: the last minute of its last day.
  const end = `${period.to}T23:59`;
  const channelRows = new Map<string, QaRow>();
  const unitRows = new Map<string, QaRow>();
  const rowIn = (map: Map<string, QaRow>, key: string, label: Bilingual) => {
    let row = map.get(key);
    if (!row) map.set(key, (row = { key, label, received: 0, answered: 0, answeredOnTime: 0 }));
    return row;
  };
  let received = 0;
  let answered = 0;
  let answeredOnTime = 0;
  for (const { lifecycle } of entries) {
    const wasReceived = vietnamMomentInPeriod(period, lifecycle.received);
    const wasAnswered = lifecycle.answered !== undefined && vietnamMomentInPeriod(period, lifecycle.answered);
    if (!wasReceived && !wasAnswered) continue;
    let onTime = false;
    if (wasAnswered) {
      const step = qaDeadlines(lifecycle, calendar, rules, end).find((s) => s.step === 'answer');
      onTime = step === undefined || step.kind !== 'deadline' || step.state === 'on-time';
    }
    const units = [...new Set(lifecycle.routed_to)];
    const targets = [
      rowIn(channelRows, lifecycle.channel, qaChannels[lifecycle.channel] ?? { vi: lifecycle.channel, en: lifecycle.channel }),
      ...(units.length > 0 ? units.map((u) => rowIn(unitRows, u, unitLabel(u, facts.labels))) : [rowIn(unitRows, NONE_KEY, NOT_ROUTED)]),
    ];
    if (wasReceived) received += 1;
    if (wasAnswered) answered += 1;
    if (onTime) answeredOnTime += 1;
    for (const row of targets) {
      if (wasReceived) row.received += 1;
      if (wasAnswered) row.answered += 1;
      if (onTime) row.answeredOnTime += 1;
    }
  }
  const channelOrder = Object.keys(qaChannels);
  return {
    received,
    answered,
    answeredOnTime,
    onTimePercent: percent(answeredOnTime, answered),
    byChannel: [...channelRows.values()].sort((a, b) => channelOrder.indexOf(a.key) - channelOrder.indexOf(b.key)),
    byUnit: [...unitRows.values()].sort((a, b) => b.received + b.answered - (a.received + a.answered) || Number(a.key === NONE_KEY) - Number(b.key === NONE_KEY) || a.key.localeCompare(b.key)),
  };
}

// ---------------------------------------------------------------- publication duties

/** The publication duties whose time limit fell in the period, judged when the report is made. */
export function dutyFigures(results: readonly PublicationDutyResult[], period: ReportPeriod): DutyFigures {
  const due = results.filter((r) => r.state !== 'unrecorded' && vietnamMomentInPeriod(period, r.due));
  const metOnTime = due.filter((r) => r.state === 'on-time').length;
  const late = due.filter((r) => r.state === 'late').length;
  return { due: due.length, metOnTime, late, open: due.length - metOnTime - late, onTimePercent: percent(metOnTime, due.length) };
}

// ---------------------------------------------------------------- the report

/** The whole report of `facts.period`. */
export function editorialReport(facts: ReportFacts): EditorialReport {
  const all = publicationEvents(facts.revisions, facts.now);
  const events = all.filter((e) => inPeriod(facts.period, e.at));
  const withheld = archiveWithholdings(facts.settings, facts.now);
  const takedownPulls = new Set(
    [...all.filter((e) => e.kind === 'withdrawn' || e.kind === 'unpublished'), ...withheld].flatMap((e) => (e.pr === undefined ? [] : [e.pr])),
  );
  const { approvals, urgent } = approvalFigures(facts, takedownPulls);
  const sources: EditorialReport['sources'] = { commit: facts.commit, generatedAt: facts.now.toISOString(), shallow: facts.shallow };
  if (facts.repository !== undefined) sources.repository = facts.repository;
  return {
    period: facts.period,
    publications: {
      ...publicationFigures(events, facts.labels),
      // By reporting month, for a half-year or a year (a month or a range of days has none).
      ...(facts.period.kind === 'half' || facts.period.kind === 'year' ? { byMonth: monthRows(events, facts.period) } : {}),
    },
    approvals,
    urgent,
    takedowns: takedowns(events, facts.revisions, facts.now, withheld.filter((w) => inPeriod(facts.period, w.at))),
    qa: qaFigures(facts),
    duties: dutyFigures(facts.duties, facts.period),
    translations: facts.translations,
    sources,
  };
}
