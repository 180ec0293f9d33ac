/**
 * The deadlines table of the CMS preview of a Q&A entry (src/admin/cms.ts):
 * from the form's values as they stand, each step of the question's life —
 * classification and routing, report back, answer, publication — with its due
 * moment, its state in words, the article of the rule and the units
 * responsible, computed by `qaDeadlines` (src/lib/duties/qa-deadlines.ts) with
 * the calendar and rules the build parsed (/admin/duty-rules.json). When the
 * calendar has no data for a date, the step shows the calendar's message in
 * the interface language, never a guessed date. Pure.
 */
import { CalendarError, type VietnamDateTime, type WorkingCalendar } from '../calendar/index.ts';
import { formatVietnamDateTime, isVietnamDateTime } from '../dates.ts';
import { citationText } from '../duties/duty-report.ts';
import { QA_STEPS, qaSteps, type QaDeadlineRules, type QaStep } from '../duties/qa-deadline-rules.ts';
import { unrecordedNote } from '../duties/history-begins.ts';
import type { QaChannel } from '../schema/collections.ts';
import { qaDeadlines, type QaLifecycle, type StepDeadline } from '../duties/qa-deadlines.ts';
import type { Locale } from '../locales.ts';
import { isBlank } from '../schema/empty-values.ts';

/** A step's state: the four of the contract, or why it has no due moment. */
export type PreviewState = 'on-time' | 'late' | 'due' | 'overdue' | 'unrecorded' | 'waiting' | 'not-applicable' | 'no-deadline' | 'calendar-missing';

export interface QaPreviewRow {
  step: QaStep;
  label: string;
  /** The due moment, when there is one (for `<time datetime>`). */
  dueMoment?: VietnamDateTime;
  /** The due moment as the interface writes it, or the calendar's message when it cannot be known. */
  due: string;
  state: PreviewState;
  stateLabel: string;
  /** When it was done, the target mark, or why there is no deadline. */
  note: string;
  /** The rule's article (document, Điều, khoản, điểm), or '' when no rule applies. */
  article: string;
  units: string[];
}

export type QaPreviewTable = { kind: 'rows'; rows: QaPreviewRow[] } | { kind: 'incomplete'; message: string };

