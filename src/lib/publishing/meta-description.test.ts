import { describe, expect, it } from 'vitest';
import { metaDescription } from './meta-description.ts';

describe('a page’s description', () => {
  it('is the text itself when short, on one line', () => {
    expect(metaDescription('Quy chế hoạt động\n  tài khoản Zalo.')).toBe('Quy chế hoạt động tài khoản Zalo.');
  });

  it('is cut at a word within 200 characters and ends with an ellipsis', () => {
    const long = 'Bảo hiểm xã hội Việt Nam hướng dẫn người lao động, ' .repeat(10);
    const d = metaDescription(long);
    expect([...d].length).toBeLessThanOrEqual(200);
    expect(d.endsWith('…')).toBe(true);
    expect(long.startsWith(d.slice(0, -1))).toBe(true);
    expect(d).not.toMatch(/[ ,]…$/);
    // Cut between words, never inside one.
    expect(long[d.length - 1]).toMatch(/[ ,]/);
  });

  it('counts characters, not UTF-16 units, and keeps Vietnamese whole', () => {
    const d = metaDescription('đ'.repeat(300));
    expect([...d].length).toBe(200);
    expect(d.normalize('NFC')).toBe(d);
  });
});
