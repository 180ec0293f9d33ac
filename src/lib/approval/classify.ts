/**
 * What kind of change a pull request makes, which decides whose approval it
 * needs (docs/approval.md):
 * - takedown: readers lose something they could reach — an entry or a file the
 *   site serves goes from one state to another that shows less
 *   (src/lib/lifecycle/transitions.ts) — Decision 1624 Art. 11.1 e;
 * - technical: the roles file, the site settings (content/site.yml: the site's
 *   address, the CMS repository and login server; a takedown too when they stop
 *   serving the archived versions of pages taken down) and everything outside
 *   content/ that runs or builds the portal (code, workflows, dependencies,
 *   configuration);
 * - content: every other change under content/ — the holiday calendar's year
 *   files (content/calendar/<year>.yml) too: they transcribe a published
 *   government notice, which the secretary checks against the notice it cites
 *   (docs/working-days.md) —, the media and files the portal serves
 *   (public/media, public/files), and the prose documentation (docs/,
 *   top-level *.md) — Art. 11.1 a–d.
 * A pull request can be several kinds at once. Each entry is compared as it is
 * on the base branch and at the head commit, both read as states at the
 * decision's moment, exactly as the site would build them.
 */
import { parseYamlWithPositions } from '../content/frontmatter.ts';
import { SITE_FILE } from '../content/site-file.ts';
import { locales } from '../locales.ts';
import type { TakenDownVersions } from '../schema/settings.ts';
import { readEntryFile, type EntryFileReading } from '../lifecycle/entry-file.ts';
import { reachOf, servedFileState, stateOf, type EntryState } from '../lifecycle/states.ts';
import { transitionOf, type TransitionName } from '../lifecycle/transitions.ts';
import { collectionNames } from '../schema/collections.ts';
import type { ChangedFile, Reason } from './input.ts';

