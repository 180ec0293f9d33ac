import { describe, expect, it } from 'vitest';
import { findNonNfc, foldDiacritics, foldDStroke, spellOut, toSlug } from './text.ts';

describe('Vietnamese text', () => {
  it('turns titles into ASCII slugs', () => {
    expect(toSlug('Đăng ký BHXH tự nguyện')).toBe('dang-ky-bhxh-tu-nguyen');
    expect(toSlug('  Quyết định 1624/QĐ-BHXH  ')).toBe('quyet-dinh-1624-qd-bhxh');
    expect(toSlug('Hướng dẫn: “Ứng dụng VssID”!')).toBe('huong-dan-ung-dung-vssid');
  });

  it('folds diacritics, or only đ', () => {
    expect(foldDiacritics('Địa chỉ Đào Việt Ánh')).toBe('Dia chi Dao Viet Anh');
    expect(foldDStroke('đăng Đào')).toBe('dăng Dào');
  });

  it('finds text that is not NFC, with line and column', () => {
    const text = `dòng một\nViệt Nam ${'Việt'.normalize('NFD')}\n`;
    expect(findNonNfc(text, 5)).toEqual([{ line: 6, column: 12, found: 'ệ'.normalize('NFD'), expected: 'ệ' }]);
    expect(findNonNfc('Tiếng Việt chuẩn NFC')).toEqual([]);
  });

  it('spells decomposed text out by code points', () => {
    expect(spellOut('ệ'.normalize('NFD'))).toBe('e + U+0323 + U+0302');
    expect(spellOut('ệ')).toBe('U+1EC7');
  });
});
