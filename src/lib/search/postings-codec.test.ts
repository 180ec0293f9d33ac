import { describe, expect, it } from 'vitest';
import type { Postings } from './index-format.ts';
import { packChunk, postingsOfPacked, unpackChunk } from './postings-codec.ts';

const common: Postings = {
  f: ['', 'bảo', 'báo', 'bạo'],
  p: [0, ...Array.from({ length: 9_999 }, () => 1)],
  w: Array.from({ length: 10_000 }, (_, i) => 24 * (1 + (i % 40))),
  v: Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? [1, 2] : i % 11 === 0 ? [0, 1, 2] : 1)),
  t: [3, 500, 70_000],
  s: [1, 3, 24, 9_000, 3, 48],
};
const rare: Postings = { f: [''], p: [12], w: [0], v: [0], t: [12] };
const fractional: Postings = { f: ['x'], p: [1, 2], w: [2.5, 300_000], v: [0, 0], t: [] };

describe('a chunk of postings, packed', () => {
  it('reads back exactly what was packed: every width, spelling sets, titles and shared places', () => {
    const words: [string, Postings][] = [
      ['bao', common],
      ['baohiem', rare],
      ['constructor', fractional],
    ];
    const chunk = unpackChunk(packChunk(words));
    expect([...chunk.keys()]).toEqual(['bao', 'baohiem', 'constructor']);
    for (const [key, postings] of words) expect(postingsOfPacked(chunk.get(key)!)).toEqual(postings);
    // Spellings as sets: three distinct sets for ten thousand pages.
    expect(chunk.get('bao')!.sets).toEqual([[1, 2], 1, [0, 1, 2]]);
    // Small numbers take a byte, page numbers past 65,535 four, a weight that is not an integer eight.
    expect(chunk.get('bao')!.p).toBeInstanceOf(Uint8Array);
    expect(chunk.get('bao')!.w).toBeInstanceOf(Uint16Array);
    expect(chunk.get('bao')!.t).toBeInstanceOf(Uint32Array);
    expect(chunk.get('constructor')!.w).toBeInstanceOf(Float64Array);
  });

  it('gives the same bytes for the same words, and reads from a part of a larger buffer', () => {
    const a = packChunk([['bao', common]]);
    expect(packChunk([['bao', common]])).toEqual(a);
    const larger = new Uint8Array(a.length + 3);
    larger.set(a, 3);
    expect(postingsOfPacked(unpackChunk(larger.subarray(3)).get('bao')!)).toEqual(common);
  });

  it('fails with an error on bytes that are not a chunk, never reading past them', () => {
    const bytes = packChunk([['bao', common]]);
    expect(() => unpackChunk(bytes.subarray(0, bytes.length - 10))).toThrow();
    expect(() => unpackChunk(new TextEncoder().encode('{"bao":{}}'))).toThrow();
    expect(() => unpackChunk(new Uint8Array(2))).toThrow();
  });
});