export const changeKinds = ['content', 'takedown', 'technical'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/**
 * One address taken down: by which transition, `archive-withheld` (the site settings stop serving the archived
 * versions of pages taken down), or `unreadable` (a file whose text could not be read, treated as a possible takedown).
 */
export interface Takedown {
  path: string;
  transition: TransitionName | 'archive-withheld' | 'unreadable';
  words: Reason;
}

export interface Classification {
  kinds: ChangeKind[];
  content: string[];
  takedown: Takedown[];
  technical: string[];
}

const ENTRY = new RegExp(`^content/(${collectionNames.join('|')})/(${locales.join('|')})/([^/]+)\\.mdx$`);

/** `content/<collection>/<locale>/<slug>.mdx`: a page of the portal. */
export function isEntryPath(path: string): boolean {
  return ENTRY.test(path);
}

/** A file the site serves as it is, which editors upload: `public/media/…`, `public/files/…`. */
export function isServedFilePath(path: string): boolean {
  return path.startsWith('public/media/') || path.startsWith('public/files/');
}

/** Content or technical, by path alone (`rolesPath`: the roles file, which is technical). */
export function pathKind(path: string, rolesPath: string): 'content' | 'technical' {
  if (path === rolesPath || path.startsWith('content/governance/') || path === SITE_FILE) return 'technical';
  if (path.startsWith('content/')) return 'content';
  if (isServedFilePath(path)) return 'content';
  if (path.startsWith('docs/')) return 'content';
  if (!path.includes('/') && path.toLowerCase().endsWith('.md')) return 'content';
  return 'technical';
}

/** The Vietnamese original of a translation's path; undefined for an original. */
function originalPath(path: string): string | undefined {
  const m = ENTRY.exec(path);
  return m && m[2] !== 'vi' ? `content/${m[1]}/vi/${m[3]}.mdx` : undefined;
}

type Side = 'base' | 'head';
type Seen = { state: EntryState; reading?: EntryFileReading } | 'unreadable';

/** The texts of the pull request's files on either side, by path (undefined: not sent, null: no file). */
class Sides {
  private readonly texts = { base: new Map<string, string | null | undefined>(), head: new Map<string, string | null | undefined>() };
  constructor(files: readonly ChangedFile[]) {
    for (const f of files) {
      if (f.status === 'unchanged') continue;
      const before = f.status === 'renamed' ? (f.previous_filename ?? f.filename) : f.filename;
      if (f.status !== 'added' && f.status !== 'copied') this.texts.base.set(before, f.base_content);
      if (f.status !== 'removed') this.texts.head.set(f.filename, f.head_content);
    }
  }
  /** Whether the pull request changes `path` on that side (its text may still be missing). */
  has(side: Side, path: string): boolean {
    return this.texts[side].has(path);
  }
  text(side: Side, path: string): string | null | undefined {
    return this.texts[side].get(path);
  }
}

/**
 * The state of entry `path` on one side (`exists`: whether its file is there).
 * A translation takes its original's state (src/lib/lifecycle/states.ts). When
 * the pull request does not touch the original, its state is the same on both
 * sides but not known here: `published` is assumed, the side with the most to
 * lose.
 */
function entryState(sides: Sides, side: Side, path: string, exists: boolean, moment: Date): Seen {
  if (!exists) return { state: 'absent' };
  const text = sides.text(side, path);
  const reading = text === undefined || text === null ? undefined : readEntryFile(path, text);
  if (!reading) return 'unreadable';
  const origin = originalPath(path);
  if (!origin) return { state: stateOf(reading.lifecycle, moment), reading };
  if (!sides.has(side, origin)) return { state: 'published', reading };
  const originalText = sides.text(side, origin);
  // No original on this side: the translation stands alone (the content check refuses that).
  if (originalText === null) return { state: stateOf(reading.lifecycle, moment), reading };
  const original = originalText === undefined ? undefined : readEntryFile(origin, originalText);
  if (!original) return 'unreadable';
  return { state: stateOf(reading.lifecycle, moment, original.lifecycle), reading };
}

const unreadableWords: Reason = { vi: 'không đọc được nội dung tệp, coi như có thể là gỡ bỏ', en: 'file text unavailable, treated as a possible takedown' };

/**
 * What a text of the site settings says of the archived versions of pages taken down (`taken_down_versions`,
 * src/lib/schema/settings.ts): `hidden` when unset (the default); undefined when the text is missing or
 * cannot be read, or the value is neither (the content check refuses it).
 */
function takenDownVersionsIn(text: string | null | undefined): TakenDownVersions | undefined {
  if (text === undefined || text === null) return undefined;
  const parsed = parseYamlWithPositions(SITE_FILE, text);
  if (!parsed.data || parsed.issues.length > 0) return undefined;
  const value = Object.hasOwn(parsed.data, 'taken_down_versions') ? parsed.data.taken_down_versions : 'hidden';
  return value === 'hidden' || value === 'public' ? value : undefined;
}

const archiveWithheldWords: Reason = {
  vi: 'thôi phục vụ trên cổng các bản lưu của trang đã gỡ (taken_down_versions: public → hidden)',
  en: 'archived versions of pages taken down no longer served on the portal (taken_down_versions: public → hidden)',
};

/**
 * The site settings as a possible takedown: readers lose the archived versions of the pages taken down when they
 * were served (`public`) and no longer are — or when either side cannot be read and they may have been.
 */
function settingsTakedown(sides: Sides): Takedown | undefined {
  if (!sides.has('base', SITE_FILE) || !sides.has('head', SITE_FILE)) return undefined;
  const before = takenDownVersionsIn(sides.text('base', SITE_FILE));
  const after = takenDownVersionsIn(sides.text('head', SITE_FILE));
  if (before === 'hidden' || after === 'public') return undefined;
  if (before === undefined || after === undefined) return { path: SITE_FILE, transition: 'unreadable', words: unreadableWords };
  return { path: SITE_FILE, transition: 'archive-withheld', words: archiveWithheldWords };
}

/**
 * Classifies every file of a pull request. `now`: the decision's moment, at
 * which both versions of each entry are read as states.
 */
export function classifyChanges(files: readonly ChangedFile[], rolesPath: string, now: string): Classification {
  const c: Classification = { kinds: [], content: [], takedown: [], technical: [] };
  const moment = new Date(now);
  const sides = new Sides(files);
  const byPath = (path: string) => {
    (pathKind(path, rolesPath) === 'technical' ? c.technical : c.content).push(path);
  };

  /** One address. `exists.base`/`exists.head`: its file is there before/after; `renamed`: its file was moved away. */
  const address = (path: string, exists: { base: boolean; head: boolean }, renamed: boolean) => {
    const entry = isEntryPath(path);
    if (!entry && !isServedFilePath(path)) return byPath(path);
    // A translation edited while its original is untouched keeps its original's state: an edit.
    const origin = originalPath(path);
    if (origin && exists.base && exists.head && !sides.has('base', origin) && !sides.has('head', origin)) return byPath(path);
    const before: Seen = entry ? entryState(sides, 'base', path, exists.base, moment) : { state: servedFileState(exists.base) };
    const after: Seen = entry ? entryState(sides, 'head', path, exists.head, moment) : { state: servedFileState(exists.head) };
    if (before === 'unreadable' || after === 'unreadable') {
      // Nothing readers could reach before (no file, scheduled, a question not yet answered): nothing to take down.
      const nothingToLose = before !== 'unreadable' && reachOf(before.state).length === 0;
      if (!nothingToLose) c.takedown.push({ path, transition: 'unreadable', words: unreadableWords });
      if (exists.head) byPath(path);
      return;
    }
    const t = transitionOf(before.state, after.state);
    if (!t.takesDown) return byPath(path);
    c.takedown.push({ path, transition: t.name, words: renamed && t.renamed ? t.renamed : t.words });
    // Anything else changed alongside the takedown is a content change too.
    if (exists.head && before.reading?.substance !== after.reading?.substance) byPath(path);
  };

  for (const f of files) {
    if (f.status === 'unchanged') continue;
    const from = f.previous_filename ?? f.filename;
    if (f.status === 'renamed' && from !== f.filename) {
      address(from, { base: true, head: false }, true);
      address(f.filename, { base: false, head: true }, false);
    } else {
      address(f.filename, { base: f.status !== 'added' && f.status !== 'copied', head: f.status !== 'removed' }, false);
    }
  }
  const settings = settingsTakedown(sides);
  if (settings) c.takedown.push(settings);
  c.kinds = changeKinds.filter((k) => c[k].length > 0);
  return c;
}

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
    const items = (l: 'vi' | 'en') => list(c.takedown.map((t) => `${t.path} — ${t.words[l]}`));
    vi.push(`gỡ bỏ nội dung đã đăng (${c.takedown.length} tệp: ${items('vi')})`);
    en.push(`taking published content down (${c.takedown.length} file${c.takedown.length === 1 ? '' : 's'}: ${items('en')})`);
  }
  if (c.technical.length > 0) {
    vi.push(`kỹ thuật (${c.technical.length} tệp: ${list(c.technical)})`);
    en.push(`technical (${c.technical.length} file${c.technical.length === 1 ? '' : 's'}: ${list(c.technical)})`);
  }
  return { vi: `Pull request này thay đổi: ${vi.join('; ')}.`, en: `This pull request changes: ${en.join('; ')}.` };
}
