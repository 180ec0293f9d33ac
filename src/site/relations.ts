/**
 * The library documents a document's relations point at (src/lib/documents/relations.ts):
 * by the slug the editor picked, or by number. The document page links them, and
 * its incremental-build fingerprint (./incremental.ts) holds them, from this one place.
 */
import type { Locale } from '../lib/locales.ts';
import { documentsByNumber, relatedSlug } from '../lib/documents/relations.ts';
import { entryMap, once } from './entries.ts';

/** Number → slug over the documents with a page in `locale` and in Vietnamese; made once per language and build. */
function documentNumbers(locale: Locale): Promise<Map<string, string>> {
  return once(`documents/${locale}/by-number`, async () =>
    documentsByNumber([...(await entryMap('documents', locale)).values(), ...(await entryMap('documents', 'vi')).values()].map((e) => ({ slug: e.slug, number: e.data.number }))),
  );
}

/** For each relation of document `slug`, the slug of the library document it points at (never the document itself), or undefined. */
export async function relationTargets(locale: Locale, slug: string, relations: { document?: string | undefined; number?: string | undefined }[]): Promise<(string | undefined)[]> {
  const [here, originals, byNumber] = await Promise.all([entryMap('documents', locale), entryMap('documents', 'vi'), documentNumbers(locale)]);
  return relations.map((r) => {
    const found = relatedSlug(r, (s) => here.has(s) || originals.has(s), byNumber);
    return found === slug ? undefined : found;
  });
}
