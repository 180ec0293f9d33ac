/** RSS feeds per language: latest news and latest documents. */
import rss from '@astrojs/rss';
import { ui } from '../i18n/index.ts';
import { startOfVietnamDay } from '../lib/dates.ts';
import { localeInfo, type Locale } from '../lib/locales.ts';
import { collectionPath, entryPath } from '../lib/routes.ts';
import { newest } from './entries.ts';
import { getSettings } from './settings.ts';

const FEED_SIZE = 50;

export async function feed(locale: Locale, collection: 'news' | 'documents', site: URL): Promise<Response> {
  const t = ui(locale);
  const { site: settings } = await getSettings();
  const items =
    collection === 'news'
      ? (await newest('news', locale)).map((e) => ({
          title: e.data.title,
          description: e.data.summary,
          pubDate: startOfVietnamDay(e.data.date),
          link: entryPath(locale, 'news', e.slug),
          categories: e.data.tags,
        }))
      : (await newest('documents', locale))
          .filter((e) => e.data.issued)
          .map((e) => ({
            title: e.data.number ? `${e.data.number} — ${e.data.title}` : e.data.title,
            description: e.data.summary,
            pubDate: startOfVietnamDay(e.data.issued!),
            link: entryPath(locale, 'documents', e.slug),
          }));
  return rss({
    title: `${collection === 'news' ? t.newsTitle : t.documentsTitle} — ${settings.portal_name[locale]}`,
    description: collection === 'news' ? settings.portal_name[locale] : t.documentsIntro,
    site: new URL(collectionPath(locale, collection), site).href,
    items: items.slice(0, FEED_SIZE),
    customData: `<language>${localeInfo[locale].htmlLang}</language>`,
  });
}
