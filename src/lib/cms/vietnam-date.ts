/**
 * Dates as editors type and read them in the CMS: day/month/year, in Vietnam
 * time (UTC+7), whatever the browser's own language (a native date input
 * follows the browser's locale, mm/dd/yyyy in an American Chromium, and
 * Decap's datetime widget turned a half-typed year into 1906).
 *
 * The CMS widget (src/admin/vietnam-date-widget.ts) keeps what the editor
 * types, stores the schema's format once it is a whole date, and refuses
 * impossible and implausible dates with the schema's own rule
 * (`implausibleDate`, src/lib/schema/fields.ts).
 */
import type { Locale } from '../locales.ts';
import { implausibleDate, isIsoDate, isIsoDateTime, isVietnamDateTime, type Bilingual, type DateRange } from '../schema/fields.ts';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * How a field stores what the editor types: `date` YYYY-MM-DD; `moment` an
 * ISO 8601 moment with its offset (2024-09-16T08:00:00+07:00, `publish_at`);
 * `vietnam-time` a moment in Vietnam without offset (2024-09-16T08:00, the
 * Q&A register's times).
 */
export type DateForm = 'date' | 'moment' | 'vietnam-time';

/** What the editor sees for a stored value: `16/09/2024` or `16/09/2024 08:00` (Vietnam time). */
export function shownDate(stored: string, form: DateForm): string {
  if (form === 'date') {
    if (!isIsoDate(stored)) return stored;
    const [y, m, d] = stored.split('-');
    return `${d}/${m}/${y}`;
  }
  if (form === 'vietnam-time') {
    if (!isVietnamDateTime(stored)) return stored;
    return `${stored.slice(8, 10)}/${stored.slice(5, 7)}/${stored.slice(0, 4)} ${stored.slice(11, 16)}`;
  }
  if (!isIsoDateTime(stored)) return stored;
  const inVietnam = new Date(Date.parse(stored) + VIETNAM_OFFSET_MS).toISOString();
  return `${inVietnam.slice(8, 10)}/${inVietnam.slice(5, 7)}/${inVietnam.slice(0, 4)} ${inVietnam.slice(11, 16)}`;
}

export type ReadDate = { value: string } | { error: Bilingual };

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[:h](\d{2})$/;

/**
 * Reads what the editor typed: `16/09/2024` (→ 2024-09-16) or, with time,
 * `16/09/2024 08:00` (→ 2024-09-16T08:00:00+07:00 for a `moment`,
 * 2024-09-16T08:00 for a `vietnam-time`). Empty text is an empty field (`''`).
 * `range`: the field's plausible dates; `today`: YYYY-MM-DD.
 */
export function readTypedDate(text: string, form: DateForm, range: DateRange | undefined, today?: string): ReadDate {
  const withTime = form !== 'date';
  const typed = text.trim();
  if (typed === '') return { value: '' };
  const m = (withTime ? DATE_TIME : DATE).exec(typed);
  const example = withTime ? '16/09/2024 08:00' : '16/09/2024';
  const shape = withTime
    ? { vi: `ngày/tháng/năm giờ:phút, giờ Việt Nam, ví dụ ${example}`, en: `day/month/year hour:minute, Vietnam time, for example ${example}` }
    : { vi: `ngày/tháng/năm, ví dụ ${example}`, en: `day/month/year, for example ${example}` };
  if (!m) return { error: { vi: `“${typed}” không phải một ngày viết theo dạng ${shape.vi}.`, en: `“${typed}” is not a date written ${shape.en}.` } };
  const pad = (s: string) => s.padStart(2, '0');
  const day = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  if (!isIsoDate(day)) return { error: { vi: `Không có ngày “${typed}” (ngày hoặc tháng không tồn tại); viết theo dạng ${shape.vi}.`, en: `There is no such date as “${typed}” (no such day or month); write it ${shape.en}.` } };
  let value = day;
  if (withTime) {
    const [hour, minute] = [Number(m[4]), Number(m[5])];
    if (hour > 23 || minute > 59) return { error: { vi: `Không có giờ “${m[4]}:${m[5]}”; giờ từ 00:00 đến 23:59.`, en: `There is no time “${m[4]}:${m[5]}”; times run from 00:00 to 23:59.` } };
    value = form === 'moment' ? `${day}T${pad(m[4]!)}:${m[5]}:00+07:00` : `${day}T${pad(m[4]!)}:${m[5]}`;
  }
  const why = range ? implausibleDate(day, range, today) : undefined;
  if (why) return { error: { vi: why.vi.charAt(0).toUpperCase() + why.vi.slice(1), en: why.en.charAt(0).toUpperCase() + why.en.slice(1) } };
  return { value };
}

/** The words around the input, per interface language. */
export function dateWidgetWords(locale: Locale, form: DateForm): { placeholder: string; zone: string; clear: string } {
  const withTime = form !== 'date';
  if (locale === 'vi') return { placeholder: withTime ? 'ngày/tháng/năm giờ:phút' : 'ngày/tháng/năm', zone: withTime ? 'Giờ Việt Nam (UTC+7)' : '', clear: 'Xoá' };
  return { placeholder: withTime ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy', zone: withTime ? 'Vietnam time (UTC+7)' : '', clear: 'Clear' };
}
