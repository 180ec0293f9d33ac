import { describe, expect, it } from 'vitest';
import { halfPeriod, inPeriod, monthPeriod, monthsOf, PeriodError, periodFromOptions, rangePeriod, vietnamMomentInPeriod, yearPeriod } from './period.ts';

describe('report periods (Vietnam time, 26th → 25th)', () => {
  it('a month runs from the 26th of the month before to the 25th, end exclusive at the 26th 00:00', () => {
    const p = monthPeriod('2026-11');
    expect(p).toMatchObject({ kind: 'month', id: '2026-11', from: '2026-10-26', to: '2026-11-25', start: '2026-10-26T00:00:00+07:00', end: '2026-11-26T00:00:00+07:00' });
    expect(p.title).toEqual({ vi: 'Tháng 11/2026 (26/10/2026 – 25/11/2026)', en: 'November 2026 (26/10/2026 – 25/11/2026)' });
  });

  it('January starts on 26 December of the year before', () => {
    expect(monthPeriod('2027-01')).toMatchObject({ from: '2026-12-26', to: '2027-01-25' });
  });

  it('the boundary: 25th 23:59 Vietnam is in the month, 26th 00:00 is in the next', () => {
    const nov = monthPeriod('2026-11');
    const dec = monthPeriod('2026-12');
    // 25/11 23:59 in Vietnam is 16:59 UTC.
    expect(inPeriod(nov, '2026-11-25T23:59:59+07:00')).toBe(true);
    expect(inPeriod(nov, '2026-11-25T16:59:00Z')).toBe(true);
    expect(inPeriod(dec, '2026-11-25T23:59:59+07:00')).toBe(false);
    expect(inPeriod(nov, '2026-11-26T00:00:00+07:00')).toBe(false);
    expect(inPeriod(nov, '2026-11-25T17:00:00Z')).toBe(false);
    expect(inPeriod(dec, '2026-11-26T00:00:00+07:00')).toBe(true);
    expect(inPeriod(nov, '2026-10-26T00:00:00+07:00')).toBe(true);
    expect(inPeriod(nov, '2026-10-25T23:59:59+07:00')).toBe(false);
    expect(vietnamMomentInPeriod(nov, '2026-11-25T23:59')).toBe(true);
    expect(vietnamMomentInPeriod(nov, '2026-11-26T00:00')).toBe(false);
  });

  it('halves and years are the union of their months (so months add up to them)', () => {
    const h1 = halfPeriod('2026-H1');
    const h2 = halfPeriod('2026-h2');
    const y = yearPeriod('2026');
    expect(h1).toMatchObject({ id: '2026-H1', from: '2025-12-26', to: '2026-06-25', end: '2026-06-26T00:00:00+07:00' });
    expect(h2).toMatchObject({ id: '2026-H2', from: '2026-06-26', to: '2026-12-25' });
    expect(y).toMatchObject({ id: '2026', from: '2025-12-26', to: '2026-12-25' });
    expect(h1.title.vi).toBe('6 tháng đầu năm 2026 (26/12/2025 – 25/06/2026)');
    expect(h2.title.en).toBe('Second half of 2026 (26/06/2026 – 25/12/2026)');
    expect(y.title).toEqual({ vi: 'Năm 2026 (26/12/2025 – 25/12/2026)', en: 'Year 2026 (26/12/2025 – 25/12/2026)' });
    const months = monthsOf(y);
    expect(months).toHaveLength(12);
    expect(months[0]!.start).toBe(y.start);
    expect(months[11]!.end).toBe(y.end);
    months.slice(1).forEach((m, i) => expect(m.start).toBe(months[i]!.end));
    expect(monthsOf(h2).map((m) => m.id)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });

  it('a range includes both days', () => {
    const r = rangePeriod('2026-10-01', '2026-10-31');
    expect(r).toMatchObject({ kind: 'range', id: '2026-10-01..2026-10-31', start: '2026-10-01T00:00:00+07:00', end: '2026-11-01T00:00:00+07:00' });
    expect(r.title.en).toBe('From date to date (01/10/2026 – 31/10/2026)');
    expect(rangePeriod('2026-10-01', '2026-10-01').end).toBe('2026-10-02T00:00:00+07:00');
  });

  it('exactly one period from the options', () => {
    expect(periodFromOptions({ month: '2026-11' }).id).toBe('2026-11');
    expect(periodFromOptions({ from: '2026-01-01', to: '2026-01-31' }).kind).toBe('range');
  });

  const refuses = (f: () => unknown, vi: RegExp, en: RegExp) => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(PeriodError);
      expect((error as PeriodError).messages.vi).toMatch(vi);
      expect((error as PeriodError).messages.en).toMatch(en);
      return;
    }
    throw new Error('accepted');
  };

  it('bad input gets errors in both languages saying how to write it', () => {
    refuses(() => monthPeriod('2026-13'), /NNNN-TT.*2026-13/, /YYYY-MM.*“2026-13”/);
    refuses(() => monthPeriod('11/2026'), /--month/, /--month/);
    refuses(() => halfPeriod('2026-H3'), /NNNN-H1/, /YYYY-H1 or YYYY-H2/);
    refuses(() => yearPeriod('26'), /--year/, /--year needs a year/);
    refuses(() => yearPeriod('1899'), /2000–2100/, /outside 2000–2100/);
    refuses(() => rangePeriod('2026-02-30', '2026-03-01'), /--from.*ngày có thật/, /--from needs a real date/);
    refuses(() => rangePeriod('2026-03-02', '2026-03-01'), /trước --from/, /before --from/);
    refuses(() => periodFromOptions({}), /đúng một kỳ/, /exactly one report period/);
    refuses(() => periodFromOptions({ month: '2026-11', year: '2026' }), /--month, --year/, /only one report period, found --month, --year/);
    refuses(() => periodFromOptions({ from: '2026-01-01' }), /cả --from và --to/, /both --from and --to/);
  });
});

describe('values from the command line in messages', () => {
  it('never carry line breaks, terminal escapes or direction overrides, and are cut at 60 characters', () => {
    try {
      monthPeriod('2026-11\nen: forged\u001b[31m\u202e');
    } catch (error) {
      const { vi, en } = (error as PeriodError).messages;
      for (const m of [vi, en]) {
        expect(m).not.toMatch(/[\n\u001b\u202e]/);
        expect(m).toContain('“2026-11\uFFFDen: forged\uFFFD[31m\uFFFD”');
      }
    }
    expect(() => yearPeriod('9'.repeat(500))).toThrow(/9{60}…/);
  });
});
