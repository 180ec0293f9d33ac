/** What the browser tests expect to find, read from content/ (so the tests follow the content). */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { englishAddressOf } from '../../src/lib/content/english-addresses.ts';
import { parseEntryFile } from '../../src/lib/content/frontmatter.ts';
import { entryPath } from '../../src/lib/routes.ts';

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

/** The address of an entry's English page (its `english_address`, else its file name), as the site builds it. */
export function englishPath(collection: 'pages' | 'news' | 'documents' | 'qa', slug: string): string {
  const file = `content/${collection}/vi/${slug}.mdx`;
  return entryPath('en', collection, slug, englishAddressOf(parseEntryFile(file, readFileSync(file, 'utf8')).data));
}
