/**
 * Which content files a portal address is built from: the reverse of
 * src/lib/routes.ts, derived from its functions so the two cannot drift.
 * `/tin-tuc/x/` → content/news/vi/x.mdx; `/en/news/x/` → content/news/en/x.mdx
 * and its Vietnamese original content/news/vi/x.mdx (an English page shows the
 * translation, or a notice linking the original when there is none).
 * Listings, search, feeds and the home page are built from many entries and
 * have no source file of their own: `pageTarget` says so.
 */
import { searchIndexPath } from '../search/contract.ts';
import { locales, type Locale } from '../locales.ts';
import { collectionPath, entryPath, homePath, paginatedPath, qaTopicPrefixes, searchPath, reservedSlugs } from '../routes.ts';
import { englishSegment, slugOfEnglishSegment, type EnglishAddresses } from '../content/english-addresses.ts';
import type { BilingualMessage } from './history-error.ts';

export const ENTRY_COLLECTIONS = ['pages', 'news', 'documents', 'qa'] as const;
export type EntryCollection = (typeof ENTRY_COLLECTIONS)[number];
type ListedCollection = Exclude<EntryCollection, 'pages'>;

export type PageTarget =
  /** An entry's page, or an entry's file named by its path. `sources`: its own file first. */
  | { kind: 'entry'; address: string; locale: Locale; collection: EntryCollection; slug: string; sources: string[]; maybeLibraryFilter: boolean }
  /** Another file under content/ (settings, spokespeople, units): history, but no page of its own. */
  | { kind: 'file'; sources: [string] }
  /** A page of the portal that is not one entry's, or not a page at all. */
  | { kind: 'not-entry'; message: BilingualMessage };

/** `content/news/vi/x.mdx`: the file of an entry. */
export function sourcePath(locale: Locale, collection: EntryCollection, slug: string): string {
  return `content/${collection}/${locale}/${slug}.mdx`;
}

const SOURCE = /^content\/([^/]+)\/([^/]+)\/([a-z0-9-]+)\.mdx$/;

/** The entry a content file is (when it is one of an entry with a page). */
export function entryOfSource(file: string): { collection: EntryCollection; locale: Locale; slug: string } | undefined {
  const m = SOURCE.exec(file);
  if (!m) return undefined;
  const [, collection, locale, slug] = m as unknown as [string, EntryCollection, Locale, string];
  if (!(ENTRY_COLLECTIONS as readonly string[]).includes(collection) || !(locales as readonly string[]).includes(locale)) return undefined;
  return { collection, locale, slug };
}

/**
 * The address of the page an entry file makes (`content/news/en/x.mdx` → `/en/news/x/`), if it
 * makes one; `englishAddress`: the entry's `english_address`, if any.
 */
export function addressOfSource(file: string, englishAddress?: string): string | undefined {
  const entry = entryOfSource(file);
  return entry && entryPath(entry.locale, entry.collection, entry.slug, englishAddress);
}

/** The first path segment of each listed collection in `locale` (`tin-tuc`, `news`, …), from routes.ts. */
function collectionSegments(locale: Locale): Map<string, ListedCollection> {
  const prefix = homePath(locale);
  return new Map(
    (['news', 'documents', 'qa'] as const).map((c) => [collectionPath(locale, c).slice(prefix.length).replace(/\/$/, ''), c]),
  );
}

/** The segment of later listing pages (`trang`, `page`), from routes.ts. */
function pageSegment(locale: Locale): string {
  return paginatedPath(locale, homePath(locale), 2).slice(homePath(locale).length).split('/')[0]!;
}

/** First segments of the portal's tools and static files (`admin`, `search`, `files`, …): the reserved ones that are not routes of content. */
function toolSegments(): Set<string> {
  const routes = new Set<string>(locales);
  for (const l of locales) {
    for (const s of collectionSegments(l).keys()) routes.add(s);
    routes.add(searchPath(l).slice(homePath(l).length).replace(/\/$/, ''));
    routes.add(pageSegment(l));
  }
  const tools = new Set([...reservedSlugs].filter((s) => !routes.has(s)));
  // The search index's folder at the root, though English search pages use the same word under /en/.
  tools.add(searchIndexPath('vi').split('/')[1]!);
  return tools;
}

/** A library filter segment (`loai-…`, `nam-…`; `kind-…`, `year-…`), see src/lib/documents/library.ts. */
const LIBRARY_FILTER: Record<Locale, RegExp> = { vi: /^(loai|nam|co-quan|tinh-trang)-/, en: /^(kind|year|issuer|status)-/ };

const examples = '/tin-tuc/<tên-tệp>/, /en/news/<slug>/, content/news/vi/<tên-tệp>.mdx';
const examplesEn = '/tin-tuc/<slug>/, /en/news/<slug>/, content/news/vi/<slug>.mdx';

function notEntry(address: string, what: BilingualMessage): PageTarget {
  return {
    kind: 'not-entry',
    message: {
      vi: `${address} là ${what.vi}: trang này được dựng từ nhiều mục nên không có tệp nguồn và lịch sử riêng. Hãy cho địa chỉ trang của một mục, ví dụ ${examples}.`,
      en: `${address} is ${what.en}: it is built from many entries, so it has no source file or history of its own. Give the address of one entry’s page, for example ${examplesEn}.`,
    },
  };
}

