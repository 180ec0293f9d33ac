/**
 * Every URL of the portal, in one place. Vietnamese paths use Vietnamese
 * words (`/tin-tuc/`), English paths English ones (`/en/news/`). An entry's
 * file name (its slug) is the same in both languages, so the counterpart of a
 * page is always known; its English page's address uses the entry's
 * `english_address` when it has one (`/lien-he/` → `/en/contact/`), else the
 * slug.
 */
import type { Locale } from './locales.ts';
import { toSlug } from './vietnamese/text.ts';

export type ListedCollection = 'news' | 'documents' | 'qa';

const segments = {
  vi: { news: 'tin-tuc', documents: 'van-ban', qa: 'hoi-dap', search: 'tim-kiem', page: 'trang', archive: 'luu-tru' },
  en: { news: 'news', documents: 'documents', qa: 'questions', search: 'search', page: 'page', archive: 'archive' },
} as const satisfies Record<Locale, Record<ListedCollection | 'search' | 'page' | 'archive', string>>;

export function homePath(locale: Locale): string {
  return locale === 'vi' ? '/' : `/${locale}/`;
}

function prefix(locale: Locale): string {
  return locale === 'vi' ? '' : `/${locale}`;
}

export function collectionPath(locale: Locale, collection: ListedCollection): string {
  return `${prefix(locale)}/${segments[locale][collection]}/`;
}

/** Page `n` (1-based) of a paginated listing whose first page is at `base`. */
export function paginatedPath(locale: Locale, base: string, n: number): string {
  return n <= 1 ? base : `${base}${segments[locale].page}/${n}/`;
}

/**
 * The address of an entry's page in `locale`. `englishAddress`: the entry's `english_address`
 * (the same in both language files; src/lib/content/english-addresses.ts), used for English.
 */
export function entryPath(locale: Locale, collection: ListedCollection | 'pages', slug: string, englishAddress?: string): string {
  const segment = locale === 'en' && englishAddress ? englishAddress : slug;
  if (collection === 'pages') return `${prefix(locale)}/${segment}/`;
  return `${collectionPath(locale, collection)}${segment}/`;
}

const topicSegment = { vi: 'chu-de', en: 'topic' } as const satisfies Record<Locale, string>;

/** Starts of a question's slug that its address would share with a topic listing (`/hoi-dap/chu-de-bhyt/`): refused. */
export const qaTopicPrefixes: readonly string[] = Object.values(topicSegment).map((s) => `${s}-`);

/** A Q&A topic of the taxonomy: its key (in entries and Vietnamese addresses) and English name. */
export interface QaTopic {
  key: string;
  en: string;
}

/** The word naming a topic in `locale`'s addresses: its key in Vietnamese (`bhyt`), its English name in English (`health-insurance`). */
export function qaTopicWord(locale: Locale, topic: QaTopic): string {
  return locale === 'vi' ? topic.key : toSlug(topic.en);
}

/**
 * Page `n` of the Q&A listing filtered by `topic` (one of the taxonomy's
 * qa_topics), or of every question without one: /hoi-dap/chu-de-bhyt/,
 * /en/questions/topic-health-insurance/page/2/ (src/lib/qa/listing.ts).
 */
export function qaTopicPath(locale: Locale, topic: QaTopic | undefined, n = 1): string {
  const base = collectionPath(locale, 'qa');
  return paginatedPath(locale, topic ? `${base}${topicSegment[locale]}-${qaTopicWord(locale, topic)}/` : base, n);
}

export function searchPath(locale: Locale): string {
  return `${prefix(locale)}/${segments[locale].search}/`;
}

/** Where the kept versions of a language's pages are served (docs/history.md, “Mementos”): `/luu-tru/`, `/en/archive/`. */
export function archivePath(locale: Locale): string {
  return `${prefix(locale)}/${segments[locale].archive}/`;
}

export function feedPath(locale: Locale, collection: 'news' | 'documents'): string {
  return `${collectionPath(locale, collection)}rss.xml`;
}

/** First path segments taken by the portal's own routes; page slugs may not use them. */
export const reservedSlugs: ReadonlySet<string> = new Set([
  'en',
  'admin',
  'timemap',
  'search',
  'files',
  'media',
  '_astro',
  '404',
  ...Object.values(segments.vi),
  ...Object.values(segments.en),
]);
