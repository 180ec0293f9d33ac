/**
 * Entries as pages use them: the content collections with their locale and
 * slug split out of the id (`vi/gioi-thieu`), grouped by language. Every
 * lookup is computed once per build and shared by all pages.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../lib/locales.ts';
import { buildMoment } from '../lib/lifecycle/moment.ts';
import { lifecycleOf, siteBehaviour, stateOf, withdrawalOf, type EntryState, type LifecycleData, type SiteBehaviour } from '../lib/lifecycle/states.ts';
import type { CollectionName } from '../lib/schema/collections.ts';

/**
 * An entry as pages use it: its state now (the Vietnamese original governs a
 * translation), what the site does with it in that state
 * (src/lib/lifecycle/states.ts), and the withdrawal notice to show, if any.
 */
export type Entry<C extends CollectionName> = CollectionEntry<C> & {
  locale: Locale;
  slug: string;
  state: EntryState;
  site: Readonly<SiteBehaviour>;
  withdrawal: LifecycleData['withdrawn'];
};

const memo = new Map<string, Promise<unknown>>();

/** Computes `compute()` once per build for `key`, and shares the result. */
export function once<T>(key: string, compute: () => Promise<T>): Promise<T> {
  let found = memo.get(key) as Promise<T> | undefined;
  if (!found) memo.set(key, (found = compute()));
  return found;
}

/** Every entry with its state now; scheduled ones and unanswered questions are not (yet) part of the site. */
function allEntries<C extends CollectionName>(collection: C): Promise<Entry<C>[]> {
  return once(`${collection}/all`, async () => {
    const all = (await getCollection(collection)).map((e) => {
      const [locale, slug] = e.id.split('/') as [Locale, string];
      return Object.assign(e, { locale, slug });
    });
    const originals = new Map(all.filter((e) => e.locale === 'vi').map((e) => [e.slug, lifecycleOf(collection, e.data as Record<string, unknown>)]));
    const moment = buildMoment();
    return all.map((e) => {
      const data = lifecycleOf(collection, e.data as Record<string, unknown>);
      const original = originals.get(e.slug);
      const state = stateOf(data, moment, original);
      return Object.assign(e, { state, site: siteBehaviour[state], withdrawal: withdrawalOf(data, original) }) as Entry<C>;
    });
  });
}

/** The entries whose address serves a page now (scheduled ones wait for their publish_at): pages, lookups. */
export function entries<C extends CollectionName>(collection: C): Promise<Entry<C>[]> {
  return once(collection, async () => (await allEntries(collection)).filter((e) => e.site.page !== 'none'));
}

/** Entries of one language that listings, feeds and lists show (published, not withdrawn). */
export function listedIn<C extends CollectionName>(collection: C, locale: Locale): Promise<Entry<C>[]> {
  return once(`${collection}/${locale}/listed`, async () => (await allEntries(collection)).filter((e) => e.locale === locale && e.site.listed));
}

export function entriesIn<C extends CollectionName>(collection: C, locale: Locale): Promise<Entry<C>[]> {
  return once(`${collection}/${locale}`, async () => (await entries(collection)).filter((e) => e.locale === locale));
}

/** slug → entry, for one language. */
export function entryMap<C extends CollectionName>(collection: C, locale: Locale): Promise<Map<string, Entry<C>>> {
  return once(`${collection}/${locale}/map`, async () => new Map((await entriesIn(collection, locale)).map((e) => [e.slug, e])));
}

/**
 * An entry as a notice about it names it in `locale` (a removed entry, an old address): its
 * Vietnamese original, the version in `locale` (the original when not translated) and that version's title.
 */
export async function namedEntry(collection: 'pages' | 'news' | 'documents' | 'qa', locale: Locale, slug: string) {
  const original = (await entryMap(collection, 'vi')).get(slug)!;
  const translated = (await entryMap(collection, locale)).get(slug);
  const own = translated ?? original;
  return { original, own, translated: translated !== undefined, title: 'title' in own.data ? String(own.data.title) : slug };
}

/** The date each listed collection is ordered by. */
const listDate = {
  news: (e: Entry<'news'>) => e.data.date,
  documents: (e: Entry<'documents'>) => e.data.issued ?? '',
  qa: (e: Entry<'qa'>) => e.data.answered ?? '',
};

/** Listed entries of one language, newest first (then by slug): the order of every listing and feed. */
export function newest<C extends keyof typeof listDate>(collection: C, locale: Locale): Promise<Entry<C>[]> {
  const date = listDate[collection] as (e: Entry<C>) => string;
  return once(`${collection}/${locale}/newest`, async () =>
    [...(await listedIn(collection, locale))].sort((a, b) => date(b).localeCompare(date(a)) || a.slug.localeCompare(b.slug)),
  );
}
