import { describe, expect, it } from 'vitest';
import en from './en.ts';
import { format } from './index.ts';
import vi from './vi.ts';

describe('UI strings', () => {
  it('exist in both languages, non-empty, NFC, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries(vi)) {
      const other = en[key as keyof typeof en];
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      expect(text, key).toBe(text.normalize('NFC'));
      const placeholders = (s: string) => [...s.matchAll(/\{\w+\}|\[[A-Z_]+\]/g)].map((m) => m[0]).sort();
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('fill placeholders', () => {
    expect(format(vi.pageOf, { n: 2, total: 5 })).toBe('Trang 2 / 5');
    expect(format(en.filterResults, { count: 3 })).toBe('3 documents');
  });
});
