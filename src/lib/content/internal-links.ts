/**
 * Links from entries to the portal itself: every link whose URL is a path on
 * the portal (“/van-ban/1624-qd-bhxh/#dieu-11”) must name a page the portal
 * builds from the entries (the same addresses as src/site/route-table.ts) or a
 * file it serves from public/. Pure: the caller passes the entries, with the
 * links their bodies recorded, and the paths of the static files.
 */
import { documentFacets, filterPath, issuerNames, issuerSlugs, Library, type LibraryDocument } from '../documents/library.ts';
import { locales, type Locale } from '../locales.ts';
import { LIBRARY_PAGE_SIZE, PAGE_SIZE } from '../pagination.ts';
import { lifecycleOf, stateOf } from '../lifecycle/states.ts';
import { collectionPath, entryPath, feedPath, homePath, paginatedPath, qaTopicPath, searchPath, type QaTopic } from '../routes.ts';
import { englishAddressOf } from './english-addresses.ts';
import type { ContentIssue } from './issues.ts';
import type { InternalLink } from './render-body.ts';

/** What the check needs of an entry. */
export interface LinkingEntry {
  collection: string;
  locale: Locale;
  slug: string;
  file: string;
  data: Record<string, unknown>;
  /** Links to the portal in the entry's body, with lines in the file. */
  links?: InternalLink[] | undefined;
}

const WITH_PAGES = ['pages', 'news', 'documents', 'qa'] as const;

/**
 * Every page address the portal builds for `entries`, except the library's filter pages (see `libraryUrls`).
 * With `moment`, as a build at that moment makes them: an entry still scheduled has no page yet. Without it
 * (the link check, which judges content for every later moment too), a scheduled entry counts as built.
 */
export function pageUrls(entries: readonly LinkingEntry[], moment?: Date, topics: readonly QaTopic[] = []): Set<string> {
  const urls = new Set<string>(['/sitemap.xml', '/robots.txt']);
  const listed = { news: { vi: 0, en: 0 }, qa: { vi: 0, en: 0 } };
  const topicCounts = { vi: new Map<string, number>(), en: new Map<string, number>() };
  // A question not yet answered has no page, nor has an entry still scheduled at `moment` (src/lib/lifecycle/states.ts);
  // the Vietnamese original decides for its translation.
  const pageless = new Set(
    entries
      .filter((e) => e.locale === 'vi')
      .filter((e) => {
        const life = lifecycleOf(e.collection, e.data);
        return life.registerOnly || (moment !== undefined && stateOf(life, moment) === 'scheduled');
      })
      .map((e) => `${e.collection}/${e.slug}`),
  );
  for (const e of entries) {
    const collection = e.collection as (typeof WITH_PAGES)[number];
    if (!WITH_PAGES.includes(collection)) continue;
    if (pageless.has(`${collection}/${e.slug}`)) continue;
    if (collection === 'qa' && typeof e.data.topic === 'string') topicCounts[e.locale].set(e.data.topic, (topicCounts[e.locale].get(e.data.topic) ?? 0) + 1);
    urls.add(entryPath(e.locale, collection, e.slug, englishAddressOf(e.data)));
    // Every Vietnamese entry has an English address (its translation, or a notice linking the original).
    if (e.locale === 'vi') urls.add(entryPath('en', collection, e.slug, englishAddressOf(e.data)));
    if (collection === 'news' || collection === 'qa') listed[collection][e.locale]++;
  }
  for (const locale of locales) {
    urls.add(homePath(locale));
    urls.add(searchPath(locale));
    urls.add(collectionPath(locale, 'documents'));
    urls.add(feedPath(locale, 'news'));
    urls.add(feedPath(locale, 'documents'));
    for (const collection of ['news', 'qa'] as const) {
      const pages = Math.max(1, Math.ceil(listed[collection][locale] / PAGE_SIZE));
      for (let n = 1; n <= pages; n++) urls.add(paginatedPath(locale, collectionPath(locale, collection), n));
    }
    // The Q&A listing of each topic with questions (src/lib/qa/listing.ts).
    for (const [key, count] of topicCounts[locale]) {
      // The taxonomy names a topic in English addresses; a key it lacks is refused by the entry's own check.
      const topic = topics.find((t) => t.key === key) ?? { key, en: key };
      for (let n = 1; n <= Math.ceil(count / PAGE_SIZE); n++) urls.add(qaTopicPath(locale, topic, n));
    }
  }
  return urls;
}

