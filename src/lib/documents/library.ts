/**
 * The document library, filterable without JavaScript: every combination of
 * up to two filters (kind, year, issuer, status) that matches at least one
 * document is a static page, and the filter panel is made of links to those
 * pages. Two at a time keeps the number of pages proportional to the number
 * of filter values, not to the number of documents (all four at once would
 * cost up to 16 pages per document: 60,000 pages for a 4,000-document library).
 *
 * A filter is written into the path with one segment per active facet, in a
 * fixed order, in words of the page's language: /van-ban/loai-quyet-dinh/nam-2024/
 * (vi) or /en/documents/kind-decision/year-2024/ (en), then /trang/2/ for later
 * pages. Filter values themselves are language-neutral keys (a kind's key, a
 * status's key, the Vietnamese original's issuer as a slug); `filterPath`
 * writes each in the page's language.
 */
import type { Locale } from '../locales.ts';
import { collectionPath, paginatedPath } from '../routes.ts';
import { paginate } from '../pagination.ts';
import { documentKinds, documentStatuses } from '../schema/collections.ts';
import { toSlug } from '../vietnamese/text.ts';

export const facets = ['kind', 'year', 'issuer', 'status'] as const;
export type Facet = (typeof facets)[number];
export type Filter = Partial<Record<Facet, string>>;

const facetSegment: Record<Locale, Record<Facet, string>> = {
  vi: { kind: 'loai', year: 'nam', issuer: 'co-quan', status: 'tinh-trang' },
  en: { kind: 'kind', year: 'year', issuer: 'issuer', status: 'status' },
};

/** The value of "year" for a document that has not been issued (a draft). */
export const NO_YEAR = 'chua-ban-hanh';
const NO_YEAR_SLUG: Record<Locale, string> = { vi: NO_YEAR, en: 'not-issued' };

/**
 * The issuers' names in one language (issuer key → name), from its documents:
 * the name the first document (by slug) gives, so that the name does not
 * depend on the order documents are read in.
 */
export function issuerNames(documents: readonly { slug: string; issuerKey: string; issuer: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of [...documents].sort((a, b) => a.slug.localeCompare(b.slug))) if (!out.has(d.issuerKey)) out.set(d.issuerKey, d.issuer);
  return out;
}

/**
 * The issuers' slugs in one language, from the names its documents give them
 * (issuer key → name): `bao-hiem-xa-hoi-viet-nam` → `vietnam-social-security`
 * in English. Keys in order; a slug another issuer already has falls back to
 * the key, so that two issuers never share an address.
 */
export function issuerSlugs(names: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of [...names.keys()].sort()) {
    const own = toSlug(names.get(key)!);
    const slug = own && !taken.has(own) ? own : key;
    taken.add(slug);
    out.set(key, slug);
  }
  return out;
}

/** A filter value as the path of `locale` writes it. */
function valueSlug(locale: Locale, facet: Facet, value: string, issuers: ReadonlyMap<string, string> | undefined): string {
  switch (facet) {
    case 'kind':
      return toSlug(documentKinds[value as keyof typeof documentKinds]?.[locale] ?? value);
    case 'status':
      return toSlug(documentStatuses[value as keyof typeof documentStatuses]?.[locale] ?? value);
    case 'year':
      return value === NO_YEAR ? NO_YEAR_SLUG[locale] : value;
    case 'issuer':
      return issuers?.get(value) ?? value;
  }
}

/** How many filters can be active at once. */
export const MAX_ACTIVE_FILTERS = 2;

export interface LibraryDocument {
  slug: string;
  /** Facet values (keys, language-neutral). */
  facets: Record<Facet, string>;
  /** Sort key: the date of issue, or '' for drafts (listed last). */
  issued: string;
}

/**
 * A document's facet values. The issuer is keyed by the Vietnamese
 * original's issuer, so both languages filter by the same keys.
 */
export function documentFacets(data: { kind: string; issued?: string | undefined; status: string }, originalIssuer: string): Record<Facet, string> {
  return { kind: data.kind, year: data.issued?.slice(0, 4) ?? NO_YEAR, issuer: toSlug(originalIssuer), status: data.status };
}

