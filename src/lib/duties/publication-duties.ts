/**
 * The portal's publication duties (portal regulation Art. 4, 11): for each
 * entry a duty applies to, the moment its working-day count starts, the
 * moment it falls due, the moment it first went live on the portal, and
 * whether the duty was met (`on-time`, `late`) or is still open (`due`,
 * `overdue`). Pure: the entries, their publication history, the calendar, the
 * rules and "now" are given (scripts/lib/publication-history.ts reads the
 * history from Git).
 *
 * Which entries a duty applies to, and the field its count starts from, is
 * the content model's (src/lib/schema/collections.ts):
 * - `documents`: a document's `cleared_at`;
 * - `contact-details`: a unit's or spokesperson's `contact_changed`;
 * - `leader-biography`: a leader's page's `appointed` (the day; due at the
 *   close of that working day: 0 working days);
 * - `policy-guidance`, `award`, `research-programme`, `investment-project`,
 *   `procurement`: a news item's `publication_duty` (`kind`, `from`).
 *
 * Only the Vietnamese original counts: it governs the translation's life
 * (src/lib/lifecycle/states.ts).
 */
import { addWorkingDays, workingDaysBetween, type VietnamDateTime, type WorkingCalendar } from '../calendar/index.ts';
import { vietnamDateTime } from '../dates.ts';
import { stateOf, type LifecycleData } from '../lifecycle/states.ts';
import { isUnrecorded } from './history-begins.ts';
import type { CollectionName } from '../schema/collections.ts';
import type { PublicationDutyKey, PublicationDutyRule, PublicationDutyRules } from '../schema/publication-duties.ts';

/** As for the Q&A steps: met on time, late, open and not yet past, open and past; or due before the collection's history began, of an entry already there then, so whether and when it was met is not recorded. */
export type DutyState = 'on-time' | 'late' | 'due' | 'overdue' | 'unrecorded';

/** An entry as the duties read it: where it is and its (validated) front matter. */
export interface DutyEntry {
  collection: CollectionName;
  locale: string;
  slug: string;
  file: string;
  data: Record<string, unknown>;
}

/** One revision of an entry file on the published branch: when it was merged (ISO 8601 with offset) and its front matter then (null: the revision removed the file). */
export interface PublishedRevision {
  date: string;
  data: Record<string, unknown> | null;
}

/** The published revisions of each entry file, by path, oldest first. */
export type PublicationHistory = ReadonlyMap<string, readonly PublishedRevision[]>;

/** What starts an entry's duty: which duty and from when. */
export interface DutyStart {
  duty: PublicationDutyKey;
  from: VietnamDateTime;
}

