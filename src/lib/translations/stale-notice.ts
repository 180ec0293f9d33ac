/**
 * The words of the notice on a stale English page — on the site
 * (src/components/StaleTranslationNotice.astro) and in the CMS preview
 * (src/admin/stale-translation-preview.ts), from the UI strings. Pure.
 */
import { format, ui } from '../../i18n/index.ts';
import { formatDate, vietnamDate } from '../dates.ts';

export interface StaleNoticeWords {
  title: string;
  /** Says when the original was revised (its date in Vietnam), and that it governs. */
  body: string;
  /** The link to the original. */
  link: string;
}

/** The notice for an original last revised (not a minor change) at `originalRevisedAt` (ISO 8601). */
export function staleNoticeWords(originalRevisedAt: string): StaleNoticeWords {
  const t = ui('en');
  return {
    title: t.staleTranslationTitle,
    body: format(t.staleTranslationBody, { date: formatDate(vietnamDate(new Date(originalRevisedAt)), 'en') }),
    link: t.staleTranslationLink,
  };
}
