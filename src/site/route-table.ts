/**
 * Every generated page of the portal, as (path, view) pairs. Pages in
 * src/pages only turn this table into routes; views look entries up by slug.
 */
import { documentKinds, documentStatuses } from '../lib/schema/collections.ts';
import { documentFacets, filterPath, issuerNames, issuerSlugs, Library, type Filter, type LibraryDocument } from '../lib/documents/library.ts';
import { locales, type Locale } from '../lib/locales.ts';
import { LIBRARY_PAGE_SIZE, PAGE_SIZE, paginate } from '../lib/pagination.ts';
import { qaListingPages } from '../lib/qa/listing.ts';
import { collectionPath, entryPath, homePath, paginatedPath, qaTopicPath, searchPath, type ListedCollection, type QaTopic } from '../lib/routes.ts';
import { toSlug } from '../lib/vietnamese/text.ts';
import { entries, entryMap, listedIn, newest, once, type Entry } from './entries.ts';
import { siteFormerAddresses } from './history.ts';
import { getSettings } from './settings.ts';

export { LIBRARY_PAGE_SIZE, PAGE_SIZE };

export type View =
  | { kind: 'home'; locale: Locale }
  | { kind: 'page'; locale: Locale; slug: string }
  | { kind: 'news-list'; locale: Locale; page: number; totalPages: number }
  | { kind: 'news'; locale: Locale; slug: string }
  | { kind: 'library'; locale: Locale; filter: Filter; page: number; totalPages: number; total: number; slugs: string[] }
  | { kind: 'document'; locale: Locale; slug: string }
  | { kind: 'qa-list'; locale: Locale; topic: string | undefined; page: number; totalPages: number; total: number; slugs: string[] }
  | { kind: 'qa'; locale: Locale; slug: string }
  | { kind: 'search'; locale: Locale }
  | { kind: 'untranslated'; locale: Locale; collection: ListedCollection | 'pages'; slug: string }
  | { kind: 'removed'; locale: Locale; collection: ListedCollection | 'pages'; slug: string }
  /** An address the entry's page had in a published revision (renamed, or its English address changed). */
  | { kind: 'moved'; locale: Locale; collection: ListedCollection | 'pages'; slug: string };

/** The collection an entry page's view shows. */
export const VIEW_COLLECTION = { page: 'pages', news: 'news', document: 'documents', qa: 'qa' } as const;

export interface Route {
  path: string;
  view: View;
}

/** Library facet values of a document (issuer keyed by the Vietnamese original's issuer). */
function libraryDocument(doc: Entry<'documents'>, original: Entry<'documents'>): LibraryEntry {
  return {
    slug: doc.slug,
    issued: doc.data.issued ?? '',
    facets: documentFacets(doc.data, original.data.issuer),
    entry: doc,
  };
}

export type LibraryEntry = LibraryDocument & { entry: Entry<'documents'> };

/** The document library of one language: its documents, filter combinations and counts. */
export function libraryOf(locale: Locale): Promise<Library<LibraryEntry>> {
  return once(`library/${locale}`, async () => {
    const originals = await entryMap('documents', 'vi');
    return new Library((await listedIn('documents', locale)).map((d) => libraryDocument(d, originals.get(d.slug)!)));
  });
}

/** Issuer key → the issuer's name in `locale`, for the library's filter. */
export function issuerNamesOf(locale: Locale): Promise<Map<string, string>> {
  return once(`library/${locale}/issuers`, async () => {
    const originals = await entryMap('documents', 'vi');
    return issuerNames((await listedIn('documents', locale)).map((d) => ({ slug: d.slug, issuerKey: toSlug(originals.get(d.slug)!.data.issuer), issuer: d.data.issuer })));
  });
}

/** Issuer key → the issuer's slug in `locale`'s library addresses. */
export function issuerSlugsOf(locale: Locale): Promise<Map<string, string>> {
  return once(`library/${locale}/issuer-slugs`, async () => issuerSlugs(await issuerNamesOf(locale)));
}

/** Every page of the Q&A listing of one language: all questions, then each topic with questions (src/lib/qa/listing.ts). */
export function qaListingOf(locale: Locale) {
  return once(`qa-listing/${locale}`, async () => {
    const { taxonomy } = await getSettings();
    const questions = (await newest('qa', locale)).map((q) => ({ slug: q.slug, topic: q.data.topic }));
    return qaListingPages(questions, taxonomy.qa_topics.map((t) => t.key), PAGE_SIZE);
  });
}

/** The taxonomy's Q&A topic of `key` (undefined: every question), for the listing's addresses. */
export async function qaTopicOf(key: string | undefined): Promise<QaTopic | undefined> {
  if (key === undefined) return undefined;
  const { taxonomy } = await getSettings();
  return taxonomy.qa_topics.find((t) => t.key === key) ?? { key, en: key };
}

export async function routeTable(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const locale of locales) {
    routes.push({ path: homePath(locale), view: { kind: 'home', locale } });
    routes.push({ path: searchPath(locale), view: { kind: 'search', locale } });

    const news = paginate(await listedIn('news', locale), PAGE_SIZE);
    news.forEach((_, i) =>
      routes.push({ path: paginatedPath(locale, collectionPath(locale, 'news'), i + 1), view: { kind: 'news-list', locale, page: i + 1, totalPages: news.length } }),
    );

    for (const p of await qaListingOf(locale)) {
      routes.push({ path: qaTopicPath(locale, await qaTopicOf(p.topic), p.page), view: { kind: 'qa-list', locale, ...p } });
    }

    for (const p of (await libraryOf(locale)).pages(LIBRARY_PAGE_SIZE)) {
      routes.push({
        path: filterPath(locale, p.filter, p.page, await issuerSlugsOf(locale)),
        view: { kind: 'library', locale, filter: p.filter, page: p.page, totalPages: p.totalPages, total: p.total, slugs: p.documents.map((d) => d.slug) },
      });
    }
  }

  // Entries: every Vietnamese entry has an English address, showing the
  // translation or a notice that links the Vietnamese original.
  for (const collection of ['pages', 'news', 'documents', 'qa'] as const) {
    const all = await entries(collection);
    const translated = new Set(all.filter((e) => e.locale === 'en').map((e) => e.slug));
    for (const e of all) {
      const view = { pages: 'page', news: 'news', documents: 'document', qa: 'qa' }[collection] as 'page' | 'news' | 'document' | 'qa';
      // An unpublished entry leaves a page saying it was removed, when and why.
      const removed = e.site.page === 'removal-notice';
      routes.push({ path: entryPath(e.locale, collection, e.slug, e.data.english_address), view: removed ? { kind: 'removed', locale: e.locale, collection, slug: e.slug } : { kind: view, locale: e.locale, slug: e.slug } });
      if (e.locale === 'vi' && !translated.has(e.slug)) {
        routes.push({ path: entryPath('en', collection, e.slug, e.data.english_address), view: removed ? { kind: 'removed', locale: 'en', collection, slug: e.slug } : { kind: 'untranslated', locale: 'en', collection, slug: e.slug } });
      }
    }
  }

  // Every address an entry's page once had and no page has now sends the reader on.
  // (The same list the CMS page checks entries against, less the addresses a page has now.)
  const taken = new Set(routes.map((r) => r.path));
  for (const f of (await siteFormerAddresses()).filter((a) => !taken.has(a.path))) {
    routes.push({ path: f.path, view: { kind: 'moved', locale: f.locale, collection: f.collection, slug: f.slug } });
  }
  return routes;
}

export const kindOrder = Object.keys(documentKinds);
export const statusOrder = Object.keys(documentStatuses);
