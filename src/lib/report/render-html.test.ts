/**
 * The HTML report read back by parse5 (the HTML parser browsers follow), and
 * checked by the Nu Html Checker (vnu-jar, run with the machine's Java) when
 * Java is there. The browser test tests/e2e/report-html.test.ts opens it in
 * Chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { hostileReport, hostileTexts } from '../../../tests/fixtures/hostile/report/hostile-report.ts';
import { sampleHalfYearReport, sampleReport } from '../../../tests/fixtures/report-render/sample-report.ts';
import { reportCharts } from './charts.ts';
import { renderHtml } from './render-html.ts';
import { reportTables } from './report-tables.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function all(node: Node, found: Element[] = []): Element[] {
  if ('tagName' in node) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) all(child, found);
  if (node.nodeName === 'template') all((node as Element & { content: Node }).content, found);
  return found;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';

const html = renderHtml(sampleReport);
const elements = all(parse(html));
const byTag = (tag: string, within: Element[] = elements) => within.filter((e) => e.tagName === tag);

describe('renderHtml', () => {
  it('is one page in Vietnamese then English, with one h1 and a skip link to the main content', () => {
    expect(attr(byTag('html')[0]!, 'lang')).toBe('vi');
    const articles = byTag('article');
    expect(articles.map((a) => [attr(a, 'id'), attr(a, 'lang')])).toEqual([
      ['vi', 'vi'],
      ['en', 'en'],
    ]);
    expect(byTag('h1')).toHaveLength(1);
    const skip = byTag('a')[0]!;
    expect(attr(skip, 'class')).toBe('skip-link');
    expect(attr(skip, 'href')).toBe('#main');
    expect(byTag('main').map((m) => attr(m, 'id'))).toEqual(['main']);
  });

  it('needs nothing outside itself and runs nothing', () => {
    expect(byTag('script')).toEqual([]);
    expect(byTag('link')).toEqual([]);
    expect(byTag('img')).toEqual([]);
    for (const e of elements) {
      expect(e.attrs.filter((a) => /^on/i.test(a.name))).toEqual([]);
      const src = attr(e, 'src') ?? attr(e, 'href');
      if (src !== undefined) expect(src, e.tagName).toMatch(/^#/);
    }
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/url\(|@import|https?:\/\//);
  });

  it('prints every table in both languages, with a caption and header cells with scope', () => {
    const tables = byTag('table');
    const expected = reportTables(sampleReport).filter((t) => t.rows.length > 0).length + 1; // + the data of the Q&A chart
    expect(tables).toHaveLength(expected * 2);
    for (const table of tables) {
      expect(byTag('caption', all(table))).toHaveLength(1);
      for (const th of byTag('th', all(table))) expect(['col', 'row']).toContain(attr(th, 'scope'));
    }
  });

  it('writes numbers per language', () => {
    const [vi, en] = byTag('article').map(textOf);
    expect(vi).toContain('1.234');
    expect(vi).toContain('94,3%');
    expect(vi).toContain('1 ngày 3 giờ');
    expect(en).toContain('1,234');
    expect(en).toContain('94.3%');
    expect(en).toContain('1 day 3 hours');
  });

  it('puts each chart in a figure, as an SVG image named by its title, next to its table', () => {
    const figures = byTag('figure');
    expect(figures).toHaveLength(reportCharts(sampleReport).length * 2);
    for (const figure of figures) {
      const inside = all(figure);
      const [svg] = byTag('svg', inside);
      expect(attr(svg!, 'role')).toBe('img');
      const [titleId, descId] = attr(svg!, 'aria-labelledby')!.split(' ');
      expect(attr(byTag('title', inside)[0]!, 'id')).toBe(titleId);
      expect(attr(byTag('desc', inside)[0]!, 'id')).toBe(descId);
      expect(byTag('table', inside)).toHaveLength(1);
    }
    const ids = elements.map((e) => attr(e, 'id')).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows publications per month in a report of several months, chart and table together', () => {
    const found = all(parse(renderHtml(sampleHalfYearReport)));
    for (const locale of ['vi', 'en']) {
      const figure = found.find((e) => e.tagName === 'figure' && all(e).some((x) => attr(x, 'id') === `${locale}-chart-publications-by-month`))!;
      expect(all(figure).some((x) => x.tagName === 'table' && attr(x, 'id') === `${locale}-table-publications-by-month`)).toBe(true);
    }
  });

  it('is the same for the same report', () => {
    expect(renderHtml(structuredClone(sampleReport))).toBe(html);
  });

  it('shows hostile texts as text: no script, no link, no element of theirs', () => {
    const hostile = renderHtml(hostileReport());
    const found = all(parse(hostile));
    expect(found.filter((e) => e.tagName === 'script')).toEqual([]);
    expect(new Set(found.map((e) => e.tagName))).toEqual(new Set(elements.map((e) => e.tagName)));
    const text = textOf(parse(hostile));
    expect(text).toContain(hostileTexts['table-breakout']);
    expect(text).toContain(hostileTexts['attribute-quote']);
    expect(text).not.toContain('\u202e');
  });
});

const require = createRequire(import.meta.url);
describe('the Nu Html Checker', () => {
  it('finds no error or warning in the sample and the hostile report', () => {
    // Java is a prerequisite of the tests (README; .ci/run installs it): never skipped silently.
    expect(spawnSync('java', ['-version']).status, 'the Nu Html Checker needs Java: apt-get install default-jre-headless').toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'report-html-'));
    try {
      const files = [
        ['sample.html', html],
        ['hostile.html', renderHtml(hostileReport())],
      ].map(([name, content]) => {
        const file = path.join(dir, name!);
        writeFileSync(file, content!);
        return file;
      });
      const vnu = require.resolve('vnu-jar/build/dist/vnu.jar');
      const run = spawnSync('java', ['-jar', vnu, '--format', 'json', '--also-check-svg', ...files], { encoding: 'utf8', timeout: 120_000 });
      const messages = (JSON.parse(run.stderr) as { messages: { type: string; message: string; url: string; lastLine?: number }[] }).messages;
      expect(messages.map((m) => `${path.basename(m.url)}:${m.lastLine}: ${m.type}: ${m.message}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
