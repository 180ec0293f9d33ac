import { describe, expect, it } from 'vitest';
import { parseEntryFile } from './frontmatter.ts';

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
