/**
 * Draws share cards into the card cache: satori (boxes and text to SVG, with
 * the Be Vietnam Pro font, which covers Vietnamese), resvg (SVG to PNG), then
 * sharp (libimagequant) to an opaque 16-colour palette PNG: a card has three
 * flat colours and their anti-aliased edges, so it looks the same at a third
 * of the size (40 KB → 13 KB; 20,000 cards would otherwise pass a 1 GB static
 * host by themselves, docs/performance.md). Run in the build's process for a
 * few cards, in worker threads for many (./share-card-worker.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
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

/** Colours of a card's palette: its three flat colours and the steps of their edges. */
export const CARD_COLOURS = 16;

/** The card as a palette PNG. */
export async function cardPng(card: ShareCard, fonts: Fonts): Promise<Buffer> {
  const rgba = new Resvg(await cardSvg(card, fonts), { fitTo: { mode: 'width', value: CARD_WIDTH } }).render().asPng();
  return sharp(rgba).removeAlpha().png({ palette: true, colors: CARD_COLOURS, dither: 0, effort: 1, compressionLevel: 9 }).toBuffer();
}

/** Returns a function that draws one card into `cache` as `<key>.png`. */
export async function cardDrawer(root: string, cache: string): Promise<(card: ShareCard) => Promise<void>> {
  const fonts = await loadFonts(root);
  return async (card) => {
    await writeFile(path.join(cache, `${cardKey(card)}.png`), await cardPng(card, fonts));
  };
}
