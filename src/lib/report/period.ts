/**
 * The period an editorial report covers, in Vietnam time (docs/reports.md).
 *
 * The provincial offices' monthly statistics run from the 26th of the
 * previous month to the 25th (Decision 1436, V.2.1b), so `--month 2026-11`
 * is 26/10/2026 00:00 → 25/11/2026 23:59:59.999: its start is inclusive, its
 * end is 26/11/2026 00:00, exclusive. Halves and years are the union of their
 * monthly periods, so that the months add up to the half and the halves to
 * the year: H1 2026 is 26/12/2025 → 25/06/2026, H2 26/06 → 25/12/2026, the
 * year 2026 26/12/2025 → 25/12/2026. `--from/--to` are dates, both included.
 * Pure: parses text, never reads the clock.
 */
import { addDays, isRealDate } from '../dates.ts';
import type { Bilingual } from '../schema/fields.ts';
import type { PeriodKind, ReportPeriod } from './report.ts';

/** A period asked for that cannot be understood: what is wrong and how to write it, in both languages. */
export class PeriodError extends Error {
  readonly messages: Bilingual;
  constructor(messages: Bilingual) {
    super(`${messages.vi}\n${messages.en}`);
    this.messages = messages;
    this.name = 'PeriodError';
  }
}

/** The day monthly periods end on (1436 V.2.1b): the 25th; the next period starts on the 26th. */
export const MONTH_END_DAY = 25;

const pad = (n: number) => String(n).padStart(2, '0');
/**
 * A value from the command line as a message shows it: at most 60 characters, every character that is not a
 * letter, mark, digit, punctuation, symbol or space (line breaks, terminal escapes, direction overrides) as �.
 */
