/**
 * The moments an archivist names (“as it stood on 20/11/2026”) and the times
 * the history shows, all in Vietnam time (UTC+7 all year, no daylight saving).
 * A bare date means the END of that day in Vietnam: what was published by
 * 23:59:59 that day.
 */
import { formatDate, vietnamDate } from '../dates.ts';
import type { Locale } from '../locales.ts';

const VIETNAM_OFFSET = '+07:00';

export interface Moment {
  /** Milliseconds since the epoch; everything published at or before it counts. */
  instant: number;
  /** The calendar day in Vietnam at that instant, `YYYY-MM-DD` (the build's PORTAL_TODAY). */
  day: string;
  /** True when a bare date was given (the moment is 23:59:59.999 that day). */
  wholeDay: boolean;
}

const two = (n: number) => String(n).padStart(2, '0');

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function moment(isoDay: string, time: string | undefined, zone: string | undefined): Moment | undefined {
  const wholeDay = time === undefined;
  const instant = Date.parse(`${isoDay}T${time ?? '23:59:59.999'}${zone ?? VIETNAM_OFFSET}`);
  if (Number.isNaN(instant)) return undefined;
  return { instant, day: vietnamDate(new Date(instant)), wholeDay };
}

/**
 * Reads `dd/mm/yyyy` (also with ` HH:mm`, Vietnam time), `yyyy-mm-dd`, or an
 * ISO date and time (`2026-11-20T08:00+07:00`; without an offset, Vietnam time).
 * `undefined` when the text is none of these or not a real date.
 */
export function parseMoment(text: string): Moment | undefined {
  const value = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value);
  if (vn) {
    const [, d, m, y, hh, mm] = vn;
    if (!realDate(Number(y), Number(m), Number(d)) || Number(hh ?? 0) > 23 || Number(mm ?? 0) > 59) return undefined;
    return moment(`${y}-${two(Number(m))}-${two(Number(d))}`, hh === undefined ? undefined : `${two(Number(hh))}:${mm}:00`, undefined);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
  if (!iso) return undefined;
  const [, y, m, d, hh, mm, ss, zone] = iso;
  if (!realDate(Number(y), Number(m), Number(d)) || Number(hh ?? 0) > 23 || Number(mm ?? 0) > 59 || Number(ss ?? 0) > 59) return undefined;
  return moment(`${y}-${m}-${d}`, hh === undefined ? undefined : `${hh}:${mm}:${ss ?? '00'}`, zone);
}

/** The moment as an ISO time in Vietnam time: `2026-03-01T23:59:59.999+07:00`. */
export function momentIso(m: Moment): string {
  const t = new Date(m.instant + 7 * 3_600_000);
  const ms = t.getUTCMilliseconds();
  return (
    `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}T` +
    `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}${ms ? `.${String(ms).padStart(3, '0')}` : ''}${VIETNAM_OFFSET}`
  );
}

/** An instant (ISO string or ms) in Vietnam time: `02/03/2026 00:30` (vi), `2 March 2026 00:30` (en). */
export function formatInstantInVietnam(when: string | number, locale: Locale): string {
  const instant = typeof when === 'number' ? when : Date.parse(when);
  const t = new Date(instant + 7 * 3_600_000);
  return `${formatDate(vietnamDate(new Date(instant)), locale)} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}

/** How a moment is said back to the user: the day alone when a bare date was given. */
export function describeMoment(m: Moment, locale: Locale): string {
  if (m.wholeDay) return locale === 'vi' ? `cuối ngày ${formatDate(m.day, 'vi')}` : `the end of ${formatDate(m.day, 'en')}`;
  return locale === 'vi' ? `lúc ${formatInstantInVietnam(m.instant, 'vi')} (giờ Việt Nam)` : `${formatInstantInVietnam(m.instant, 'en')} (Vietnam time)`;
}