const stateWords: Record<PreviewState, Record<Locale, string>> = {
  'on-time': { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  due: { vi: 'Đang trong hạn', en: 'Due' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  unrecorded: { vi: 'Không có ghi nhận', en: 'Not recorded' },
  waiting: { vi: 'Chưa bắt đầu tính hạn', en: 'Not counting yet' },
  'not-applicable': { vi: 'Không áp dụng', en: 'Does not apply' },
  'no-deadline': { vi: 'Không có thời hạn', en: 'No deadline' },
  'calendar-missing': { vi: 'Chưa tính được', en: 'Cannot be computed' },
};

export const previewWords = {
  vi: {
    caption: 'Thời hạn xử lý câu hỏi (tính theo ngày làm việc, giờ Việt Nam)',
    step: 'Bước',
    due: 'Hạn',
    state: 'Tình trạng',
    article: 'Căn cứ',
    units: 'Đơn vị',
    asOf: (now: string) => `Tính tại thời điểm ${now} giờ Việt Nam, theo các giá trị đang nhập.`,
    loading: 'Đang tải lịch ngày làm việc và quy tắc thời hạn…',
    unavailable: (why: string) => `Không tải được lịch ngày làm việc và quy tắc thời hạn (/admin/duty-rules.json: ${why}), nên không hiển thị được thời hạn. Tải lại trang; nếu vẫn lỗi, chạy lại npm start hoặc báo người quản trị.`,
    done: (at: string, took: number) => `Xong lúc ${at} (${took} ngày làm việc)`,
    target: (at: string) => `Mục tiêu: ${at}`,
    noHistory: 'Trang này được dựng ngoài kho git nên không biết câu trả lời đã đăng lúc nào: bước đăng công khai được tính là chưa làm.',
    incomplete: 'Điền kênh tiếp nhận và thời điểm tiếp nhận (dd/mm/yyyy hh:mm) để xem thời hạn.',
    invalid: (field: string, value: string) => `${field} “${value}” chưa phải thời điểm dd/mm/yyyy hh:mm: sửa ô này để xem thời hạn.`,
  },
  en: {
    caption: 'Deadlines of the question (in working days, Vietnam time)',
    step: 'Step',
    due: 'Due',
    state: 'State',
    article: 'Rule',
    units: 'Units',
    asOf: (now: string) => `As of ${now} Vietnam time, from the values in the form.`,
    loading: 'Loading the working calendar and the deadline rules…',
    unavailable: (why: string) => `The working calendar and the deadline rules could not be loaded (/admin/duty-rules.json: ${why}), so no deadlines can be shown. Reload the page; if it persists, restart npm start or tell the administrator.`,
    done: (at: string, took: number) => `Done ${at} (${took} working day${took === 1 ? '' : 's'})`,
    target: (at: string) => `Target: ${at}`,
    noHistory: 'This page was built outside a git repository, so when the answer went live is not known: the publication step counts as not done.',
    incomplete: 'Fill in the channel and the time received (dd/mm/yyyy hh:mm) to see the deadlines.',
    invalid: (field: string, value: string) => `${field} “${value}” is not yet a moment dd/mm/yyyy hh:mm: correct that field to see the deadlines.`,
  },
} satisfies Record<Locale, unknown>;

const channels: readonly QaChannel[] = ['portal', 'zalo', 'email', 'phone', 'in-person'];
const results = ['in-scope', 'out-of-scope', 'unclear'] as const;

const fieldNames = {
  received: { vi: 'Thời điểm tiếp nhận', en: 'Received at' },
  'classified.at': { vi: 'Thời điểm phân loại', en: 'Classified at' },
  'classified.reported_back': { vi: 'Thời điểm thông báo lại người hỏi', en: 'Reported back at' },
  answered: { vi: 'Thời điểm trả lời', en: 'Answered at' },
} satisfies Record<string, Record<Locale, string>>;


/**
 * The lifecycle of the form's values (the Q&A register fields of
 * src/lib/schema/collections.ts), with `published` from the publication
 * history; or what to fill in or correct first.
 */
export function lifecycleOfForm(data: Record<string, unknown>, published: VietnamDateTime | undefined, locale: Locale): { lifecycle: QaLifecycle } | { message: string } {
  const w = previewWords[locale];
  const moments: Partial<Record<keyof typeof fieldNames, string>> = {};
  const classifiedData = typeof data.classified === 'object' && data.classified !== null ? (data.classified as Record<string, unknown>) : {};
  const raw: Record<keyof typeof fieldNames, unknown> = {
    received: data.received,
    'classified.at': classifiedData.at,
    'classified.reported_back': classifiedData.reported_back,
    answered: data.answered,
  };
  for (const [field, value] of Object.entries(raw) as [keyof typeof fieldNames, unknown][]) {
    if (isBlank(value)) continue;
    if (typeof value !== 'string' || !isVietnamDateTime(value)) return { message: w.invalid(fieldNames[field][locale], String(value)) };
    moments[field] = value;
  }
  const channel = channels.find((c) => c === data.channel);
  if (!channel || !moments.received) return { message: w.incomplete };
  const result = results.find((r) => r === classifiedData.result);
  const at = moments['classified.at'];
  const routed = Array.isArray(data.routed_to) ? data.routed_to.filter((u): u is string => typeof u === 'string' && u !== '') : [];
  return {
    lifecycle: {
      channel,
      received: moments.received,
      classified: at && result ? { at, result, reported_back: moments['classified.reported_back'] } : undefined,
      routed_to: routed,
      answered: moments.answered,
      published,
    },
  };
}

/** One step's deadline, or the calendar's error when a date it needs has no calendar data. */
function stepOf(step: QaStep, lifecycle: QaLifecycle, calendar: WorkingCalendar, rules: QaDeadlineRules, now: VietnamDateTime, historyBegins: VietnamDateTime | undefined): StepDeadline | CalendarError {
  // The other steps' rules left out: a year missing for one step's count does not hide the others'.
  const only: QaDeadlineRules = { ...rules, rules: rules.rules.filter((r) => r.step === step) };
  try {
    return qaDeadlines(lifecycle, calendar, only, now, { historyBegins }).find((s) => s.step === step)!;
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
}

/**
 * The table's rows for the lifecycle at `now` (Vietnam time), in the interface language. `historyBegins`: when the
 * Q&A collection's publication history begins (a publication due before then is not recorded, as `npm run duties` says).
 */
export function qaPreviewRows(lifecycle: QaLifecycle, calendar: WorkingCalendar, rules: QaDeadlineRules, now: VietnamDateTime, locale: Locale, historyBegins?: VietnamDateTime): QaPreviewRow[] {
  const w = previewWords[locale];
  const moment = (m: VietnamDateTime) => formatVietnamDateTime(m, locale);
  return QA_STEPS.map((step): QaPreviewRow => {
    const label = qaSteps[step][locale];
    const s = stepOf(step, lifecycle, calendar, rules, now, historyBegins);
    if (s instanceof CalendarError) {
      return { step, label, due: s[locale], state: 'calendar-missing', stateLabel: stateWords['calendar-missing'][locale], note: '', article: '', units: [] };
    }
    const base = { step, label, stateLabel: stateWords[s.kind === 'deadline' ? s.state : s.kind][locale] };
    switch (s.kind) {
      case 'deadline': {
        const notes = [
          s.state === 'unrecorded' && s.historyBegins !== undefined ? unrecordedNote(s.historyBegins, locale) : '',
          s.done !== undefined && s.took !== undefined ? w.done(moment(s.done), s.took) : '',
          s.target !== undefined && s.done === undefined ? w.target(moment(s.target)) : '',
        ].filter(Boolean);
        return { ...base, dueMoment: s.due, due: moment(s.due), state: s.state, note: notes.join('. '), article: citationText(s.rule.cites, rules.documents)[locale], units: s.units };
      }
      case 'waiting':
        return { ...base, due: '—', state: 'waiting', note: s.why[locale], article: citationText(s.rule.cites, rules.documents)[locale], units: [] };
      case 'not-applicable':
        return { ...base, due: '—', state: 'not-applicable', note: s.why[locale], article: '', units: [] };
      case 'no-deadline':
        return { ...base, due: '—', state: 'no-deadline', note: s.why[locale], article: s.cites ? citationText(s.cites, rules.documents)[locale] : '', units: [] };
    }
  });
}

/** The whole table for the form's values: rows, or what to fill in first. */
export function qaPreviewTable(
  data: Record<string, unknown>,
  published: VietnamDateTime | undefined,
  calendar: WorkingCalendar,
  rules: QaDeadlineRules,
  now: VietnamDateTime,
  locale: Locale,
  historyBegins?: VietnamDateTime,
): QaPreviewTable {
  const form = lifecycleOfForm(data, published, locale);
  if ('message' in form) return { kind: 'incomplete', message: form.message };
  return { kind: 'rows', rows: qaPreviewRows(form.lifecycle, calendar, rules, now, locale, historyBegins) };
}
