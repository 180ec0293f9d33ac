/**
 * Calendar dates as the portal shows them. Dates are stored as `YYYY-MM-DD`
 * strings (no time zone); "today" is the date in Vietnam (UTC+7).
 */
import type { Locale } from './locales.ts';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Formatters are costly to create: one of each, reused for every page.
const englishDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const isoInVietnam = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

const englishDates = new Map<string, string>();

/** `2024-09-16` → `16/09/2024` (vi) or `16 September 2024` (en). */
export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (locale === 'vi') {
    return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  }
  let text = englishDates.get(iso);
  if (text === undefined) englishDates.set(iso, (text = englishDate.format(new Date(Date.UTC(y, m - 1, d)))));
  return text;
}

/** The date in Vietnam at instant `now`, as `YYYY-MM-DD` (en-CA formats dates that way). */
export function vietnamDate(now: Date = new Date()): string {
  return isoInVietnam.format(now);
}

/** The date the build treats as today: PORTAL_TODAY (YYYY-MM-DD) if set, else the date in Vietnam (of PORTAL_NOW when set). */
export function buildDate(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const fixed = env.PORTAL_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  if (env.PORTAL_NOW && !Number.isNaN(Date.parse(env.PORTAL_NOW))) return vietnamDate(new Date(env.PORTAL_NOW));
  return vietnamDate(now);
}

/**
 * A moment in Vietnam written `YYYY-MM-DDTHH:mm`, Vietnam local time (UTC+7),
 * without a zone suffix: how content files record when a question was received
 * or answered (docs/working-days.md).
 */
export type VietnamDateTime = string;

const VIETNAM_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/** True when `s` is a real moment written `YYYY-MM-DDTHH:mm` (a real date, hours 00–23, minutes 00–59). */
export function isVietnamDateTime(s: string): boolean {
  const m = VIETNAM_DATE_TIME.exec(s);
  return m !== null && isRealDate(m[1]!);
}

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `iso` (YYYY-MM-DD) moved `days` days later (earlier when negative). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The day of the week of `iso` (YYYY-MM-DD), ISO numbering: 1 Monday … 6 Saturday, 7 Sunday. */
export function isoWeekday(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

const vietnamClock = new Intl.DateTimeFormat('en-GB', { timeZone: VIETNAM_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The moment `now` as Vietnam local time, `YYYY-MM-DDTHH:mm`. */
export function vietnamDateTime(now: Date = new Date()): VietnamDateTime {
  return `${vietnamDate(now)}T${vietnamClock.format(now)}`;
}

/** `2026-09-01T17:00` → `01/09/2026 17:00` (vi) or `1 September 2026, 17:00` (en). */
export function formatVietnamDateTime(moment: VietnamDateTime, locale: Locale): string {
  const day = formatDate(moment.slice(0, 10), locale);
  return locale === 'vi' ? `${day} ${moment.slice(11, 16)}` : `${day}, ${moment.slice(11, 16)}`;
}

/** A moment in Vietnam (`YYYY-MM-DDTHH:mm`) for `<time datetime>`, with Vietnam's offset: `2026-02-13T17:45+07:00`. */
export function vietnamDateTimeAttribute(moment: string): string {
  return `${moment}+07:00`;
}
