/**
 * Words as the search index sees them — shared by the build (record.ts) and
 * the search page (query.ts), so that a page's words and a reader's query are
 * cut and normalised the same way.
 *
 * It follows Pagefind 1.6's documented and observed behaviour, re-implemented
 * here (Pagefind stays the tests' oracle, src/lib/search/parity tests):
 * - a page's text is cut at whitespace; each piece keeps only its letters and
 *   digits, in lower case;
 * - the key a word is found by has its marks removed (`bảo` → `bao`), and
 *   the word as written is kept as its *form*, which ranks pages where it
 *   matches the query's accents higher;
 * - pieces joined by punctuation or written in camel case also give their
 *   parts (`QĐ-BHXH` → `qđbhxh`, `qđ`, `bhxh`; `VssID` → `vssid`, `vss`,
 *   `id`), each part weighing its share;
 * - English words are stemmed with the Snowball English (Porter2) algorithm,
 *   as Pagefind does for `lang="en"`; Vietnamese is not stemmed.
 *
 * The portal adds one rule: `đ` is a letter of its own, which the mark
 * removal keeps, so `dang ky` would never find `đăng ký`. `dFold` gives the
 * spelling with `d`, under which a word with `đ` is also found (query.ts).
 */
import { stem } from 'porter2';
import type { Locale } from '../locales.ts';

/** One word of a page as indexed: its key, the form it had when that differs, and whether it is a part of a joined word. */
export interface IndexableWord {
  key: string;
  /** The word in lower case with its marks, when removing them changed it. */
  form?: string;
  part: boolean;
}

const ALPHANUMERIC = /[\p{Alphabetic}\p{N}]/u;
const MARKS = /\p{M}/gu;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Marks removed (`bảo` → `bao`); `đ` stays, as in Pagefind. */
export function foldMarks(word: string): string {
  return word.normalize('NFD').replace(MARKS, '');
}

/** `đ` written as `d`: the spelling readers type without a Vietnamese keyboard. */
export function dFold(word: string): string {
  return word.replaceAll('đ', 'd');
}

export type Stem = (word: string) => string;

/** The stemmer of a language: Porter2 for English, none for Vietnamese. */
export function stemmerFor(locale: Locale): Stem | undefined {
  return locale === 'en' ? stem : undefined;
}

/** UTF-8 length: how Pagefind measures a word's length. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * The parts of a joined word: punctuation, case changes and changes between
 * letters and digits separate them (`VssID` → vss id, `ABCDef` → abc def,
 * `Xw1DC` → xw 1 dc), as the convert_case crate Pagefind uses cuts words.
 */
function partsOf(raw: string): string[] {
  const spaced = raw
    .replace(ASCII_PUNCTUATION, ' ')
    .replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 ')
    .replace(/(\p{Lu})(?=\p{Lu}\p{Ll})/gu, '$1 ')
    .replace(/([\p{L}])(?=[0-9])/gu, '$1 ')
    .replace(/([0-9])(?=[\p{L}])/gu, '$1 ');
  return spaced.toLowerCase().split(/\s+/).filter(Boolean);
}

function keyOf(word: string, stemWord: Stem | undefined): { key: string; form?: string } {
  const folded = foldMarks(word);
  const key = stemWord ? stemWord(folded) : folded;
  return folded === word ? { key } : { key, form: word };
}

/** The words a piece of text (no whitespace in it) is indexed under. */
export function indexableWords(raw: string, stemWord?: Stem): IndexableWord[] {
  const out: IndexableWord[] = [];
  let normalized = '';
  for (const ch of raw) if (ALPHANUMERIC.test(ch)) normalized += ch.toLowerCase();
  if (normalized !== '') out.push({ ...keyOf(normalized, stemWord), part: false });
  const joined = [...raw].some((ch, i) => !ALPHANUMERIC.test(ch) || (i > 0 && /\p{Uppercase}/u.test(ch)));
  if (!joined) return out;
  const parts = partsOf(raw);
  const together = parts.join(' ');
  if (normalized !== '' && (parts.length > 1 || !normalized.startsWith(together))) {
    for (const part of parts) {
      if (utf8Length(part) <= 1) continue;
      out.push({ ...keyOf(part, stemWord), part: true });
    }
  }
  return out;
}

/**
 * A reader's query as Pagefind reads it: punctuation dropped, lower case,
 * spaces collapsed. `original` keeps the accents (for ranking), `terms` are
 * the keys looked up (marks removed, stemmed in English).
 */
export function queryTerms(query: string, stemWord?: Stem): { original: string[]; terms: string[] } {
  const kept = [...query.normalize('NFC')].filter((ch) => !/^[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]$/u.test(ch));
  const text = kept.join('').toLowerCase().replace(/\s+/g, ' ').trim();
  if (text === '') return { original: [], terms: [] };
  const original = text.split(' ');
  const terms = original.map((w) => (stemWord ? stemWord(foldMarks(w)) : foldMarks(w)));
  return { original, terms };
}
