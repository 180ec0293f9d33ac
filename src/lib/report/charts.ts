/**
 * The report's charts, drawn at report time as SVG by Apache ECharts in its
 * server-side mode (no DOM, no JavaScript in the page to read them):
 * publications per collection (and per month in reports of several months),
 * waiting times for approval, questions answered on time per channel, and
 * publication duties.
 *
 * Each chart is described by a ChartSpec (its figures, and the same figures as
 * a table of ./report-tables.ts that the HTML page prints next to it), then
 * drawn per language by `chartSvg`, which makes the SVG accessible: role="img",
 * a <title> and a <desc> holding every figure as text, named by
 * aria-labelledby. ECharts escapes the text it draws (labels from outside);
 * the title and description are escaped here. The output is the same for the
 * same input: ECharts' per-instance ids and its hover-only styles, pointer
 * events and data attributes (`zr3-cls-0`, `ecmeta_*`) are removed (the SVG
 * then passes the portal's own check of safe pictures, ../content/safe-svg.ts), and animation is off.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Bilingual } from '../schema/fields.ts';
import type { Locale } from '../locales.ts';
import { escapeHtml, shownText } from './html-text.ts';
import { formatDuration, formatNumber } from './number-format.ts';
import type { EditorialReport } from './report.ts';
import { reportTables, type ReportTable } from './report-tables.ts';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/**
 * How wide a text is, in pixels, for laying the chart out. Without a canvas,
 * ECharts guesses from Helvetica's widths and counts every letter outside
 * ASCII (all of Vietnamese's) as a full em: labels then overflow in wider
 * system fonts and Vietnamese ones are cut too soon. This guess is on the wide
 * side of common sans-serif fonts (DejaVu Sans, Segoe UI, Roboto), reads
 * Vietnamese letters by their base letter, and is the same on every machine,
 * so the SVG is too.
 */
