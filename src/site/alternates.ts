/**
 * Language alternates of every page, and where the language switcher goes:
 * the one source for the page's `<link rel="alternate" hreflang>` tags
 * (src/layouts/BaseLayout.astro) and the sitemap's (src/pages/sitemap.xml.ts).
 * A page has an alternate in the other language only where that language has
 * the same page; the switcher always goes somewhere that exists.
 */
import { filterPath } from '../lib/documents/library.ts';
import { otherLocale, type Locale } from '../lib/locales.ts';
import { collectionPath, entryPath, homePath, paginatedPath, qaTopicPath, searchPath } from '../lib/routes.ts';
import type { CollectionName } from '../lib/schema/collections.ts';
import { PAGE_SIZE } from '../lib/pagination.ts';
import { entryMap, listedIn } from './entries.ts';
import { issuerSlugsOf, libraryOf, qaListingOf, qaTopicOf, VIEW_COLLECTION, type View } from './route-table.ts';

export interface Alternates {
  /** The page in each language that has it (this page's own language included). */
  alternates: Partial<Record<Locale, string>>;
  /** Where the language switcher goes. */
  switchTo: string;
}

export async function entryAlternates(collection: Extract<CollectionName, 'pages' | 'news' | 'documents' | 'qa'>, locale: Locale, slug: string): Promise<Alternates> {
  const alternates: Partial<Record<Locale, string>> = {};
  // The English address is the original's (copied into the translation).
  const englishAddress = (await entryMap(collection, 'vi')).get(slug)?.data.english_address;
  for (const l of ['vi', 'en'] as const) {
    if ((await entryMap(collection, l)).has(slug)) alternates[l] = entryPath(l, collection, slug, englishAddress);
  }
  // The other language's address always exists: the translation, or the "not translated" notice.
  return { alternates, switchTo: entryPath(otherLocale(locale), collection, slug, englishAddress) };
}

/** The alternates of a page of the route table; undefined for pages without any (notices). */
export async function viewAlternates(view: View): Promise<Alternates | undefined> {
  const { locale } = view;
  const other = otherLocale(locale);
  switch (view.kind) {
    case 'home':
      return { alternates: { vi: homePath('vi'), en: homePath('en') }, switchTo: homePath(other) };
    case 'search':
      return { alternates: { vi: searchPath('vi'), en: searchPath('en') }, switchTo: searchPath(other) };
    case 'page':
    case 'news':
    case 'document':
    case 'qa':
      return entryAlternates(VIEW_COLLECTION[view.kind], locale, view.slug);
    case 'news-list': {
      // The same page of the other language's news when it has that many; else its first page.
      const otherPages = Math.max(1, Math.ceil((await listedIn('news', other)).length / PAGE_SIZE));
      const has = view.page <= otherPages;
      const counterpart = paginatedPath(other, collectionPath(other, 'news'), has ? view.page : 1);
      return { alternates: { [locale]: paginatedPath(locale, collectionPath(locale, 'news'), view.page), ...(has ? { [other]: counterpart } : {}) }, switchTo: counterpart };
    }
    case 'qa-list': {
      // The same listing in the other language when it has that page; else its first page of every question.
      const has = (await qaListingOf(other)).some((p) => p.topic === view.topic && p.page === view.page);
      const topic = await qaTopicOf(view.topic);
      const counterpart = has ? qaTopicPath(other, topic, view.page) : qaTopicPath(other, undefined);
      return { alternates: { [locale]: qaTopicPath(locale, topic, view.page), ...(has ? { [other]: counterpart } : {}) }, switchTo: counterpart };
    }
    case 'library': {
      // The same filter in the other language, if it has documents there; else that library's first page.
      const has = (await libraryOf(other)).count(view.filter) > 0;
      const counterpart = filterPath(other, has ? view.filter : {}, 1, await issuerSlugsOf(other));
      return { alternates: { [locale]: filterPath(locale, view.filter, view.page, await issuerSlugsOf(locale)), ...(has && view.page === 1 ? { [other]: counterpart } : {}) }, switchTo: counterpart };
    }
    case 'untranslated':
    case 'removed':
    case 'moved':
      return undefined;
  }
}
