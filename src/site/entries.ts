/**
 * Entries as pages use them: the content collections with their locale and
 * slug split out of the id (`vi/gioi-thieu`), grouped by language.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../lib/locales.ts';
import type { CollectionName } from '../lib/schema/collections.ts';

export type Entry<C extends CollectionName> = CollectionEntry<C> & { locale: Locale; slug: string };

const cache = new Map<CollectionName, Promise<unknown>>();

export function entries<C extends CollectionName>(collection: C): Promise<Entry<C>[]> {
  let found = cache.get(collection) as Promise<Entry<C>[]> | undefined;
  if (!found) {
    found = getCollection(collection).then((list) =>
      list.map((e) => {
        const [locale, slug] = e.id.split('/') as [Locale, string];
        return Object.assign(e, { locale, slug }) as Entry<C>;
      }),
    );
    cache.set(collection, found);
  }
  return found;
}

export async function entriesIn<C extends CollectionName>(collection: C, locale: Locale): Promise<Entry<C>[]> {
  return (await entries(collection)).filter((e) => e.locale === locale);
}

/** slug → entry, for one language. */
export async function entryMap<C extends CollectionName>(collection: C, locale: Locale): Promise<Map<string, Entry<C>>> {
  return new Map((await entriesIn(collection, locale)).map((e) => [e.slug, e]));
}
