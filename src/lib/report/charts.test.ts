import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { hostileReport, hostileTexts } from '../../../tests/fixtures/hostile/report/hostile-report.ts';
import { sampleHalfYearReport, sampleReport } from '../../../tests/fixtures/report-render/sample-report.ts';
import { svgProblems } from '../content/safe-svg.ts';
import { chartDescription, chartSvg, reportCharts } from './charts.ts';
import { rawCell } from './report-tables.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function all(node: Node, found: Element[] = []): Element[] {
  if ('tagName' in node) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) all(child, found);
  return found;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';

/** The SVG as a browser reads it inline in an HTML page. */
function parseSvg(svg: string): { root: Element; elements: Element[] } {
  const fragment = parseFragment(svg);
  const roots = fragment.childNodes.filter((n): n is Element => 'tagName' in n);
  expect(roots.map((r) => r.tagName)).toEqual(['svg']);
  return { root: roots[0]!, elements: all(roots[0]!) };
}

describe('reportCharts', () => {
  it('draws publications, approval times, questions on time and duties', () => {
    expect(reportCharts(sampleReport).map((c) => c.id)).toEqual(['chart-publications-by-collection', 'chart-approval-times', 'chart-qa-on-time', 'chart-duties']);
  });

  it('has the same figures in the chart as in the table printed next to it', () => {
    for (const chart of reportCharts(sampleReport)) {
      if (chart.id === 'chart-duties' || chart.id === 'chart-approval-times') continue;
      expect(chart.table.rows).toHaveLength(chart.categories.length);
      chart.series.forEach((s, i) => {
        const column = chart.table.columns.findIndex((c) => c.label.en === s.name.en || c.label.en.startsWith(s.name.en));
        expect(column, `${chart.id}: ${s.name.en}`).toBeGreaterThan(0);
        expect(chart.table.rows.map((r) => rawCell(r.cells[column]!, 'en')), `${chart.id} series ${i}`).toEqual(s.values);
      });
    }
    const qa = reportCharts(sampleReport).find((c) => c.id === 'chart-qa-on-time')!;
    expect(qa.series.map((s) => s.values.at(-1))).toEqual([1317, 1396 - 1317, 1480 - 1396]);
  });

  it('draws publications per month in a report of several months, next to their table', () => {
    const charts = reportCharts(sampleHalfYearReport);
    expect(charts.map((c) => c.id)).toContain('chart-publications-by-month');
    const byMonth = charts.find((c) => c.id === 'chart-publications-by-month')!;
    expect(byMonth.table.id).toBe('publications-by-month');
    expect(byMonth.categories.map((c) => c.vi)).toEqual(['Tháng 7/2026', 'Tháng 8/2026', 'Tháng 9/2026', 'Tháng 10/2026', 'Tháng 11/2026', 'Tháng 12/2026']);
    expect(byMonth.series[0]!.values).toEqual([1102, 1187, 1215, 1198, 1234, 1251]);
    expect(chartDescription(byMonth, 'vi')).toContain('Tháng 12/2026: Đăng mới 1.251, Cập nhật 322, Rút 1, Gỡ bỏ 0.');
    expect(reportCharts(sampleReport).map((c) => c.id)).not.toContain('chart-publications-by-month');
  });

  it('leaves out charts with nothing to show', () => {
    const empty = structuredClone(sampleReport);
    empty.qa = { received: 0, answered: 0, answeredOnTime: 0, onTimePercent: null, byChannel: [], byUnit: [] };
    empty.duties = { due: 0, metOnTime: 0, late: 0, open: 0, onTimePercent: null };
    expect(reportCharts(empty).map((c) => c.id)).toEqual(['chart-publications-by-collection', 'chart-approval-times']);
  });
});

