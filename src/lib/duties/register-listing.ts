/**
 * `npm run duties -- --all`: the whole register as the Customer Service Centre
 * and the board read it — every Q&A entry with each step's state (on time,
 * late, due, overdue, unrecorded, or why it has no deadline), under a count of
 * the states, so “some on time, one late, one still open” is visible at once.
 * Pure: the CLI gathers the entries, this builds and words the listing.
 */
import type { VietnamDateTime, WorkingCalendar } from '../calendar/index.ts';
import { formatVietnamDateTime } from '../dates.ts';
import type { Locale } from '../locales.ts';
import { qaChannels } from '../schema/collections.ts';
import type { Bilingual } from '../schema/fields.ts';
import type { QaRegisterEntry } from './duty-report.ts';
import { unrecordedNote } from './history-begins.ts';
import type { QaDeadlineRules, QaStep } from './qa-deadline-rules.ts';
import { qaDeadlines, type QaDeadlineOptions, type StepDeadline, type StepState } from './qa-deadlines.ts';

/** A step's state as the listing shows it: a deadline's state, or why there is none. */
export type ListedState = StepState | 'no-deadline' | 'not-applicable' | 'waiting';

export const listedStateLabels: Record<ListedState, Bilingual> = {
  'on-time': { vi: 'đúng hạn', en: 'on time' },
  'late': { vi: 'trễ hạn', en: 'late' },
  'due': { vi: 'đến hạn', en: 'due' },
  'overdue': { vi: 'quá hạn', en: 'overdue' },
  'unrecorded': { vi: 'không ghi nhận', en: 'unrecorded' },
  'no-deadline': { vi: 'không có thời hạn', en: 'no deadline' },
  'not-applicable': { vi: 'không áp dụng', en: 'not applicable' },
  'waiting': { vi: 'chưa bắt đầu tính', en: 'not started' },
};

export interface RegisterRow {
  file: string;
  title: Bilingual;
  channel: QaRegisterEntry['lifecycle']['channel'];
  received: VietnamDateTime;
  sample: boolean;
  steps: (StepDeadline & { listed: ListedState })[];
}

const listedOf = (s: StepDeadline): ListedState => (s.kind === 'deadline' ? s.state : s.kind);

/** Every entry received by `now`, in order of receipt, with each step's deadline as `qaDeadlines` gives it. */
export function registerRows(
  entries: readonly QaRegisterEntry[],
  calendar: WorkingCalendar,
  rules: QaDeadlineRules,
  now: VietnamDateTime,
  options: QaDeadlineOptions = {},
): RegisterRow[] {
  return entries
    .filter((e) => e.lifecycle.received <= now)
    .map((e) => ({
      file: e.file,
      title: e.title,
      channel: e.lifecycle.channel,
      received: e.lifecycle.received,
      sample: e.sample === true,
      steps: qaDeadlines(e.lifecycle, calendar, rules, now, options).map((s) => ({ ...s, listed: listedOf(s) })),
    }))
    .sort((a, b) => a.received.localeCompare(b.received) || a.file.localeCompare(b.file));
}

/** How many steps are in each state, over the whole register (states with none left out, in the labels' order). */
export function stateCounts(rows: readonly RegisterRow[]): [ListedState, number][] {
  const counts = new Map<ListedState, number>();
  for (const row of rows) for (const s of row.steps) counts.set(s.listed, (counts.get(s.listed) ?? 0) + 1);
  return (Object.keys(listedStateLabels) as ListedState[]).filter((k) => counts.has(k)).map((k) => [k, counts.get(k)!]);
}

/** Short step names for the one-line listing. */
const stepShort: Record<QaStep, Bilingual> = {
  classification: { vi: 'Phân loại', en: 'Classification' },
  'report-back': { vi: 'Báo lại', en: 'Report back' },
  answer: { vi: 'Trả lời', en: 'Answer' },
  publication: { vi: 'Đăng', en: 'Publication' },
};

function stepText(s: RegisterRow['steps'][number], locale: Locale): string {
  const label = listedStateLabels[s.listed][locale];
  const name = stepShort[s.step][locale];
  if (s.kind !== 'deadline') return `${name}: ${label}`;
  const by = locale === 'vi' ? 'hạn' : 'due';
  const done = s.done === undefined ? '' : locale === 'vi' ? `, xong ${formatVietnamDateTime(s.done, locale)}` : `, done ${formatVietnamDateTime(s.done, locale)}`;
  return `${name}: ${label} (${by} ${formatVietnamDateTime(s.due, locale)}${done})`;
}

/**
 * The listing in one language: a heading with the count of each state, a note
 * on `unrecorded` when a step is, then each entry on two lines (title, file,
 * channel and receipt; its steps).
 */
export function formatRegister(rows: readonly RegisterRow[], locale: Locale, historyBegins?: VietnamDateTime): string[] {
  const vi = locale === 'vi';
  const lines = [vi ? `## Sổ theo dõi hỏi đáp: ${rows.length} câu hỏi, trạng thái từng bước` : `## The Q&A register: ${rows.length} questions, each step's state`];
  const counts = stateCounts(rows);
  lines.push(`   ${counts.map(([state, n]) => `${listedStateLabels[state][locale]}: ${n}`).join(' · ') || (vi ? 'Chưa có câu hỏi nào.' : 'No questions yet.')}`);
  if (historyBegins !== undefined && counts.some(([state]) => state === 'unrecorded')) {
    lines.push(`   ${listedStateLabels.unrecorded[locale]}: ${unrecordedNote(historyBegins, locale)}.`);
  }
  for (const row of rows) {
    const received = vi ? `nhận ${formatVietnamDateTime(row.received, locale)}` : `received ${formatVietnamDateTime(row.received, locale)}`;
    const sample = row.sample ? (vi ? ' · mục mẫu' : ' · sample entry') : '';
    lines.push('', `“${row.title[locale]}” (${row.file}) · ${qaChannels[row.channel][locale]} · ${received}${sample}`);
    lines.push(`    ${row.steps.map((s) => stepText(s, locale)).join(' · ')}`);
  }
  lines.push('');
  return lines;
}
