/**
 * The published history of content/ from the output of ONE `git log` over the
 * published branch (Starlight's git.ts habit: one pass, then look pages up).
 * Pure: `historyLogArgs` says exactly what to run, `parseHistoryLog` reads
 * what it printed; src/lib/history/read-history.ts runs it.
 *
 * Each first-parent commit is one publication. A merge shows its diff against
 * the first parent (what the pull request changed on the branch); renames are
 * paired, so a file's revisions follow it to its current path. The command
 * prints no patch (read-history.ts reads change notes from the revisions'
 * frontmatter); a patch in the output, if any, is still read for the
 * frontmatter lines `change_note:` and `minor_change:`.
 */
import { parse as parseYaml } from 'yaml';
import type { ContentHistory, PublicationRecord, Revision } from './revision.ts';

/** Starts each commit's record (ASCII record separator, never in a diff line, which starts with +, - or a space). */
const RECORD = '\x1e';

/** The options of the history's `git log`, before the commit and the path (see `historyLogArgs`). */
export const HISTORY_LOG_OPTIONS: readonly string[] = [
  // Paths as they are (UTF-8), not octal-escaped; odd characters are still C-quoted (see unquotePath).
  '-c',
  'core.quotePath=false',
  'log',
  // One record per publication: the first-parent line of the published branch.
  '--first-parent',
  // A merge shows its diff against the first parent. This is what `-m` does under
  // --first-parent, said explicitly so that a `log.diffMerges` setting cannot change it.
  '--diff-merges=first-parent',
  // The first commit's files count as added, whatever `log.showRoot` says.
  '--root',
  // Status and paths of every file, renames paired. No patch: with 20,000 files the first
  // commit alone would print every line of content; change notes are read from the
  // revisions' frontmatter instead (read-history.ts, one `git cat-file --batch`).
  '--raw',
  // Full blob ids: the revisions' texts are then read by id, without walking trees.
  '--no-abbrev',
  '-M',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-show-signature',
  // The publication record written at each deploy (docs/history.md), and only that notes ref.
  '--no-notes',
  '--notes=publication',
  // sha, committer date (strict ISO 8601), subject, note, each ended by NUL.
  `--format=${RECORD}%H%x00%cI%x00%s%x00%N%x00`,
];

/** The whole `git` argument list: the history of content/ on `commit` (a sha or a ref). */
export function historyLogArgs(commit: string): string[] {
  return [...HISTORY_LOG_OPTIONS, commit, '--', 'content/'];
}

/** What one revision's patch said about the frontmatter fields we record. */
interface FrontmatterEdits {
  /** Values on added lines (`undefined` value: the key was added without a usable value). */
  added: Map<string, unknown>;
  /** Keys on removed lines. */
  removed: Set<string>;
}

interface FileChange {
  status: Revision['status'];
  path: string;
  previousPath?: string;
  /** The file's blob after the change (full object id, from `--raw --no-abbrev`). */
  blob?: string;
  edits: FrontmatterEdits;
}

interface Commit {
  sha: string;
  date: string;
  subject: string;
  note: string;
  changes: FileChange[];
}

const RECORDED_KEYS = /^(change_note|minor_change):/;

