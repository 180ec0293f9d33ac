/**
 * Vietnamese text helpers: ASCII slugs, diacritic folding, Unicode NFC checks
 * (TCVN 6909:2001 requires precomposed Unicode).
 */

/** Removes tone and vowel marks and turns đ/Đ into d/D: "Đăng ký" → "Dang ky". */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Only turns đ/Đ into d/D, keeping tones: "đăng ký" → "dăng ký". */
export function foldDStroke(s: string): string {
  return s.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** An ASCII URL slug: "Đăng ký BHXH tự nguyện" → "dang-ky-bhxh-tu-nguyen". */
export function toSlug(s: string): string {
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface NfcProblem {
  line: number;
  column: number;
  /** The characters as written (decomposed). */
  found: string;
  /** The same characters in NFC. */
  expected: string;
}

/** Every line of `text` that is not in Unicode NFC, with the first bad column. */
export function findNonNfc(text: string, firstLine = 1): NfcProblem[] {
  if (text === text.normalize('NFC')) return [];
  const problems: NfcProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line === line.normalize('NFC')) return;
    const chars = [...line];
    for (let c = 0; c < chars.length; c++) {
      if (!/\p{M}/u.test(chars[c]!)) continue;
      // Find the cluster: base character plus its following marks.
      let start = c;
      while (start > 0 && /\p{M}/u.test(chars[start]!)) start--;
      let end = c;
      while (end + 1 < chars.length && /\p{M}/u.test(chars[end + 1]!)) end++;
      const cluster = chars.slice(start, end + 1).join('');
      if (cluster !== cluster.normalize('NFC')) {
        problems.push({ line: firstLine + i, column: start + 1, found: cluster, expected: cluster.normalize('NFC') });
        return;
      }
      c = end;
    }
    problems.push({ line: firstLine + i, column: 1, found: line, expected: line.normalize('NFC') });
  });
  return problems;
}

/** Code points, to show decomposed text apart from its NFC form: “e + U+0323 + U+0302”. */
export function spellOut(text: string): string {
  const points = [...text].map((c) => (c.charCodeAt(0) < 0x80 ? c : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`));
  return points.length > 8 ? `${points.slice(0, 8).join(' + ')} + …` : points.join(' + ');
}
