/**
 * What the portal's RSS feeds (src/site/feeds.ts) write besides the entries'
 * own words: dates as RFC 822 in Vietnam time, and text XML can hold.
 */
import { isoWeekday } from '../dates.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The start of a day in Vietnam as RSS writes a date (RFC 822, four-digit
 * year): `2024-09-16` → `Mon, 16 Sep 2024 00:00:00 +0700`. The day a reader
 * anywhere sees is the day of the document, not the day before in UTC.
 */
export function rssDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${WEEKDAYS[isoWeekday(iso) - 1]}, ${day} ${MONTHS[Number(month) - 1]} ${year} 00:00:00 +0700`;
}

/** Characters XML 1.0 cannot hold at all (not even escaped): C0 controls but tab, line feed and return; lone surrogates; U+FFFE, U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text for a feed, without the characters XML cannot hold: one of them makes
 * the whole feed unreadable to every reader. The content check refuses them in
 * every field (src/lib/content/text-characters.ts); this keeps a feed well
 * formed whatever reaches it.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}
