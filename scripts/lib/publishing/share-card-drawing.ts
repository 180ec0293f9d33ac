/**
 * Draws share cards into the card cache: satori (boxes and text to SVG, with
 * the Be Vietnam Pro font, which covers Vietnamese) then resvg (SVG to PNG).
 * Run in the build's process for a few cards, in worker threads for many
 * (./share-card-worker.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_HEIGHT, CARD_WIDTH, cardKey, cardTree, type ShareCard } from '../../../src/lib/publishing/share-card.ts';

export const FONT_PACKAGE = 'node_modules/@expo-google-fonts/be-vietnam-pro';
export const FONT_FILES = { 400: '400Regular/BeVietnamPro_400Regular.ttf', 700: '700Bold/BeVietnamPro_700Bold.ttf' } as const;

type Fonts = Parameters<typeof satori>[1]['fonts'];

export async function loadFonts(root: string): Promise<Fonts> {
  return Promise.all(
    Object.entries(FONT_FILES).map(async ([weight, file]) => ({ name: 'Be Vietnam Pro', data: await readFile(path.join(root, FONT_PACKAGE, file)), weight: Number(weight) as 400 | 700, style: 'normal' as const })),
  );
}

/** The card as SVG, its texts as glyph outlines. */
export function cardSvg(card: ShareCard, fonts: Fonts): Promise<string> {
  return satori(cardTree(card) as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
}

/** Returns a function that draws one card into `cache` as `<key>.png`. */
export async function cardDrawer(root: string, cache: string): Promise<(card: ShareCard) => Promise<void>> {
  const fonts = await loadFonts(root);
  return async (card) => {
    const png = new Resvg(await cardSvg(card, fonts), { fitTo: { mode: 'width', value: CARD_WIDTH } }).render().asPng();
    await writeFile(path.join(cache, `${cardKey(card)}.png`), png);
  };
}
