import { describe, expect, it } from 'vitest';
import { describeMoment, momentIso, parseMoment, formatInstantInVietnam } from './moments.ts';

const at = (text: string) => parseMoment(text);

describe('parseMoment', () => {
  it('takes a bare date as the end of that day in Vietnam', () => {
    const end = Date.parse('2026-03-01T16:59:59.999Z');
    expect(at('01/03/2026')).toEqual({ instant: end, day: '2026-03-01', wholeDay: true });
    expect(at('1/3/2026')).toEqual(at('01/03/2026'));
    expect(at('2026-03-01')).toEqual(at('01/03/2026'));
    expect(momentIso(at('01/03/2026')!)).toBe('2026-03-01T23:59:59.999+07:00');
  });

  it('takes times with an offset as given, and times without one in Vietnam time', () => {
    expect(at('2026-11-20T08:00+07:00')).toEqual({ instant: Date.parse('2026-11-20T01:00:00Z'), day: '2026-11-20', wholeDay: false });
    expect(at('2026-11-20T08:00')).toEqual(at('2026-11-20T08:00+07:00'));
    expect(at('20/11/2026 08:00')).toEqual(at('2026-11-20T08:00+07:00'));
    expect(at('2026-11-20T08:00:30.5Z')!.instant).toBe(Date.parse('2026-11-20T08:00:30Z'));
    // 17:30 UTC is already the next day in Vietnam.
    expect(at('2026-03-01T17:30:00Z')!.day).toBe('2026-03-02');
    expect(momentIso(at('2026-03-01T17:30:00Z')!)).toBe('2026-03-02T00:30:00+07:00');
  });

  it('refuses what is not a real date', () => {
    for (const text of ['31/02/2026', '2026-02-30', '00/01/2026', '2026-13-01', '20/11/26', '2026-11-20T24:00', '20/11/2026 8', 'hôm qua', '', '2026-11-20T08:00+0700x']) {
      expect(at(text), text).toBeUndefined();
    }
  });
});

describe('showing times', () => {
  it('in Vietnam time, in each language', () => {
    expect(formatInstantInVietnam('2026-03-01T17:30:00Z', 'vi')).toBe('02/03/2026 00:30');
    expect(formatInstantInVietnam('2026-03-01T16:30:00+00:00', 'en')).toBe('1 March 2026 23:30');
    expect(formatInstantInVietnam('2026-03-05T09:00:00+07:00', 'vi')).toBe('05/03/2026 09:00');
    expect(describeMoment(at('01/03/2026')!, 'vi')).toBe('cuối ngày 01/03/2026');
    expect(describeMoment(at('01/03/2026')!, 'en')).toBe('the end of 1 March 2026');
    expect(describeMoment(at('2026-03-02T00:30+07:00')!, 'vi')).toBe('lúc 02/03/2026 00:30 (giờ Việt Nam)');
  });
});
