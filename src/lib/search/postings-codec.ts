/**
 * A chunk of postings as its file holds it (docs/search-index-format.md,
 * “Postings”): numbers in little-endian arrays rather than JSON, so that the
 * search page reads them as typed arrays over the file's bytes — nothing to
 * parse, and nothing for the garbage collector to copy (a common word's
 * postings are tens of thousands of numbers, and a reader's first query
 * spent more time parsing and collecting them than ranking). The file is
 * gzip-compressed by the build (hosts send such files as they are).
 *
 * Layout: a 4-byte length, a JSON header of that many bytes — per word key
 * `[key, forms, spellingSets, [pages, pWidth, wWidth, vWidth, titles, tWidth,
 * shadows, sWidth]]` — then, word after word, its arrays `p`, `w`, `v`, `t`,
 * `s`, each starting at a multiple of its width. A width is 1, 2 or 4
 * (unsigned integers) or 8 (a 64-bit float, for a weight that is not an
 * integer). `v` holds, per page, an index into the word's spelling sets.
 */
import type { Postings } from './index-format.ts';

type Width = 1 | 2 | 4 | 8;

/** A word's postings as the search page reads them: views over the chunk's bytes. */
export interface PackedPostings {
  /** The spellings the word has on pages ('' = without marks). */
  f: string[];
  /** The distinct spelling sets of its pages: an index of `f`, or several. */
  sets: (number | number[])[];
  /** Page numbers as differences, weights, each page's spelling set (index of `sets`), title pages as differences, shadow triples. */
  p: ArrayLike<number>;
  w: ArrayLike<number>;
  v: ArrayLike<number>;
  t: ArrayLike<number>;
  s: ArrayLike<number>;
}

type HeaderRow = [key: string, forms: string[], sets: (number | number[])[], sizes: number[]];

function widthOf(values: readonly number[]): Width {
  let max = 0;
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) return 8;
    if (v > max) max = v;
  }
  return max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
}

const align = (at: number, width: number) => Math.ceil(at / width) * width;

/** The chunk's bytes (before compression), its words in the order given. */
export function packChunk(words: readonly [key: string, postings: Postings][]): Uint8Array {
  const header: HeaderRow[] = [];
  const arrays: { values: readonly number[]; width: Width }[] = [];
  for (const [key, postings] of words) {
    const sets: (number | number[])[] = [];
    // Most pages have one spelling: those sets are found by number, the others by their spellings joined.
    const single = new Map<number, number>();
    const several = new Map<string, number>();
    const v = postings.v.map((variant) => {
      let n = typeof variant === 'number' ? single.get(variant) : several.get(variant.join(','));
      if (n === undefined) {
        n = sets.length;
        if (typeof variant === 'number') single.set(variant, n);
        else several.set(variant.join(','), n);
        sets.push(variant);
      }
      return n;
    });
    const s = postings.s ?? [];
    const parts = [postings.p, postings.w, v, postings.t, s];
    const widths = parts.map(widthOf);
    parts.forEach((values, i) => arrays.push({ values, width: widths[i]! }));
    header.push([key, postings.f, sets, [postings.p.length, widths[0]!, widths[1]!, widths[2]!, postings.t.length, widths[3]!, s.length, widths[4]!]]);
  }
  const head = new TextEncoder().encode(JSON.stringify(header));
  let size = 4 + head.length;
  for (const { values, width } of arrays) size = align(size, width) + values.length * width;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, head.length, true);
  bytes.set(head, 4);
  let at = 4 + head.length;
  for (const { values, width } of arrays) {
    at = align(at, width);
    for (const value of values) {
      if (width === 1) view.setUint8(at, value);
      else if (width === 2) view.setUint16(at, value, true);
      else if (width === 4) view.setUint32(at, value, true);
      else view.setFloat64(at, value, true);
      at += width;
    }
  }
  return bytes;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** `count` numbers of `width` at `at`: a view over the bytes (or, on a big-endian machine, a copy). */
function numbers(buffer: ArrayBuffer, at: number, count: number, width: Width): ArrayLike<number> {
  if (littleEndian) {
    if (width === 1) return new Uint8Array(buffer, at, count);
    if (width === 2) return new Uint16Array(buffer, at, count);
    if (width === 4) return new Uint32Array(buffer, at, count);
    return new Float64Array(buffer, at, count);
  }
  const view = new DataView(buffer);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const p = at + i * width;
    out[i] = width === 1 ? view.getUint8(p) : width === 2 ? view.getUint16(p, true) : width === 4 ? view.getUint32(p, true) : view.getFloat64(p, true);
  }
  return out;
}

/** A chunk's words → their postings, read from its (decompressed) bytes. */
export function unpackChunk(bytes: Uint8Array): Map<string, PackedPostings> {
  // Typed arrays need their own aligned buffer: copied when the bytes are a part of a larger one.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  const buffer = own.buffer as ArrayBuffer;
  const length = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(own.subarray(4, 4 + length))) as HeaderRow[];
  const out = new Map<string, PackedPostings>();
  let at = 4 + length;
  const next = (count: number, width: Width) => {
    at = align(at, width);
    const values = numbers(buffer, at, count, width);
    at += count * width;
    return values;
  };
  for (const [key, f, sets, [pages, pw, ww, vw, titles, tw, shadows, sw]] of header) {
    const p = next(pages!, pw as Width);
    const w = next(pages!, ww as Width);
    const v = next(pages!, vw as Width);
    const t = next(titles!, tw as Width);
    const s = next(shadows!, sw as Width);
    out.set(key, { f, sets, p, w, v, t, s });
  }
  return out;
}

/** Packed postings back in the writer's form (an index patch changes them so). */
export function postingsOfPacked(packed: PackedPostings): Postings {
  return {
    f: packed.f,
    p: Array.from(packed.p),
    w: Array.from(packed.w),
    v: Array.from(packed.v, (n) => packed.sets[n]!),
    t: Array.from(packed.t),
    ...(packed.s.length > 0 ? { s: Array.from(packed.s) } : {}),
  };
}

/**
 * About the bytes a word packs to, without packing it: where a chunk is cut. A function of the
 * postings' lengths only (every path cuts alike), and no pass over their numbers.
 */
export function packedSize(key: string, postings: Postings): number {
  return key.length + 16 + postings.p.length * 4 + postings.t.length * 2 + (postings.s?.length ?? 0) * 2;
}
