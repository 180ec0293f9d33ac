/** Language alternates of an entry page: real translations only, plus where the switcher goes. */
import { otherLocale, type Locale } from '../lib/locales.ts';
import { entryPath } from '../lib/routes.ts';
import type { CollectionName } from '../lib/schema/collections.ts';
import { entryMap } from './entries.ts';

export async function entryAlternates(collection: Extract<CollectionName, 'pages' | 'news' | 'documents' | 'qa'>, locale: Locale, slug: string) {
  const alternates: Partial<Record<Locale, string>> = {};
  for (const l of ['vi', 'en'] as const) {
    if ((await entryMap(collection, l)).has(slug)) alternates[l] = entryPath(l, collection, slug);
  }
  // The other language's address always exists: the translation, or the "not translated" notice.
  return { alternates, switchTo: entryPath(otherLocale(locale), collection, slug) };
}
