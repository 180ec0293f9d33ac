/**
 * When the portal's publication history begins, collection by collection, and
 * what that means for a duty due before it (docs/duties.md, “What the history
 * cannot know”).
 *
 * The history is Git: a moment an entry went live is read from the commits of
 * the published branch. But the content was imported into Git in bulk (the
 * import of 22/11/2026 brought every answer already on the old portal), so
 * for anything that fell due before a collection's folder came into Git, the
 * first commit carrying it is the import, not the publication. The history
 * only knows what happened after it began: a step due before then is
 * `unrecorded`, never `late` or `on-time`.
 *
 * A collection's history begins with the first commit (first parent of the
 * published branch) that added a file to its folder, `content/<collection>/`:
 * read from data, per collection, so a collection added to the portal later
 * begins later. The git shell (scripts/lib/history-begins.ts) runs
 * `git log --first-parent --reverse --diff-filter=A --name-only` once; this
 * reads its output.
 */
import { formatDate, type VietnamDateTime } from '../dates.ts';
import type { Locale } from '../locales.ts';
import { firstPublicationsFromLog } from './first-publications.ts';

/**
 * The moment each collection's history begins, by collection name, from the
 * log of the commits that added files (oldest first), whose paths start with
 * `contentPrefix` (the content folder's path in the repository, e.g. `content`).
 */
export function historyBeginningsFromLog(output: string, contentPrefix: string): Map<string, VietnamDateTime> {
  const prefix = contentPrefix === '' ? '' : `${contentPrefix.replace(/\/+$/, '')}/`;
  const begins = new Map<string, VietnamDateTime>();
  for (const [file, when] of firstPublicationsFromLog(output)) {
    if (!file.startsWith(prefix)) continue;
    const parts = file.slice(prefix.length).split('/');
    // An entry's file: <collection>/<locale>/<slug>.mdx; settings files at the top level are no collection.
    if (parts.length < 3) continue;
    const collection = parts[0]!;
    const earlier = begins.get(collection);
    if (earlier === undefined || when < earlier) begins.set(collection, when);
  }
  return begins;
}

/** Whether a step due at `due` fell due before the history began, so its publication moment is not recorded. */
export function isUnrecorded(due: VietnamDateTime, historyBegins: VietnamDateTime | undefined): boolean {
  return historyBegins !== undefined && due < historyBegins;
}

/** “published before the portal's history begins (22/11/2026); the time is not recorded”, in `locale`. */
export function unrecordedNote(historyBegins: VietnamDateTime, locale: Locale): string {
  const day = formatDate(historyBegins.slice(0, 10), locale);
  return locale === 'vi'
    ? `đăng trước khi lịch sử của Cổng bắt đầu (${day}); thời điểm đăng không được ghi lại`
    : `published before the portal’s history begins (${day}); the time is not recorded`;
}
