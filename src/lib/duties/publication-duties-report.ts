/**
 * The publication duties as people read them, in Vietnamese or English,
 * grouped by duty with its time limit and the article that sets it: the
 * section `npm run duties` prints (scripts/duties.ts). Pure.
 */
import { addWorkingDays, type VietnamDateTime, type WorkingCalendar } from '../calendar/index.ts';
import { formatVietnamDateTime } from '../dates.ts';
import type { Locale } from '../locales.ts';
import { publicationDutyNames, type Citation, type PublicationDutyRule, type PublicationDutyRules } from '../schema/publication-duties.ts';
import { unrecordedNote } from './history-begins.ts';
import type { DutyState, PublicationDutyResult } from './publication-duties.ts';

export const dutyStateLabels: Record<DutyState, { vi: string; en: string }> = {
  'on-time': { vi: 'đúng hạn', en: 'on time' },
  'late': { vi: 'trễ hạn', en: 'late' },
  'due': { vi: 'đến hạn', en: 'due' },
  'overdue': { vi: 'quá hạn', en: 'overdue' },
  'unrecorded': { vi: 'không ghi nhận', en: 'unrecorded' },
};

/**
 * What needs attention at `now`: the duties not met (`overdue`), those met late
 * (`late`), and those still open whose due moment is within `within` working
 * days of now (0: by the close of today's counting day).
 */
export function dutiesNeedingAttention(
  results: readonly PublicationDutyResult[],
  calendar: WorkingCalendar,
  now: VietnamDateTime,
  within: number,
): PublicationDutyResult[] {
  const horizon = addWorkingDays(calendar, now, within);
  return results.filter((r) => r.state === 'overdue' || r.state === 'late' || (r.state === 'due' && r.due <= horizon));
}

/** `Điều 11 khoản 1 điểm a` / `Art. 11(1)(a)`. */
export function citationText(c: Pick<Citation, 'article' | 'clause' | 'point'>, locale: Locale): string {
  if (locale === 'vi') return [`Điều ${c.article}`, c.clause && `khoản ${c.clause}`, c.point && `điểm ${c.point}`].filter(Boolean).join(' ');
  return `Art. ${c.article}${c.clause ? `(${c.clause})` : ''}${c.point ? `(${c.point})` : ''}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The heading of a duty: its name, time limit, what starts it, and where the regulation says so. */
function heading(rule: PublicationDutyRule, locale: Locale): string {
  const name = publicationDutyNames[rule.duty][locale];
  const where = citationText(rule.time_limit, locale);
  if (locale === 'vi') {
    const limit = rule.working_days === 0 ? `trong ngày ${rule.counted_from.vi}` : `trong ${two(rule.working_days)} ngày làm việc kể từ ${rule.counted_from.vi}`;
    return `${name}: ${limit} (Quy chế Cổng, ${where}).`;
  }
  const days = rule.working_days === 1 ? '1 working day' : `${rule.working_days} working days`;
  const limit = rule.working_days === 0 ? `on the day ${rule.counted_from.en}` : `within ${days} of ${rule.counted_from.en}`;
  return `${name}: ${limit} (portal regulation, ${where}).`;
}

function days(n: number, locale: Locale): string {
  if (locale === 'vi') return `${n} ngày làm việc`;
  return n === 1 ? '1 working day' : `${n} working days`;
}

/** One line for one entry's duty. */
function line(r: PublicationDutyResult, locale: Locale): string {
  const at = (m: VietnamDateTime) => formatVietnamDateTime(m, locale);
  const state = dutyStateLabels[r.state][locale];
  const over = Math.max(0, (r.elapsed ?? 0) - r.workingDays);
  if (locale === 'vi') {
    const head = `  [${state}] “${r.title}” (${r.file}): tính từ ${at(r.from)}, hạn ${at(r.due)}`;
    switch (r.state) {
      case 'on-time':
        return `${head}; đã đăng ${at(r.published!)}.`;
      case 'late':
        return `${head}; đã đăng ${at(r.published!)}, trễ ${days(over, 'vi')}.`;
      case 'due':
        return `${head}; chưa đăng.`;
      case 'overdue':
        return `${head}; chưa đăng, đã quá hạn ${days(over, 'vi')}.`;
      case 'unrecorded':
        return `${head}; ${unrecordedNote(r.historyBegins!, 'vi')}.`;
    }
  }
  const head = `  [${state}] “${r.title}” (${r.file}): counted from ${at(r.from)}, due ${at(r.due)}`;
  switch (r.state) {
    case 'on-time':
      return `${head}; published ${at(r.published!)}.`;
    case 'late':
      return `${head}; published ${at(r.published!)}, ${days(over, 'en')} late.`;
    case 'due':
      return `${head}; not yet published.`;
    case 'overdue':
      return `${head}; not yet published, ${days(over, 'en')} overdue.`;
    case 'unrecorded':
      return `${head}; ${unrecordedNote(r.historyBegins!, 'en')}.`;
  }
}

/**
 * The report's lines in `locale`: a heading, then for each duty with results
 * its time limit and article, and one line per entry. Says so when there is
 * nothing to list.
 */
export function publicationDutiesReport(results: readonly PublicationDutyResult[], rules: PublicationDutyRules, locale: Locale): string[] {
  const lines = [locale === 'vi' ? `Nghĩa vụ đăng tải của Cổng (${rules.regulation.title.vi}, Điều 4, 11):` : `The portal’s publication duties (${rules.regulation.title.en}, Art. 4, 11):`];
  if (results.length === 0) {
    lines.push(locale === 'vi' ? '  Không có mục nào cần báo.' : '  Nothing to report.');
    return lines;
  }
  for (const rule of rules.duties) {
    const mine = results.filter((r) => r.duty === rule.duty);
    if (mine.length === 0) continue;
    lines.push(heading(rule, locale), ...mine.map((r) => line(r, locale)));
  }
  return lines;
}
