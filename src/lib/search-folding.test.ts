import { describe, expect, it } from 'vitest';
import { addFoldedCopies, cleanExcerpt } from './search-folding.ts';

describe('đ → d search copies', () => {
  it('adds a copy after every word with đ', () => {
    expect(addFoldedCopies('Địa chỉ đăng ký của Đào')).toBe('Địa Dịa chỉ đăng dăng ký của Đào Dào');
    expect(addFoldedCopies('bảo hiểm')).toBe('bảo hiểm');
  });

  it('handles words next to punctuation, markup-like text and at the very end', () => {
    expect(addFoldedCopies('(Đà)Đà')).toBe('(Đà Dà)Đà Dà');
    expect(addFoldedCopies('a<đi>')).toBe('a<đi di>');
    expect(addFoldedCopies('a&đi')).toBe('a&đi di');
  });

  it('removes the copies from excerpts and keeps the highlight on the original', () => {
    expect(cleanExcerpt('thủ tục đăng <mark>dăng</mark> <mark>ký</mark> qua')).toBe('thủ tục <mark>đăng</mark> <mark>ký</mark> qua');
    expect(cleanExcerpt('<mark>địa</mark> dịa chỉ')).toBe('<mark>địa</mark> chỉ');
    expect(cleanExcerpt('Địa Dịa chỉ')).toBe('Địa chỉ');
  });

  it('leaves ordinary neighbouring words alone', () => {
    expect(cleanExcerpt('đang làm')).toBe('đang làm');
    expect(cleanExcerpt('Đà Nẵng')).toBe('Đà Nẵng');
  });

  it('round-trips: indexing then cleaning gives back the text', () => {
    const text = 'Đề nghị đăng ký địa chỉ thư điện tử để được hỗ trợ.';
    expect(cleanExcerpt(addFoldedCopies(text))).toBe(text);
  });
});
