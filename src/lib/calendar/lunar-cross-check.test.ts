/**
 * The year files' lunar holidays against the Vietnamese lunar calendar, as
 * computed by @dqcai/vn-lunar (a dev dependency, chosen because it computes the
 * Vietnamese calendar, at UTC+7 — Hồ Ngọc Đức's algorithm — where libraries of
 * the Chinese calendar, at UTC+8, give another Tết in some years: 1985, 2030).
 * Each file's Tết (mùng 1 tháng Giêng) and Giỗ Tổ Hùng Vương (10 tháng Ba) must
 * fall on the solar date the library gives for that lunar date of its year.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import { describe, expect, it } from 'vitest';
import { validateCalendarFiles } from './calendar-file.ts';

const files = readdirSync('content/calendar').map((n) => ({ file: `content/calendar/${n}`, source: readFileSync(`content/calendar/${n}`, 'utf8') }));
const { files: years } = validateCalendarFiles(files);

const iso = (s: { day: number; month: number; year: number }) => `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
const solarOf = (day: number, month: number, year: number) => iso(getSolarDate(day, month, year));

describe('the lunar calendar library', () => {
  it('computes the Vietnamese calendar (UTC+7), not the Chinese one (UTC+8)', () => {
    expect(solarOf(1, 1, 1985)).toBe('1985-01-21'); // the Chinese calendar: 20 February 1985
    expect(solarOf(1, 1, 2030)).toBe('2030-02-02'); // the Chinese calendar: 3 February 2030
  });
});

describe.each([...years.entries()])('the %s holiday calendar', (year, data) => {
  it('has Tết on mùng 1 tháng Giêng of the lunar calendar', () => {
    const tet = data.holidays.find((h) => h.key === 'tet-nguyen-dan');
    expect(tet?.lunar).toEqual({ date: solarOf(1, 1, year), day: 1, month: 1 });
    const lunar = getLunarDate(...(tet!.lunar!.date.split('-').map(Number).reverse() as [number, number, number]));
    expect({ day: lunar.day, month: lunar.month, year: lunar.year, leap: lunar.leap }).toEqual({ day: 1, month: 1, year, leap: false });
    if (tet!.dates.length > 0) expect(tet!.dates).toContain(tet!.lunar!.date);
  });

  it('has Giỗ Tổ Hùng Vương on the 10th of the 3rd lunar month', () => {
    const gioTo = data.holidays.find((h) => h.key === 'gio-to-hung-vuong');
    expect(gioTo?.lunar).toEqual({ date: solarOf(10, 3, year), day: 10, month: 3 });
    expect(gioTo!.dates).toEqual([gioTo!.lunar!.date]);
  });

  it('gives every lunar date it states as the library computes it', () => {
    for (const h of data.holidays.filter((x) => x.lunar)) {
      expect(solarOf(h.lunar!.day, h.lunar!.month, year), h.key).toBe(h.lunar!.date);
    }
  });
});
