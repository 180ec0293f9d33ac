/**
 * Finds Vietnamese text mangled by a legacy 8-bit encoding: typed with a
 * TCVN3 (ABC) or VNI Windows font and then read as Windows-1252/Latin-1, so
 * that “Việt Nam” arrives as “ViÖt Nam” (TCVN3) or “Vieät Nam” (VNI).
 *
 * A word is reported when it shows a sign of such text (a Latin-1 character
 * Vietnamese never uses, an upper-case Latin-1 letter right after a lower-case
 * letter, or a VNI mark byte after a vowel), is not itself a Vietnamese
 * syllable, and becomes one when decoded with the encoding's byte table. So
 * real Vietnamese (“Bé”, “rõ”) and foreign names (“Müller”, “São Paulo”) pass.
 */
import { isVietnameseSyllable } from './syllable.ts';

export type LegacyEncoding = 'TCVN3' | 'VNI';

/** The names converters (UniKey's “Công cụ chuyển mã”) give the encodings. */
export const encodingLabel: Record<LegacyEncoding, string> = { TCVN3: 'TCVN3 (ABC)', VNI: 'VNI Windows' };

export interface LegacyProblem {
  line: number;
  /** 1-based, in UTF-16 code units like the MDX parser's columns. */
  column: number;
  /** The word as written. */
  word: string;
  encoding: LegacyEncoding;
  /** What the word most likely was. */
  decoded: string;
}

/**
 * TCVN3 (ABC, TCVN 5712:1993 VN3): one byte per letter. The bytes as
 * Windows-1252 shows them, and the letters they stand for, in the same order.
 * (TCVN3 has no upper-case toned letters: those came from separate fonts.)
 */
const TCVN3_BYTES = 'µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00ADõøö÷ùúýûüþ¡¢§£¤¥¦';
const TCVN3_LETTERS = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ';

/**
 * VNI Windows: a base letter followed by a byte for its marks (“a” + “ù” is
 * á, “e” + “ä” is ệ), except for ơ, ư, đ and the toned i and ỵ, which have
 * their own bytes. Bytes as Windows-1252 shows them → Unicode (combining
 * marks where VNI combines).
 */
const VNI_MARKS: Record<string, string> = {
  ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323',
  â: '\u0302', á: '\u0302\u0301', à: '\u0302\u0300', å: '\u0302\u0309', ã: '\u0302\u0303', ä: '\u0302\u0323',
  ê: '\u0306', é: '\u0306\u0301', è: '\u0306\u0300', ú: '\u0306\u0309', ü: '\u0306\u0303', ë: '\u0306\u0323',
  ô: 'ơ', ö: 'ư', ñ: 'đ', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ',
};

function table(from: string, to: string): Map<string, string> {
  const a = [...from];
  const b = [...to];
  return new Map(a.map((c, i) => [c, b[i]!]));
}

const TCVN3 = table(TCVN3_BYTES, TCVN3_LETTERS);
const VNI = new Map<string, string>();
for (const [byte, text] of Object.entries(VNI_MARKS)) {
  VNI.set(byte, text);
  // Upper-case VNI uses the upper-case bytes: "AÙ" is Á, "Ö" is Ư.
  VNI.set(byte.toUpperCase(), text.toUpperCase());
}

export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  const map = encoding === 'TCVN3' ? TCVN3 : VNI;
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out.normalize('NFC');
}

/** Latin-1 characters that never occur in Unicode Vietnamese text as part of a word. */
const IMPOSSIBLE = '¡¢£¤¥¦§¨©ª«¬\u00AD®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ';
const SIGNAL = new RegExp(`[${IMPOSSIBLE}]|\\p{Ll}[À-ÖØ-Þ]|[aeoAEO][âêÂÊ]|[aeiouyôöAEIOUYÔÖ][ùõÙÕ]`, 'u');
/** Letters, marks and the Latin-1 symbols both encodings use as letters. */
const WORD = /[\p{L}\p{M}\u00A1-\u00BF\u00D7\u00F7]+/gu;

/** A word worth decoding: long enough, with a sign of legacy text, and not Vietnamese as it is. */
function suspicious(word: string): boolean {
  // One letter says too little; a leading µ is the micro sign (µm, µg).
  return word.length >= 2 && !word.startsWith('µ') && SIGNAL.test(word) && !isVietnameseSyllable(word);
}

/**
 * The first mangled word of each line of `text`. A word can decode into
 * Vietnamese in both encodings (“Uû” is Uỷ in TCVN3 and Ủ in VNI), so the
 * encoding is the one under which most suspicious words of the line decode.
 */
export function findLegacyEncoding(text: string, firstLine = 1): LegacyProblem[] {
  const problems: LegacyProblem[] = [];
  text.split('\n').forEach((line, i) => {
    if (!SIGNAL.test(line)) return;
    const hits: Record<LegacyEncoding, LegacyProblem[]> = { TCVN3: [], VNI: [] };
    for (const m of line.matchAll(WORD)) {
      if (!suspicious(m[0])) continue;
      for (const encoding of ['TCVN3', 'VNI'] as const) {
        const decoded = decodeLegacy(m[0], encoding);
        if (decoded !== m[0] && isVietnameseSyllable(decoded)) hits[encoding].push({ line: firstLine + i, column: m.index + 1, word: m[0], encoding, decoded });
      }
    }
    const best = hits.VNI.length > hits.TCVN3.length ? hits.VNI : hits.TCVN3;
    if (best[0]) problems.push(best[0]);
  });
  return problems;
}
