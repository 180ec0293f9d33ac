import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hostileReport, hostileTexts } from '../../../tests/fixtures/hostile/report/hostile-report.ts';
import { sampleReport } from '../../../tests/fixtures/report-render/sample-report.ts';
import { printable } from '../printable.ts';
import { CSV_COLUMNS, renderCsv } from './render-csv.ts';
import { reportTables } from './report-tables.ts';

type Record = { [K in (typeof CSV_COLUMNS)[number]]: string };

const read = (csv: string): Record[] => parse(csv, { bom: true, columns: true, record_delimiter: '\r\n', relax_quotes: false });

describe('renderCsv', () => {
  it('starts with a byte order mark and the header, and ends records with CRLF', () => {
    const csv = renderCsv(sampleReport, 'vi');
    expect(csv.startsWith('\uFEFFtable,table_name,key,label,measure,measure_name,value,text\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has one record per figure of every table', () => {
    const records = read(renderCsv(sampleReport, 'en'));
    const expected = reportTables(sampleReport).reduce((n, t) => n + t.rows.length * (t.columns.length - (t.columns[0]!.id === 'label' ? 1 : 0)), 0);
    expect(records).toHaveLength(expected);
    expect(new Set(records.map((r) => r.table))).toEqual(new Set(reportTables(sampleReport).filter((t) => t.rows.length > 0).map((t) => t.id)));
  });

  it('gives the value for machines and the text per language', () => {
    const vi = read(renderCsv(sampleReport, 'vi'));
    const en = read(renderCsv(sampleReport, 'en'));
    const find = (records: Record[], table: string, key: string, measure: string) => records.find((r) => r.table === table && r.key === key && r.measure === measure)!;
    expect(find(vi, 'summary', 'published', 'value')).toMatchObject({ label: 'Nội dung đăng mới', value: '1234', text: '1.234', table_name: 'Số liệu chính' });
    expect(find(en, 'summary', 'published', 'value')).toMatchObject({ label: 'Entries published', value: '1234', text: '1,234' });
    expect(find(vi, 'qa-by-channel', 'zalo', 'on-time-percent')).toMatchObject({ value: '92.8', text: '92,8%' });
    expect(find(en, 'approvals-times', 'board', 'median-hours')).toMatchObject({ value: '26.5', text: '1 day 3 hours', measure_name: 'Median' });
    expect(find(vi, 'takedowns', 'content/news/vi/muc-huong-tro-cap-om-dau-2026.mdx', 'date')).toMatchObject({ value: '2026-11-24', text: '24/11/2026' });
    expect(find(en, 'urgent', '1466', 'reviewed-at')).toMatchObject({ value: '', text: 'Not reviewed' });
  });

  it('keeps every hostile text in its own field, shown as written, and no field a spreadsheet would run', () => {
    const report = hostileReport();
    const records = read(renderCsv(report, 'en'));
    const titles = records.filter((r) => r.table === 'urgent' && r.measure === 'title').map((r) => r.value);
    const expected = Object.values(hostileTexts).map((t) => {
      const shown = printable(t.normalize('NFC'));
      return /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
    });
    expect(titles).toEqual(expected);
    for (const r of records) {
      for (const field of Object.values(r)) expect(field, JSON.stringify(r)).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
      expect(Object.keys(r)).toEqual([...CSV_COLUMNS]);
    }
    expect(titles).toContain(`'=HYPERLINK("https://evil.example","click")`);
    expect(titles).toContain("'@SUM(A1:A2)");
    expect(titles).toContain('| pipe | breaks | tables |');
    expect(titles).toContain('1900\\u202e9068');
  });
});