function unknownAddress(input: string): PageTarget {
  return {
    kind: 'not-entry',
    message: {
      vi: `“${input}” không phải địa chỉ một trang của cổng hay một tệp trong content/. Dùng địa chỉ trang (https://…/tin-tuc/<tên-tệp>/, /en/news/<slug>/) hoặc đường dẫn tệp trong kho (content/news/vi/<tên-tệp>.mdx).`,
      en: `“${input}” is not the address of a portal page nor a file in content/. Use a page address (https://…/tin-tuc/<slug>/, /en/news/<slug>/) or a file path in the repository (content/news/vi/<slug>.mdx).`,
    },
  };
}

function entryTarget(addresses: EnglishAddresses, locale: Locale, collection: EntryCollection, slug: string, ownFileOnly: boolean, maybeLibraryFilter = false): PageTarget {
  const own = sourcePath(locale, collection, slug);
  const sources = locale === 'vi' || ownFileOnly ? [own] : [own, sourcePath('vi', collection, slug)];
  return { kind: 'entry', address: entryPath(locale, collection, slug, englishSegment(addresses, collection, slug)), locale, collection, slug, sources, maybeLibraryFilter };
}

/** A repository path: `content/…` (also `./content/…`). */
function fileTarget(input: string, addresses: EnglishAddresses): PageTarget {
  const file = input.replace(/^\.\//, '').replace(/\\/g, '/');
  if (file.split('/').some((s) => s === '..' || s === '')) return unknownAddress(input);
  const entry = entryOfSource(file);
  if (entry) return entryTarget(addresses, entry.locale, entry.collection, entry.slug, true);
  return { kind: 'file', sources: [file] };
}

/** The path of a site address: `https://host/tin-tuc/x/?a#b` → `/tin-tuc/x/`, percent-decoded; undefined if it is not one. */
function addressPath(input: string): string | undefined {
  let path: string;
  if (/^https?:\/\//i.test(input)) {
    try {
      path = new URL(input).pathname;
    } catch {
      return undefined;
    }
  } else if (input.startsWith('/') && !input.startsWith('//')) {
    path = input.replace(/[?#].*$/s, '');
  } else return undefined;
  try {
    path = decodeURI(path);
  } catch {
    // Keep it as written.
  }
  return path.replace(/\/index\.html$/, '/').replace(/\/{2,}/g, '/');
}

/** The file name an address's last segment names: an English address word when it is one, else the segment itself. */
function slugOfSegment(addresses: EnglishAddresses, locale: Locale, collection: EntryCollection, segment: string): string {
  return (locale === 'en' && slugOfEnglishSegment(addresses, collection, segment)) || segment;
}

/**
 * What a URL, site path or repository path names, and which files it is built from.
 * `addresses`: the entries' English addresses (`/en/contact/` is content/pages/en/lien-he.mdx).
 */
export function pageTarget(input: string, addresses: EnglishAddresses = new Map()): PageTarget {
  const text = input.trim();
  if (/^(\.\/)?content\//.test(text)) return fileTarget(text, addresses);
  const path = addressPath(text);
  if (path === undefined) return unknownAddress(text);
  if (/\.[a-z0-9]+$/i.test(path)) {
    return notEntry(path, { vi: 'một tệp (nguồn tin RSS, sơ đồ trang, tệp đính kèm)', en: 'a file (RSS feed, sitemap, attachment)' });
  }
  const address = path.endsWith('/') ? path : `${path}/`;
  const parts = address.split('/').filter(Boolean);
  const locale: Locale = parts[0] === 'en' ? 'en' : 'vi';
  const rest = locale === 'en' ? parts.slice(1) : parts;
  if (rest.length === 0) return notEntry(address, { vi: 'trang chủ', en: 'the home page' });
  if (address === searchPath(locale)) return notEntry(address, { vi: 'trang tìm kiếm', en: 'the search page' });

  const collection = collectionSegments(locale).get(rest[0]!);
  if (collection) {
    const listing = {
      news: { vi: 'danh sách tin tức', en: 'the news list' },
      documents: { vi: 'thư viện văn bản (danh sách, bộ lọc)', en: 'the document library (a list or filter page)' },
      qa: { vi: 'danh sách hỏi đáp', en: 'the questions list' },
    }[collection];
    if (rest.length === 1 || rest.includes(pageSegment(locale))) return notEntry(address, listing);
    if (collection === 'documents' && rest.length > 2) return notEntry(address, listing);
    // A topic listing of the Q&A (no question's file name starts like one: the content check refuses it).
    if (collection === 'qa' && qaTopicPrefixes.some((p) => rest[1]!.startsWith(p))) return notEntry(address, listing);
    if (rest.length === 2) {
      return entryTarget(addresses, locale, collection, slugOfSegment(addresses, locale, collection, rest[1]!), false, collection === 'documents' && LIBRARY_FILTER[locale].test(rest[1]!));
    }
    return unknownAddress(text);
  }
  if (rest.length === 1 && !reservedSlugs.has(rest[0]!)) {
    return entryTarget(addresses, locale, 'pages', slugOfSegment(addresses, locale, 'pages', rest[0]!), false);
  }
  if (toolSegments().has(rest[0]!)) {
    return notEntry(address, { vi: 'một phần của công cụ hay tệp tĩnh của cổng, không phải nội dung', en: 'part of the portal’s tools or static files, not content' });
  }
  return unknownAddress(text);
}
