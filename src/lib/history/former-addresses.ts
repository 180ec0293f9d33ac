/**
 * The addresses an entry's pages had in published revisions and have no
 * longer: its Vietnamese file renamed (`/hoi-dap/cu/` → `/hoi-dap/moi/`), or
 * its `english_address` changed (`/en/contact/` → `/en/contact-us/`). The site
 * leaves a page at each that sends the reader on (src/views/MovedView.astro),
 * so links from elsewhere keep working, as GOV.UK keeps a redirect for every
 * path it once published. Pure.
 *
 * What a revision says is untrusted (a direct commit is not checked): an old
 * file name or English address becomes an address only when it is a
 * well-formed slug, and a page's only when the portal's own routes do not
 * take it (`/admin/`, `/search/`…).
 */
import { ENGLISH_ADDRESS_MAX, SLUG_PATTERN } from '../schema/fields.ts';
import { entryPath, reservedSlugs } from '../routes.ts';
import type { Locale } from '../locales.ts';
import { entryOfSource, type EntryCollection } from './page-sources.ts';
import type { ContentHistory } from './revision.ts';

/** A page the site no longer has at `path`, now at the entry's own address in `locale`. */
export interface FormerAddress {
  path: string;
  locale: Locale;
  collection: EntryCollection;
  slug: string;
}

const wellFormed = (slug: string | undefined, max = Infinity): slug is string => slug !== undefined && SLUG_PATTERN.test(slug) && slug.length <= max;

/**
 * Every former address of the entries that exist now (`exists`, by collection and slug): from each
 * published revision of a Vietnamese original, the two addresses its pages had. `taken`: every address
 * the site has now (an entry's current address, another's, a listing…), which is never a former one.
 * An address two entries once had goes to the one that had it last. Sorted by path.
 */
export function formerAddresses(history: ContentHistory, exists: (collection: EntryCollection, slug: string) => boolean, taken: ReadonlySet<string>): FormerAddress[] {
  const found = new Map<string, FormerAddress & { since: number }>();
  for (const [file, revisions] of history.files) {
    const entry = entryOfSource(file);
    if (!entry || entry.locale !== 'vi' || !wellFormed(entry.slug) || !exists(entry.collection, entry.slug)) continue;
    const live = revisions.filter((r) => r.status !== 'removed');
    // Published once: its addresses are those it has now.
    if (live.length < 2) continue;
    for (const r of live) {
      const then = entryOfSource(r.path);
      if (!then || then.locale !== 'vi' || then.collection !== entry.collection || !wellFormed(then.slug)) continue;
      // A malformed English address names no page: only the Vietnamese one is kept of that revision.
      const englishOk = r.englishAddress === undefined || wellFormed(r.englishAddress, ENGLISH_ADDRESS_MAX);
      const since = Date.parse(r.date);
      for (const locale of englishOk ? (['vi', 'en'] as const) : (['vi'] as const)) {
        const segment = locale === 'en' && r.englishAddress !== undefined ? r.englishAddress : then.slug;
        if (entry.collection === 'pages' && reservedSlugs.has(segment)) continue;
        const path = entryPath(locale, entry.collection, then.slug, r.englishAddress);
        if (taken.has(path)) continue;
        const held = found.get(path);
        if (!held || held.since < since || (held.since === since && held.slug < entry.slug))
          found.set(path, { path, locale, collection: entry.collection, slug: entry.slug, since });
      }
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map(({ since: _, ...address }) => address);
}
