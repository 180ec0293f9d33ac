/**
 * RSS feeds per language: latest news and latest documents. Dates in Vietnam
 * time (src/lib/publishing/rss.ts), the feed's own address (`atom:link rel="self"`), and
 * as the last build date the newest item's date, so that the same content
 * gives the same feed.
 */
import rss from '@astrojs/rss';
import { ui } from '../i18n/index.ts';
import { localeInfo, type Locale } from '../lib/locales.ts';
import { collectionPath, entryPath, feedPath } from '../lib/routes.ts';
import { rssDate, xmlText } from '../lib/publishing/rss.ts';
import { newest } from './entries.ts';
import { getSettings } from './settings.ts';

const FEED_SIZE = 50;

interface FeedItem {
  title: string;
  description: string | undefined;
  day: string;
  link: string;
  categories?: string[] | undefined;
}

export async function feed(locale: Locale, collection: 'news' | 'documents', site: URL): Promise<Response> {
  const t = ui(locale);
  const { site: settings } = await getSettings();
  const items: FeedItem[] = (
    collection === 'news'
      ? (await newest('news', locale)).map((e) => ({ title: e.data.title, description: e.data.summary, day: e.data.date, link: entryPath(locale, 'news', e.slug, e.data.english_address), categories: e.data.tags }))
      : (await newest('documents', locale))
          .filter((e) => e.data.issued)
          .map((e) => ({
            title: e.data.number ? `${e.data.number} — ${e.data.title}` : e.data.title,
            description: e.data.summary,
            day: e.data.issued!,
            link: entryPath(locale, 'documents', e.slug, e.data.english_address),
          }))
  ).slice(0, FEED_SIZE);
  const self = new URL(feedPath(locale, collection), site).href;
  return rss({
    title: xmlText(`${collection === 'news' ? t.newsTitle : t.documentsTitle} — ${settings.portal_name[locale]}`),
    description: xmlText(collection === 'news' ? settings.portal_name[locale] : t.documentsIntro),
    site: new URL(collectionPath(locale, collection), site).href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    items: items.map((item) => ({
      title: xmlText(item.title),
      ...(item.description ? { description: xmlText(item.description) } : {}),
      link: item.link,
      customData: `<pubDate>${rssDate(item.day)}</pubDate>`,
      ...(item.categories ? { categories: item.categories.map(xmlText) } : {}),
    })),
    customData:
      `<language>${localeInfo[locale].htmlLang}</language>` +
      `<atom:link href="${self}" rel="self" type="application/rss+xml"/>` +
      (items[0] ? `<lastBuildDate>${rssDate(items[0].day)}</lastBuildDate>` : ''),
  });
}
