/**
 * The report's Markdown, and the same Markdown as the body of a portal entry
 * run through the project's real content check (validateContent, with the
 * real content around it): the sample report and a report whose every text is
 * hostile (tests/fixtures/hostile/report/) must pass it, and the rendered
 * page must show the hostile texts as text, in their own cells.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileReport, hostileTexts } from '../../../tests/fixtures/hostile/report/hostile-report.ts';
import { sampleHalfYearReport, sampleReport } from '../../../tests/fixtures/report-render/sample-report.ts';
import { readContentFiles, readPublicFiles } from '../../content-loader/read-content.ts';
import { formatIssue } from '../content/issues.ts';
import { validateContent, type SourceFile } from '../content/validate.ts';
import { escapeMdxText } from './markdown-text.ts';
import type { EditorialReport } from './report.ts';
import { reportEntry } from './report-entry.ts';
import { renderMarkdown } from './render-markdown.ts';
import { reportTables } from './report-tables.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node, name: string, found: Element[] = []): Element[] {
  if ('tagName' in node && node.tagName === name) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, name, found);
  return found;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

describe('renderMarkdown', () => {
  it('writes numbers per language in the tables', () => {
    const vi = renderMarkdown(sampleReport, 'vi');
    const en = renderMarkdown(sampleReport, 'en');
    expect(vi).toContain('| Hỏi đáp | 1.012 | 142 | 0 | 0 |');
    expect(en).toContain('| Questions and answers | 1,012 | 142 | 0 | 0 |');
    expect(vi).toContain('| Tất cả | 1.480 | 1.396 | 1.317 | 94,3% |');
    expect(en).toContain('| All | 1,480 | 1,396 | 1,317 | 94.3% |');
    expect(vi).toContain('| Ban Quản trị quyết định | 238 | 1 ngày 3 giờ | 3 ngày 3 giờ |');
    expect(en).toContain('| 42 | 38 | 3 | 1 | 92.7% |');
  });

  it('has headings from level 2, one per part, and the period', () => {
    const vi = renderMarkdown(sampleReport, 'vi');
    expect(vi).not.toMatch(/^# /m);
    expect(vi.match(/^## .*/gm)).toEqual(['## Tóm tắt', '## Nội dung đăng tải', '## Phê duyệt', '## Đăng khẩn cấp', '## Rút và gỡ bỏ nội dung', '## Hỏi đáp', '## Nghĩa vụ công bố thông tin', '## Bản tiếng Anh']);
    expect(vi).toContain('- Kỳ báo cáo: Tháng 11/2026 (26/10/2026 – 25/11/2026)');
    expect(vi).toBe(vi.normalize('NFC'));
  });

  it('says when a table has no row, and warns about a shallow history', () => {
    const empty: EditorialReport = { ...structuredClone(sampleReport), urgent: [], sources: { ...sampleReport.sources, shallow: true } };
    const en = renderMarkdown(empty, 'en');
    expect(en).toContain('No urgent publications in the period.');
    expect(en).toContain('shallow clone');
  });

  it('gives the English reason of a takedown, or the Vietnamese one said to be so', () => {
    const en = renderMarkdown(sampleReport, 'en');
    expect(en).toContain('| Replaced by a later document | 1451 |');
    expect(en).toContain('(Vietnamese only) Hết thời hạn áp dụng');
  });

  it('names a change that stopped serving the archived versions of pages taken down, and says where its reason is', () => {
    const report: EditorialReport = structuredClone(sampleReport);
    report.takedowns = [{ address: '/luu-tru/', path: 'content/site.yml', kind: 'withhold-archive', date: '2026-11-20', reason: { vi: '', en: '' }, pr: 1460 }];
    // (The Markdown keeps a word joiner before a colon; read without it.)
    const shown = (locale: 'vi' | 'en') => renderMarkdown(report, locale).replaceAll('\u2060', '');
    expect(shown('vi')).toContain('| /luu-tru/ | Thôi phục vụ trên cổng các bản lưu của trang đã gỡ (giữ trong kho lưu trữ) | 20/11/2026 | Thiết lập không ghi lý do: xem đề nghị đã duyệt | 1460 |');
    expect(shown('en')).toContain('| /luu-tru/ | Archived versions of pages taken down no longer served on the portal (kept in the archive) | 20/11/2026 | The settings record no reason: see the approved request | 1460 |');
  });

  it('gives the figures per month in a report of several months', () => {
    expect(renderMarkdown(sampleHalfYearReport, 'vi')).toContain('| Tháng 12/2026 | 1.251 | 322 | 1 | 0 |');
    expect(renderMarkdown(sampleHalfYearReport, 'en')).toContain('### By month (26th of the previous month – 25th)');
    expect(renderMarkdown(sampleReport, 'en')).not.toContain('By month');
  });

  it('is the same for the same report', () => {
    expect(renderMarkdown(structuredClone(sampleReport), 'vi')).toBe(renderMarkdown(sampleReport, 'vi'));
  });
});

