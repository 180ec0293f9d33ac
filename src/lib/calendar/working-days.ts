/**
 * Working days (ngày làm việc) of the Vietnamese public sector, and deadlines
 * counted in them. Pure: the calendar is plain data built from the year files
 * `content/calendar/<year>.yml` and the office hours of `content/site.yml`
 * (read by ./read-calendar.ts).
 *
 * A working day is Monday to Friday, except the weekdays off its year file
 * lists, plus the Saturdays worked in exchange (làm bù) it lists. A date of a
 * year without a file is an error (`MissingCalendarYear`), and so is a date
 * inside a holiday whose days the Government has not fixed yet
 * (`UndeterminedCalendarDay`): the calendar never guesses.
 *
 * The counting rule. Bộ luật Dân sự 2015 (Civil Code): Điều 147.2–3, a period
 * counted in days does not include the day of the event that starts it; it
 * starts the next day. Điều 148.1, it ends at the end of its last day; 148.5,
 * when that day is a weekend day or holiday, at the end of the next working
 * day; 148.6, a day ends at 24:00. Điều 145.1 lets another law or rule count
 * otherwise. The regulations the portal serves count in working days ("trong
 * vòng 07 ngày làm việc kể từ khi tiếp nhận câu hỏi", portal regulation
 * Điều 11; "tối đa 03 ngày làm việc", Decision 1624 Điều 13.2), and Decision
 * 1624 Điều 13.1 has questions answered "trong giờ hành chính", in office
 * hours. So:
 * - a receipt counts from its counting day (`countingDay`): the day it came,
 *   when that is a working day and it came by the close of office hours; else
 *   the next working day (received after hours or on a day off, it is taken as
 *   received at the start of the next working day);
 * - day 1 of the period is the working day after the counting day (Điều 147),
 *   so "within n working days" ends with the n-th working day after it;
 *   n = 0 ("the same day", "ngay trong ngày") is the counting day itself;
 * - the period ends at the close of office hours of its last day, not at 24:00
 *   (148.6): a deliberate choice, stricter by the evening hours, because the
 *   duty is the agency's work in its working time, and an act after the close
 *   then counts, like a receipt after the close, on the next working day —
 *   which keeps the two functions below one measure. Counting working days
 *   only, the last day is never a day off, so 148.5 needs no rule of its own.
 * The one measure follows from that: `workingDaysBetween(from, to)` is how many
 * working days after the counting day of `from` the act `to` counts on, so
 * `to <= addWorkingDays(from, n)` exactly when `workingDaysBetween(from, to) <= n`.
 */
import { addDays, isoWeekday, isRealDate, isVietnamDateTime, type VietnamDateTime } from '../dates.ts';

export type { VietnamDateTime };

/** Office hours on a working day, `HH:mm` Vietnam time (content/site.yml, `office_hours`). */
export interface OfficeHours {
  opens: string;
  closes: string;
}

/** What one year file says about the days of its year. */
export interface CalendarYear {
  year: number;
  /** Weekdays (Monday–Friday) off work. */
  daysOff: readonly string[];
  /** Saturdays worked in exchange for a weekday off (làm bù). */
  saturdaysWorked: readonly string[];
  /** Spans whose days off the Government has not fixed yet: no date inside is known. */
  undetermined: readonly UndeterminedSpan[];
}

/** Days around a holiday whose arrangement awaits the notice (Labour Code Art. 112.3: the Prime Minister decides). */
export interface UndeterminedSpan {
  from: string;
  to: string;
  holiday: { vi: string; en: string };
  file: string;
}

export interface WorkingCalendar {
  officeHours: OfficeHours;
  years: ReadonlyMap<number, { daysOff: ReadonlySet<string>; saturdaysWorked: ReadonlySet<string>; undetermined: readonly UndeterminedSpan[] }>;
}

/** The path of the year file for `year`. */
export function calendarFilePath(year: number): string {
  return `content/calendar/${year}.yml`;
}

/** A failure of the calendar, said in Vietnamese and English (`message` holds both). */
export class CalendarError extends Error {
  readonly vi: string;
  readonly en: string;
  /** `details`: what follows both sentences in the message (e.g. a list of file problems, already bilingual). */
  constructor(vi: string, en: string, details?: string) {
    super(details === undefined ? `${vi} / ${en}` : `${vi} / ${en}\n${details}`);
    this.name = 'CalendarError';
    this.vi = vi;
    this.en = en;
  }
}

/** A date of a year without a year file. */
export class MissingCalendarYear extends CalendarError {
  readonly year: number;
  readonly file: string;
  constructor(year: number, date: string) {
    const file = calendarFilePath(year);
    super(
      `Chưa có lịch ngày nghỉ năm ${year} (cần cho ngày ${date}): thêm tệp ${file} theo thông báo về ngày nghỉ lễ, Tết năm ${year} (xem docs/working-days.md). Không thể tính ngày làm việc khi chưa có tệp này.`,
      `There is no holiday calendar for ${year} (needed for ${date}): add the file ${file} from the holiday notice for ${year} (see docs/working-days.md). Working days cannot be counted without it.`,
    );
    this.name = 'MissingCalendarYear';
    this.year = year;
    this.file = file;
  }
}

