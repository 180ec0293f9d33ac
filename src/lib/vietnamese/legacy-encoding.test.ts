import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../content-loader/read-content.ts';
import { decodeLegacy, findLegacyEncoding, type LegacyEncoding } from './legacy-encoding.ts';

/**
 * Encodes Unicode Vietnamese the way a TCVN3 or VNI font stored it, read back
 * as Windows-1252: the inverse of `decodeLegacy`, found by decoding every byte
 * (and, for VNI, every vowel followed by a byte), so the test needs no second table.
 */
function encoder(encoding: LegacyEncoding): (text: string) => string {
  const bytes = Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0xa1 + i));
  const inverse = new Map<string, string>();
  const learn = (written: string) => {
    const letter = decodeLegacy(written, encoding);
    if ([...letter].length === 1 && letter !== written && !inverse.has(letter)) inverse.set(letter, written);
  };
  bytes.forEach(learn);
  // VNI: a vowel and a mark byte of the same case.
  const upper = (c: string) => c !== c.toLowerCase();
  if (encoding === 'VNI') for (const base of 'aeiouyAEIOUYôöÔÖ') for (const b of bytes) if (upper(b) === upper(base)) learn(base + b);
  return (text) =>
    [...text.normalize('NFC')]
      .map((c) => inverse.get(c) ?? (encoding === 'TCVN3' ? inverse.get(c.toLowerCase()) : undefined) ?? c)
      .join('');
}
const tcvn3 = encoder('TCVN3');
const vni = encoder('VNI');

describe('findLegacyEncoding', () => {
  it('reads both encodings back', () => {
    expect(decodeLegacy('B¶o hiÓm x· héi ViÖt Nam', 'TCVN3')).toBe('Bảo hiểm xã hội Việt Nam');
    expect(decodeLegacy('Baûo hieåm xaõ hoäi Vieät Nam', 'VNI')).toBe('Bảo hiểm xã hội Việt Nam');
    expect(tcvn3('Bộ Y tế')).toBe('Bé Y tÕ');
    expect(vni('trường đăng ký')).toBe('tröôøng ñaêng kyù');
  });

  it('catches the words of the issue, with line, column, encoding and the likely word', () => {
    expect(findLegacyEncoding('Bé Y tÕ')).toEqual([{ line: 1, column: 6, word: 'tÕ', encoding: 'TCVN3', decoded: 'tế' }]);
    expect(findLegacyEncoding('x\nBaûo hieåm xaõ hoäi', 7)).toEqual([{ line: 8, column: 1, word: 'Baûo', encoding: 'VNI', decoded: 'Bảo' }]);
    for (const [text, decoded] of [
      ['Vieät Nam', 'Việt'],
      ['tröôøng', 'trường'],
      ['ñaêng kyù', 'đăng'],
    ] as const) {
      expect(findLegacyEncoding(text)[0]).toMatchObject({ encoding: 'VNI', decoded });
    }
  });

  it('catches typical sentences in both encodings: almost every Vietnamese line of content/', async () => {
    const lines = (await readContentFiles(process.cwd())).files
      .filter((f) => f.file.includes('/vi/'))
      .flatMap((f) => f.source.split('\n'))
      .filter((l) => /[^\x00-\x7f]/.test(l) && l !== l.toUpperCase());
    expect(lines.length).toBeGreaterThan(500);
    for (const [encoding, encode] of [
      ['TCVN3', tcvn3],
      ['VNI', vni],
    ] as const) {
      const found = lines.map((l) => findLegacyEncoding(encode(l))[0]);
      const caught = found.filter((f) => f?.encoding === encoding).length;
      expect(caught / lines.length, encoding).toBeGreaterThan(0.95);
    }
    expect(findLegacyEncoding(tcvn3('Hướng dẫn đăng ký tham gia bảo hiểm xã hội tự nguyện'))[0]?.encoding).toBe('TCVN3');
    expect(findLegacyEncoding(vni('Hướng dẫn đăng ký tham gia bảo hiểm xã hội tự nguyện'))[0]?.encoding).toBe('VNI');
  });

  it('also looks at frontmatter lines', () => {
    expect(findLegacyEncoding('---\ntitle: B¶o hiÓm x· héi\n---\n')).toEqual([{ line: 2, column: 8, word: 'B¶o', encoding: 'TCVN3', decoded: 'Bảo' }]);
  });

  it('never flags real Vietnamese: every file in content/, the benchmark word lists, ambiguous words', async () => {
    for (const f of (await readContentFiles(process.cwd())).files) expect(findLegacyEncoding(f.source), f.file).toEqual([]);
    for (const l of ['vi', 'en']) expect(findLegacyEncoding(readFileSync(`scripts/bench/words.${l}.txt`, 'utf8'))).toEqual([]);
    // “Bé” is Bộ in TCVN3 and “rõ” is rừ: as words they are real Vietnamese, so they pass.
    expect(findLegacyEncoding('Bé rõ ràng. Õ. RÕ RÀNG. Bộ Y tế, Quốc hội, khuya, giữ gìn, thuở, quyết định, nghĩa vụ, Đắk Lắk.')).toEqual([]);
  });

  it('never flags English or foreign names with Latin-1 letters and signs', () => {
    const text = [
      'Müller Zürich naïve café São Paulo Curaçao façade Ångström Øresund Brontë Zoë coöperate jalapeño',
      'piñata Señor España Führer Gödel Citroën Häagen-Dazs Mötley Crüe résumé fiancée crème brûlée',
      '© 2024 BHXH, Zalo®, 25°C, ±5, §3, ½ giờ, 5 µm, 10 µg, a · b, 3 × 4, 8 ÷ 2, « Bonjour », «Xin chào»',
    ].join('\n');
    expect(findLegacyEncoding(text)).toEqual([]);
  });
});
