/**
 * The published history of content files, as read from Git by one `git log`
 * pass over content/ on the published branch (first-parent: each commit there
 * is one publication, usually the merge of a reviewed pull request).
 */

export interface Revision {
  /** Full sha of the commit on the published branch. */
  commit: string;
  /** When it was published: the commit's committer time, ISO 8601 with offset. */
  date: string;
  /** The pull request it merged, from "Merge pull request #N …" or a squash title "… (#N)". */
  pr?: number;
  /** The file's path in this revision. */
  path: string;
  status: 'added' | 'modified' | 'renamed' | 'removed';
  /** For renames: the path before. */
  previousPath?: string;
  /** The file's Git blob id in this revision (absent for a removal). */
  blob?: string;
  /** The entry's `change_note` when this revision set or changed it. */
  changeNote?: string;
  /** The entry had `minor_change: true` in this revision (not shown in the public history). */
  minor: boolean;
  /**
   * The entry's `english_address` in this revision, as written (untrusted: check it before it names a
   * page). Read, like `changeNote`, only for files published more than once: a file published once is
   * as it is now.
   */
  englishAddress?: string;
  /** The publication record kept as a git note (refs/notes/publication) on this commit, when there is one. */
  publication?: PublicationRecord;
}

/** Who published a revision and on whose approval (written by the archive step, docs/archive.md). */
export interface PublicationRecord {
  commit: string;
  repository: string;
  pull_request?: { number: number; title: string; author: string; url: string };
  approvals: { login: string; role: string; state: string; submitted_at: string; commit_id: string }[];
  decision?: { decision: 'pass' | 'fail' | 'pending'; reasons: { vi: string; en: string }[]; check_run_url?: string };
  merged_by?: string;
  merged_at?: string;
  archived_at: string;
  /** The archive made with the record: its Release tag and files (tarball, WARC, manifest) with their SHA-256. */
  archive?: { tag: string; files: { name: string; size: number; sha256: string }[] };
  /** Why facts are absent (e.g. archived without GitHub access, or no pull request merged the commit), in both languages. */
  note?: { vi: string; en: string };
  /** Closed pull requests whose heads this archive run kept as tags refs/tags/drafts/pr-<N> (docs/archive.md, “Drafts”). */
  drafts?: KeptDraftRecord[];
}

/** One draft kept by the archive step: its tag, the tag object and the commit it keeps, and the pull request's facts. */
export interface KeptDraftRecord {
  tag: string;
  tag_object: string;
  head: string;
  base?: string;
  fate: 'published' | 'rejected' | 'discarded';
  pull_request: number;
  title: string;
  author: string;
  closed_at?: string;
}

export interface ContentHistory {
  /** Revisions of each file, by its current path (or last path, for removed files), oldest first. */
  files: Map<string, Revision[]>;
  /** The repository is a shallow clone: history is incomplete and must not be shown as if it were whole. */
  shallow: boolean;
  /** The commit the history was read at. */
  head: string;
}