export interface PublicationDutyResult {
  duty: PublicationDutyKey;
  /** The entry (its Vietnamese original). */
  file: string;
  collection: CollectionName;
  slug: string;
  title: string;
  /** Who supplies the information (the rules file's `supplier`). */
  supplier: { vi: string; en: string };
  /** The units on the portal the entry names as its source, by slug: a unit's own entry, a news item's `source_unit` (empty when it names none). */
  units: string[];
  /** When the count starts (the entry's field). */
  from: VietnamDateTime;
  /** Within how many working days (0: the same day). */
  workingDays: number;
  /** The close of office hours of the last working day allowed. */
  due: VietnamDateTime;
  /** When it first went live with this start (merged, not scheduled for later, not withdrawn); absent while it has not, and when `unrecorded`. */
  published?: VietnamDateTime;
  state: DutyState;
  /** When the collection's history began, for an `unrecorded` duty (src/lib/duties/history-begins.ts). */
  historyBegins?: VietnamDateTime;
  /** Working days from the start of the count to publication (or to `now` while unpublished): 0 on the counting day itself; absent when `unrecorded`. */
  elapsed?: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The duty an entry's data starts, if any (see the module comment for which field). */
export function dutyStartOf(collection: CollectionName, data: Record<string, unknown>): DutyStart | undefined {
  switch (collection) {
    case 'documents': {
      const from = str(data.cleared_at);
      return from ? { duty: 'documents', from } : undefined;
    }
    case 'units':
    case 'spokespeople': {
      const from = str(data.contact_changed);
      return from ? { duty: 'contact-details', from } : undefined;
    }
    case 'pages': {
      // A day: the count starts at its first minute, so a working day counts itself (countingDay).
      const day = str(data.appointed);
      return day ? { duty: 'leader-biography', from: `${day}T00:00` } : undefined;
    }
    case 'news': {
      const duty = data.publication_duty as { kind?: unknown; from?: unknown } | undefined;
      const kind = str(duty?.kind);
      const from = str(duty?.from);
      return kind && from ? { duty: kind as PublicationDutyKey, from } : undefined;
    }
    case 'qa':
      // Questions and answers have deadlines of their own (src/lib/duties/, qa-deadlines).
      return undefined;
  }
}

const sameStart = (a: DutyStart | undefined, b: DutyStart) => a !== undefined && a.duty === b.duty && a.from === b.from;

/**
 * The first moment the entry was live carrying `start` (the same duty and the
 * same starting moment: a later change of contact details is a new duty, met
 * only when the revision that records it goes live). A revision is live from
 * its merge, or from its `publish_at` when that is later, until the next
 * revision is merged; a withdrawn or unpublished revision is not live.
 * Nothing after `now` has happened yet: a revision scheduled for later is not live.
 */
export function firstLive(collection: CollectionName, revisions: readonly PublishedRevision[], start: DutyStart, now: VietnamDateTime): VietnamDateTime | undefined {
  for (let i = 0; i < revisions.length; i++) {
    const { date, data } = revisions[i]!;
    if (!data || !sameStart(dutyStartOf(collection, data), start)) continue;
    const merged = Date.parse(date);
    const scheduled = typeof data.publish_at === 'string' ? Date.parse(data.publish_at) : Number.NaN;
    const live = Number.isNaN(scheduled) ? merged : Math.max(merged, scheduled);
    const next = revisions[i + 1];
    if (next && Date.parse(next.date) <= live) continue;
    if (stateOf(data as LifecycleData, new Date(live)) !== 'published') continue;
    const moment = vietnamDateTime(new Date(live));
    return moment <= now ? moment : undefined;
  }
  return undefined;
}

/**
 * Whether the entry was already in the history when it began (it came with
 * the import): then whatever the history says of a duty due before, the
 * entry may have met it on the old portal, and the history cannot tell.
 * An entry first committed later was not on the portal until then.
 */
function inHistoryFromItsStart(revisions: readonly PublishedRevision[], begins: VietnamDateTime, now: VietnamDateTime): boolean {
  const first = revisions[0];
  if (!first || !first.data) return false;
  const at = vietnamDateTime(new Date(first.date));
  return at <= begins && at <= now;
}

/** Working days from `from` to `to` in the calendar's counting; 0 when `to` is not after `from` (published before the count started). */
function elapsedWorkingDays(calendar: WorkingCalendar, from: VietnamDateTime, to: VietnamDateTime): number {
  return to <= from ? 0 : workingDaysBetween(calendar, from, to);
}

function unitsOf(entry: DutyEntry): string[] {
  if (entry.collection === 'units') return [entry.slug];
  const source = str(entry.data.source_unit);
  return source ? [source] : [];
}

function titleOf(data: Record<string, unknown>): string {
  return str(data.title) ?? str(data.name) ?? '';
}

/**
 * Every publication duty of `entries` (Vietnamese originals; translations are
 * skipped), in the order of the rules file, then by due moment. A duty due
 * before its collection's history began (`historyBegins`, by collection), of
 * an entry that came into the history when it began, is `unrecorded`; a duty
 * that starts after `now` is not listed yet.
 * `now` is a VietnamDateTime. Throws the calendar's MissingCalendarYear when a
 * count reaches a year the calendar has no data for: never a guess.
 */
export function publicationDuties(
  entries: readonly DutyEntry[],
  history: PublicationHistory,
  calendar: WorkingCalendar,
  rules: PublicationDutyRules,
  now: VietnamDateTime,
  historyBegins: ReadonlyMap<string, VietnamDateTime> = new Map(),
): PublicationDutyResult[] {
  const ruleOf = new Map<PublicationDutyKey, PublicationDutyRule>(rules.duties.map((d) => [d.duty, d]));
  const results: PublicationDutyResult[] = [];
  for (const entry of entries) {
    if (entry.locale !== 'vi') continue;
    const start = dutyStartOf(entry.collection, entry.data);
    const rule = start && ruleOf.get(start.duty);
    if (!start || !rule) continue;
    const due = addWorkingDays(calendar, start.from, rule.working_days);
    // What starts after now has not happened yet (as a question received after now is not in the register).
    if (start.from > now) continue;
    const revisions = history.get(entry.file) ?? [];
    const published = firstLive(entry.collection, revisions, start, now);
    const begins = historyBegins.get(entry.collection);
    const unrecorded = isUnrecorded(due, begins) && inHistoryFromItsStart(revisions, begins!, now);
    const state: DutyState = unrecorded ? 'unrecorded' : published ? (published <= due ? 'on-time' : 'late') : now <= due ? 'due' : 'overdue';
    const result: PublicationDutyResult = {
      duty: start.duty,
      file: entry.file,
      collection: entry.collection,
      slug: entry.slug,
      title: titleOf(entry.data),
      supplier: rule.supplier,
      units: unitsOf(entry),
      from: start.from,
      workingDays: rule.working_days,
      due,
      state,
    };
    if (unrecorded) result.historyBegins = begins!;
    else {
      result.elapsed = elapsedWorkingDays(calendar, start.from, published ?? now);
      if (published) result.published = published;
    }
    results.push(result);
  }
  const order = new Map(rules.duties.map((d, i) => [d.duty, i]));
  return results.sort((a, b) => order.get(a.duty)! - order.get(b.duty)! || a.due.localeCompare(b.due) || a.file.localeCompare(b.file));
}
