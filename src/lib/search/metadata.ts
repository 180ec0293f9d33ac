/**
 * The search metadata of an entry's page — result title, content type and
 * year filters, named in the page's language — computed from the entry's
 * data alone. The build writes it into the search manifest
 * (src/site/search-manifest.ts) and the index reads it from there, never from
 * the page's HTML (see src/lib/search/record.ts).
 */
import { ui } from '../../i18n/index.ts';
import type { Locale } from '../locales.ts';
import { pageSections } from '../schema/collections.ts';
import type { SearchMetadata } from './contract.ts';

/** The entry pages that are searchable, with the fields their metadata is made of. */
export type SearchableEntry =
  | { kind: 'page'; data: { title: string; section: keyof typeof pageSections } }
  | { kind: 'news'; data: { title: string; date: string } }
  | { kind: 'document'; data: { title: string; issued?: string | undefined } }
  | { kind: 'qa'; data: { title: string; answered?: string | undefined } };

/** The content type, as the search page's type filter shows it. */
function typeOf(entry: SearchableEntry, locale: Locale): string {
  const t = ui(locale);
  switch (entry.kind) {
    case 'page':
      return pageSections[entry.data.section][locale];
    case 'news':
      return t.newsTitle;
    case 'document':
      return t.documentsTitle;
    case 'qa':
      return t.qaTitle;
  }
}

/** The year the year filter files the entry under: its date, issue date or answer date. */
function yearOf(entry: SearchableEntry): string | undefined {
  const date = entry.kind === 'news' ? entry.data.date : entry.kind === 'document' ? entry.data.issued : entry.kind === 'qa' ? entry.data.answered : undefined;
  return date?.slice(0, 4);
}

export function searchMetadata(entry: SearchableEntry, locale: Locale, url: string): SearchMetadata {
  const t = ui(locale);
  const year = yearOf(entry);
  return {
    url,
    locale,
    title: entry.data.title,
    filters: { [t.searchFilterType]: typeOf(entry, locale), ...(year ? { [t.searchFilterYear]: year } : {}) },
  };
}