/** A library page's address; `issuers`: the issuers' slugs in `locale` (`issuerSlugs`), else their keys. */
export function filterPath(locale: Locale, filter: Filter, page = 1, issuers?: ReadonlyMap<string, string>): string {
  const base = collectionPath(locale, 'documents');
  const segments = facets.filter((f) => filter[f]).map((f) => `${facetSegment[locale][f]}-${valueSlug(locale, f, filter[f]!, issuers)}/`);
  return paginatedPath(locale, base + segments.join(''), page);
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

function bitCount(n: number): number {
  let count = 0;
  for (let x = n; x; x &= x - 1) count++;
  return count;
}

function activeCount(filter: Filter): number {
  return facets.filter((f) => filter[f]).length;
}

/**
 * The library: every non-empty combination of up to MAX_ACTIVE_FILTERS
 * filters with its documents, built in one pass (each document belongs to the
 * combinations of its own facet values), so pages and counts are lookups.
 */
export class Library<T extends LibraryDocument> {
  private readonly groups = new Map<string, { filter: Filter; docs: T[] }>();
  /** Every value each facet takes. */
  readonly values: Record<Facet, string[]>;

  constructor(docs: readonly T[]) {
    const values = Object.fromEntries(facets.map((f) => [f, new Set<string>()])) as Record<Facet, Set<string>>;
    this.groups.set(filterKey({}), { filter: {}, docs: [] });
    for (const doc of sortDocuments(docs)) {
      facets.forEach((f) => values[f].add(doc.facets[f]));
      for (let mask = 0; mask < 1 << facets.length; mask++) {
        if (bitCount(mask) > MAX_ACTIVE_FILTERS) continue;
        const filter: Filter = {};
        facets.forEach((f, i) => {
          if (mask & (1 << i)) filter[f] = doc.facets[f];
        });
        const key = filterKey(filter);
        let group = this.groups.get(key);
        if (!group) this.groups.set(key, (group = { filter, docs: [] }));
        group.docs.push(doc);
      }
    }
    this.values = Object.fromEntries(facets.map((f) => [f, [...values[f]]])) as Record<Facet, string[]>;
  }

  /** How many documents match `filter` (0 when the combination has no page). */
  count(filter: Filter): number {
    return this.groups.get(filterKey(filter))?.docs.length ?? 0;
  }

  /** Every page of every non-empty filter combination. */
  pages(pageSize: number): LibraryPage<T>[] {
    const out: LibraryPage<T>[] = [];
    for (const { filter, docs } of this.groups.values()) {
      const chunks = paginate(docs, pageSize);
      chunks.forEach((chunk, i) => out.push({ filter, page: i + 1, totalPages: chunks.length, total: docs.length, documents: chunk }));
    }
    return out;
  }

  /** Whether `facet` can be chosen on top of `filter` (or is already chosen). */
  canChoose(filter: Filter, facet: Facet): boolean {
    return Boolean(filter[facet]) || activeCount(filter) < MAX_ACTIVE_FILTERS;
  }

  /**
   * The choices for one facet given the rest of the filter: "all", then each
   * value that leaves at least one document, with its count. Empty when the
   * facet cannot be added (MAX_ACTIVE_FILTERS others are active).
   */
  options(filter: Filter, facet: Facet, order?: readonly string[]): FacetOption[] {
    if (!this.canChoose(filter, facet)) return [];
    const others: Filter = { ...filter, [facet]: undefined };
    const values = [...this.values[facet]].sort((a, b) => {
      if (order) return order.indexOf(a) - order.indexOf(b);
      if (facet === 'year') return b.localeCompare(a);
      return a.localeCompare(b);
    });
    return [
      { value: undefined, count: this.count(others), selected: !filter[facet], filter: others },
      ...values
        .map((value) => ({ value, count: this.count({ ...others, [facet]: value }), selected: filter[facet] === value, filter: { ...others, [facet]: value } }))
        .filter((o) => o.count > 0),
    ];
  }
}

export interface FacetOption {
  value: string | undefined;
  count: number;
  selected: boolean;
  /** Where the link goes: the current filter with this facet set to `value` (undefined = "all"). */
  filter: Filter;
}
