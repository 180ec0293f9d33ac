/**
 * /admin/stale-translations.json: which English entries are older than a
 * non-minor revision of their Vietnamese original (src/lib/translations/
 * translation-gaps.ts), from the publication history the build reads, so the
 * CMS preview of the English version shows the notice the English page shows
 * (src/admin/stale-translation-preview.ts). Written at every build by
 * src/pages/admin/stale-translations.json.ts.
 */
import type { TranslationGap } from '../report/report.ts';
import { entryFileOf } from '../translations/translation-gaps.ts';

export const STALE_TRANSLATIONS_PATH = '/admin/stale-translations.json';

export interface StaleEntry {
  /** When the original was last revised (not a minor change), ISO 8601. */
  originalRevisedAt: string;
  /** The Vietnamese original's address on the site. */
  originalAddress: string;
}

export interface StaleTranslations {
  /** False when the site was built without a (whole) Git history: nothing is known to be stale. */
  historyKnown: boolean;
  /** By `<collection>/<slug>`. */
  entries: Record<string, StaleEntry>;
}

/** The JSON's body for the stale gaps of the history, or `undefined` when the history is unknown. */
export function staleTranslationsOf(stale: readonly TranslationGap[] | undefined): StaleTranslations {
  const entries: Record<string, StaleEntry> = {};
  for (const gap of stale ?? []) {
    const file = entryFileOf(gap.original);
    if (file && gap.originalRevisedAt) entries[`${file.collection}/${file.slug}`] = { originalRevisedAt: gap.originalRevisedAt, originalAddress: gap.address };
  }
  return { historyKnown: stale !== undefined, entries };
}
