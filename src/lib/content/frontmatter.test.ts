import { describe, expect, it } from 'vitest';
import { parseEntryFile, parseYamlWithPositions } from './frontmatter.ts';
import { sortIssues } from './issues.ts';

describe('parseEntryFile', () => {
  it('splits frontmatter and body and knows where the body starts', () => {
    const parsed = parseEntryFile('x.mdx', '---\ntitle: A\nlist:\n  - b\n---\n\nBody\n');
    expect(parsed.data).toEqual({ title: 'A', list: ['b'] });
    expect(parsed.body).toBe('\nBody\n');
    expect(parsed.bodyLine).toBe(6);
    expect(parsed.issues).toEqual([]);
  });

  it('locates fields, list items and nested fields by line', () => {
    const parsed = parseEntryFile('x.mdx', '---\ntitle: A\nasker:\n  initials: X\nanswered_by:\n  - a\n  - b\n---\n');
    expect(parsed.locate(['title'])).toEqual({ line: 2, column: 1 });
    expect(parsed.locate(['asker', 'initials'])).toEqual({ line: 4, column: 3 });
    expect(parsed.locate(['answered_by', 1])).toEqual({ line: 7, column: 5 });
    expect(parsed.locate(['missing'])).toEqual({ line: 2, column: 1 });
  });

  it('keeps dates as written (YAML 1.2 core schema: no timestamp conversion)', () => {
    expect(parseEntryFile('x.mdx', '---\ndate: 2024-09-16\n---\n').data).toEqual({ date: '2024-09-16' });
  });

  it('reports a duplicated field with its line', () => {
    const parsed = parseEntryFile('x.mdx', '---\ntitle: A\ntitle: B\n---\n');
    expect(parsed.data).toBeUndefined();
    expect(parsed.issues[0]).toMatchObject({ line: 3, file: 'x.mdx' });
    expect(parsed.issues[0]!.vi).toContain('một tên trường xuất hiện hai lần');
  });

  it('reports an unclosed frontmatter', () => {
    expect(parseEntryFile('x.mdx', '---\ntitle: A\n').issues[0]!.en).toBe('The frontmatter opens with “---” but no closing “---” line was found.');
  });
});

describe('parseYamlWithPositions: only plain data, never a crash', () => {
  const fields = (issues: { line: number; field?: string | undefined; en: string }[]) => issues.map((i) => [i.line, i.field, i.en.split(':')[0]]);

  it('refuses a billion-laughs alias bomb with a message instead of throwing', () => {
    const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    const parsed = parseYamlWithPositions('content/site.yml', bomb);
    expect(parsed.data).toBeUndefined();
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]).toMatchObject({ file: 'content/site.yml', line: 2, column: 8, field: 'b[0]' });
    expect(parsed.issues[0]!.en).toMatch(/^The YAML alias “\*a” is not allowed \(the file has 72 aliases\)/);
  });

  it('refuses even one alias (the limit is zero)', () => {
    const parsed = parseYamlWithPositions('x.yml', 'a: &x 1\nb: *x\n');
    expect(parsed.data).toBeUndefined();
    expect(fields(parsed.issues)).toEqual([[2, 'b', 'The YAML alias “*x” is not allowed (the file has 1 alias)']]);
  });

  it('refuses custom and standard tags instead of keeping them as strings', () => {
    const parsed = parseEntryFile('x.mdx', '---\ntitle: !!js/function "function () { return 1 }"\nsummary: !foo bar\norder: !!str 1\n---\n');
    expect(parsed.data).toBeUndefined();
    expect(fields(parsed.issues)).toEqual([
      [2, 'title', 'The YAML tag “!!js/function” is not allowed'],
      [3, 'summary', 'The YAML tag “!foo” is not allowed'],
      [4, 'order', 'The YAML tag “!!str” is not allowed'],
    ]);
  });

  it('refuses nesting deeper than the limit, and a nesting the YAML parser cannot follow', () => {
    let deep = '';
    for (let i = 0; i < 40; i++) deep += `${'  '.repeat(i)}k${i}:\n`;
    const parsed = parseYamlWithPositions('x.yml', `${deep}${'  '.repeat(40)}x: 1\n`);
    expect(parsed.data).toBeUndefined();
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]!.en).toMatch(/^YAML fields are nested too deeply: at most 32 levels/);
    expect(parsed.issues[0]!.line).toBe(33);

    const flow = parseYamlWithPositions('x.yml', `a: ${'['.repeat(10000)}${']'.repeat(10000)}\n`);
    expect(flow.data).toBeUndefined();
    expect(flow.issues[0]!.en).toMatch(/^YAML fields are nested too deeply/);
  });

  it('refuses control and bidi characters, typed or escaped, naming the field', () => {
    const parsed = parseEntryFile('x.mdx', '---\ntitle: "Tin \\x01 mới"\nphone: "\\u202E8609 0091"\nauthor: A\u0007B\nsigner:\n  name: "X\\u0085"\n# ghi chú \u202D\n---\n\nThân\u0000bài\n');
    const issues = sortIssues(parsed.issues);
    expect(issues.map((i) => [i.line, i.column, i.field, i.en.slice(0, 60)])).toEqual([
      [2, 8, 'title', 'The invisible control character U+0001 (START OF HEADING) in'],
      [3, 8, 'phone', 'The text-direction control U+202E (RIGHT-TO-LEFT OVERRIDE) i'],
      [4, 10, 'author', 'The invisible control character U+0007 (BELL) in the field “'],
      [6, 9, 'signer.name', 'The invisible control character U+0085 (C1 CONTROL) in the f'],
      [7, 11, undefined, 'The text-direction control U+202D (LEFT-TO-RIGHT OVERRIDE) i'],
      [10, 5, undefined, 'The invisible control character U+0000 (NULL) in the text is'],
    ]);
    expect(issues[0]!.en).toContain('written as an escape');
    expect(issues[2]!.en).not.toContain('written as an escape');
  });

  it('accepts CRLF line endings', () => {
    const parsed = parseEntryFile('x.mdx', '---\r\ntitle: A\r\nlist:\r\n  - b\r\n---\r\n\r\nBody\r\n');
    expect(parsed.issues).toEqual([]);
    expect(parsed.data).toEqual({ title: 'A', list: ['b'] });
  });
});
