/**
 * STAND-IN — to be replaced by `translationGaps(history, at)` of
 * src/lib/translations/translation-gaps.ts (written separately; not on main
 * when the report's CLI was written). The CLI passes this function to
 * makeReport(); swap the import in scripts/report.ts and delete this file.
 *
 * At instant `at`: an original (content/<news|documents|pages|qa>/vi/…) that
 * is published has no English file (`missing`), or its English file's last
 * revision is older than the original's last revision not marked minor
 * (`stale`).
 */
import { lifecycleOf, stateOf } from '../../../src/lib/lifecycle/states.ts';
import { addressOfSource, ENTRY_COLLECTIONS } from '../../../src/lib/history/page-sources.ts';
import { liveMoment, entryOfPath, type EntryRevisions } from '../../../src/lib/report/publication-events.ts';
import type { TranslationFigures, TranslationGap } from '../../../src/lib/report/report.ts';
import type { TranslationGapsOf } from './make-report.ts';

export function translationGapsStandIn(revisions: EntryRevisions): TranslationGapsOf {
  return (_history, at) => {
    const missing: TranslationGap[] = [];
    const stale: TranslationGap[] = [];
    const until = (path: string) => (revisions.get(path) ?? []).filter((r) => Date.parse(r.date) <= at.getTime());
    for (const path of [...revisions.keys()].sort()) {
      const entry = entryOfPath(path);
      if (!entry || entry.locale !== 'vi' || !(ENTRY_COLLECTIONS as readonly string[]).includes(entry.collection)) continue;
      const original = until(path);
      const last = original.at(-1);
      if (!last || last.removed || !last.data) continue;
      // Published now: the latest revision that went live by `at` is in the published state.
      const lives = original.filter((r, i) => !r.removed && r.data && liveMoment(r, original[i + 1], at) !== undefined);
      const live = lives.at(-1);
      if (!live || live !== last || stateOf(lifecycleOf(entry.collection, live.data!), at) !== 'published') continue;
      const english = `content/${entry.collection}/en/${entry.slug}.mdx`;
      const translation = until(english);
      const address = addressOfSource(path) ?? path;
      const lastEnglish = translation.at(-1);
      if (!lastEnglish || lastEnglish.removed) {
        missing.push({ address, original: path });
        continue;
      }
      const revised = original.filter((r) => r.data && r.data.minor_change !== true).at(-1);
      if (revised && Date.parse(revised.date) > Date.parse(lastEnglish.date)) {
        stale.push({ address, original: path, english, originalRevisedAt: revised.date, englishRevisedAt: lastEnglish.date });
      }
    }
    return { missing, stale } satisfies TranslationFigures;
  };
}