export function estimateTextWidth(text: string, font?: string): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  let em = 0;
  for (const ch of (text ?? '').normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    if (/[ilj.,:;'’|!\s]/.test(ch)) em += 0.32;
    else if (/[ftrI()[\]\-]/.test(ch)) em += 0.42;
    else if (/[mwMW]/.test(ch)) em += 0.95;
    else if (/[A-ZĐ]/.test(ch)) em += 0.74;
    else em += 0.64;
  }
  return em * size;
}

echarts.setPlatformAPI({ measureText: (text: string, font?: string) => ({ width: estimateTextWidth(text, font) }) as TextMetrics });

export interface ChartSeries {
  name: Bilingual;
  values: number[];
  color: string;
}

export interface ChartSpec {
  /** Stable id, unique in the page once prefixed by the language: `chart-qa-on-time`. */
  id: string;
  /** The part of the report (./report-tables.ts ReportSection id) the chart belongs to. */
  section: string;
  title: Bilingual;
  /** What the bars are (names from outside, shown escaped). */
  categories: Bilingual[];
  series: ChartSeries[];
  /** Bars of one category side by side, or stacked into one bar. */
  stacked: boolean;
  unit: 'count' | 'hours';
  /** The same figures as a table, printed next to the chart. */
  table: ReportTable;
}

// Colours with at least 4.5:1 contrast against white, told apart by more than hue (legend and table name them).
const COLORS = { blue: '#1f4e9c', green: '#0b6e4f', amber: '#8a5300', red: '#a4262c', grey: '#5c5c5c' };

function tableById(report: EditorialReport, id: string): ReportTable {
  return reportTables(report).find((t) => t.id === id)!;
}

/** The charts of `report`, each with its data table; charts with nothing to show are left out. */
export function reportCharts(report: EditorialReport): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const p = report.publications;
  if (p.byCollection.length > 0) {
    charts.push({
      id: 'chart-publications-by-collection',
      section: 'publications',
      title: { vi: 'Nội dung đăng mới, cập nhật, rút và gỡ bỏ theo loại nội dung', en: 'Entries published, updated, withdrawn and unpublished by collection' },
      categories: p.byCollection.map((r) => r.label),
      series: [
        { name: { vi: 'Đăng mới', en: 'Published' }, values: p.byCollection.map((r) => r.published), color: COLORS.blue },
        { name: { vi: 'Cập nhật', en: 'Updated' }, values: p.byCollection.map((r) => r.updated), color: COLORS.green },
        { name: { vi: 'Rút', en: 'Withdrawn' }, values: p.byCollection.map((r) => r.withdrawn), color: COLORS.amber },
        { name: { vi: 'Gỡ bỏ', en: 'Unpublished' }, values: p.byCollection.map((r) => r.unpublished), color: COLORS.red },
      ],
      stacked: false,
      unit: 'count',
      table: tableById(report, 'publications-by-collection'),
    });
  }
  if (p.byMonth && p.byMonth.length > 1) {
    charts.push({
      id: 'chart-publications-by-month',
      section: 'publications',
      title: { vi: 'Nội dung đăng mới và cập nhật theo tháng', en: 'Entries published and updated by month' },
      categories: p.byMonth.map((r) => r.label),
      series: [
        { name: { vi: 'Đăng mới', en: 'Published' }, values: p.byMonth.map((r) => r.published), color: COLORS.blue },
        { name: { vi: 'Cập nhật', en: 'Updated' }, values: p.byMonth.map((r) => r.updated), color: COLORS.green },
        { name: { vi: 'Rút', en: 'Withdrawn' }, values: p.byMonth.map((r) => r.withdrawn), color: COLORS.amber },
        { name: { vi: 'Gỡ bỏ', en: 'Unpublished' }, values: p.byMonth.map((r) => r.unpublished), color: COLORS.red },
      ],
      stacked: false,
      unit: 'count',
      table: tableById(report, 'publications-by-month'),
    });
  }
  const a = report.approvals;
  if (a.toSecretary.count + a.toBoard.count > 0) {
    const hours = (v: number | null) => v ?? 0;
    charts.push({
      id: 'chart-approval-times',
      section: 'approvals',
      title: { vi: 'Thời gian chờ duyệt (giờ): trung vị và phân vị 90', en: 'Time waiting for approval (hours): median and 90th percentile' },
      categories: [
        { vi: 'Thư ký duyệt', en: 'The secretary’s approval' },
        { vi: 'Ban Quản trị quyết định', en: 'The board’s decision' },
      ],
      series: [
        { name: { vi: 'Trung vị', en: 'Median' }, values: [hours(a.toSecretary.medianHours), hours(a.toBoard.medianHours)], color: COLORS.blue },
        { name: { vi: 'Phân vị 90', en: '90th percentile' }, values: [hours(a.toSecretary.p90Hours), hours(a.toBoard.p90Hours)], color: COLORS.amber },
      ],
      stacked: false,
      unit: 'hours',
      table: tableById(report, 'approvals-times'),
    });
  }
  const qa = report.qa;
  if (qa.received > 0) {
    const rows = [...qa.byChannel, { key: 'all', label: { vi: 'Tất cả', en: 'All' }, received: qa.received, answered: qa.answered, answeredOnTime: qa.answeredOnTime }];
    const late = (r: (typeof rows)[number]) => r.answered - r.answeredOnTime;
    const unanswered = (r: (typeof rows)[number]) => r.received - r.answered;
    charts.push({
      id: 'chart-qa-on-time',
      section: 'qa',
      title: { vi: 'Câu hỏi trả lời đúng hạn, trễ hạn và chưa trả lời theo kênh', en: 'Questions answered on time, late and not yet answered by channel' },
      categories: rows.map((r) => r.label),
      series: [
        { name: { vi: 'Đúng hạn', en: 'On time' }, values: rows.map((r) => r.answeredOnTime), color: COLORS.green },
        { name: { vi: 'Trễ hạn', en: 'Late' }, values: rows.map(late), color: COLORS.amber },
        { name: { vi: 'Chưa trả lời', en: 'Not yet answered' }, values: rows.map(unanswered), color: COLORS.grey },
      ],
      stacked: true,
      unit: 'count',
      table: {
        id: 'qa-on-time-by-channel',
        caption: { vi: 'Số liệu của biểu đồ: câu hỏi theo kênh và thời hạn', en: 'Data of the chart: questions by channel and time limit' },
        columns: [
          { id: 'label', label: { vi: 'Kênh', en: 'Channel' }, numeric: false },
          { id: 'on-time', label: { vi: 'Đúng hạn', en: 'On time' }, numeric: true },
          { id: 'late', label: { vi: 'Trễ hạn', en: 'Late' }, numeric: true },
          { id: 'not-answered', label: { vi: 'Chưa trả lời', en: 'Not yet answered' }, numeric: true },
        ],
        rows: rows.map((r) => ({
          key: r.key,
          cells: [
            { kind: 'text', text: r.label },
            { kind: 'count', value: r.answeredOnTime },
            { kind: 'count', value: late(r) },
            { kind: 'count', value: unanswered(r) },
          ],
        })),
        empty: { vi: '', en: '' },
      },
    });
  }
  const d = report.duties;
  if (d.due > 0) {
    charts.push({
      id: 'chart-duties',
      section: 'duties',
      title: { vi: 'Nghĩa vụ công bố: đúng hạn, trễ hạn, chưa thực hiện', en: 'Publication duties: met on time, late, not yet met' },
      categories: [{ vi: 'Nghĩa vụ đến hạn', en: 'Duties due' }],
      series: [
        { name: { vi: 'Đúng hạn', en: 'Met on time' }, values: [d.metOnTime], color: COLORS.green },
        { name: { vi: 'Trễ hạn', en: 'Late' }, values: [d.late], color: COLORS.amber },
        { name: { vi: 'Chưa thực hiện', en: 'Not yet met' }, values: [d.open], color: COLORS.red },
      ],
      stacked: true,
      unit: 'count',
      table: tableById(report, 'duties'),
    });
  }
  return charts;
}

