/**
 * The editorial report as CSV (RFC 4180: comma-separated, fields quoted when
 * they hold a comma, quote or line break, CRLF between records), in long
 * format: one record per figure, so every table of ./report-tables.ts fits in
 * one file and a spreadsheet can filter or pivot it.
 *
 *   table, table_name, key, label, measure, measure_name, value, text
 *
 * `table`, `key` and `measure` are stable ids (`publications-by-unit`,
 * `trung-tam-truyen-thong`, `published`); `table_name`, `label` and
 * `measure_name` are the names in the report's language; `value` is for
 * machines (a number with a dot, hours, a percentage 0–100, an ISO date or
 * instant, or the text); `text` is the value as the report writes it in that
 * language (`1.234`, `94,3%`, `1 ngày 3 giờ`). The file starts with a byte
 * order mark so that spreadsheet programs read its Vietnamese as UTF-8.
 *
 * Written by csv-stringify. Text from outside is shown with visible escapes
 * for controls and bidirectional characters (../printable.ts), and a field
 * that starts with = + - @, a tab or a carriage return gets a leading
 * apostrophe (csv-stringify's `escape_formulas`), so that no spreadsheet runs
 * it as a formula (“CSV injection”).
 */
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../locales.ts';
import { printable } from '../printable.ts';
import type { EditorialReport } from './report.ts';
import { formatCell, rawCell, reportTables, type Cell } from './report-tables.ts';

export const CSV_COLUMNS = ['table', 'table_name', 'key', 'label', 'measure', 'measure_name', 'value', 'text'] as const;

const shown = (s: string) => printable(s.normalize('NFC'));

/** The report in `locale` as CSV, one record per figure. */
export function renderCsv(report: EditorialReport, locale: Locale): string {
  const records: (string | number)[][] = [];
  for (const table of reportTables(report)) {
    const labelled = table.columns[0]?.id === 'label';
    for (const row of table.rows) {
      const label = labelled ? shown(formatCell(row.cells[0]!, locale)) : '';
      row.cells.forEach((cell: Cell, i) => {
        if (labelled && i === 0) return;
        const column = table.columns[i]!;
        const value = rawCell(cell, locale);
        records.push([
          table.id,
          table.caption[locale],
          shown(row.key),
          label,
          column.id,
          column.label[locale],
          typeof value === 'string' ? shown(value) : value,
          shown(formatCell(cell, locale)),
        ]);
      });
    }
  }
  return stringify(records, {
    header: true,
    columns: [...CSV_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { number: (n) => String(n) },
  });
}
