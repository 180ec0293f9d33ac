import { describe, expect, it } from 'vitest';
import { buildDate, formatDate, formatVietnamDateTime, startOfVietnamDay, vietnamDate, vietnamDateTimeOf } from './dates.ts';

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

  it('start a day at midnight Vietnam time', () => {
    expect(startOfVietnamDay('2024-09-16').toISOString()).toBe('2024-09-15T17:00:00.000Z');
  });
});

describe('vietnamDateTimeOf and formatVietnamDateTime: moments in Vietnam time', () => {
  it('writes an instant as Vietnam local time to the minute, across midnight', () => {
    expect(vietnamDateTimeOf(Date.parse('2026-09-01T10:00:59Z'))).toBe('2026-09-01T17:00');
    expect(vietnamDateTimeOf(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01T00:30');
  });

  it('shows a VietnamDateTime day first in Vietnamese and in words in English', () => {
    expect(formatVietnamDateTime('2026-09-01T17:00', 'vi')).toBe('01/09/2026 17:00');
    expect(formatVietnamDateTime('2026-09-01T17:00', 'en')).toBe('1 September 2026, 17:00');
  });
});
