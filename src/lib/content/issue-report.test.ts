import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contentSchemas } from '../schema/collections.ts';
import { taxonomySchema } from '../schema/settings.ts';
import { cell, fieldLabelOf, issuesMarkdown, SUMMARY_LIMIT } from './issue-report.ts';
import type { ContentIssue } from './issues.ts';

const schemas = contentSchemas(taxonomySchema.parse(parse(readFileSync('content/taxonomy.yml', 'utf8'))));
const issue = (over: Partial<ContentIssue>): ContentIssue => ({ file: 'content/news/vi/tin.mdx', line: 2, column: 8, field: 'title', vi: 'Tiêu đề quá dài.', en: 'The title is too long.', ...over });
const rows = (md: string) => md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Tệp') && !l.startsWith('| ---'));

describe('issuesMarkdown (the content check job summary)', () => {
  it('says the content passed, with the counts, when there is nothing to fix', () => {
    const md = issuesMarkdown([], { files: 12, entries: 10 });
    expect(md).toContain('**Đạt: không có lỗi.** / **Passed: no problems.** 12 tệp, 10 mục hợp lệ / 12 files, 10 valid entries.');
    expect(rows(md)).toEqual([]);
  });

  it('lists each problem: file, line, the field by its CMS label, level, Vietnamese and English', () => {
    const md = issuesMarkdown([issue({}), issue({ file: 'content/news/en/tin.mdx', line: 5, field: 'publish_at', severity: 'warning', vi: 'Cảnh báo.', en: 'Warning.' })], { files: 2, entries: 1 }, fieldLabelOf(schemas));
    expect(md).toContain('**Không đạt: 1 lỗi, 1 cảnh báo.**');
    expect(md).toContain('**Failed: 1 error, 1 warning.**');
    const [first, second] = rows(md);
    expect(first).toBe('| content/news/en/tin.mdx | 5 | Hẹn giờ đăng / Publish at (`publish_at`) | cảnh báo / warning | Cảnh báo. | Warning. |');
    expect(second).toBe('| content/news/vi/tin.mdx | 2 | Tiêu đề / Title (`title`) | lỗi / error | Tiêu đề quá dài. | The title is too long. |');
  });

  it('names fields inside lists by their label, whichever way the index is written', () => {
    const label = fieldLabelOf(schemas);
    expect(label(issue({ field: 'tags[1]' }))).toEqual(label(issue({ field: 'tags.1' })));
    expect(label(issue({ field: 'tags[1]' }))?.vi).toBe('Từ khoá');
  });

  it('shows the field path alone outside entry files, and a dash without a field', () => {
    const md = issuesMarkdown([issue({ file: 'content/site.yml', field: 'url' }), issue({ file: 'public/media/x.svg', field: undefined })], { files: 2, entries: 0 }, fieldLabelOf(schemas));
    expect(rows(md)).toEqual([
      '| content/site.yml | 2 | `url` | lỗi / error | Tiêu đề quá dài. | The title is too long. |',
      '| public/media/x.svg | 2 | — | lỗi / error | Tiêu đề quá dài. | The title is too long. |',
    ]);
  });

  it('lets nothing an editor typed become markup or break the table', () => {
    const hostile = '<script>alert(1)</script> | **x** [a](javascript:1)\n# h';
    const md = issuesMarkdown([issue({ vi: hostile, en: hostile, file: 'content/news/vi/a|b.mdx' })], { files: 1, entries: 0 });
    const [row] = rows(md);
    expect(row).not.toContain('<script>');
    // Seven column separators: six cells, none split.
    expect(row!.split(' | ').length).toBe(6);
    expect(cell(hostile)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &#124; \\*\\*x\\*\\* \\[a\\](javascript:1) \\# h');
  });

  it('stops before GitHub’s summary limit and says how many problems it left out', () => {
    const many = Array.from({ length: 3000 }, (_, i) => issue({ line: i + 1, vi: 'x'.repeat(200), en: 'y'.repeat(200) }));
    const md = issuesMarkdown(many, { files: 1, entries: 0 });
    expect(md.length).toBeLessThanOrEqual(SUMMARY_LIMIT + 300);
    const shown = rows(md).length;
    expect(shown).toBeLessThan(3000);
    expect(md).toContain(`… và ${3000 - shown} vấn đề nữa`);
  });
});
