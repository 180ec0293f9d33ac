/**
 * Looking pages up in a ContentHistory: the revisions of a file, and what
 * stood at a path at some point of the published history. Pure.
 */
import type { ContentHistory, Revision } from './revision.ts';

/** The revisions of the file now at `path` (or last there, if removed), oldest first. */
export function revisionsOf(history: ContentHistory, path: string): Revision[] {
  return history.files.get(path) ?? [];
}

/**
 * Every revision of every file that was ever at one of `paths` (under its
 * current name or an earlier one), oldest first: the whole life of what an
 * address showed, including what happened to its file after a rename.
 */
export function revisionsTouching(history: ContentHistory, paths: readonly string[]): Revision[] {
  const lists: Revision[][] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    for (const [key, revisions] of history.files) {
      if (seen.has(key) || !revisions.some((r) => r.path === path || r.previousPath === path)) continue;
      seen.add(key);
      lists.push(revisions);
    }
  }
  if (lists.length === 1) return lists[0]!;
  // Several files: by date, stable (ties keep the order of `paths`).
  return lists.flat().sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
}

/** How many of `items` (oldest first) were published at or before `instant`: up to the last one dated at or before it. */
export function countAtOrBefore(items: readonly { date: string }[], instant: number): number {
  for (let i = items.length - 1; i >= 0; i--) if (Date.parse(items[i]!.date) <= instant) return i + 1;
  return 0;
}

/** How many of `revisions` lead up to and include the last one of commit `sha` (a prefix of at least 4 characters). */
export function countThroughCommit(revisions: readonly Revision[], sha: string): number | undefined {
  const prefix = sha.toLowerCase();
  if (!/^[0-9a-f]{4,64}$/.test(prefix)) return undefined;
  for (let i = revisions.length - 1; i >= 0; i--) if (revisions[i]!.commit.startsWith(prefix)) return i + 1;
  return undefined;
}

export type PathState =
  /** A file stood at the path: as `revision` left it. */
  | { kind: 'present'; revision: Revision }
  /** Nothing yet; `first` is when something first stood there (if ever). */
  | { kind: 'not-yet'; first: Revision | undefined }
  /** The file was deleted by `revision`. */
  | { kind: 'removed'; revision: Revision }
  /** The file had moved away by `revision` (renamed to `revision.path`). */
  | { kind: 'moved'; revision: Revision };

/** What stood at `path` after the first `count` of `revisions` (as returned by `revisionsTouching`). */
export function stateAt(revisions: readonly Revision[], path: string, count: number): PathState {
  let state: PathState | undefined;
  for (const revision of revisions.slice(0, count)) {
    if (revision.path === path) state = revision.status === 'removed' ? { kind: 'removed', revision } : { kind: 'present', revision };
    else if (revision.previousPath === path) state = { kind: 'moved', revision };
  }
  return state ?? { kind: 'not-yet', first: revisions.find((r) => r.path === path && r.status !== 'removed') };
}
