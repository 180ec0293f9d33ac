/**
 * Text from outside (names, titles, reasons, addresses) as HTML or SVG text:
 * in Unicode NFC, controls and bidirectional characters shown as visible
 * escapes (../printable.ts, as in the report's other formats), and `& < > " '`
 * written as entities, so that it is text in an element or an attribute and
 * never markup.
 */
import { escapeMarkup } from '../markup-text.ts';
import { printable } from '../printable.ts';

/** `text` safe in HTML/SVG text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return escapeMarkup(shownText(text));
}

/** `text` as the report shows it, before any escaping for a format: NFC, with visible escapes for controls and bidirectional characters. */
export function shownText(text: string): string {
  return printable(text.normalize('NFC'));
}
