import { describe, expect, it } from 'vitest';
import decapEnglish from 'decap-cms-locales/dist/esm/en/index.js';
import { portalEnglishPhrases } from './decap-locale-en.ts';
import { mergePhrases, phraseLeaves } from './decap-locale-vi.ts';

describe("Decap CMS's English interface", () => {
  it('says “not saved” where Decap says “Failed to persist entry”', () => {
    const leaves = new Map(phraseLeaves(mergePhrases(decapEnglish, portalEnglishPhrases)));
    expect(leaves.get('ui.toast.onFailToPersist')).toBe('The entry was not saved: %{details}');
  });
  it('only replaces keys Decap knows, with the same placeholders', () => {
    const english = new Map(phraseLeaves(decapEnglish));
    for (const [key, text] of phraseLeaves(portalEnglishPhrases)) {
      expect(english.has(key), key).toBe(true);
      expect(text.match(/%\{\w+\}/g), key).toEqual(english.get(key)!.match(/%\{\w+\}/g));
    }
  });
});
