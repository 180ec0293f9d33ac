/**
 * Share cards drawn for real (satori and resvg): PNG pictures of the size
 * Zalo and Facebook expect, every Vietnamese letter drawn by the font, drawn
 * once and then taken from the cache, and the cards of removed entries gone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardKey, shareCard, type ShareCard } from '../../../src/lib/publishing/share-card.ts';
import { writeShareCardManifest } from '../../../src/site/share-cards-manifest.ts';
import { cardSvg, loadFonts } from './share-card-drawing.ts';
import { drawShareCards } from './share-cards.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-cards-'));
const site = path.join(work, 'site');
const card = (title: string) => shareCard({ kicker: 'Quyết định 1624/QĐ-BHXH', title, date: '2024-09-16', agency: 'Bảo hiểm xã hội Việt Nam' }, 'vi');

beforeAll(() => {
  process.env.PORTAL_CACHE_DIR = path.join(work, 'cache');
});
afterAll(() => {
  delete process.env.PORTAL_CACHE_DIR;
  rmSync(work, { recursive: true, force: true });
});

/** Width, height and colour type (3: a palette) from a PNG's header, after checking its signature. */
function pngHeader(file: string): [number, number, number] {
  const png = readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [png.readUInt32BE(16), png.readUInt32BE(20), png[25]!];
}

describe('share cards', () => {
  it('are 1200×630 palette PNG pictures named by what they show, drawn once and then reused', async () => {
    const cards: ShareCard[] = [card('Quy chế hoạt động tài khoản Zalo'), card('<img src=x onerror=alert(1)> & “đặc biệt”')];
    await writeShareCardManifest(cards);
    expect(await drawShareCards(site, { quiet: true })).toEqual({ total: 2, drawn: 2, removed: 0 });
    expect(readdirSync(path.join(site, 'og')).sort()).toEqual(cards.map((c) => `${cardKey(c)}.png`).sort());
    // A palette of a few colours, opaque: a third of a true-colour card's bytes (docs/performance.md).
    for (const c of cards) expect(pngHeader(path.join(site, 'og', `${cardKey(c)}.png`))).toEqual([1200, 630, 3]);
    expect(await drawShareCards(site, { quiet: true })).toEqual({ total: 2, drawn: 0, removed: 0 });
  });

  it('removes the cards of entries that are gone, so an incremental build ends like a full one', async () => {
    await writeShareCardManifest([card('Quy chế hoạt động tài khoản Zalo')]);
    expect(await drawShareCards(site, { quiet: true })).toEqual({ total: 1, drawn: 0, removed: 1 });
    writeFileSync(path.join(site, 'og', 'stray.png'), 'x');
    expect((await drawShareCards(site, { quiet: true })).removed).toBe(1);
  });

  it('draws every letter of Vietnamese with the card’s font', async () => {
    const fonts = await loadFonts(process.cwd());
    const outlines = async (title: string) => (await cardSvg(card(title), fonts)).length;
    const empty = await outlines('');
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ'.split('').flatMap((l) => [l, ...['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'].map((tone) => `${l}${tone}`.normalize('NFC'))]);
    const missing: string[] = [];
    for (const letter of [...new Set(letters)]) if ((await outlines(letter)) <= empty) missing.push(letter);
    expect(missing).toEqual([]);
  });
});
