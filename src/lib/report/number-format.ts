/**
 * Numbers, percentages, durations and dates as the editorial report prints
 * them, per language: 1.234,5 and 92,5% in Vietnamese, 1,234.5 and 92.5% in
 * English (Intl with the locales of ../locales.ts). Durations are calendar
 * time rounded to the hour (“2 ngày 3 giờ” / “2 days 3 hours”; under an hour,
 * minutes). Dates are dd/mm/yyyy in both languages, as the period's title
 * writes them (British English writes dates that way too); moments are Vietnam
 * time.
 */
import { formatDate, formatVietnamDateTime, isRealDate, vietnamDateTime } from '../dates.ts';
import { localeInfo, type Locale } from '../locales.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, style: 'decimal' | 'percent', digits: number): Intl.NumberFormat {
  const key = `${locale}/${style}/${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeInfo[locale].intl, { style, maximumFractionDigits: digits, minimumFractionDigits: 0, useGrouping: true });
    numberFormats.set(key, format);
  }
  return format;
}

/** `1234.5` → `1.234,5` (vi) or `1,234.5` (en); at most `digits` decimals (1 by default). */
export function formatNumber(value: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, 'decimal', digits).format(value);
}

/** A percentage given as 0–100 (`92.5`) → `92,5%` (vi) or `92.5%` (en); `null` → “—”. */
export function formatPercent(percent: number | null, locale: Locale): string {
  if (percent === null) return NOT_APPLICABLE;
  return numberFormat(locale, 'percent', 1).format(percent / 100);
}

/** What the report prints where there is nothing to measure. */
export const NOT_APPLICABLE = '—';

const durationWords: Record<Locale, { day: [string, string]; hour: [string, string]; minute: [string, string] }> = {
  vi: { day: ['ngày', 'ngày'], hour: ['giờ', 'giờ'], minute: ['phút', 'phút'] },
  en: { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
};

/**
 * A waiting time in hours of calendar time → `2 ngày 3 giờ` / `2 days 3 hours`,
 * rounded to the hour; under an hour in minutes (`45 phút` / `45 minutes`);
 * `null` → “—”.
 */
export function formatDuration(hours: number | null, locale: Locale): string {
  if (hours === null || !Number.isFinite(hours)) return NOT_APPLICABLE;
  const words = durationWords[locale];
  const unit = (n: number, [one, many]: [string, string]) => `${formatNumber(n, locale, 0)} ${n === 1 ? one : many}`;
  if (hours < 1) return unit(Math.max(0, Math.round(hours * 60)), words.minute);
  const total = Math.round(hours);
  const days = Math.floor(total / 24);
  const rest = total % 24;
  if (days === 0) return unit(rest, words.hour);
  return rest === 0 ? unit(days, words.day) : `${unit(days, words.day)} ${unit(rest, words.hour)}`;
}

/** `2026-11-25` → `25/11/2026`, in both languages; not a date → “—”. */
export function formatReportDate(iso: string): string {
  const day = iso.slice(0, 10);
  return isRealDate(day) ? formatDate(day, 'vi') : NOT_APPLICABLE;
}

/** An instant (ISO 8601 with offset) → Vietnam time `25/11/2026 17:05`, in both languages; unreadable → “—” (so the output holds only text this module wrote). */
export function formatReportMoment(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return NOT_APPLICABLE;
  return formatVietnamDateTime(vietnamDateTime(new Date(time)), 'vi');
}
