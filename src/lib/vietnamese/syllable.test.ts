import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from './syllable.ts';

describe('isVietnameseSyllable', () => {
  it('accepts Vietnamese syllables in any of the three ways words are cased', () => {
    const words =
      'Bảo hiểm xã hội Việt Nam trường đăng ký Bộ Y tế quốc Quyết định khuya giữ gìn giếng thuở người ' +
      'nghĩa nghiệp ghế kịp gặp ươm yêu oai ưu ông uống anh ạ ấy ở ừ ỷ xoong hoà hòa thuế tuyển quyền quý QUỐC Đà';
    for (const w of words.split(' ')) expect(isVietnameseSyllable(w), w).toBe(true);
  });

  it('refuses what no Vietnamese word is', () => {
    const cases: [string, string][] = [
      ['tÕ', 'a capital inside the word'],
      ['Baûo', 'û is no Vietnamese letter'],
      ['cafộ', 'no such rhyme'],
      ['hoc', 'a stop final needs sắc or nặng'],
      ['hòc', 'a stop final needs sắc or nặng'],
      ['kơ', 'k only before i, e, ê, y'],
      ['ghu', 'gh only before i, e, ê'],
      ['ngi', 'ngh before i'],
      ['ci', 'k before i'],
      ['cuân', 'the /kw/ sound is spelt qu'],
      ['a\u0301\u0300', 'two tones'],
      ['pin', 'a bare p is a loanword'],
      ['Zalo', 'z is no Vietnamese letter'],
      ['', 'empty'],
    ];
    for (const [word, why] of cases) expect(isVietnameseSyllable(word), `${word}: ${why}`).toBe(false);
  });
});