/** The pull request of a publication, from its subject: a GitHub merge or a squash title “… (#N)”. */
export function pullRequestOf(subject: string): number | undefined {
  const merge = /^Merge pull request #(\d+) from /.exec(subject);
  const squash = /\(#(\d+)\)\s*$/.exec(subject);
  const n = Number((merge ?? squash)?.[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** The publication record in a git note, or `undefined` when the note is empty or not a JSON object. */
export function publicationOf(note: string): PublicationRecord | undefined {
  const text = note.trim();
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as PublicationRecord;
  const approvals = Array.isArray(record.approvals)
    ? record.approvals.filter((a) => typeof a === 'object' && a !== null && typeof a.login === 'string')
    : [];
  return { ...record, approvals };
}

/** A path as git prints it: C-quoted (`"a\tb.mdx"`, `"\303\241.mdx"`) when it holds unusual characters. */
export function unquotePath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...encoder.encode(c));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** `:100644 100644 abc def R087\told\tnew` → the change it describes (without its patch yet). */
function rawChange(line: string): FileChange | undefined {
  const [meta = '', first, second] = line.split('\t');
  const fields = meta.split(' ');
  const letter = fields[4]?.[0];
  if (!letter || first === undefined) return undefined;
  const edits: FrontmatterEdits = { added: new Map(), removed: new Set() };
  const blob = fields[3] && !/^0+$/.test(fields[3]) ? { blob: fields[3] } : {};
  if (letter === 'R' && second !== undefined) return { status: 'renamed', path: unquotePath(second), previousPath: unquotePath(first), ...blob, edits };
  // Copies are only reported with -C, which we do not ask for: count one as a new file.
  const path = unquotePath(second ?? first);
  const status = letter === 'A' || letter === 'C' ? 'added' : letter === 'D' ? 'removed' : 'modified';
  return { status, path, ...blob, edits };
}

/**
 * Reads the recorded keys from the added lines of one hunk: a key line at the
 * start of a line (a top-level YAML key) and its indented continuation lines.
 * A hunk that starts the file starts with the frontmatter's `---`; reading
 * stops at a `---` line, the end of the frontmatter (or a break in the body).
 */
function readAddedKeys(lines: readonly string[], startsFile: boolean, into: Map<string, unknown>): void {
  for (let i = startsFile && lines[0] === '---' ? 1 : 0; i < lines.length; i++) {
    if (lines[i] === '---') return;
    if (!RECORDED_KEYS.test(lines[i]!)) continue;
    let end = i + 1;
    while (end < lines.length && /^[ \t]/.test(lines[end]!)) end++;
    const snippet = lines.slice(i, end).join('\n');
    const key = snippet.slice(0, snippet.indexOf(':'));
    try {
      into.set(key, (parseYaml(snippet) as Record<string, unknown> | null)?.[key]);
    } catch {
      // Not valid YAML (the content check would have said so): keep the text as written.
      into.set(key, lines[i]!.slice(key.length + 1).trim());
    }
    i = end - 1;
  }
}

/** The diff body of one commit: raw lines, then one patch section per raw line, in the same order. */
function parseChanges(body: string): FileChange[] {
  const changes: FileChange[] = [];
  let section = -1;
  let hunk: string[] | undefined;
  let startsFile = false;
  const flush = () => {
    const change = changes[section];
    if (hunk && change) readAddedKeys(hunk, startsFile, change.edits.added);
    hunk = undefined;
  };
  for (const line of body.split('\n')) {
    if (line.startsWith('diff --git ')) {
      flush();
      section++;
    } else if (section < 0) {
      if (line.startsWith(':')) {
        const change = rawChange(line);
        if (change) changes.push(change);
      }
    } else if (line.startsWith('@@')) {
      flush();
      hunk = [];
      startsFile = /^@@ -\d+(?:,\d+)? \+1(?:,\d+)? @@/.test(line);
    } else if (hunk) {
      if (line.startsWith('+')) hunk.push(line.slice(1));
      else if (line.startsWith('-')) {
        const key = RECORDED_KEYS.exec(line.slice(1))?.[1];
        if (key) changes[section]?.edits.removed.add(key);
      }
    }
  }
  flush();
  return changes;
}

function parseCommits(output: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of output.split(new RegExp(`(?:^|\\n)${RECORD}`))) {
    const fields: string[] = [];
    let at = 0;
    for (let k = 0; k < 4; k++) {
      const nul = record.indexOf('\0', at);
      if (nul < 0) break;
      fields.push(record.slice(at, nul));
      at = nul + 1;
    }
    if (fields.length < 4 || !/^[0-9a-f]{40,64}$/.test(fields[0]!)) continue;
    const [sha, date, subject, note] = fields as [string, string, string, string];
    commits.push({ sha, date, subject, note, changes: parseChanges(record.slice(at)) });
  }
  return commits;
}

/** A change note as recorded: a non-empty string, in Unicode NFC. */
function noteText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().normalize('NFC');
  return text || undefined;
}

/**
 * Parses the output of `git <historyLogArgs(sha)>` into each file's revisions,
 * keyed by its current path (a removed file by its last path), oldest first.
 * `minor` follows the file's `minor_change` line through its history: set by
 * an added `minor_change: true`, cleared by one set to false or removed.
 */
export function parseHistoryLog(output: string, at: { head: string; shallow: boolean }): ContentHistory {
  const newestFirst = new Map<string, { revision: Revision; edits: FrontmatterEdits }[]>();
  // Where the file at each path (as it was just after the commit being read) is kept.
  let keyOf = new Map<string, string>();
  for (const commit of parseCommits(output)) {
    const publication = publicationOf(commit.note);
    const pr = pullRequestOf(commit.subject) ?? publication?.pull_request?.number;
    const before = new Map(keyOf);
    const keyed = commit.changes.map((change) => ({ change, key: keyOf.get(change.path) ?? change.path }));
    // Before this commit, a new or renamed file was not at its new path; the others were where they are.
    for (const { change } of keyed) if (change.status === 'added' || change.status === 'renamed') before.delete(change.path);
    for (const { change, key } of keyed) {
      if (change.status !== 'added') before.set(change.previousPath ?? change.path, key);
      const revision: Revision = {
        commit: commit.sha,
        date: commit.date,
        ...(pr !== undefined ? { pr } : {}),
        path: change.path,
        status: change.status,
        ...(change.previousPath !== undefined ? { previousPath: change.previousPath } : {}),
        ...(change.blob !== undefined ? { blob: change.blob } : {}),
        minor: false,
        ...(publication ? { publication } : {}),
      };
      const list = newestFirst.get(key) ?? [];
      list.push({ revision, edits: change.edits });
      newestFirst.set(key, list);
    }
    keyOf = before;
  }

  const files = new Map<string, Revision[]>();
  for (const [key, list] of newestFirst) {
    let minor = false;
    const revisions: Revision[] = [];
    for (const { revision, edits } of list.reverse()) {
      if (revision.status === 'added') minor = false;
      if (edits.added.has('minor_change')) minor = edits.added.get('minor_change') === true;
      else if (edits.removed.has('minor_change')) minor = false;
      const changeNote = revision.status === 'removed' ? undefined : noteText(edits.added.get('change_note'));
      revisions.push({ ...revision, ...(changeNote ? { changeNote } : {}), minor: revision.status !== 'removed' && minor });
      if (revision.status === 'removed') minor = false;
    }
    files.set(key, revisions);
  }
  return { files, shallow: at.shallow, head: at.head };
}
