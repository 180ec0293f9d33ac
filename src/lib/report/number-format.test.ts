import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, formatPercent, formatReportDate, formatReportMoment } from './number-format.ts';

describe('formatNumber', () => {
  it('writes Vietnamese numbers with dot groups and a decimal comma, English the other way round', () => {
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234, 'vi')).toBe('1.234');
    expect(formatNumber(12345678, 'vi')).toBe('12.345.678');
    expect(formatNumber(999, 'vi')).toBe('999');
    expect(formatNumber(0, 'en')).toBe('0');
  });

  it('rounds to the digits asked for', () => {
    expect(formatNumber(2.25, 'en', 0)).toBe('2');
    expect(formatNumber(1.04, 'vi')).toBe('1');
    expect(formatNumber(1.06, 'vi')).toBe('1,1');
  });
});

describe('formatPercent', () => {
  it('takes 0–100 and writes one decimal at most', () => {
    expect(formatPercent(92.5, 'vi')).toBe('92,5%');
    expect(formatPercent(92.5, 'en')).toBe('92.5%');
    expect(formatPercent(100, 'vi')).toBe('100%');
  });

  it('writes a dash when there is nothing to measure', () => {
    expect(formatPercent(null, 'vi')).toBe('—');
  });
});

describe('formatDuration', () => {
  it('writes days and hours in each language', () => {
    expect(formatDuration(51, 'vi')).toBe('2 ngày 3 giờ');
    expect(formatDuration(51, 'en')).toBe('2 days 3 hours');
    expect(formatDuration(25, 'en')).toBe('1 day 1 hour');
    expect(formatDuration(48.2, 'en')).toBe('2 days');
    expect(formatDuration(5.5, 'vi')).toBe('6 giờ');
  });

  it('writes minutes under an hour, and a dash for no figure', () => {
    expect(formatDuration(0.75, 'vi')).toBe('45 phút');
    expect(formatDuration(1 / 60, 'en')).toBe('1 minute');
    expect(formatDuration(null, 'en')).toBe('—');
  });

  it('groups long durations as numbers', () => {
    expect(formatDuration(1234 * 24, 'vi')).toBe('1.234 ngày');
  });
});

describe('dates', () => {
  it('writes dd/mm/yyyy in both languages', () => {
    expect(formatReportDate('2026-11-05')).toBe('05/11/2026');
    expect(formatReportDate('2026-02-30')).toBe('—');
    expect(formatReportDate('<b>')).toBe('—');
  });

  it('writes an instant in Vietnam time', () => {
    expect(formatReportMoment('2026-11-25T17:05:00Z')).toBe('26/11/2026 00:05');
    expect(formatReportMoment('2026-11-25T23:59:00+07:00')).toBe('25/11/2026 23:59');
    expect(formatReportMoment('<script>')).toBe('—');
  });
});
