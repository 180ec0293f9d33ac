import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../schema/fields.ts';
import { reportOrder, reportSlug } from './report-entry.ts';
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
});
