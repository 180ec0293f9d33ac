/**
 * The share card of each document, news item and question page
 * (src/lib/publishing/share-card.ts), from the entry's data: the page names
 * it in its head, and the build records every card of the route table
 * (./share-cards-manifest.ts) for scripts/lib/publishing/share-cards.ts to draw.
 */
import { ui } from '../i18n/index.ts';
import type { Locale } from '../lib/locales.ts';
import { cardAlt, cardPath, shareCard, type ShareCard } from '../lib/publishing/share-card.ts';
import { documentKinds, documentStatuses } from '../lib/schema/collections.ts';
import { entryMap } from './entries.ts';
import type { Route } from './route-table.ts';
import { getSettings } from './settings.ts';
import { writeShareCardManifest } from './share-cards-manifest.ts';

export type CardKind = 'news' | 'document' | 'qa';

/** The card of an entry's page, or undefined when it has none (no such entry). */
export async function entryShareCard(kind: CardKind, locale: Locale, slug: string): Promise<ShareCard | undefined> {
  const { site, taxonomy } = await getSettings();
  const agency = site.name[locale];
  if (kind === 'news') {
    const e = (await entryMap('news', locale)).get(slug);
    if (!e) return undefined;
    const column = taxonomy.columns.find((c) => c.key === e.data.column)?.[locale] ?? ui(locale).newsTitle;
    return shareCard({ kicker: column, title: e.data.title, date: e.data.date, agency }, locale);
  }
  if (kind === 'document') {
    const e = (await entryMap('documents', locale)).get(slug);
    if (!e) return undefined;
    const d = e.data;
    const kicker = `${documentKinds[d.kind][locale]} ${d.number ?? `— ${documentStatuses[d.status][locale]}`}`;
    return shareCard({ kicker, title: d.title, date: d.issued, agency }, locale);
  }
  const e = (await entryMap('qa', locale)).get(slug);
  if (!e) return undefined;
  const topic = taxonomy.qa_topics.find((x) => x.key === e.data.topic)?.[locale];
  return shareCard({ kicker: topic ? `${ui(locale).qaTitle} · ${topic}` : ui(locale).qaTitle, title: e.data.title, date: e.data.answered, agency }, locale);
}

/** The card's address and its description in words, for the page's head. */
export async function shareCardMeta(kind: CardKind, locale: Locale, slug: string): Promise<{ path: string; alt: string } | undefined> {
  const card = await entryShareCard(kind, locale, slug);
  return card && { path: cardPath(card), alt: cardAlt(card) };
}

/** Records the cards of every entry page of the route table (built this time or not). */
export async function writeShareCards(routes: Route[]): Promise<void> {
  const cards: ShareCard[] = [];
  for (const { view } of routes) {
    if (view.kind !== 'news' && view.kind !== 'document' && view.kind !== 'qa') continue;
    const card = await entryShareCard(view.kind, view.locale, view.slug);
    if (card) cards.push(card);
  }
  await writeShareCardManifest(cards);
}
