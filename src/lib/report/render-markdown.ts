/**
 * The editorial report as Markdown in one language: a list of what was
 * reported on, then one heading per part and one GFM table per figure
 * (./report-tables.ts). The same text is the body of the report's portal
 * entry (`npm run report -- --propose`), so it holds to the content check:
 * headings from level 2 (the entry's title is the level-1 heading), no HTML,
 * no expressions, and every text from outside escaped by ./markdown-text.ts.
 */
import type { Locale } from '../locales.ts';
import { escapeMdxText } from './markdown-text.ts';
import { formatReportMoment } from './number-format.ts';
import type { EditorialReport } from './report.ts';
import { formatCell, reportSections, reportText, type ReportTable } from './report-tables.ts';

function markdownTable(table: ReportTable, locale: Locale): string {
  if (table.rows.length === 0) return escapeMdxText(table.empty[locale]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const head = line(table.columns.map((c) => escapeMdxText(c.label[locale])));
  const rule = line(table.columns.map((c) => (c.numeric ? '---:' : '---')));
  // Only text cells come from outside; numbers, dates and durations are written by ./number-format.ts.
  const body = table.rows.map((r) => line(r.cells.map((cell) => (cell.kind === 'text' ? escapeMdxText(formatCell(cell, locale)) : formatCell(cell, locale)) || ' ')));
  return [head, rule, ...body].join('\n');
}

/** The report in `locale` as Markdown (also a valid portal entry body). */
export function renderMarkdown(report: EditorialReport, locale: Locale): string {
  const blocks: string[] = [];
  const item = (label: { vi: string; en: string }, value: string) => `- ${label[locale]}: ${escapeMdxText(value)}`;
  const about = [
    item(reportText.period, report.period.title[locale]),
    `- ${reportText.generatedAt[locale]}: ${formatReportMoment(report.sources.generatedAt)}`,
    item(reportText.commit, report.sources.commit),
  ];
  if (report.sources.repository) about.push(item(reportText.repository, report.sources.repository));
  blocks.push(about.join('\n'));
  if (report.sources.shallow) blocks.push(`**${reportText.shallow[locale]}**`);

  for (const section of reportSections(report)) {
    blocks.push(`## ${section.heading[locale]}`);
    const single = section.tables.length === 1;
    for (const table of section.tables) {
      // A part with one table needs no second heading: the caption is said as a sentence.
      blocks.push(single ? escapeMdxText(table.caption[locale]) : `### ${table.caption[locale]}`);
      blocks.push(markdownTable(table, locale));
      if (table.note) blocks.push(escapeMdxText(table.note[locale]));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