export const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value).replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]/gu, '\uFFFD');
/** `2026-11-25` → `25/11/2026`. */
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The last day (the 25th) of the monthly period named by year and month. */
function monthEnd(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(MONTH_END_DAY)}`;
}

/** The first day (the 26th of the month before) of the monthly period named by year and month. */
function monthStart(year: number, month: number): string {
  return addDays(monthEnd(month === 1 ? year - 1 : year, month === 1 ? 12 : month - 1), 1);
}

function periodOf(kind: PeriodKind, id: string, from: string, to: string, name: Bilingual): ReportPeriod {
  const span = `${dmy(from)} – ${dmy(to)}`;
  return {
    kind,
    id,
    from,
    to,
    start: `${from}T00:00:00+07:00`,
    end: `${addDays(to, 1)}T00:00:00+07:00`,
    title: { vi: `${name.vi} (${span})`, en: `${name.en} (${span})` },
  };
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const HALF = /^(\d{4})-H([12])$/i;

function plausibleYear(year: number, asked: string, option: string): void {
  if (year < 2000 || year > 2100) {
    throw new PeriodError({
      vi: `${option} ${shown(asked)}: năm ${year} nằm ngoài khoảng 2000–2100. Kiểm tra lại năm.`,
      en: `${option} ${shown(asked)}: the year ${year} is outside 2000–2100. Check the year.`,
    });
  }
}

/** `--month 2026-11`: 26/10/2026 → 25/11/2026. */
export function monthPeriod(text: string): ReportPeriod {
  const m = MONTH.exec(text.trim());
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    throw new PeriodError({
      vi: `--month cần tháng dạng NNNN-TT, ví dụ 2026-11 (kỳ 26/10/2026 – 25/11/2026), nhưng thấy “${shown(text)}”.`,
      en: `--month needs a month written YYYY-MM, for example 2026-11 (the period 26/10/2026 – 25/11/2026), found “${shown(text)}”.`,
    });
  }
  const year = Number(m[1]);
  plausibleYear(year, text, '--month');
  return periodOf('month', `${year}-${pad(month)}`, monthStart(year, month), monthEnd(year, month), monthName(year, month));
}

/** “Tháng 11/2026” / “November 2026”: a monthly period's name, without its days. */
export function monthName(year: number, month: number): Bilingual {
  return { vi: `Tháng ${pad(month)}/${year}`, en: `${englishMonths[month - 1]} ${year}` };
}

/** `--half 2026-H1` (26/12/2025 → 25/06/2026) or `2026-H2` (26/06 → 25/12/2026): its six monthly periods. */
export function halfPeriod(text: string): ReportPeriod {
  const m = HALF.exec(text.trim());
  if (!m) {
    throw new PeriodError({
      vi: `--half cần nửa năm dạng NNNN-H1 hoặc NNNN-H2, ví dụ 2026-H2 (kỳ 26/06/2026 – 25/12/2026), nhưng thấy “${shown(text)}”.`,
      en: `--half needs a half-year written YYYY-H1 or YYYY-H2, for example 2026-H2 (the period 26/06/2026 – 25/12/2026), found “${shown(text)}”.`,
    });
  }
  const year = Number(m[1]);
  plausibleYear(year, text, '--half');
  const half = Number(m[2]);
  const first = half === 1 ? 1 : 7;
  return periodOf('half', `${year}-H${half}`, monthStart(year, first), monthEnd(year, first + 5), {
    vi: `${half === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year}`,
    en: `${half === 1 ? 'First' : 'Second'} half of ${year}`,
  });
}

/** `--year 2026`: 26/12/2025 → 25/12/2026, its twelve monthly periods. */
export function yearPeriod(text: string): ReportPeriod {
  const m = YEAR.exec(text.trim());
  if (!m) {
    throw new PeriodError({
      vi: `--year cần năm dạng NNNN, ví dụ 2026 (kỳ 26/12/2025 – 25/12/2026), nhưng thấy “${shown(text)}”.`,
      en: `--year needs a year written YYYY, for example 2026 (the period 26/12/2025 – 25/12/2026), found “${shown(text)}”.`,
    });
  }
  const year = Number(m[1]);
  plausibleYear(year, text, '--year');
  return periodOf('year', String(year), monthStart(year, 1), monthEnd(year, 12), { vi: `Năm ${year}`, en: `Year ${year}` });
}

/** `--from 2026-10-01 --to 2026-10-31`: both days included, Vietnam time. */
export function rangePeriod(from: string, to: string): ReportPeriod {
  for (const [option, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!isRealDate(value.trim())) {
      throw new PeriodError({
        vi: `${option} cần một ngày có thật dạng NNNN-TT-NN, ví dụ 2026-10-01, nhưng thấy “${shown(value)}”.`,
        en: `${option} needs a real date written YYYY-MM-DD, for example 2026-10-01, found “${shown(value)}”.`,
      });
    }
  }
  const [f, t] = [from.trim(), to.trim()];
  if (t < f) {
    throw new PeriodError({
      vi: `--to (${dmy(t)}) trước --from (${dmy(f)}): ngày cuối phải bằng hoặc sau ngày đầu.`,
      en: `--to (${dmy(t)}) is before --from (${dmy(f)}): the last day must be on or after the first.`,
    });
  }
  return periodOf('range', `${f}..${t}`, f, t, { vi: 'Từ ngày đến ngày', en: 'From date to date' });
}

/** The options a period may be asked for with; exactly one way must be used. */
export interface PeriodOptions {
  month?: string | undefined;
  half?: string | undefined;
  year?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The one period the options ask for, or a PeriodError saying what is wrong (none, several, half a range, a bad value). */
export function periodFromOptions(o: PeriodOptions): ReportPeriod {
  const asked = [o.month !== undefined && '--month', o.half !== undefined && '--half', o.year !== undefined && '--year', (o.from !== undefined || o.to !== undefined) && '--from/--to'].filter(
    (x): x is string => typeof x === 'string',
  );
  if (asked.length !== 1) {
    throw new PeriodError(
      asked.length === 0
        ? {
            vi: 'Cần chọn đúng một kỳ báo cáo: --month 2026-11, --half 2026-H2, --year 2026 hoặc --from 2026-10-01 --to 2026-10-31.',
            en: 'Choose exactly one report period: --month 2026-11, --half 2026-H2, --year 2026 or --from 2026-10-01 --to 2026-10-31.',
          }
        : {
            vi: `Chỉ chọn một kỳ báo cáo, nhưng thấy ${asked.join(', ')}. Giữ một trong các tham số đó.`,
            en: `Choose only one report period, found ${asked.join(', ')}. Keep one of those options.`,
          },
    );
  }
  if (o.month !== undefined) return monthPeriod(o.month);
  if (o.half !== undefined) return halfPeriod(o.half);
  if (o.year !== undefined) return yearPeriod(o.year);
  if (o.from === undefined || o.to === undefined) {
    throw new PeriodError({
      vi: 'Kỳ tùy chọn cần cả --from và --to (ngày đầu và ngày cuối, đều được tính), ví dụ --from 2026-10-01 --to 2026-10-31.',
      en: 'A custom period needs both --from and --to (the first and last days, both included), for example --from 2026-10-01 --to 2026-10-31.',
    });
  }
  return rangePeriod(o.from, o.to);
}

/** True when instant `at` (anything Date.parse reads, with its offset) falls in the period: start inclusive, end exclusive. */
export function inPeriod(period: ReportPeriod, at: string | Date): boolean {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return t >= Date.parse(period.start) && t < Date.parse(period.end);
}

/** True when a Vietnam moment written `YYYY-MM-DDTHH:mm` (no zone, as the register writes it) falls in the period. */
export function vietnamMomentInPeriod(period: ReportPeriod, moment: string): boolean {
  return inPeriod(period, `${moment}:00+07:00`);
}

/** The monthly periods that make up a half or a year (or a month itself), in order: they add up to it. */
export function monthsOf(period: ReportPeriod): ReportPeriod[] {
  if (period.kind === 'month') return [period];
  if (period.kind === 'range') return [];
  const year = Number(period.id.slice(0, 4));
  const months = period.kind === 'year' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : period.id.endsWith('H1') ? [1, 2, 3, 4, 5, 6] : [7, 8, 9, 10, 11, 12];
  return months.map((m) => monthPeriod(`${year}-${pad(m)}`));
}
