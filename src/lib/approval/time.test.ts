import { describe, expect, it } from 'vitest';
import { dayMonthYear, shortSha, vietnamDay, vietnamTime } from './time.ts';

describe('Vietnam time', () => {
  it('shows instants as dd/mm/yyyy HH:mm at UTC+7, whatever offset they were written with', () => {
    expect(vietnamTime('2026-11-20T02:30:00Z')).toBe('20/11/2026 09:30');
    expect(vietnamTime('2026-11-20T09:30:00+07:00')).toBe('20/11/2026 09:30');
    expect(vietnamTime('2026-12-31T18:05:00Z')).toBe('01/01/2027 01:05');
  });
  it('gives the calendar day in Vietnam', () => {
    expect(vietnamDay('2026-11-19T16:59:59Z')).toBe('2026-11-19');
    expect(vietnamDay('2026-11-19T17:00:00Z')).toBe('2026-11-20');
  });
  it('writes dates and commits as people quote them', () => {
    expect(dayMonthYear('2026-01-05')).toBe('05/01/2026');
    expect(shortSha('c3d4e5f60718293a4b5c')).toBe('c3d4e5f');
  });
});
