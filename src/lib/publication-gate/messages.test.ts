import { describe, expect, it } from 'vitest';
import type { ContentIssue } from '../content/issues.ts';
import { buildFailure, contentRefusal, issueLabel, SHOWN_ISSUES } from './messages.ts';

const issue = (line: number, field?: string): ContentIssue => ({ file: 'content/news/vi/bai.mdx', line, column: 1, field, vi: `Lỗi ${line}.`, en: `Problem ${line}.` });
const source = '---\ntitle: Bài\n---\nVăn bản.\n';

describe('issueLabel', () => {
  it('labels a frontmatter field by the schema, a line below the frontmatter as the body, and the rest not at all', () => {
    expect(issueLabel(issue(2, 'title'), source, () => ({ vi: 'Tiêu đề', en: 'Title' }))).toEqual({ vi: 'Tiêu đề', en: 'Title' });
    expect(issueLabel(issue(4), source, () => undefined)).toEqual({ vi: 'Nội dung', en: 'Text' });
    expect(issueLabel(issue(2), source, () => undefined)).toBeUndefined();
  });
});

describe('contentRefusal', () => {
  it('names file, line and field label of each problem in both languages, and counts those not shown', () => {
    const issues = Array.from({ length: SHOWN_ISSUES + 2 }, (_, i) => ({ issue: issue(i + 2, 'title'), label: { vi: 'Tiêu đề', en: 'Title' } }));
    const r = contentRefusal('news/bai', issues);
    expect(r.status).toBe(422);
    expect(r.vi).toContain('(1) content/news/vi/bai.mdx, dòng 2, trường “Tiêu đề”: Lỗi 2.');
    expect(r.en).toContain('(1) content/news/vi/bai.mdx, line 2, field “Title”: Problem 2.');
    expect(r.vi).toContain('… và 2 lỗi khác.');
    expect(r.en).toContain('… and 2 more.');
    expect(r.vi).toBe(r.vi.normalize('NFC'));
  });
});

describe('buildFailure', () => {
  it('says the publication was undone and what the build said', () => {
    const r = buildFailure('news/bai', 'build failed (exit code 1): boom');
    expect(r.status).toBe(500);
    expect(r.vi).toContain('việc công bố đã được hoàn tác');
    expect(r.en).toContain('The build said: build failed (exit code 1): boom');
  });
});
