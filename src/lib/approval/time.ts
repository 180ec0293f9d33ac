/**
 * Times of reviews as the approval check shows them: in Vietnam time (UTC+7
 * all year; Vietnam has no daylight saving), as calendar dates for delegation
 * terms and as `dd/mm/yyyy HH:mm` in messages.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The wall-clock fields of instant `iso` in Vietnam. */
function inVietnam(iso: string): Date {
  return new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
}

const two = (n: number) => String(n).padStart(2, '0');

/** The calendar day in Vietnam at instant `iso`, as `YYYY-MM-DD`. */
export function vietnamDay(iso: string): string {
  const d = inVietnam(iso);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** `2026-11-20T02:30:00Z` → `20/11/2026 09:30` (Vietnam time). */
export function vietnamTime(iso: string): string {
  const d = inVietnam(iso);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** `2026-01-05` → `05/01/2026`. */
export function dayMonthYear(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** The milliseconds of an ISO time, for ordering. */
export function instant(iso: string): number {
  return Date.parse(iso);
}

/** A commit as people quote it: its first seven characters. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
