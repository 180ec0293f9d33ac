/**
 * The sitemap: every indexable page (src/site/indexing.ts), with its language
 * alternates and x-default (src/site/alternates.ts, as the page's own head has
 * them) and, for entries, the date of their last publication from the
 * published history (src/site/history.ts; minor edits do not count).
 */
import type { APIRoute } from 'astro';
import { sitemapXml, type SitemapUrl } from '../lib/publishing/sitemap.ts';
import { localeInfo, locales } from '../lib/locales.ts';
import { viewAlternates } from '../site/alternates.ts';
import { entryMap } from '../site/entries.ts';
import { publicationDates } from '../site/history.ts';
import { indexable } from '../site/indexing.ts';
import { routeTable, VIEW_COLLECTION, type View } from '../site/route-table.ts';

/** When an entry page was last published (ISO 8601 with offset); undefined when its history is unknown. */
async function lastPublished(view: View): Promise<string | undefined> {
  if (view.kind !== 'page' && view.kind !== 'news' && view.kind !== 'document' && view.kind !== 'qa') return undefined;
  return (await publicationDates((await entryMap(VIEW_COLLECTION[view.kind], view.locale)).get(view.slug)?.filePath)).modified;
}

export const GET: APIRoute = async ({ site }) => {
  const abs = (p: string) => new URL(p, site).href;
  const urls: SitemapUrl[] = [];
  for (const route of await routeTable()) {
    if (!indexable(route.view)) continue;
    const pages = (await viewAlternates(route.view))?.alternates ?? {};
    const present = locales.filter((l) => pages[l]);
    // Alternates only where the page exists in more than one language; x-default is the Vietnamese original.
    const alternates: SitemapUrl['alternates'] =
      present.length > 1 ? [...present.map((l) => ({ hreflang: localeInfo[l].hreflang, href: abs(pages[l]!) })), { hreflang: 'x-default', href: abs(pages.vi!) }] : [];
    urls.push({ loc: abs(route.path), lastmod: await lastPublished(route.view), alternates });
  }
  return new Response(sitemapXml(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
