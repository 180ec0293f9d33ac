import { describe, expect, it } from 'vitest';
import { foldForSearch, holds, vocabulary, vocabularyKey, wordsOf } from './search-vocabulary.ts';

describe('search vocabulary', () => {
  it('folds words as Pagefind compares them: no tone or vowel marks, đ kept', () => {
    expect(foldForSearch('Khánh')).toBe('khanh');
    expect(foldForSearch('Hòa')).toBe('hoa');
    expect(foldForSearch('Đăng')).toBe('đang');
    expect(wordsOf('Khánh Hòa, 1624/QĐ-BHXH')).toEqual(['khanh', 'hoa', '1624', 'qđ', 'bhxh']);
  });

  it('groups a shard’s words by first two letters, and finds words by prefix', () => {
    const groups = vocabulary(['<p>Khánh Hòa khả năng</p>', '<h2 id="x">Hoạt động &amp; hòa</h2>']);
    expect(groups.get(vocabularyKey('khanh'))).toEqual(['kha', 'khanh']);
    expect(groups.get(vocabularyKey('hoa'))).toEqual(['hoa', 'hoat']);
    expect(holds(groups.get('kh')!, 'khanh')).toBe(true);
    expect(holds(groups.get('kh')!, 'kh')).toBe(true);
    expect(holds(groups.get('kh')!, 'khanhs')).toBe(false);
    expect(holds(groups.get('ho')!, 'hoang')).toBe(false);
    expect(vocabularyKey('đang')).toBe('_111a');
    expect(vocabularyKey('x')).toBe('x');
  });
});