describe('escapeMdxText', () => {
  it('leaves plain Vietnamese as it is and puts it in NFC', () => {
    expect(escapeMdxText('Trung tâm Truyền thông, 2026')).toBe('Trung tâm Truyền thông, 2026');
    expect(escapeMdxText('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });

  it('writes every syntax character as a reference', () => {
    for (const t of Object.values(hostileTexts)) expect(escapeMdxText(t)).not.toMatch(/[<{}`|*_~[\]\\\n\r\u202e]|^\s*[#>\-+]|^\s*(import|export)\b/);
  });
});

describe('the Markdown as an entry body, through the real content check', () => {
  let real: SourceFile[];
  let staticPaths: Set<string>;

  beforeAll(async () => {
    real = (await readContentFiles(process.cwd())).files;
    staticPaths = (await readPublicFiles(process.cwd())).staticPaths;
  });

  const check = (report: EditorialReport) => {
    // The entry exactly as --propose writes it (report-entry.ts): a page of the section “Statistics” in both languages.
    const entry = reportEntry(report, { vi: renderMarkdown(report, 'vi'), en: renderMarkdown(report, 'en') });
    const files = entry.files.map((f) => ({ file: f.path, source: f.text }));
    const { entries, issues } = validateContent([...real.filter((r) => !files.some((f) => f.file === r.file)), ...files], { staticPaths });
    const ours = issues.filter((i) => files.some((f) => f.file === i.file));
    expect(ours.map(formatIssue)).toEqual([]);
    return files.map((f) => entries.find((e) => e.file === f.file)!);
  };

  it('the sample report passes in both languages', () => {
    const [vi, en] = check(sampleReport);
    expect(elements(parseFragment(vi!.html), 'table')).toHaveLength(reportTables(sampleReport).filter((t) => t.rows.length > 0).length);
    expect(en!.html).toContain('<td class="align-right">1,480</td>');
  });

  it('a report of hostile texts passes, runs nothing, and shows each text as written in its own cell', () => {
    const report = hostileReport();
    for (const entry of check(report)) {
      expect(entry.html).not.toMatch(/<script|<img|<a |javascript:|<Callout|<table><\/table>/i);
      const tree = parseFragment(entry.html);
      expect(elements(tree, 'script')).toEqual([]);
      expect(elements(tree, 'a')).toEqual([]);
      const tables = elements(tree, 'table');
      const model = reportTables(report).filter((t) => t.rows.length > 0);
      expect(tables).toHaveLength(model.length);
      tables.forEach((table, i) => {
        const rows = elements(table, 'tr');
        expect(rows).toHaveLength(model[i]!.rows.length + 1);
        for (const row of rows) expect(elements(row, 'td').length + elements(row, 'th').length).toBe(model[i]!.columns.length);
      });
      // Word joiners (U+2060) keep bare addresses from becoming links; otherwise the text reads as written.
      const text = textOf(tree).replaceAll('\u2060', '');
      for (const name of ['script-tag', 'expression', 'import-line', 'pipe', 'backticks', 'javascript-link', 'table-breakout', 'html-comment', 'http-autolink', 'email-autolink', 'entity']) {
        expect(text, name).toContain(hostileTexts[name]);
      }
      // Controls and bidirectional characters are shown as escapes, never as themselves.
      expect(text).toContain('1900\\u202e9068');
      expect(text).not.toContain('\u202e');
    }
  });
});
