/**
 * What kind of change a pull request makes, which decides whose approval it
 * needs (docs/approval.md):
 * - takedown: an entry newly marked `withdrawn`, or a published entry file
 *   removed or renamed (its address disappears) — Decision 1624 Art. 11.1 e;
 * - technical: the roles file and everything outside content/ that runs or
 *   builds the portal (code, workflows, dependencies, configuration);
 * - content: every other change under content/, the media and files the
 *   portal serves (public/media, public/files), and the prose documentation
 *   (docs/, top-level *.md) — Art. 11.1 a–d.
 * A pull request can be several kinds at once.
 */
import { parseEntryFile } from '../content/frontmatter.ts';
import { locales } from '../locales.ts';
import { collectionNames } from '../schema/collections.ts';
import type { ChangedFile, Reason } from './input.ts';

export const changeKinds = ['content', 'takedown', 'technical'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** How a file takes published content down; `unknown`: an entry edited whose texts could not be read, treated as a possible takedown. */
export type TakedownHow = 'withdrawn' | 'removed' | 'renamed' | 'unknown';

export interface Classification {
  kinds: ChangeKind[];
  content: string[];
  takedown: { path: string; how: TakedownHow }[];
  technical: string[];
}

const ENTRY = new RegExp(`^content/(${collectionNames.join('|')})/(${locales.join('|')})/[^/]+\\.mdx$`);

/** `content/<collection>/<locale>/<slug>.mdx`: a page of the portal. */
export function isEntryPath(path: string): boolean {
  return ENTRY.test(path);
}

/** Content or technical, by path alone (`rolesPath`: the roles file, which is technical). */
export function pathKind(path: string, rolesPath: string): 'content' | 'technical' {
  if (path === rolesPath || path.startsWith('content/governance/')) return 'technical';
  if (path.startsWith('content/')) return 'content';
  if (path.startsWith('public/media/') || path.startsWith('public/files/')) return 'content';
  if (path.startsWith('docs/')) return 'content';
  if (!path.includes('/') && path.toLowerCase().endsWith('.md')) return 'content';
  return 'technical';
}

/** An entry's text split into whether it is withdrawn and everything else; undefined when missing or unreadable. */
function entryState(path: string, source: string | null | undefined): { withdrawn: boolean; rest: string } | undefined {
  if (source === undefined || source === null) return undefined;
  const parsed = parseEntryFile(path, source);
  if (!parsed.data) return undefined;
  const { withdrawn, ...others } = parsed.data;
  return { withdrawn: withdrawn !== undefined && withdrawn !== null, rest: JSON.stringify([others, parsed.body]) };
}

/** How this file change takes published content down, if it does. */
export function takedownOf(file: ChangedFile): TakedownHow | undefined {
  if (file.status === 'removed') return isEntryPath(file.filename) ? 'removed' : undefined;
  const from = file.previous_filename ?? file.filename;
  if (file.status === 'renamed' && from !== file.filename && isEntryPath(from)) return 'renamed';
  if (!isEntryPath(file.filename) || !['modified', 'changed', 'renamed'].includes(file.status)) return undefined;
  const before = entryState(from, file.base_content);
  const after = entryState(file.filename, file.head_content);
  if (!before || !after) return 'unknown';
  return !before.withdrawn && after.withdrawn ? 'withdrawn' : undefined;
}

/** Whether a withdrawal also changes anything besides adding `withdrawn` (then it is a content change too). */
function changesMoreThanWithdrawal(file: ChangedFile): boolean {
  const before = entryState(file.previous_filename ?? file.filename, file.base_content);
  const after = entryState(file.filename, file.head_content);
  return before?.rest !== after?.rest;
}

export function classifyChanges(files: readonly ChangedFile[], rolesPath: string): Classification {
  const c: Classification = { kinds: [], content: [], takedown: [], technical: [] };
  const byPath = (path: string) => (pathKind(path, rolesPath) === 'technical' ? c.technical : c.content).push(path);
  for (const f of files) {
    if (f.status === 'unchanged') continue;
    const how = takedownOf(f);
    if (how) c.takedown.push({ path: how === 'renamed' ? f.previous_filename! : f.filename, how });
    if (f.status === 'removed') {
      if (!how) byPath(f.filename);
    } else if (f.status === 'renamed' && f.previous_filename && f.previous_filename !== f.filename) {
      if (how !== 'renamed') byPath(f.previous_filename);
      byPath(f.filename);
    } else if (how === 'withdrawn') {
      if (changesMoreThanWithdrawal(f)) c.content.push(f.filename);
    } else {
      byPath(f.filename);
    }
  }
  c.kinds = changeKinds.filter((k) => c[k].length > 0);
  return c;
}

const takedownWords: Record<TakedownHow, Reason> = {
  withdrawn: { vi: 'đánh dấu rút/gỡ (withdrawn)', en: 'marked withdrawn' },
  removed: { vi: 'xoá tệp đã đăng', en: 'published file deleted' },
  renamed: { vi: 'đổi tên tệp đã đăng', en: 'published file renamed' },
  unknown: { vi: 'không đọc được nội dung tệp, coi như có thể là gỡ bỏ', en: 'file text unavailable, treated as a possible takedown' },
};

function list(paths: string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  return paths.length > 5 ? `${shown} (+${paths.length - 5})` : shown;
}

/** One line saying what the pull request changes, by kind, in both languages. */
export function describeClassification(c: Classification): Reason {
  const vi: string[] = [];
  const en: string[] = [];
  if (c.content.length > 0) {
    vi.push(`nội dung (${c.content.length} tệp: ${list(c.content)})`);
    en.push(`content (${c.content.length} file${c.content.length === 1 ? '' : 's'}: ${list(c.content)})`);
  }
  if (c.takedown.length > 0) {
    const items = (l: 'vi' | 'en') => list(c.takedown.map((t) => `${t.path} — ${takedownWords[t.how][l]}`));
    vi.push(`gỡ bỏ nội dung đã đăng (${c.takedown.length} tệp: ${items('vi')})`);
    en.push(`taking published content down (${c.takedown.length} file${c.takedown.length === 1 ? '' : 's'}: ${items('en')})`);
  }
  if (c.technical.length > 0) {
    vi.push(`kỹ thuật (${c.technical.length} tệp: ${list(c.technical)})`);
    en.push(`technical (${c.technical.length} file${c.technical.length === 1 ? '' : 's'}: ${list(c.technical)})`);
  }
  return { vi: `Pull request này thay đổi: ${vi.join('; ')}.`, en: `This pull request changes: ${en.join('; ')}.` };
}
