/** The XML sitemap (sitemaps.org) with hreflang alternates for translated pages. */
import { escapeMarkup as escapeXml } from '../markup-text.ts';

export interface SitemapUrl {
  loc: string;
  lastmod?: string | undefined;
  alternates: { hreflang: string; href: string }[];
}


export function sitemapXml(urls: SitemapUrl[]): string {
  const body = urls
    .map((u) => {
      const alternates = u.alternates
        .map((a) => `\n    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`)
        .join('');
      const lastmod = u.lastmod ? `\n    <lastmod>${escapeXml(u.lastmod)}</lastmod>` : '';
      return `  <url>\n    <loc>${escapeXml(u.loc)}</loc>${lastmod}${alternates}\n  </url>`;
    })
    .join('\n');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    `${body}\n</urlset>\n`
  );
}
