/**
 * When each Q&A entry first went live, from the publication history: an
 * entry is public once it has an answer (content/qa: an entry without
 * `answered` stays in the register only), so it went live with the first
 * publication (first-parent commit of the published branch) that added its
 * `answered` line. The git shell (scripts/lib/qa-publications.ts) runs
 * `git log --first-parent --reverse -G^answered: --name-only` once for the
 * whole folder; this reads its output.
 */
import { vietnamDateTime, type VietnamDateTime } from '../dates.ts';

/** The `--format` the log is read with: a marker line with the committer date. */
export const PUBLICATION_LOG_FORMAT = '%x01%cI';

/**
 * The first publication of each file in the log (oldest commit first, as
 * `--reverse` gives it), Vietnam time, by the path git prints.
 */
export function firstPublicationsFromLog(output: string): Map<string, VietnamDateTime> {
  const first = new Map<string, VietnamDateTime>();
  let when: VietnamDateTime | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith('\x01')) {
      const date = new Date(line.slice(1));
      when = Number.isNaN(date.getTime()) ? undefined : vietnamDateTime(date);
    } else if (line !== '' && when !== undefined && !first.has(line)) {
      first.set(line, when);
    }
  }
  return first;
}
