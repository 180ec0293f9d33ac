import { describe, expect, it } from 'vitest';
import { dateLine, officialHeader, vietnameseDocumentDate } from './official-header.ts';

describe('the date as a document prints it (Decree 30/2020/NĐ-CP)', () => {
  it.each([
    ['2024-09-16', 'ngày 16 tháng 9 năm 2024'],
    ['2024-01-05', 'ngày 05 tháng 01 năm 2024'],
    ['2021-02-28', 'ngày 28 tháng 02 năm 2021'],
    ['2021-03-01', 'ngày 01 tháng 3 năm 2021'],
    ['2020-12-09', 'ngày 09 tháng 12 năm 2020'],
  ])('%s → %s', (iso, text) => {
    expect(vietnameseDocumentDate(iso)).toBe(text);
  });

  it('puts the place first, in each language', () => {
    expect(dateLine('2024-09-16', 'Hà Nội', 'vi')).toBe('Hà Nội, ngày 16 tháng 9 năm 2024');
    expect(dateLine('2024-09-16', 'Hanoi', 'en')).toBe('Hanoi, 16 September 2024');
    expect(dateLine('2024-09-16', undefined, 'vi')).toBe('Ngày 16 tháng 9 năm 2024');
  });
});

describe('officialHeader', () => {
  const letter = { parent_issuer: 'Bảo hiểm xã hội Việt Nam', issuer: 'Bảo hiểm xã hội tỉnh Khánh Hòa', number: '1436/BHXH-TT&PTĐT', kind: 'cong-van', subject: 'tăng cường truyền thông', place: 'Khánh Hòa', issued: '2021-08-31' };

  it('stacks the parent body above the issuer and keeps a letter’s subject', () => {
    expect(officialHeader(letter, 'vi')).toEqual({
      issuers: ['Bảo hiểm xã hội Việt Nam', 'Bảo hiểm xã hội tỉnh Khánh Hòa'],
      number: '1436/BHXH-TT&PTĐT',
      subject: 'tăng cường truyền thông',
      dateLine: 'Khánh Hòa, ngày 31 tháng 8 năm 2021',
    });
  });

  it('shows a subject only on an official letter', () => {
    expect(officialHeader({ ...letter, kind: 'quyet-dinh' }, 'vi')?.subject).toBeUndefined();
  });

  it('has no header for a document not yet issued', () => {
    expect(officialHeader({ ...letter, issued: undefined, number: undefined }, 'vi')).toBeUndefined();
  });
});
