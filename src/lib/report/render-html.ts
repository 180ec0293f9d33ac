/**
 * The editorial report as one self-contained HTML page, in both languages:
 * the Vietnamese report (lang="vi") then the English one (lang="en"), each
 * with every table of ./report-tables.ts (a <caption>, header cells with
 * scope) and the charts of ./charts.ts inline as SVG, each in a <figure> with
 * the table of its figures next to it. No script, no external resource:
 * inline <style> with system fonts only, so it reads the same opened from a
 * file, attached to an archive or printed. A skip link leads to the report;
 * one h1 for the page. All text from outside is escaped by ./html-text.ts.
 */
import { localeInfo, locales, type Locale } from '../locales.ts';
import type { Bilingual } from '../schema/fields.ts';
import { chartSvg, reportCharts, type ChartSpec } from './charts.ts';
import { escapeHtml } from './html-text.ts';
import { formatReportMoment } from './number-format.ts';
import type { EditorialReport } from './report.ts';
import { formatCell, reportSections, reportText, type ReportTable } from './report-tables.ts';

const STYLE = `
:root { color-scheme: light; --text: #1b1b1b; --muted: #4a4a4a; --line: #b1b4b6; --accent: #1f4e9c; --focus: #ffdd00; --stripe: #f3f2f1; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 100%; line-height: 1.5; color: var(--text); background: #fff; }
body { margin: 0 auto; max-width: 62rem; padding: 0 1rem 3rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--text); outline-offset: 0; background: var(--focus); color: var(--text); }
.skip-link { position: absolute; left: 1rem; top: -10rem; padding: 0.5rem 1rem; background: var(--focus); color: var(--text); }
.skip-link:focus { top: 0.5rem; }
header { padding: 1.5rem 0 0.5rem; border-bottom: 4px solid var(--accent); }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.5rem; }
h1 .translation { display: block; font-size: 1.25rem; font-weight: 400; color: var(--muted); }
nav ul { list-style: none; display: flex; gap: 1.5rem; padding: 0; margin: 0.5rem 0 0; }
article { padding-top: 1.5rem; }
article + article { border-top: 4px solid var(--accent); margin-top: 2rem; }
h2 { font-size: 1.5rem; margin: 0 0 0.75rem; }
h3 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-top: 0.5rem; border-top: 1px solid var(--line); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.warning { border-left: 5px solid #a4262c; padding: 0.5rem 1rem; font-weight: 600; }
.table-wrap { overflow-x: auto; margin: 0 0 1.5rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0 0 0.5rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.4rem 0.75rem 0.4rem 0; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { border-bottom-width: 2px; }
td.number, th.number { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--stripe); }
figure { margin: 1rem 0 2rem; }
figcaption { font-weight: 600; margin-bottom: 0.5rem; }
figure svg { display: block; max-width: 100%; height: auto; margin-bottom: 1rem; }
.note, .empty { color: var(--muted); }
@media print { article + article { break-before: page; } .skip-link, nav { display: none; } a { color: var(--text); } }
`;

function tableHtml(table: ReportTable, locale: Locale, id: string): string {
  if (table.rows.length === 0) {
    return `<p class="empty"><strong>${escapeHtml(table.caption[locale])}</strong>: ${escapeHtml(table.empty[locale])}</p>`;
  }
  const rowHeader = table.columns[0]?.id === 'label';
  const numberClass = (numeric: boolean) => (numeric ? ' class="number"' : '');
  const head = table.columns.map((c) => `<th scope="col"${numberClass(c.numeric)}>${escapeHtml(c.label[locale])}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = row.cells.map((cell, i) => {
        const column = table.columns[i]!;
        const content = escapeHtml(formatCell(cell, locale));
        return rowHeader && i === 0 ? `<th scope="row">${content}</th>` : `<td${numberClass(column.numeric)}>${content}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const captionId = `${id}-caption`;
  const note = table.note ? `\n<p class="note">${escapeHtml(table.note[locale])}</p>` : '';
  return (
    `<div class="table-wrap" role="region" aria-labelledby="${captionId}" tabindex="0">\n` +
    `<table id="${id}">\n<caption id="${captionId}">${escapeHtml(table.caption[locale])}</caption>\n` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</div>${note}`
  );
}

function figureHtml(chart: ChartSpec, locale: Locale): string {
  const id = `${locale}-${chart.id}`;
  return (
    `<figure aria-labelledby="${id}-figcaption">\n<figcaption id="${id}-figcaption">${escapeHtml(chart.title[locale])}</figcaption>\n` +
    `${chartSvg(chart, locale, id)}\n${tableHtml(chart.table, locale, `${locale}-table-${chart.table.id}`)}\n</figure>`
  );
}

const languageNames: Record<Locale, Bilingual> = {
  vi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'Tiếng Anh', en: 'English' },
};

function languageReport(report: EditorialReport, locale: Locale, charts: ChartSpec[]): string {
  const parts: string[] = [];
  const h = (s: string) => `${locale}-${s}`;
  parts.push(`<article id="${locale}" lang="${localeInfo[locale].htmlLang}" aria-labelledby="${h('heading')}">`);
  parts.push(`<h2 id="${h('heading')}">${escapeHtml(languageNames[locale][locale])}: ${escapeHtml(report.period.title[locale])}</h2>`);
  const about: [Bilingual, string][] = [
    [reportText.period, report.period.title[locale]],
    [reportText.generatedAt, formatReportMoment(report.sources.generatedAt)],
    [reportText.commit, report.sources.commit],
  ];
  if (report.sources.repository) about.push([reportText.repository, report.sources.repository]);
  parts.push(`<dl>\n${about.map(([label, value]) => `<dt>${escapeHtml(label[locale])}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}\n</dl>`);
  if (report.sources.shallow) parts.push(`<p class="warning">${escapeHtml(reportText.shallow[locale])}</p>`);

  for (const section of reportSections(report)) {
    parts.push(`<section aria-labelledby="${h(`part-${section.id}`)}">`);
    parts.push(`<h3 id="${h(`part-${section.id}`)}">${escapeHtml(section.heading[locale])}</h3>`);
    const placed = new Set<string>();
    for (const table of section.tables) {
      const chart = charts.find((c) => c.table.id === table.id);
      if (chart) {
        parts.push(figureHtml(chart, locale));
        placed.add(chart.id);
      } else {
        parts.push(tableHtml(table, locale, h(`table-${table.id}`)));
      }
    }
    for (const chart of charts) if (chart.section === section.id && !placed.has(chart.id)) parts.push(figureHtml(chart, locale));
    parts.push('</section>');
  }
  parts.push('</article>');
  return parts.join('\n');
}

/** The whole report as one HTML page, Vietnamese first, then English. */
export function renderHtml(report: EditorialReport): string {
  const charts = reportCharts(report);
  const title = `${reportText.title.vi}: ${report.period.title.vi} / ${reportText.title.en}: ${report.period.title.en}`;
  const other = (locale: Locale) => `lang="${localeInfo[locale].htmlLang}"`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(reportText.skipLink.vi)} <span ${other('en')}>(${escapeHtml(reportText.skipLink.en)})</span></a>
<header>
<h1>${escapeHtml(reportText.title.vi)} <span class="translation" ${other('en')}>${escapeHtml(reportText.title.en)}</span></h1>
<nav aria-label="Ngôn ngữ / Language">
<ul>
${locales.map((l) => `<li><a href="#${l}" ${other(l)}>${escapeHtml(localeInfo[l].name)}</a></li>`).join('\n')}
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
${locales.map((l) => languageReport(report, l, charts)).join('\n')}
</main>
</body>
</html>
`;
}