function formatValue(value: number, unit: ChartSpec['unit'], locale: Locale): string {
  return unit === 'hours' ? formatDuration(value, locale) : formatNumber(value, locale, 0);
}

/** Every figure of the chart as sentences: what a reader who cannot see the chart reads instead. */
export function chartDescription(spec: ChartSpec, locale: Locale): string {
  const parts = spec.categories.map((category, i) => {
    const values = spec.series.map((s) => `${s.name[locale]} ${formatValue(s.values[i]!, spec.unit, locale)}`).join(', ');
    return `${shownText(category[locale])}: ${values}.`;
  });
  return parts.join(' ');
}

// No double quotes: ECharts writes the font into a double-quoted style attribute without escaping it.
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
const TEXT = '#1b1b1b';

/**
 * The chart in `locale` as an SVG element for an HTML page: role="img",
 * named by its <title> and described by its <desc> (every figure). `id`
 * must be unique in the page (e.g. `vi-chart-qa-on-time`).
 */
export function chartSvg(spec: ChartSpec, locale: Locale, id: string): string {
  const rowHeight = spec.stacked ? 34 : 22 * spec.series.length + 14;
  const width = 720;
  const height = Math.max(160, 90 + rowHeight * spec.categories.length);
  // A stacked segment too narrow for its number shows none (the number is in the description and the table).
  const totals = spec.categories.map((_, i) => spec.series.reduce((sum, s) => sum + s.values[i]!, 0));
  const smallest = Math.max(...totals, 0) * 0.06;
  // Room on the right for the numbers written after the longest bars.
  const labelRoom = spec.stacked ? 24 : 16 + Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => estimateTextWidth(formatValue(v, spec.unit, locale), '12px'))));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, color: TEXT, fontSize: 13 },
      legend: { top: 4, left: 0, itemGap: 16, textStyle: { color: TEXT, fontSize: 13 } },
      // ECharts 6 keeps axis labels inside the chart by default (grid.outerBoundsMode 'auto').
      grid: { left: 8, right: labelRoom, top: 40, bottom: 24 },
      xAxis: {
        type: 'value',
        minInterval: spec.unit === 'count' ? 1 : 0,
        axisLabel: { color: TEXT, formatter: (v: number) => formatNumber(v, locale, 0) },
        splitLine: { lineStyle: { color: '#d0d0d0' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: spec.categories.map((c) => shownText(c[locale])),
        axisLabel: { color: TEXT, width: 200, overflow: 'truncate', interval: 0 },
        axisLine: { lineStyle: { color: '#767676' } },
        axisTick: { show: false },
      },
      series: spec.series.map((s) => ({
        type: 'bar',
        name: s.name[locale],
        data: s.values,
        itemStyle: { color: s.color },
        barMaxWidth: 22,
        ...(spec.stacked ? { stack: 'all' } : {}),
        label: {
          show: true,
          position: spec.stacked ? 'inside' : 'right',
          color: spec.stacked ? '#ffffff' : TEXT,
          fontSize: 12,
          // Zero draws no bar, so it gets no number either.
          formatter: ({ value }: { value: number }) => (value === 0 || (spec.stacked && value < smallest) ? '' : formatValue(value, spec.unit, locale)),
        },
      })),
    });
    return accessibleSvg(chart.renderToSVGString(), spec, locale, id);
  } finally {
    chart.dispose();
  }
}

/** ECharts' SVG with the accessible name and description, without its per-instance ids, hover styles and data attributes. */
function accessibleSvg(svg: string, spec: ChartSpec, locale: Locale, id: string): string {
  const cleaned = svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ pointer-events="[^"]*"/g, '')
    .replace(/zr\d+-/g, `${id}-`)
    .replace(/ (?:version|baseProfile)="[^"]*"/g, '')
    .replace(/ xmlns:xlink="[^"]*"/, '');
  const open = /^<svg\b([^>]*)>/.exec(cleaned);
  if (!open) throw new Error('ECharts did not return an SVG element');
  const title = `<title id="${id}-title">${escapeHtml(spec.title[locale])}</title>`;
  const desc = `<desc id="${id}-desc">${escapeHtml(chartDescription(spec, locale))}</desc>`;
  return `<svg${open[1]} role="img" aria-labelledby="${id}-title ${id}-desc" id="${id}" focusable="false">${title}${desc}${cleaned.slice(open[0].length)}`;
}
