/**
 * Which pages search engines are asked to index: the one answer for the
 * page's `<meta name="robots">` (the views) and the sitemap
 * (src/pages/sitemap.xml.ts), so that every indexable page is in the sitemap
 * and no page in it says noindex.
 *
 * - Listed and self-canonical: the home pages, every entry, every page of the
 *   news and Q&A listings and of the Q&A topics (later pages are how a crawler,
 *   like a reader, reaches older entries), every page of the unfiltered library.
 * - `noindex, follow`: the library's filter combinations (issuer × year × kind ×
 *   status multiply into many views of documents each listed on its own; their
 *   links are still followed), the search pages (a form; results are made in the
 *   reader's browser), and the notices of missing translations and removed entries.
 * - `noindex`: an entry's former address (it sends the reader on at once).
 */
import type { View } from './route-table.ts';

export function indexable(view: View): boolean {
  switch (view.kind) {
    case 'search':
    case 'untranslated':
    case 'removed':
    case 'moved':
      return false;
    case 'library':
      return !Object.values(view.filter).some(Boolean);
    default:
      return true;
  }
}
