import type { APIRoute } from 'astro';
import { sitemapXml, type SitemapUrl } from '../lib/sitemap.ts';
import { localeInfo, locales, type Locale } from '../lib/locales.ts';
import { entryPath } from '../lib/routes.ts';
import { entryMap } from '../site/entries.ts';
import { routeTable } from '../site/route-table.ts';

/** Every indexable page: not the "not translated" notices, not later pages of listings or filter combinations. */
export const GET: APIRoute = async ({ site }) => {
  const abs = (p: string) => new URL(p, site).href;
  const urls: SitemapUrl[] = [];
  for (const route of await routeTable()) {
    const v = route.view;
    // Not indexable: notices of missing translations and of removed entries (noindex), search.
    if (v.kind === 'untranslated' || v.kind === 'removed' || v.kind === 'search') continue;
    if ((v.kind === 'news-list' || v.kind === 'qa-list' || v.kind === 'library') && v.page > 1) continue;
    if (v.kind === 'library' && Object.values(v.filter).some(Boolean)) continue;
    let alternates: SitemapUrl['alternates'] = [];
    if (v.kind === 'page' || v.kind === 'news' || v.kind === 'document' || v.kind === 'qa') {
      const collection = ({ page: 'pages', news: 'news', document: 'documents', qa: 'qa' } as const)[v.kind];
      const present: Locale[] = [];
      for (const l of locales) if ((await entryMap(collection, l)).has(v.slug)) present.push(l);
      if (present.length > 1) {
        alternates = present.map((l) => ({ hreflang: localeInfo[l].hreflang, href: abs(entryPath(l, collection, v.slug)) }));
      }
    }
    urls.push({ loc: abs(route.path), alternates });
  }
  return new Response(sitemapXml(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
