/**
 * Names as the command-line tools print them. A file name inside an archive,
 * a path in Git or a login in a publication record is data someone else chose:
 * printed as it is, `\x1b[2J` clears the archivist's screen and `\r` or a
 * bidirectional override rewrites what the line seems to say. Every character
 * that is not printable text — letters, marks, digits, punctuation, symbols and
 * plain spaces (an allowlist by Unicode category) — is shown as an escape
 * instead: `\x1b`, `\r`, `\u202e`, `\u{e0041}`. A backslash is doubled, so the
 * escaped text reads back unambiguously.
 */

/** Everything that is not a letter, mark, digit, punctuation, symbol or space separator; and the backslash. */
const NOT_PRINTABLE = /[^\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]|\\/gu;

function escapeOf(char: string): string {
  if (char === '\\') return '\\\\';
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  if (named[char]) return named[char];
  const code = char.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/** `text` with every character that could drive a terminal or disguise the line shown as an escape. */
export function printable(text: string): string {
  return text.replace(NOT_PRINTABLE, escapeOf);
}

/** Several lines of output, each made printable; the line breaks between them are kept. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
