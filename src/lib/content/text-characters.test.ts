import { describe, expect, it } from 'vitest';
import { characterName, findForbiddenCharacters, forbiddenCharacterMessage, hasForbiddenCharacter, inField } from './text-characters.ts';

describe('findForbiddenCharacters', () => {
  it('finds C0 controls, DEL, C1 controls, bidi controls, lone CR, noncharacters and lone surrogates, with line and column', () => {
    const text = 'a\u0001b\nc\u007Fd\u0085\n\u202Ee\u2066\u200F\u061C\rx\uFFFE\uD800';
    expect(findForbiddenCharacters(text).map((c) => [c.line, c.column, c.codePoint.toString(16)])).toEqual([
      [1, 2, '1'],
      [2, 2, '7f'],
      [2, 4, '85'],
      [3, 1, '202e'],
      [3, 3, '2066'],
      [3, 4, '200f'],
      [3, 5, '61c'],
      [3, 6, 'd'],
      [3, 8, 'fffe'],
      [3, 9, 'd800'],
    ]);
  });

  it('accepts tab, LF, CRLF line endings, Vietnamese, emoji (surrogate pairs), Arabic letters and zero-width joiners', () => {
    const text = 'Tiêu đề\tcột\r\nBảo hiểm xã hội 👍🏽 مرحبا\u200D\n';
    expect(findForbiddenCharacters(text)).toEqual([]);
    expect(hasForbiddenCharacter(text)).toBe(false);
  });

  it('names each character as Unicode does', () => {
    expect(characterName(0x01)).toBe('U+0001 (START OF HEADING)');
    expect(characterName(0x202e)).toBe('U+202E (RIGHT-TO-LEFT OVERRIDE)');
    expect(characterName(0x85)).toBe('U+0085 (C1 CONTROL)');
  });

  it('says where, what and how to fix, in NFC Vietnamese and English', () => {
    const m = forbiddenCharacterMessage(0x202e, inField('phone'), true);
    expect(m.vi).toContain('U+202E (RIGHT-TO-LEFT OVERRIDE) trong trường “phone”, viết dưới dạng mã thoát');
    expect(m.en).toContain('in the field “phone”, written as an escape');
    expect(m.vi).toBe(m.vi.normalize('NFC'));
  });
});
