import { describe, expect, it } from 'vitest';
import { addDays, buildDate, formatDate, formatVietnamDateTime, isoWeekday, isRealDate, isVietnamDateTime, vietnamDate, vietnamDateTime, vietnamDateTimeAttribute } from './dates.ts';

describe('dates', () => {
  it('are dd/mm/yyyy in Vietnamese and in words in English', () => {
    expect(formatDate('2024-09-16', 'vi')).toBe('16/09/2024');
    expect(formatDate('2024-09-06', 'en')).toBe('6 September 2024');
  });

  it('use the date in Vietnam (UTC+7) as today', () => {
    expect(vietnamDate(new Date('2026-11-21T16:59:59Z'))).toBe('2026-11-21');
    expect(vietnamDate(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
    expect(buildDate({ PORTAL_TODAY: '2030-01-02' })).toBe('2030-01-02');
    expect(buildDate({}, new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
  });

  it('write a moment in Vietnam as YYYY-MM-DDTHH:mm (UTC+7)', () => {
    expect(vietnamDateTime(new Date('2026-02-13T10:45:00Z'))).toBe('2026-02-13T17:45');
    expect(vietnamDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01T00:00');
    expect(isVietnamDateTime('2026-02-13T17:45')).toBe(true);
    for (const bad of ['2026-02-30T10:00', '2026-02-13T24:00', '2026-02-13T7:45', '2026-02-13 17:45', '2026-02-13T17:45+07:00']) {
      expect(isVietnamDateTime(bad), bad).toBe(false);
    }
  });

  it('move dates by days across months and years, and name their weekday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(isoWeekday('2026-02-13')).toBe(5); // Friday
    expect(isoWeekday('2026-02-14')).toBe(6);
    expect(isoWeekday('2026-02-15')).toBe(7);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
  });
});

describe('moments in Vietnam (YYYY-MM-DDTHH:mm)', () => {
  it('are shown day first as the CMS shows them, in each language, and marked up with Vietnam’s offset', () => {
    expect(formatVietnamDateTime('2026-02-13T17:45', 'vi')).toBe('13/02/2026 17:45');
    expect(formatVietnamDateTime('2026-02-13T17:45', 'en')).toBe('13 February 2026, 17:45');
    expect(vietnamDateTimeAttribute('2026-02-13T17:45')).toBe('2026-02-13T17:45+07:00');
  });
});

describe('formatVietnamDateTime: moments in Vietnam time as people read them', () => {
  it('drops the seconds of an instant when writing it (vietnamDateTime)', () => {
    expect(vietnamDateTime(new Date('2026-09-01T10:00:59Z'))).toBe('2026-09-01T17:00');
  });

  it('shows a VietnamDateTime day first in Vietnamese and in words in English', () => {
    expect(formatVietnamDateTime('2026-09-01T17:00', 'vi')).toBe('01/09/2026 17:00');
    expect(formatVietnamDateTime('2026-09-01T17:00', 'en')).toBe('1 September 2026, 17:00');
  });
});
