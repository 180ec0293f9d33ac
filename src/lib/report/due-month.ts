/**
 * `npm run report -- --month due`, what the publish workflow runs every day:
 * the monthly period 26th → 25th is reported on the 26th (Vietnam time),
 * the day after it ends and before the 28th the statistics are due
 * (1436 V.2.1b). On any other day there is no report to make.
 */

/** The month whose period ended yesterday when `vietnamDate` (YYYY-MM-DD) is the 26th, else undefined. */
export function monthDueOn(vietnamDate: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(vietnamDate);
  if (!m || m[3] !== '26') return undefined;
  return `${m[1]}-${m[2]}`;
}
