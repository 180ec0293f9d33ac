/** What the browser tests expect to find, read from content/ (so the tests follow the content). */
import { readdirSync, existsSync } from 'node:fs';

export function slugs(collection: string, locale: 'vi' | 'en'): string[] {
  const dir = `content/${collection}/${locale}`;
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)).sort() : [];
}

/** Vietnamese entries with no English translation. */
export function untranslated(collection: string): string[] {
  const en = new Set(slugs(collection, 'en'));
  return slugs(collection, 'vi').filter((s) => !en.has(s));
}

/** Entries that exist in both languages. */
export function translated(collection: string): string[] {
  const en = new Set(slugs(collection, 'en'));
  return slugs(collection, 'vi').filter((s) => en.has(s));
}
