/**
 * The document library, filterable without JavaScript: every combination of
 * filters (kind, year, issuer, status) that matches at least one document is
 * a static page, and the filter panel is made of links to those pages.
 *
 * A filter is written into the path with one segment per active facet, in a
 * fixed order: /van-ban/loai-quyet-dinh/nam-2024/ (vi) or
 * /en/documents/kind-quyet-dinh/year-2024/ (en), then /trang/2/ for later pages.
 */
import type { Locale } from './locales.ts';
import { collectionPath, paginatedPath } from './routes.ts';
import { paginate } from './pagination.ts';

export const facets = ['kind', 'year', 'issuer', 'status'] as const;
export type Facet = (typeof facets)[number];
export type Filter = Partial<Record<Facet, string>>;

const facetSegment: Record<Locale, Record<Facet, string>> = {
  vi: { kind: 'loai', year: 'nam', issuer: 'co-quan', status: 'tinh-trang' },
  en: { kind: 'kind', year: 'year', issuer: 'issuer', status: 'status' },
};

/** The value of "year" for a document that has not been issued (a draft). */
export const NO_YEAR = 'chua-ban-hanh';

export interface LibraryDocument {
  slug: string;
  /** Facet values (keys, language-neutral). */
  facets: Record<Facet, string>;
  /** Sort key: the date of issue, or '' for drafts (listed last). */
  issued: string;
}

export function filterPath(locale: Locale, filter: Filter, page = 1): string {
  const base = collectionPath(locale, 'documents');
  const segments = facets.filter((f) => filter[f]).map((f) => `${facetSegment[locale][f]}-${filter[f]}/`);
  return paginatedPath(locale, base + segments.join(''), page);
}

function matches(doc: LibraryDocument, filter: Filter): boolean {
  return facets.every((f) => !filter[f] || doc.facets[f] === filter[f]);
}

function filterKey(filter: Filter): string {
  return facets.map((f) => filter[f] ?? '').join('|');
}

export interface LibraryPage<T extends LibraryDocument> {
  filter: Filter;
  page: number;
  totalPages: number;
  total: number;
  documents: T[];
}

export function sortDocuments<T extends LibraryDocument>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => b.issued.localeCompare(a.issued) || a.slug.localeCompare(b.slug));
}

/**
 * Every page of every non-empty filter combination, in one pass: each
 * document belongs to the 16 combinations of its own facet values.
 */
export function libraryPages<T extends LibraryDocument>(docs: readonly T[], pageSize: number): LibraryPage<T>[] {
  const groups = new Map<string, { filter: Filter; docs: T[] }>();
  for (const doc of sortDocuments(docs)) {
    for (let mask = 0; mask < 1 << facets.length; mask++) {
      const filter: Filter = {};
      facets.forEach((f, i) => {
        if (mask & (1 << i)) filter[f] = doc.facets[f];
      });
      const key = filterKey(filter);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { filter, docs: [] }));
      group.docs.push(doc);
    }
  }
  if (!groups.has(filterKey({}))) groups.set(filterKey({}), { filter: {}, docs: [] });
  const pages: LibraryPage<T>[] = [];
  for (const { filter, docs: list } of groups.values()) {
    const chunks = paginate(list, pageSize);
    chunks.forEach((chunk, i) =>
      pages.push({ filter, page: i + 1, totalPages: chunks.length, total: list.length, documents: chunk }),
    );
  }
  return pages;
}

export interface FacetOption {
  value: string | undefined;
  count: number;
  selected: boolean;
  /** Where the link goes: the current filter with this facet set to `value` (undefined = "all"). */
  filter: Filter;
}

/**
 * The choices for one facet given the rest of the filter: each value that
 * leaves at least one document, with its count, plus "all".
 */
export function facetOptions(docs: readonly LibraryDocument[], filter: Filter, facet: Facet, order?: readonly string[]): FacetOption[] {
  const others: Filter = { ...filter, [facet]: undefined };
  const pool = docs.filter((d) => matches(d, others));
  const counts = new Map<string, number>();
  for (const d of pool) counts.set(d.facets[facet], (counts.get(d.facets[facet]) ?? 0) + 1);
  const values = [...counts.keys()].sort((a, b) => {
    if (order) return order.indexOf(a) - order.indexOf(b);
    if (facet === 'year') return b.localeCompare(a);
    return a.localeCompare(b);
  });
  return [
    { value: undefined, count: pool.length, selected: !filter[facet], filter: others },
    ...values.map((value) => ({ value, count: counts.get(value)!, selected: filter[facet] === value, filter: { ...others, [facet]: value } })),
  ];
}
