import { describe, expect, it } from 'vitest';
import { byPathBytes, manifestText, parseManifest } from './manifest.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

describe('manifestText', () => {
  it('writes sha256sum lines sorted by the bytes of the path (folders first only by byte order)', () => {
    const text = manifestText([
      { path: 'tin-tuc/index.html', sha256: A },
      { path: 'en/index.html', sha256: B },
      { path: 'index.html', sha256: C },
      { path: 'en-x/a.css', sha256: A },
    ]);
    expect(text).toBe(`${A}  en-x/a.css\n${B}  en/index.html\n${C}  index.html\n${A}  tin-tuc/index.html\n`);
  });

  it('orders like LC_ALL=C sort: by UTF-8 bytes, not by UTF-16 code units', () => {
    // U+FF21 (3 bytes in UTF-8) sorts before U+1F600 (4 bytes, a surrogate pair in UTF-16) by bytes.
    expect(byPathBytes('\uFF21', '\u{1F600}')).toBeLessThan(0);
    expect('\uFF21' < '\u{1F600}').toBe(false);
  });

  it('escapes backslashes and line breaks as sha256sum does, and reads them back', () => {
    const entries = [{ path: 'odd\\name\nline.txt', sha256: A }];
    const text = manifestText(entries);
    expect(text).toBe(`\\${A}  odd\\\\name\\nline.txt\n`);
    expect(parseManifest(text)).toEqual({ entries, problems: [] });
  });

  it('keeps Vietnamese file names and spaces as they are', () => {
    const entries = [{ path: 'files/Quyết định 1624.pdf', sha256: B }];
    expect(parseManifest(manifestText(entries)).entries).toEqual(entries);
  });
});

describe('parseManifest', () => {
  it('names malformed lines and repeated paths by line number, in both languages', () => {
    const { entries, problems } = parseManifest(`${A}  index.html\nnot a line\n${B}  index.html\n${'z'.repeat(64)}  x\n`);
    expect(entries).toEqual([{ path: 'index.html', sha256: A }]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(problems[0]!.en).toContain('Line 2 of the manifest');
    expect(problems[0]!.vi).toContain('Dòng 2 của bảng kê');
    expect(problems[1]!.en).toContain('lists index.html a second time');
  });

  it('accepts the binary-mode marker of sha256sum (`*`)', () => {
    expect(parseManifest(`${A} *a.png\n`).entries).toEqual([{ path: 'a.png', sha256: A }]);
  });
});