/** Every page of the document library: each filter combination and its later pages, in both languages. */
export function libraryUrls(entries: readonly LinkingEntry[]): Set<string> {
  const documents = entries.filter((e) => e.collection === 'documents');
  const originals = new Map(documents.filter((e) => e.locale === 'vi').map((e) => [e.slug, e.data]));
  const urls = new Set<string>();
  for (const locale of locales) {
    const docs: (LibraryDocument & { issuerKey: string; issuer: string })[] = [];
    for (const d of documents) {
      const original = originals.get(d.slug);
      if (d.locale !== locale || !original) continue;
      const data = d.data as { kind: string; issued?: string; status: string; issuer: string };
      const facets = documentFacets(data, String(original.issuer));
      docs.push({ slug: d.slug, issued: data.issued ?? '', facets, issuerKey: facets.issuer, issuer: String(data.issuer) });
    }
    const issuers = issuerSlugs(issuerNames(docs));
    for (const p of new Library(docs).pages(LIBRARY_PAGE_SIZE)) urls.add(filterPath(locale, p.filter, p.page, issuers));
  }
  return urls;
}

/** Folders whose addresses are files that must be in public/. */
const FILE_FOLDERS = ['/files/', '/media/'];

function missingFile(link: InternalLink): { vi: string; en: string } {
  return {
    vi: `Liên kết “${link.url}” trỏ tới tệp không có: cần tệp public${link.path}. Thêm tệp đó vào public${link.path.slice(0, link.path.lastIndexOf('/') + 1)} hoặc sửa tên tệp trong liên kết (phân biệt chữ hoa, chữ thường).`,
    en: `The link “${link.url}” points to a file that does not exist: public${link.path} is needed. Add the file to public${link.path.slice(0, link.path.lastIndexOf('/') + 1)} or correct its name in the link (capitals matter).`,
  };
}

function missingPage(link: InternalLink, suggestion: string | undefined): { vi: string; en: string } {
  const x = { vi: '<tên-tệp>', en: '<slug>' };
  const where = (l: 'vi' | 'en') =>
    `${entryPath(l, 'news', x[l])}, ${entryPath(l, 'documents', x[l])}, ${entryPath(l, 'qa', x[l])}, ${entryPath(l, 'pages', x[l])}`;
  return {
    vi:
      `Liên kết “${link.url}” trỏ tới trang không có trên cổng. ` +
      (suggestion
        ? `Có phải bạn định viết “${suggestion}”?`
        : `Kiểm tra đường dẫn: tin tức, văn bản, hỏi đáp và trang có địa chỉ ${where('vi')} (tiếng Anh: ${where('en')}); <tên-tệp> là tên tệp .mdx của mục, <slug> là địa chỉ trang tiếng Anh của mục (hoặc tên tệp khi mục không có).`),
    en:
      `The link “${link.url}” points to a page that is not on the portal. ` +
      (suggestion
        ? `Did you mean “${suggestion}”?`
        : `Check the path: news, documents, questions and pages are at ${where('en')} (Vietnamese: ${where('vi')}); <slug> is the entry’s English page address, or its .mdx file name when it has none.`),
  };
}

/**
 * Every link in `entries` to a path the portal does not serve. `staticPaths`
 * are the files in public/, as paths from the site root (“/files/a.pdf”).
 */
export function checkInternalLinks(entries: readonly LinkingEntry[], staticPaths: ReadonlySet<string>, topics: readonly QaTopic[] = []): ContentIssue[] {
  if (!entries.some((e) => e.links?.length)) return [];
  const pages = pageUrls(entries, undefined, topics);
  let library: Set<string> | undefined;
  const served = (path: string) =>
    pages.has(path) ||
    staticPaths.has(path) ||
    (locales.some((l) => path.startsWith(collectionPath(l, 'documents'))) && (library ??= libraryUrls(entries)).has(path));

  // An English page named by its file name where it has an English address (`/en/lien-he/` → `/en/contact/`).
  const englishByFileName = new Map<string, string>();
  for (const e of entries) {
    const address = englishAddressOf(e.data);
    const collection = e.collection as (typeof WITH_PAGES)[number];
    if (address && WITH_PAGES.includes(collection)) englishByFileName.set(entryPath('en', collection, e.slug), entryPath('en', collection, e.slug, address));
  }

  const issues: ContentIssue[] = [];
  for (const e of entries) {
    for (const link of e.links ?? []) {
      if (served(link.path)) continue;
      const isFile = FILE_FOLDERS.some((f) => link.path.startsWith(f));
      const moved = englishByFileName.get(link.path);
      const suggestion = moved
        ? link.url.replace(/^[^?#]*/, moved)
        : !link.path.endsWith('/') && served(`${link.path}/`)
          ? `${link.url.replace(/^[^?#]*/, (p) => `${p}/`)}`
          : undefined;
      issues.push({
        file: e.file,
        line: link.line,
        column: link.column,
        field: undefined,
        ...(isFile ? missingFile(link) : missingPage(link, suggestion)),
      });
    }
  }
  return issues;
}
