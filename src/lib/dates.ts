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

/** Midnight at the start of `iso` in Vietnam, as a Date (for feeds and `<time datetime>`). */
export function startOfVietnamDay(iso: string): Date {
  return new Date(`${iso}T00:00:00+07:00`);
}

/**
 * The moment `instant` in Vietnam time as a VietnamDateTime, `YYYY-MM-DDTHH:mm`
 * (to the minute, seconds dropped): how content files and the working-day
 * deadlines write moments. Vietnam is UTC+7 all year (no daylight saving).
 */
export function vietnamDateTimeOf(instant: number | Date): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** `2026-09-01T17:00` → `01/09/2026 17:00` (vi) or `1 September 2026, 17:00` (en). */
export function formatVietnamDateTime(moment: string, locale: Locale): string {
  const day = formatDate(moment.slice(0, 10), locale);
  return locale === 'vi' ? `${day} ${moment.slice(11, 16)}` : `${day}, ${moment.slice(11, 16)}`;
}
