import { describe, expect, it } from 'vitest';
import { readTypedDate, shownDate } from './vietnam-date.ts';

const TODAY = '2026-12-02';

describe('readTypedDate', () => {
  it('reads day/month/year, never month/day/year', () => {
    expect(readTypedDate('12/02/2026', 'date', { yearsAhead: 0 }, TODAY)).toEqual({ value: '2026-02-12' });
    expect(readTypedDate('2/9/2025', 'date', { yearsAhead: 0 }, TODAY)).toEqual({ value: '2025-09-02' });
  });

  it('reads a moment as Vietnam time', () => {
    expect(readTypedDate('01/12/2026 08:00', 'moment', { yearsAhead: 1 }, TODAY)).toEqual({ value: '2026-12-01T08:00:00+07:00' });
  });

  it('an empty field is empty', () => {
    expect(readTypedDate('  ', 'date', { yearsAhead: 0 }, TODAY)).toEqual({ value: '' });
  });

  it('refuses half-typed, impossible and implausible dates in both languages', () => {
    expect(readTypedDate('12/02/20', 'date', undefined, TODAY)).toEqual({
      error: { vi: '“12/02/20” không phải một ngày viết theo dạng ngày/tháng/năm, ví dụ 16/09/2024.', en: '“12/02/20” is not a date written day/month/year, for example 16/09/2024.' },
    });
    expect(readTypedDate('31/02/2026', 'date', undefined, TODAY)).toMatchObject({ error: { vi: expect.stringContaining('Không có ngày “31/02/2026”') } });
    expect(readTypedDate('02/12/1906', 'date', { yearsAhead: 0 }, TODAY)).toMatchObject({ error: { vi: expect.stringMatching(/^Ngày 02\/12\/1906 trước năm 1945/), en: expect.stringMatching(/^The date 02\/12\/1906 is before 1945/) } });
    expect(readTypedDate('03/12/2026', 'date', { yearsAhead: 0 }, TODAY)).toMatchObject({ error: { en: expect.stringContaining('is in the future') } });
    expect(readTypedDate('01/12/2026 24:00', 'moment', undefined, TODAY)).toMatchObject({ error: { vi: expect.stringContaining('Không có giờ “24:00”') } });
  });
});

describe('the Q&A register’s times (Vietnam time, no offset)', () => {
  it('reads dd/mm/yyyy hh:mm into YYYY-MM-DDTHH:mm and shows it back unchanged', () => {
    expect(readTypedDate('13/02/2026 17:45', 'vietnam-time', { yearsAhead: 0 }, TODAY)).toEqual({ value: '2026-02-13T17:45' });
    expect(readTypedDate('1/12/2026 8:05', 'vietnam-time', { yearsAhead: 0 }, TODAY)).toEqual({ value: '2026-12-01T08:05' });
    expect(shownDate('2026-02-13T17:45', 'vietnam-time')).toBe('13/02/2026 17:45');
    expect(readTypedDate('03/12/2026 08:00', 'vietnam-time', { yearsAhead: 0 }, TODAY)).toMatchObject({ error: { en: expect.stringContaining('is in the future') } });
    expect(readTypedDate('13/02/2026', 'vietnam-time', undefined, TODAY)).toMatchObject({ error: { vi: expect.stringContaining('ngày/tháng/năm giờ:phút') } });
  });
});

describe('shownDate', () => {
  it('shows dates day/month/year and moments in Vietnam time', () => {
    expect(shownDate('2026-02-12', 'date')).toBe('12/02/2026');
    expect(shownDate('2026-12-01T01:00:00Z', 'moment')).toBe('01/12/2026 08:00');
    expect(shownDate('2026-12-01T08:00:00+07:00', 'moment')).toBe('01/12/2026 08:00');
  });
});