/** A date inside a holiday whose days off are not fixed yet. */
export class UndeterminedCalendarDay extends CalendarError {
  readonly date: string;
  readonly file: string;
  constructor(date: string, span: UndeterminedSpan) {
    super(
      `Chưa biết ngày ${date} có phải ngày làm việc không: lịch nghỉ ${span.holiday.vi} (${span.from} đến ${span.to}) chưa được Chính phủ công bố. Khi có thông báo, ghi ngày nghỉ và ngày làm bù vào ${span.file} và bỏ mục undetermined.`,
      `Whether ${date} is a working day is not known yet: the days off for ${span.holiday.en} (${span.from} to ${span.to}) have not been announced. When the notice is out, record the days off and Saturdays worked in ${span.file} and remove the undetermined span.`,
    );
    this.name = 'UndeterminedCalendarDay';
    this.date = date;
    this.file = span.file;
  }
}

/** The calendar of `years` (each year once) with `officeHours`. */
export function workingCalendar(years: readonly CalendarYear[], officeHours: OfficeHours): WorkingCalendar {
  if (!isClock(officeHours.opens) || !isClock(officeHours.closes) || officeHours.opens >= officeHours.closes) {
    throw new CalendarError(
      `Giờ làm việc không hợp lệ: mở cửa ${officeHours.opens}, đóng cửa ${officeHours.closes} (cần HH:mm, mở trước đóng).`,
      `Invalid office hours: opens ${officeHours.opens}, closes ${officeHours.closes} (HH:mm expected, opening before closing).`,
    );
  }
  const map = new Map<number, { daysOff: ReadonlySet<string>; saturdaysWorked: ReadonlySet<string>; undetermined: readonly UndeterminedSpan[] }>();
  for (const y of years) {
    if (map.has(y.year)) throw new CalendarError(`Năm ${y.year} có hai lịch.`, `The year ${y.year} has two calendars.`);
    map.set(y.year, { daysOff: new Set(y.daysOff), saturdaysWorked: new Set(y.saturdaysWorked), undetermined: y.undetermined });
  }
  return { officeHours: { ...officeHours }, years: map };
}

function isClock(s: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

function checkDate(date: string): void {
  if (!isRealDate(date)) {
    throw new CalendarError(`“${date}” không phải một ngày có thật viết dạng NNNN-TT-NN.`, `“${date}” is not a real date written YYYY-MM-DD.`);
  }
}

function splitMoment(moment: VietnamDateTime): { date: string; time: string } {
  if (!isVietnamDateTime(moment)) {
    throw new CalendarError(
      `“${moment}” không phải một thời điểm viết dạng NNNN-TT-NNTGG:PP (giờ Việt Nam), ví dụ 2026-02-13T17:45.`,
      `“${moment}” is not a moment written YYYY-MM-DDTHH:mm (Vietnam time), for example 2026-02-13T17:45.`,
    );
  }
  return { date: moment.slice(0, 10), time: moment.slice(11) };
}

/** Whether `date` (YYYY-MM-DD) is a working day. Throws MissingCalendarYear / UndeterminedCalendarDay rather than guess. */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  checkDate(date);
  return workingDay(calendar, date);
}

/** isWorkingDay for a date known to be real. */
function workingDay(calendar: WorkingCalendar, date: string): boolean {
  const year = Number(date.slice(0, 4));
  const days = calendar.years.get(year);
  if (!days) throw new MissingCalendarYear(year, date);
  const span = days.undetermined.find((s) => s.from <= date && date <= s.to);
  if (span) throw new UndeterminedCalendarDay(date, span);
  if (days.daysOff.has(date)) return false;
  if (days.saturdaysWorked.has(date)) return true;
  return isoWeekday(date) <= 5;
}

/** The first working day after `date`. */
export function nextWorkingDay(calendar: WorkingCalendar, date: string): string {
  checkDate(date);
  let d = addDays(date, 1);
  while (!workingDay(calendar, d)) d = addDays(d, 1);
  return d;
}

/**
 * The working day a moment counts on: its own day when that is a working day
 * and the moment is no later than the close of office hours (a receipt before
 * opening counts from that day's start), else the next working day.
 */
export function countingDay(calendar: WorkingCalendar, received: VietnamDateTime): string {
  const { date, time } = splitMoment(received);
  if (time <= calendar.officeHours.closes && workingDay(calendar, date)) return date;
  return nextWorkingDay(calendar, date);
}

/**
 * The due moment of "within n working days of `from`": the close of office
 * hours of the n-th working day after countingDay(from); n = 0 means "the same
 * day" (the close of countingDay(from)).
 */
export function addWorkingDays(calendar: WorkingCalendar, from: VietnamDateTime, n: number): VietnamDateTime {
  if (!Number.isInteger(n) || n < 0) {
    throw new CalendarError(`Số ngày làm việc phải là số nguyên không âm, không phải ${n}.`, `The number of working days must be a whole number, 0 or more, not ${n}.`);
  }
  let day = countingDay(calendar, from);
  for (let i = 0; i < n; i++) day = nextWorkingDay(calendar, day);
  return `${day}T${calendar.officeHours.closes}`;
}

/**
 * How many working days after countingDay(from) the moment `to` counts on
 * (its own counting day): 0 on countingDay(from) itself, negative when `to`
 * counts on an earlier working day.
 * Invariant: to <= addWorkingDays(c, from, n)  ⇔  workingDaysBetween(c, from, to) <= n.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: VietnamDateTime, to: VietnamDateTime): number {
  const start = countingDay(calendar, from);
  const end = countingDay(calendar, to);
  if (end === start) return 0;
  const [low, high, sign] = end > start ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let d = low; d < high; d = nextWorkingDay(calendar, d)) count++;
  return sign * count;
}
