/**
 * The portal's own search index (issue 14, docs/plans/issue-14-search.md):
 * the contract between the parts built side by side. The index core
 * (record.ts, write-index.ts, query.ts) implements it; the build
 * (scripts/build-search-index.ts) and the search page
 * (src/scripts/search-page.ts) use it and nothing else of the index's
 * internals. Pagefind stays as the tests' oracle only.
 *
 * - `searchRecord(metadata, html)` (record.ts): what one built page gives the
 *   index — a pure function of the page's HTML and the metadata the build
 *   computed from the entry; undefined when the page has no part marked
 *   `data-pagefind-body`. JSON-serialisable (the build caches it).
 * - `writeSearchIndex(locale, records)` (write-index.ts): every file of one
 *   language's index, as paths relative to `/search/<locale>/` and their
 *   contents; deterministic (the same records in any order give the same
 *   bytes), so an incremental build equals a full one.
 * - `openSearch(base, fetchFile)` (query.ts): the search page's engine over
 *   the files under `base` (`/search/vi/`), fetched lazily: Pagefind's
 *   results and ranking, without its runtime.
 */
import type { Locale } from '../locales.ts';

/** Where the index of a language lives in the built site. */
export const searchIndexPath = (locale: Locale) => `/search/${locale}/`;

/** The first file the search page reads. */
export const SEARCH_ENTRY_FILE = 'index.json';

/** A searchable page as the build knows it from the entry. */
export interface SearchMetadata {
  /** The page's URL path, from the route table, e.g. `/van-ban/1624-qd-bhxh/`. */
  url: string;
  locale: Locale;
  /** The result's title: the entry's title. */
  title: string;
  /** Filters, named in the page's language: name → value (e.g. `Năm` → `2024`). */
  filters: Record<string, string>;
}

/** A result's text as the search page shows it: `excerpt` is escaped text with `<mark>` only. */
export interface SearchResultData {
  /** The page's address (from the metadata; the page still passes it through resultLink). */
  url: string;
  title: string;
  excerpt: string;
  /** Sections of the page (headings with an id) holding the words: `url` ends in `#id`. */
  sub_results: { title: string; url: string; excerpt: string }[];
}

export interface SearchResult {
  /** Stable within one index build. */
  id: string;
  /** The ranking score (higher first), as Pagefind's results carry it. */
  score: number;
  /** Fetches what is needed to show the result (its page's text) on demand. */
  data(): Promise<SearchResultData>;
}

export interface SearchEngine {
  /** Every filter with its values and page counts, for the whole index. */
  filters(): Promise<Record<string, Record<string, number>>>;
  /**
   * Results in ranking order; a filter name → the values any of which a page must have.
   * `counts()`: per filter and value, the pages the query matches that have the value and
   * pass the other filters' checked values (fetched apart, after the results).
   */
  search(term: string, options?: { filters?: Record<string, string[]> }): Promise<{ results: SearchResult[]; counts(): Promise<Record<string, Record<string, number>>> }>;
}

/** Fetches a file of the index by its path (the base joined with the file's path): the response, or an error for a file that could not be had. */
export type FetchFile = (path: string) => Promise<Response>;

/**
 * What `searchRecord` returns: the metadata and whatever the index core needs
 * (words, weights, text, anchors); the build only reads `metadata` and keeps
 * the rest as JSON.
 */
export interface SearchRecordOf<Rest> {
  metadata: SearchMetadata;
  rest: Rest;
}
