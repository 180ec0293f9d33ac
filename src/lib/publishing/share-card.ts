/**
 * The picture Zalo and Facebook show when a document, a news item or an
 * answered question is shared: its kind and number (or column, or topic), its
 * title, its date and the agency, in the page's language — made from the
 * entry's data alone. The card's address is the hash of what it shows, so an
 * unchanged card keeps its address and its cached image
 * (scripts/lib/share-cards.ts draws it with satori and resvg).
 */
import { createHash } from 'node:crypto';
import { formatDate } from '../dates.ts';
import type { Locale } from '../locales.ts';

/** What a card shows, top to bottom. */
export interface ShareCard {
  /** “Quyết định 1624/QĐ-BHXH”, “Tin tức - Sự kiện”, “Hỏi đáp · Bảo hiểm y tế”. */
  kicker: string;
  title: string;
  /** The date as the page shows it (dd/mm/yyyy or in English words), if the entry has one. */
  date?: string;
  /** The agency's name. */
  agency: string;
  locale: Locale;
}

/** The longest title a card shows in full; longer ones end with “…” at a word. */
export const CARD_TITLE_MAX = 140;

export function cardTitle(title: string): string {
  if (title.length <= CARD_TITLE_MAX) return title;
  const cut = title.slice(0, CARD_TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > CARD_TITLE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/u, '')}…`;
}

export function shareCard(fields: { kicker: string; title: string; date?: string | undefined; agency: string }, locale: Locale): ShareCard {
  return {
    kicker: fields.kicker.trim(),
    title: cardTitle(fields.title),
    ...(fields.date ? { date: formatDate(fields.date.slice(0, 10), locale) } : {}),
    agency: fields.agency,
    locale,
  };
}

/** The card's file name: a hash of everything it shows. */
export function cardKey(card: ShareCard): string {
  return createHash('sha256').update(JSON.stringify([card.locale, card.kicker, card.title, card.date ?? '', card.agency])).digest('hex').slice(0, 20);
}

/** The card's address on the site. */
export function cardPath(card: ShareCard): string {
  return `/og/${cardKey(card)}.png`;
}

/** What the picture shows, said in words (og:image:alt). */
export function cardAlt(card: ShareCard): string {
  return [card.kicker, card.title, card.date, card.agency].filter(Boolean).join(' — ');
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

interface CardNode {
  type: string;
  props: { style: Record<string, string | number>; children?: string | CardNode[] };
}

const node = (style: Record<string, string | number>, children?: string | CardNode[]): CardNode => ({ type: 'div', props: { style, ...(children === undefined ? {} : { children }) } });

/**
 * The card as a tree of boxes (the element shape satori reads): the
 * portal's blue, a yellow bar, kicker, title, and date with the agency at the
 * foot. Texts are data, never markup.
 */
export function cardTree(card: ShareCard): CardNode {
  const titleSize = card.title.length > 90 ? 48 : card.title.length > 50 ? 58 : 68;
  // Satori sizes boxes without their padding: the content box is given its size, inside a margin.
  const inner = { width: CARD_WIDTH - 2 * 80, height: CARD_HEIGHT - 2 * 64 };
  return node({ width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', background: '#0a4a85', color: '#ffffff', fontFamily: 'Be Vietnam Pro' }, [
    node({ display: 'flex', flexDirection: 'column', ...inner, margin: '64px 80px' }, [
      node({ width: 160, height: 12, background: '#ffdd00', marginBottom: 36 }),
      node({ display: 'flex', fontSize: 32, fontWeight: 700, color: '#ffdd00', marginBottom: 24 }, card.kicker),
      node({ display: 'flex', flexGrow: 1, fontSize: titleSize, fontWeight: 700, lineHeight: 1.2 }, card.title),
      node({ display: 'flex', justifyContent: 'space-between', fontSize: 30, borderTop: '2px solid #ffffff', paddingTop: 20 }, [
        node({ display: 'flex' }, card.agency),
        node({ display: 'flex' }, card.date ?? ''),
      ]),
    ]),
  ]);
}
