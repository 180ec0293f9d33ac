/**
 * A path that a client of the CMS's local backend names inside the editorial
 * sandbox, seen the way every file system an editor may use would see it:
 * backslashes as separators (Windows), `%2f` decoded (anything that decodes
 * it on the way), Unicode look-alikes folded (NFKC: “．git” is “.git”),
 * trailing dots and spaces dropped (Windows: “config.” is “config”), `.` and
 * `..` resolved, case ignored where it matters (“.GIT” is hidden too; device
 * names like “NUL” in any case).
 *
 * The verdict is strict: a path is accepted only when it is already plain —
 * what the client sent is exactly what the file system will use — and every
 * name in it is a plain ASCII name. Where it lies (content or media folder)
 * is decided by `placeOf` in cms-area.ts.
 */

export type PathProblem =
  | { kind: 'empty' }
  | { kind: 'too-long' }
  | { kind: 'control' }
  | { kind: 'absolute' }
  | { kind: 'outside' }
  /** A name starting with a dot somewhere on the way (.git, .github, .env, .hidden.mdx). */
  | { kind: 'hidden'; name: string }
  /** Written differently from how the file system reads it; `plain` is how it reads it. */
  | { kind: 'not-plain'; plain: string }
  | { kind: 'characters'; name: string }
  /** A Windows device name (CON, NUL, COM1, …), whatever its extension. */
  | { kind: 'device'; name: string };

export interface InspectedPath {
  /** The path as the file system reads it (segments joined by “/”). */
  plain: string;
  /** Why it is refused; absent when the path is plain and made of plain names. */
  problem?: PathProblem;
}

export const MAX_PATH_LENGTH = 400;
const MAX_NAME_LENGTH = 120;

/** C0 controls, DEL and C1 controls: never part of a file name the CMS writes. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * A plain name: ASCII letters, digits, “.”, “_”, “-”, starting with a letter or
 * digit — the characters the portal's own file paths allow
 * (`sitePath` in src/lib/schema/fields.ts), without a leading dot or dash.
 */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Windows device names: `nul.png` or `Con.pdf` opens the device, not a file. */
const DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Decodes %XX sequences once (UTF-8 where they form it, byte by byte otherwise). */
function percentDecodeOnce(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    }
  });
}

/** Percent-decoded until nothing changes (a double-encoded “%252e” is a dot too). */
function percentDecoded(text: string): string {
  let current = text;
  for (let round = 0; round < 8; round++) {
    const next = percentDecodeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** How a file system reads one name: trailing spaces and dots are dropped (Windows), except in “.” and “..”. */
function nameAsRead(segment: string): string {
  const trimmed = segment.replace(/ +$/, '');
  if (/^\.+$/.test(trimmed)) return trimmed.length <= 2 ? trimmed : '.';
  return trimmed.replace(/[. ]+$/, '');
}

export function inspectRepoPath(raw: string): InspectedPath {
  if (raw === '') return { plain: '', problem: { kind: 'empty' } };
  if (raw.length > MAX_PATH_LENGTH) return { plain: raw, problem: { kind: 'too-long' } };
  if (CONTROL.test(raw)) return { plain: raw, problem: { kind: 'control' } };

  const unified = percentDecoded(raw).normalize('NFKC').replace(/\\/g, '/');
  if (CONTROL.test(unified)) return { plain: unified, problem: { kind: 'control' } };
  // “/etc/passwd”, “//server/share”, “C:\x”, “C:x” (relative to drive C's current folder).
  if (unified.startsWith('/') || /^[A-Za-z]:/.test(unified)) return { plain: unified, problem: { kind: 'absolute' } };

  const stack: string[] = [];
  let hidden: string | undefined;
  for (const segment of unified.split('/')) {
    const name = nameAsRead(segment);
    if (name === '' || name === '.') continue;
    if (name === '..') {
      if (stack.length === 0) return { plain: unified, problem: { kind: 'outside' } };
      stack.pop();
      continue;
    }
    if (name.startsWith('.')) hidden ??= name;
    stack.push(name);
  }
  const plain = stack.join('/');
  if (hidden !== undefined) return { plain, problem: { kind: 'hidden', name: hidden } };
  if (plain === '') return { plain, problem: { kind: 'empty' } };
  if (plain !== raw) return { plain, problem: { kind: 'not-plain', plain } };
  for (const name of stack) {
    if (!PLAIN_NAME.test(name) || name.length > MAX_NAME_LENGTH) return { plain, problem: { kind: 'characters', name } };
    if (DEVICE.test(name.split('.')[0]!)) return { plain, problem: { kind: 'device', name } };
  }
  return { plain };
}

/** A value as it can be shown in a message: control and invisible characters visible, long values cut. */
export function shownValue(value: string): string {
  const visible = value.replace(
    /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`,
  );
  return visible.length > 120 ? `${visible.slice(0, 117)}…` : visible;
}