describe('chartSvg', () => {
  it('is an SVG image named by its title and described by every figure, in the language asked', () => {
    const qa = reportCharts(sampleReport).find((c) => c.id === 'chart-qa-on-time')!;
    for (const locale of ['vi', 'en'] as const) {
      const { root, elements } = parseSvg(chartSvg(qa, locale, `${locale}-chart`));
      expect(attr(root, 'role')).toBe('img');
      const ids = attr(root, 'aria-labelledby')!.split(' ');
      const named = ids.map((id) => elements.find((e) => attr(e, 'id') === id)!);
      expect(named.map((e) => e.tagName)).toEqual(['title', 'desc']);
      expect(textOf(named[0]!)).toBe(qa.title[locale]);
      expect(textOf(named[1]!)).toBe(chartDescription(qa, locale));
    }
    expect(chartDescription(qa, 'vi')).toContain('Tất cả: Đúng hạn 1.317, Trễ hạn 79, Chưa trả lời 84.');
    expect(chartDescription(qa, 'en')).toContain('All: On time 1,317, Late 79, Not yet answered 84.');
    const times = reportCharts(sampleReport).find((c) => c.id === 'chart-approval-times')!;
    expect(chartDescription(times, 'vi')).toBe('Thư ký duyệt: Trung vị 5 giờ, Phân vị 90 1 ngày 4 giờ. Ban Quản trị quyết định: Trung vị 1 ngày 3 giờ, Phân vị 90 3 ngày 3 giờ.');
  });

  it('draws the bars and labels, with numbers per language', () => {
    const qa = reportCharts(sampleReport).find((c) => c.id === 'chart-qa-on-time')!;
    const vi = parseSvg(chartSvg(qa, 'vi', 'vi-chart'));
    const en = parseSvg(chartSvg(qa, 'en', 'en-chart'));
    const texts = (e: { elements: Element[] }) => e.elements.filter((x) => x.tagName === 'text').map(textOf);
    expect(texts(vi)).toEqual(expect.arrayContaining(['Cổng thông tin', 'Zalo', 'Thư điện tử', 'Tất cả', '1.317', 'Đúng hạn', 'Trễ hạn', 'Chưa trả lời']));
    expect(texts(en)).toEqual(expect.arrayContaining(['Portal', 'All', '1,317', 'On time']));
    // One bar per category and series.
    expect(vi.elements.filter((x) => x.tagName === 'path' && ['#0b6e4f', '#8a5300', '#5c5c5c'].includes(attr(x, 'fill') ?? '')).length).toBeGreaterThanOrEqual(12);
  });

  it('is the same for the same input, whatever was drawn before', () => {
    const [a, b] = reportCharts(sampleReport);
    const first = chartSvg(a!, 'vi', 'x');
    chartSvg(b!, 'en', 'y');
    expect(chartSvg(a!, 'vi', 'x')).toBe(first);
    expect(first).not.toMatch(/zr\d+-|ecmeta_|<style/);
  });

  it('passes the portal’s own SVG safety check', () => {
    for (const chart of reportCharts(sampleReport)) expect(svgProblems(chartSvg(chart, 'vi', 'vi-c'))).toEqual([]);
  });

  it('keeps hostile labels as text: no script, no handler, well-formed XML', () => {
    const report = hostileReport();
    for (const chart of reportCharts(report)) {
      for (const locale of ['vi', 'en'] as const) {
        const svg = chartSvg(chart, locale, `${locale}-${chart.id}`);
        const { elements } = parseSvg(svg);
        expect(new Set(elements.map((e) => e.tagName))).toEqual(new Set(['svg', 'title', 'desc', 'rect', 'path', 'text', ...(elements.some((e) => e.tagName === 'g') ? ['g'] : []), ...(elements.some((e) => e.tagName === 'clippath') ? ['clippath', 'defs'] : [])]));
        for (const e of elements) expect(e.attrs.filter((a) => /^on|href/i.test(a.name))).toEqual([]);
        expect(svgProblems(svg)).toEqual([]);
      }
    }
    const pubs = reportCharts(report)[0]!;
    const desc = textOf(parseSvg(chartSvg(pubs, 'en', 'h')).elements.find((e) => e.tagName === 'desc')!);
    expect(desc).toContain(`${hostileTexts['svg-text-breakout']}: Published 1`);
    expect(desc).toContain(`${hostileTexts['script-tag']}: Published 1`);
  });
});

describe('estimateTextWidth', () => {
  it('reads Vietnamese letters by their base letter and grows with the font size', async () => {
    const { estimateTextWidth } = await import('./charts.ts');
    expect(estimateTextWidth('Tất cả', '12px sans-serif')).toBe(estimateTextWidth('Tat ca', '12px sans-serif'));
    expect(estimateTextWidth('Đúng hạn', '24px x')).toBeCloseTo(2 * estimateTextWidth('Đúng hạn', '12px x'));
    expect(estimateTextWidth('mmmm', '12px')).toBeGreaterThan(estimateTextWidth('iiii', '12px'));
  });
});
