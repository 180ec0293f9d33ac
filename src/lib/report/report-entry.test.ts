import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../schema/fields.ts';
import { novemberReport } from '../../../tests/fixtures/report-proposal/november-report.ts';
import { reportEnglishAddress, reportOrder, reportSlug, reportSummary } from './report-entry.ts';
import type { ReportPeriod } from './report.ts';

const period = (kind: ReportPeriod['kind'], id: string, from: string, to: string): ReportPeriod => ({
  kind,
  id,
  from,
  to,
  start: `${from}T00:00:00+07:00`,
  end: `${to}T00:00:00+07:00`,
  title: { vi: id, en: id },
});

describe('a report as an entry of the section “Statistics”', () => {
  it('names the file after the period, as a valid slug', () => {
    const slugs = [
      reportSlug(period('month', '2026-11', '2026-10-26', '2026-11-25')),
      reportSlug(period('half', '2026-H2', '2026-06-26', '2026-12-25')),
      reportSlug(period('year', '2026', '2025-12-26', '2026-12-25')),
      reportSlug(period('range', '2026-10-01..2026-10-31', '2026-10-01', '2026-10-31')),
    ];
    expect(slugs).toEqual(['thong-ke-2026-11', 'thong-ke-2026-h2', 'thong-ke-2026', 'thong-ke-20261001-20261031']);
    // The English page is addressed in English: /en/statistics-2026-11/.
    expect(reportEnglishAddress(period('month', '2026-11', '2026-10-26', '2026-11-25'))).toBe('statistics-2026-11');
    for (const slug of slugs) expect(slug).toMatch(SLUG_PATTERN);
  });

  it('orders the newest period first (lower numbers first), never below the list page’s 0', () => {
    const november = reportOrder(period('month', '2026-11', '2026-10-26', '2026-11-25'));
    const october = reportOrder(period('month', '2026-10', '2026-09-26', '2026-10-25'));
    const lastYear = reportOrder(period('year', '2025', '2024-12-26', '2025-12-25'));
    expect(november).toBeLessThan(october);
    expect(october).toBeLessThan(lastYear);
    expect(reportOrder(period('year', '9999', '9998-12-26', '9999-12-25'))).toBeGreaterThan(0);
  });

  it('sums the headline figures in a sentence, numbers in the reader’s locale, English plurals agreeing', () => {
    expect(reportSummary(novemberReport, 'vi')).toBe('1.234 mục đăng mới, 56 lượt cập nhật, 3 mục rút hoặc gỡ; 40 câu hỏi nhận được, 30 câu đã trả lời, 90% đúng hạn.');
    expect(reportSummary(novemberReport, 'en')).toBe('1,234 new entries, 56 updates, 3 withdrawn or unpublished; 40 questions received, 30 answered, 90% on time.');
    const one = { ...novemberReport, publications: { ...novemberReport.publications, published: 1, updated: 1 }, qa: { ...novemberReport.qa, received: 1, answered: 0, answeredOnTime: 0, onTimePercent: null } };
    expect(reportSummary(one, 'en')).toBe('1 new entry, 1 update, 3 withdrawn or unpublished; 1 question received, 0 answered.');
  });
});
