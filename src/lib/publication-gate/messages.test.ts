import { describe, expect, it } from 'vitest';
import type { ContentIssue } from '../content/issues.ts';
import { bodyLineOf, buildFailure, buildOutputSummary, contentRefusal, formPlace, gateBody, interfaceLanguage, issueLabel, saveNote, saveRefusal, SHOWN_ISSUES } from './messages.ts';

const issue = (line: number, field?: string): ContentIssue => ({ file: 'content/news/vi/bai.mdx', line, column: 1, field, vi: `Lỗi ${line}.`, en: `Problem ${line}.` });
const source = '---\ntitle: Bài\n---\nVăn bản.\n';

describe('issueLabel', () => {
  it('labels a frontmatter field by the schema, a line below the frontmatter as the body, and the rest not at all', () => {
    expect(issueLabel(issue(2, 'title'), source, () => ({ vi: 'Tiêu đề', en: 'Title' }))).toEqual({ vi: 'Tiêu đề', en: 'Title' });
    expect(issueLabel(issue(4), source, () => undefined)).toEqual({ vi: 'Nội dung', en: 'Text' });
    expect(issueLabel(issue(2), source, () => undefined)).toBeUndefined();
  });
});

describe('where a problem is in the form', () => {
  it('counts a body line from the first line of the text field, and has none for a front-matter field', () => {
    expect(bodyLineOf(issue(4), source)).toBe(1);
    expect(bodyLineOf(issue(2, 'title'), source)).toBeUndefined();
    expect(bodyLineOf(issue(2), source)).toBeUndefined();
    expect(bodyLineOf(issue(3), 'No front matter\n\n{1+1}\n')).toBe(3);
  });
  it('names the language version, the field label, the line in the text field, then the file and its line', () => {
    expect(formPlace(issue(4), { vi: 'Nội dung', en: 'Text' }, source)).toEqual({
      vi: 'Bản tiếng Việt, trường “Nội dung”, dòng 1 (content/news/vi/bai.mdx, dòng 4)',
      en: 'The Vietnamese version, field “Text”, line 1 (content/news/vi/bai.mdx, line 4)',
    });
    const english = { ...issue(2, 'title'), file: 'content/news/en/bai.mdx' };
    expect(formPlace(english, { vi: 'Tiêu đề', en: 'Title' }, source).vi).toBe('Bản tiếng Anh, trường “Tiêu đề” (content/news/en/bai.mdx, dòng 2)');
    // Without a label (a settings file), as the publication gate says it.
    expect(formPlace({ ...issue(3), file: 'content/site.yml' }, undefined, undefined).en).toBe('content/site.yml, line 3');
  });
});

describe('saveRefusal', () => {
  it('says nothing was saved, the text is kept, and lists each problem where the form shows it', () => {
    const r = saveRefusal('news/bai', [{ issue: issue(4), label: { vi: 'Nội dung', en: 'Text' }, source }]);
    expect(r.status).toBe(422);
    expect(r.vi).toBe(
      'Nội dung của “news/bai” chưa đạt kiểm tra của trang (1 lỗi), nên chưa có gì được lưu; những gì bạn đã nhập vẫn còn trong biểu mẫu. ' +
        'Hãy sửa các lỗi dưới đây rồi bấm Lưu lại.\n(1) Bản tiếng Việt, trường “Nội dung”, dòng 1 (content/news/vi/bai.mdx, dòng 4): Lỗi 4.',
    );
    expect(r.en).toContain('so nothing was saved; what you typed is still in the form.');
    expect(r.vi).toBe(r.vi.normalize('NFC'));
  });
});

describe('saveNote', () => {
  it('names the language version, the field and the line inside the text field', () => {
    const body = { ...issue(4), severity: 'warning' as const };
    expect(saveNote({ issue: body, label: { vi: 'Nội dung', en: 'Text' }, source })).toEqual({
      version: 'vi',
      label: { vi: 'Nội dung, dòng 1', en: 'Text, line 1' },
      message: { vi: 'Lỗi 4.', en: 'Problem 4.' },
    });
    const english = { ...issue(2, 'english_address'), file: 'content/news/en/bai.mdx' };
    expect(saveNote({ issue: english, label: { vi: 'Địa chỉ trang tiếng Anh', en: 'English page address' }, source })).toMatchObject({
      version: 'en',
      label: { vi: 'Địa chỉ trang tiếng Anh', en: 'English page address' },
    });
  });

  it('has no note for a file that is not a language version of an entry', () => {
    expect(saveNote({ issue: { ...issue(1), file: 'content/site.yml' }, label: undefined, source: 'x: 1\n' })).toBeUndefined();
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

describe('the answer in the interface language', () => {
  it('tells the interface from the CMS page address', () => {
    expect(interfaceLanguage('http://localhost:4321/admin/#/workflow')).toBe('vi');
    expect(interfaceLanguage('http://localhost:4321/en/admin/#/workflow')).toBe('en');
    expect(interfaceLanguage('http://localhost:4321/tin-tuc/')).toBeUndefined();
    expect(interfaceLanguage(undefined)).toBeUndefined();
    expect(interfaceLanguage('not a url')).toBeUndefined();
  });

  it('shows one language when known, both otherwise, and always carries both', () => {
    const said = { vi: 'Chưa công bố.', en: 'Not published.' };
    expect(gateBody(said, 'vi')).toEqual({ error: 'Chưa công bố.', ...said });
    expect(gateBody(said, 'en')).toEqual({ error: 'Not published.', ...said });
    expect(gateBody(said, undefined)).toEqual({ error: 'Chưa công bố. / Not published.', ...said });
  });
});

describe('buildOutputSummary', () => {
  it('keeps what the build said, without stack traces or source code', () => {
    const output = [
      'build: everything',
      '10:22:56 [content] Syncing content',
      "\u001b[31mENOTDIR: not a directory, mkdir '/tmp/sb/cache/portal-bodies'\u001b[39m",
      '  Location:',
      '    /work/src/content/body-cache.ts:37:2',
      '  Stack trace:',
      '    at async mkdir (node:internal/fs/promises:1564:10)',
      'file:///work/scripts/build.ts:53',
      "    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('x'))));",
      '                                                                ^',
      'Error: /usr/bin/node astro.mjs build --outDir /tmp/sb/site failed (exit code 1)',
      '    at ChildProcess.<anonymous> (file:///work/scripts/build.ts:53:65)',
      'Node.js v24.21.0',
      "ENOTDIR: not a directory, mkdir '/tmp/sb/cache/portal-bodies'",
    ].join('\n');
    expect(buildOutputSummary(output)).toBe("ENOTDIR: not a directory, mkdir '/tmp/sb/cache/portal-bodies'");
  });

  it('keeps an error Astro reports with a timestamp', () => {
    expect(buildOutputSummary('10:00:00 [ERROR] [vite] Could not resolve "./x"\n')).toBe('10:00:00 [ERROR] [vite] Could not resolve "./x"');
  });
});
