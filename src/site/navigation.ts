/** Links that depend on content: the first page of a section (About, Contact) in a language. */
import type { Locale } from '../lib/locales.ts';
import { entryPath } from '../lib/routes.ts';
import { listedIn } from './entries.ts';

/** Path of the lowest-ordered page of `section` (its translation, else the Vietnamese page's English address). */
export async function sectionPage(locale: Locale, section: string): Promise<string | undefined> {
  const pages = (await listedIn('pages', 'vi')).filter((p) => p.data.section === section).sort((a, b) => a.data.order - b.data.order);
  const first = pages[0];
  return first ? entryPath(locale, 'pages', first.slug, first.data.english_address) : undefined;
}
