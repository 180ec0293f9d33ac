import { describe, expect, it } from 'vitest';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import vi from 'decap-cms-locales/dist/esm/vi/index.js';
import { mergePhrases, phraseLeaves, portalVietnamesePhrases, samePhraseInBothLanguages } from './decap-locale-vi.ts';

const english = new Map(phraseLeaves(en));
const merged = new Map(phraseLeaves(mergePhrases(vi, portalVietnamesePhrases)));

describe("Decap CMS's Vietnamese interface", () => {
  it('has a Vietnamese text for every phrase Decap has in English', () => {
    const missing = [...english.keys()].filter((key) => !merged.has(key));
    expect(missing).toEqual([]);
  });

  it('says nothing in English (except the phrases listed as the same in both languages)', () => {
    const untranslated = [...english].filter(([key, text]) => merged.get(key) === text && !samePhraseInBothLanguages.includes(key)).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('spells the status in full (“Trạng thái”, not “Trạng”)', () => {
    expect(merged.get('editor.editorToolbar.status')).toBe('Trạng thái: %{status}');
  });

  it('only adds keys Decap knows, with the same placeholders as the English text', () => {
    for (const [key, text] of phraseLeaves(portalVietnamesePhrases)) {
      expect(english.has(key), key).toBe(true);
      const placeholders = (s: string) => [...s.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
    }
  });

  it('is in Unicode NFC', () => {
    for (const [key, text] of phraseLeaves(portalVietnamesePhrases)) expect(text.normalize('NFC'), key).toBe(text);
  });
});
