/**
 * A page's public history from its file's revisions: newest first, minor
 * changes left out, the first publication said as such (GOV.UK's pattern).
 * The entry's two language files are separate pages with separate histories.
 */
import type { PublicationRecord, Revision } from './revision.ts';

export interface PublicRevision {
  date: string;
  /** The change note; undefined for the first publication. */
  note: string | undefined;
  first: boolean;
  commit: string;
  pr: number | undefined;
  /** The publication record kept for it (who approved), when there is one. */
  publication: PublicationRecord | undefined;
}

export function publicHistory(revisions: readonly Revision[]): PublicRevision[] {
  const live = revisions.filter((r) => r.status !== 'removed');
  const out: PublicRevision[] = [];
  live.forEach((r, i) => {
    const first = i === 0;
    if (!first && r.minor) return;
    // A revision without a new note (e.g. a rename) is still a publication; it shows as "Updated".
    out.push({ date: r.date, note: first ? undefined : r.changeNote, first, commit: r.commit, pr: r.pr, publication: r.publication });
  });
  return out.reverse();
}
