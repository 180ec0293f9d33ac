import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../dates.ts';
import { siteSchema } from '../schema/settings.ts';
import { parseYamlWithPositions } from '../content/frontmatter.ts';
import { validateCalendarFiles } from './calendar-file.ts';
import {
  addWorkingDays,
  CalendarError,
  countingDay,
  isWorkingDay,
  MissingCalendarYear,
  UndeterminedCalendarDay,
  workingCalendar,
  workingDaysBetween,
  type WorkingCalendar,
} from './working-days.ts';

const files = readdirSync('content/calendar').map((n) => ({ file: `content/calendar/${n}`, source: readFileSync(`content/calendar/${n}`, 'utf8') }));
const checked = validateCalendarFiles(files);
const site = siteSchema.parse(parseYamlWithPositions('content/site.yml', readFileSync('content/site.yml', 'utf8')).data);
const calendar: WorkingCalendar = workingCalendar(checked.years, site.office_hours);

/**
 * The public sector's weekdays off and Saturdays worked, copied by hand from
 * the research (/work/shared/research/vn-holidays-2024-2027.md, `summary` of each
 * year), independently of the year files: the files must say exactly this.
 */
const expected = {
  2024: {
    off: ['2024-01-01', '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2024-04-18', '2024-04-29', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03'],
    worked: ['2024-05-04'],
  },
  2025: {
    off: ['2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02'],
    worked: ['2025-04-26'],
  },
  2026: {
    off: ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02', '2026-11-24'],
    worked: ['2026-01-10', '2026-08-22'],
  },
  // 2027: what the law fixes (computed); Tết and National Day await the notice.
  2027: { off: ['2027-01-01', '2027-04-16', '2027-04-30', '2027-05-03', '2027-11-24'], worked: [] as string[] },
} as const;

const undetermined2027 = [
  { from: '2027-01-23', to: '2027-02-21' },
  { from: '2027-08-21', to: '2027-09-12' },
];

describe('the year files', () => {
  it('are valid and cover 2024–2027', () => {
    expect(checked.issues).toEqual([]);
    expect(checked.years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
  });

  it.each(Object.entries(expected))('%s lists exactly the researched weekdays off and Saturdays worked', (year, days) => {
    const y = checked.years.find((c) => c.year === Number(year))!;
    expect([...y.daysOff].sort()).toEqual([...days.off].sort());
    expect([...y.saturdaysWorked].sort()).toEqual([...days.worked].sort());
  });

  it('leaves Tết and National Day 2027 undetermined until the notice', () => {
    expect(checked.years.find((c) => c.year === 2027)!.undetermined.map(({ from, to }) => ({ from, to }))).toEqual(undetermined2027);
  });
});

describe('isWorkingDay', () => {
  it.each(Object.values(expected).flatMap((d) => d.off))('%s (a weekday off) is not a working day', (date) => {
    expect(isoWeekday(date)).toBeLessThanOrEqual(5);
    expect(isWorkingDay(calendar, date)).toBe(false);
  });

  it.each(Object.values(expected).flatMap((d) => d.worked))('%s (a Saturday worked, làm bù) is a working day', (date) => {
    expect(isoWeekday(date)).toBe(6);
    expect(isWorkingDay(calendar, date)).toBe(true);
  });

  it('is Monday to Friday on every other day of 2024–2026, and of 2027 outside the undetermined spans', () => {
    for (const [year, days] of Object.entries(expected)) {
      for (let d = `${year}-01-01`; d.startsWith(year); d = addDays(d, 1)) {
        if (undetermined2027.some((s) => s.from <= d && d <= s.to)) continue;
        const working = (isoWeekday(d) <= 5 && !(days.off as readonly string[]).includes(d)) || (days.worked as readonly string[]).includes(d);
        expect(isWorkingDay(calendar, d), d).toBe(working);
      }
    }
  });

  it('refuses a date of a year without a file, naming the year and the file to add', () => {
    let error: unknown;
    try {
      isWorkingDay(calendar, '2028-01-03');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingCalendarYear);
    const missing = error as MissingCalendarYear;
    expect(missing.year).toBe(2028);
    expect(missing.file).toBe('content/calendar/2028.yml');
    expect(missing.vi).toContain('năm 2028');
    expect(missing.vi).toContain('content/calendar/2028.yml');
    expect(missing.en).toContain('2028');
    expect(missing.en).toContain('content/calendar/2028.yml');
    expect(missing.message).toContain(missing.vi);
    expect(missing.message).toContain(missing.en);
    // Counting into 2028 stops there too, rather than guess.
    expect(() => addWorkingDays(calendar, '2027-12-30T09:00', 3)).toThrow(MissingCalendarYear);
    expect(() => isWorkingDay(calendar, '2023-12-29')).toThrow(/content\/calendar\/2023\.yml/);
  });

  it('refuses a date inside a holiday still awaiting its notice, naming the file to complete', () => {
    expect(() => isWorkingDay(calendar, '2027-02-08')).toThrow(UndeterminedCalendarDay);
    expect(() => isWorkingDay(calendar, '2027-02-08')).toThrow(/content\/calendar\/2027\.yml/);
    expect(() => addWorkingDays(calendar, '2027-01-20T09:00', 5)).toThrow(/Tết Nguyên đán Đinh Mùi/);
    expect(isWorkingDay(calendar, '2027-01-22')).toBe(true);
  });

  it('refuses what is not a real date or moment, in both languages', () => {
    expect(() => isWorkingDay(calendar, '2026-02-30')).toThrow(CalendarError);
    expect(() => isWorkingDay(calendar, '2026-02-30')).toThrow(/không phải một ngày có thật.*not a real date/);
    expect(() => countingDay(calendar, '2026-02-13 17:45')).toThrow(/YYYY-MM-DDTHH:mm/);
    expect(() => countingDay(calendar, '2026-02-13T24:00')).toThrow(CalendarError);
    expect(() => addWorkingDays(calendar, '2026-02-13T10:00', -1)).toThrow(/0 or more/);
    expect(() => addWorkingDays(calendar, '2026-02-13T10:00', 1.5)).toThrow(CalendarError);
  });
});

describe('countingDay and addWorkingDays', () => {
  it('count a question received at 17:45 on the Friday before Tết 2026 from the Monday after Tết', () => {
    expect(countingDay(calendar, '2026-02-13T17:45')).toBe('2026-02-23');
    expect(addWorkingDays(calendar, '2026-02-13T17:45', 0)).toBe('2026-02-23T17:00');
    // Portal regulation Art. 11: answered within 7 working days.
    expect(addWorkingDays(calendar, '2026-02-13T17:45', 7)).toBe('2026-03-04T17:00');
    // The same question at 16:59 counts from the Friday: day 1 is the Monday after Tết.
    expect(countingDay(calendar, '2026-02-13T16:59')).toBe('2026-02-13');
    expect(addWorkingDays(calendar, '2026-02-13T16:59', 1)).toBe('2026-02-23T17:00');
    expect(addWorkingDays(calendar, '2026-02-13T16:59', 7)).toBe('2026-03-03T17:00');
  });

  it('count a question received on a Sunday from the Monday', () => {
    expect(countingDay(calendar, '2026-03-01T10:00')).toBe('2026-03-02');
    expect(addWorkingDays(calendar, '2026-03-01T10:00', 0)).toBe('2026-03-02T17:00');
    expect(addWorkingDays(calendar, '2026-03-01T10:00', 3)).toBe('2026-03-05T17:00');
  });

  it('take n = 0 as the same day, up to the close of office hours', () => {
    expect(addWorkingDays(calendar, '2026-03-03T09:00', 0)).toBe('2026-03-03T17:00');
    expect(addWorkingDays(calendar, '2026-03-03T06:10', 0)).toBe('2026-03-03T17:00'); // before opening: that day's start
    expect(addWorkingDays(calendar, '2026-03-03T17:00', 0)).toBe('2026-03-03T17:00');
    expect(addWorkingDays(calendar, '2026-03-03T17:01', 0)).toBe('2026-03-04T17:00');
  });

  it('skip 30/4–1/5 and count the Saturdays worked in exchange', () => {
    // 2024: Monday 29/4 off, Saturday 4/5 worked.
    expect(addWorkingDays(calendar, '2024-04-26T09:00', 1)).toBe('2024-05-02T17:00');
    expect(addWorkingDays(calendar, '2024-04-26T09:00', 3)).toBe('2024-05-04T17:00');
    expect(addWorkingDays(calendar, '2024-04-26T09:00', 4)).toBe('2024-05-06T17:00');
    // 2025: Saturday 26/4 worked, Friday 2/5 off.
    expect(addWorkingDays(calendar, '2025-04-25T09:00', 1)).toBe('2025-04-26T17:00');
    expect(addWorkingDays(calendar, '2025-04-25T09:00', 4)).toBe('2025-05-05T17:00');
    expect(countingDay(calendar, '2025-04-26T08:00')).toBe('2025-04-26');
    // 2026: no swap; 30/4 and 1/5 fall on Thursday and Friday.
    expect(addWorkingDays(calendar, '2026-04-29T09:00', 1)).toBe('2026-05-04T17:00');
    // 2027: 1/5 is a Saturday, Monday 3/5 is off in lieu.
    expect(addWorkingDays(calendar, '2027-04-29T09:00', 1)).toBe('2027-05-04T17:00');
  });

  it('skip Giỗ Tổ, with the day in lieu of 2026', () => {
    expect(addWorkingDays(calendar, '2026-04-24T09:00', 1)).toBe('2026-04-28T17:00');
    expect(addWorkingDays(calendar, '2024-04-17T09:00', 1)).toBe('2024-04-19T17:00');
  });

  it('skip 2/9 and the second day of National Day, and count the Saturday worked of 2026', () => {
    expect(addWorkingDays(calendar, '2024-08-30T09:00', 1)).toBe('2024-09-04T17:00');
    expect(addWorkingDays(calendar, '2025-08-29T09:00', 1)).toBe('2025-09-03T17:00');
    expect(addWorkingDays(calendar, '2026-08-28T09:00', 1)).toBe('2026-09-03T17:00');
    expect(countingDay(calendar, '2026-08-22T09:00')).toBe('2026-08-22');
    expect(addWorkingDays(calendar, '2026-08-21T09:00', 1)).toBe('2026-08-22T17:00');
  });

  it('skip New Year and Tết of 2024 and 2025', () => {
    expect(addWorkingDays(calendar, '2025-12-31T09:00', 1)).toBe('2026-01-05T17:00');
    expect(addWorkingDays(calendar, '2025-12-31T09:00', 6)).toBe('2026-01-10T17:00'); // the Saturday worked
    expect(addWorkingDays(calendar, '2024-12-31T09:00', 1)).toBe('2025-01-02T17:00');
    expect(addWorkingDays(calendar, '2024-02-07T09:00', 1)).toBe('2024-02-15T17:00');
    expect(addWorkingDays(calendar, '2025-01-24T09:00', 1)).toBe('2025-02-03T17:00');
  });

  it('cross a year boundary: 31/12/2026 + n into 2027', () => {
    expect(addWorkingDays(calendar, '2026-12-31T09:00', 0)).toBe('2026-12-31T17:00');
    expect(addWorkingDays(calendar, '2026-12-31T09:00', 1)).toBe('2027-01-04T17:00');
    expect(addWorkingDays(calendar, '2026-12-31T09:00', 3)).toBe('2027-01-06T17:00');
    expect(addWorkingDays(calendar, '2026-12-31T18:00', 1)).toBe('2027-01-05T17:00');
    expect(workingDaysBetween(calendar, '2026-12-31T09:00', '2027-01-04T10:00')).toBe(1);
    expect(workingDaysBetween(calendar, '2026-12-31T09:00', '2027-01-01T10:00')).toBe(1);
  });
});

describe('workingDaysBetween', () => {
  it('is 0 on the counting day itself, and counts acts after the close on the next working day', () => {
    expect(workingDaysBetween(calendar, '2026-03-03T09:00', '2026-03-03T17:00')).toBe(0);
    expect(workingDaysBetween(calendar, '2026-03-03T09:00', '2026-03-03T17:30')).toBe(1);
    expect(workingDaysBetween(calendar, '2026-02-13T17:45', '2026-02-23T08:00')).toBe(0);
    expect(workingDaysBetween(calendar, '2026-02-13T16:00', '2026-02-23T08:00')).toBe(1);
    expect(workingDaysBetween(calendar, '2026-03-05T09:00', '2026-03-03T09:00')).toBe(-2);
  });

  it('agrees with addWorkingDays: to <= addWorkingDays(from, n) ⇔ workingDaysBetween(from, to) <= n', () => {
    const times = ['06:00', '07:30', '12:00', '17:00', '17:01', '23:59'];
    const failures: string[] = [];
    let checks = 0;
    // Every other day from 3 January 2024 to October 2026 (every weekday, holiday and swap is met), at six times.
    for (let day = '2024-01-03', i = 0; day < '2026-11-01'; day = addDays(day, 2), i++) {
      const from = `${day}T${times[i % times.length]}`;
      for (let n = 0; n <= 10; n++) {
        const due = addWorkingDays(calendar, from, n);
        if (workingDaysBetween(calendar, from, due) !== n) failures.push(`${from} + ${n} = ${due}: between ≠ ${n}`);
        for (const offset of [-1, 0, 1, 3]) {
          for (const time of times) {
            const to = `${addDays(due.slice(0, 10), offset)}T${time}`;
            if ((to <= due) !== (workingDaysBetween(calendar, from, to) <= n)) failures.push(`${from} + ${n} = ${due}, to ${to}`);
            checks++;
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThan(100_000);
  }, 60_000);
});
