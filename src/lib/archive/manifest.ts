/**
 * The SHA-256 manifest of a built site (`manifest-sha256.txt`), in the format
 * of GNU `sha256sum`: one `<hash>  <path>` line per file, sorted by the bytes
 * of the path (as `LC_ALL=C sort`), so `sha256sum -c manifest-sha256.txt` checks
 * an extracted site too. A path holding a backslash or a line break is written
 * escaped, with the line starting with a backslash, as sha256sum does.
 */
import type { Reason } from '../approval/input.ts';
import { printable } from '../printable.ts';

export interface ManifestEntry {
  /** Path relative to the site's root, with `/` separators, e.g. `en/news/index.html`. */
  path: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
}

export interface ManifestProblem extends Reason {
  line: number;
}

const encoder = new TextEncoder();

/** Orders paths by their UTF-8 bytes, the order `LC_ALL=C sort` and the archive use. */
export function byPathBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(encoder.encode(a)), Buffer.from(encoder.encode(b)));
}

function escapePath(path: string): { escaped: boolean; text: string } {
  if (!/[\\\n\r]/.test(path)) return { escaped: false, text: path };
  return { escaped: true, text: path.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r') };
}

function unescapePath(text: string): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = text[++i];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else if (next === 'r') out += '\r';
    else return undefined;
  }
  return out;
}

/** The manifest's text: sorted lines, each ending with a line feed. */
export function manifestText(entries: readonly ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => byPathBytes(a.path, b.path))
    .map((e) => {
      const { escaped, text } = escapePath(e.path);
      return `${escaped ? '\\' : ''}${e.sha256}  ${text}\n`;
    })
    .join('');
}

const LINE = /^(\\?)([0-9a-f]{64}) [ *](.+)$/;

/** Reads a manifest; malformed lines and repeated paths are problems, named by line number. */
export function parseManifest(text: string): { entries: ManifestEntry[]; problems: ManifestProblem[] } {
  const entries: ManifestEntry[] = [];
  const problems: ManifestProblem[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = i + 1;
    const m = LINE.exec(raw);
    const path = m ? (m[1] ? unescapePath(m[3]!) : m[3]) : undefined;
    if (!m || path === undefined) {
      problems.push({
        line,
        vi: `Dòng ${line} của bảng kê không đúng dạng “<mã SHA-256>  <đường dẫn>”: "${printable(raw.slice(0, 120))}".`,
        en: `Line ${line} of the manifest is not “<SHA-256>  <path>”: "${printable(raw.slice(0, 120))}".`,
      });
      return;
    }
    if (seen.has(path)) {
      problems.push({ line, vi: `Dòng ${line} của bảng kê ghi lại tệp ${printable(path)} lần thứ hai.`, en: `Line ${line} of the manifest lists ${printable(path)} a second time.` });
      return;
    }
    seen.add(path);
    entries.push({ path, sha256: m[2]! });
  });
  return { entries, problems };
}
