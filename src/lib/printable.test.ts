import { describe, expect, it } from 'vitest';
import { printable, printableLines } from './printable.ts';

describe('printable', () => {
  it('keeps Vietnamese names, spaces, punctuation and symbols as they are', () => {
    for (const name of ['files/Quyết định 1624.pdf', 'tin-tức/index.html', 'a b\u00a0c', '“trích dẫn” — ©, €, 😀', 'Nghị định 01/2025/NĐ-CP (sửa đổi)']) {
      expect(printable(name)).toBe(name);
    }
    // Decomposed letters (a base letter and its combining marks) are letters too.
    expect(printable('Quye\u0302\u0301t')).toBe('Quye\u0302\u0301t');
  });

  it.each([
    ['\x1b[2Jindex.html', '\\x1b[2Jindex.html'],
    ['index.html\rHARMLESS', 'index.html\\rHARMLESS'],
    ['a\nb\tc', 'a\\nb\\tc'],
    ['bell\x07', 'bell\\x07'],
    ['del\x7f', 'del\\x7f'],
    ['c1\x9b31m', 'c1\\x9b31m'],
    ['0\u202e3 1 2 9', '0\\u202e3 1 2 9'],
    ['isolate\u2066x\u2069', 'isolate\\u2066x\\u2069'],
    ['zero\u200bwidth', 'zero\\u200bwidth'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['tag\u{e0041}', 'tag\\u{e0041}'],
    ['lone\ud800', 'lone\\ud800'],
    ['back\\slash', 'back\\\\slash'],
  ])('escapes %j', (raw, shown) => {
    expect(printable(raw)).toBe(shown);
  });

  it('leaves no control character in what it returns', () => {
    let all = '';
    for (let c = 0; c < 0x110000; c += c < 0x3000 ? 1 : 97) if (c < 0xd800 || c > 0xdfff) all += String.fromCodePoint(c);
    expect(printable(all)).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
  });

  it('escapes each line of several, keeping the line breaks', () => {
    expect(printableLines('one\x1b[2J\ntwo\r')).toBe('one\\x1b[2J\ntwo\\r');
  });
});
