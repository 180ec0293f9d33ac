/**
 * Text from outside (pull-request titles, reasons, names, addresses) made
 * safe to put in the report's Markdown, which also becomes the body of a
 * portal entry (MDX, held to the content check of ../content/render-body.ts).
 *
 * Every character with a meaning in Markdown, GFM or MDX is written as a
 * character reference (`&#123;` for `{`): the parser turns a reference back
 * into plain text and never into syntax, and references do not count among
 * the formatting characters the content check limits per block. So no text
 * can open a tag or an expression (`<`, `{`), an import/export line (first
 * letter written as a reference), code (backticks), emphasis, a link or image
 * (`[`), a new table cell (`|`), or start a heading, quote or list. GFM finds
 * bare addresses (`http://…`, `www.…`, `a@b.vn`) in the decoded text, so
 * references cannot stop those: an invisible WORD JOINER (U+2060) before
 * each `:` and `@` and after `www` does. Line
 * breaks, controls and bidirectional characters (refused by the content
 * check even as references) are shown as visible escapes (`\n`, `\u202e`) by
 * ../printable.ts; the text is put in Unicode NFC first, as content must be.
 */
import { printable } from '../printable.ts';

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '{': '&#123;',
  '}': '&#125;',
  '`': '&#96;',
  '|': '&#124;',
  '\\': '&#92;',
  '*': '&#42;',
  '_': '&#95;',
  '~': '&#126;',
  '[': '&#91;',
  ']': '&#93;',
  '$': '&#36;',
};

const SPECIAL = /[&<>{}`|\\*_~[\]$]/g;
/** U+2060 WORD JOINER: invisible, not a space, and not part of an address. */
const WORD_JOINER = '\u2060';
/** What starts a block when first on a line: heading, quote, list, setext underline, numbered list; MDX's import/export (its first letter is enough). */
const LEADING = /^(\s*)([#>+\-=]|\d+(?=[.)])|[ie](?=(?:mport|xport)\b))/i;

/** `text` as Markdown/MDX inline text that reads as written and is never syntax. */
export function escapeMdxText(text: string): string {
  const shown = printable(text.normalize('NFC'));
  const escaped = shown
    .replace(SPECIAL, (c) => REFERENCES[c]!)
    // GFM turns `http://…`, `www.…` and `name@host.tld` into links, even when written with references:
    // a word joiner before `:` and `@` and after `www` keeps them text.
    .replace(/[:@]/g, (c) => WORD_JOINER + c)
    .replace(/(w{3})(?=\.)/gi, `$1${WORD_JOINER}`);
  return escaped.replace(LEADING, (_, space: string, mark: string) => `${space}${[...mark].map((c) => `&#${c.codePointAt(0)};`).join('')}`);
}
