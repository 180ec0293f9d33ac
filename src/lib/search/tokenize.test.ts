/** Words as the index and the query see them: Pagefind's cutting, folding and stemming. */
import { describe, expect, it } from 'vitest';
import { dFold, foldMarks, indexableWords, queryTerms, stemmerFor } from './tokenize.ts';

const keys = (raw: string, locale: 'vi' | 'en' = 'vi') => indexableWords(raw, stemmerFor(locale)).map((w) => `${w.key}${w.form ? `=${w.form}` : ''}${w.part ? '(part)' : ''}`);

describe('indexableWords', () => {
  it('keeps letters and digits in lower case, folds marks and keeps the form, leaves đ', () => {
    expect(keys('Bảo')).toEqual(['bao=bảo']);
    expect(keys('Đăng')).toEqual(['đang=đăng']);
    expect(keys('2024')).toEqual(['2024']);
  });

  it('gives the parts of words joined by punctuation, case and digits', () => {
    expect(keys('1624/QĐ-BHXH')).toEqual(['1624qđbhxh', '1624(part)', 'qđ(part)', 'bhxh(part)']);
    expect(keys('VssID')).toEqual(['vssid', 'vss(part)', 'id(part)']);
    expect(keys('1DCitoB1Xw')).toEqual(['1dcitob1xw', 'cito(part)', 'xw(part)']);
    expect(keys('hội.')).toEqual(['hoi=hội']);
  });

  it('stems English words with Porter2, after folding', () => {
    expect(keys('Registration', 'en')).toEqual(['registr']);
    // The typographic apostrophe stays in the part's key, which shares its place with the word (record.ts).
    expect(keys('spokesperson’s', 'en')).toEqual(['spokesperson', 'spokesperson’(part)']);
  });
});

describe('queryTerms', () => {
  it('drops punctuation, lowercases, keeps the typed accents apart from the keys', () => {
    expect(queryTerms('  Bảo hiểm, “xã hội”! ')).toEqual({ original: ['bảo', 'hiểm', 'xã', 'hội'], terms: ['bao', 'hiem', 'xa', 'hoi'] });
    expect(queryTerms('QĐ-BHXH')).toEqual({ original: ['qđbhxh'], terms: ['qđbhxh'] });
    expect(queryTerms('…')).toEqual({ original: [], terms: [] });
  });
});

describe('folding', () => {
  it('removes marks but not the stroke of đ, which dFold turns into d', () => {
    expect(foldMarks('địa chỉ')).toBe('đia chi');
    expect(dFold(foldMarks('địa chỉ'))).toBe('dia chi');
  });
});
