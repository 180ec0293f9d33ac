import { describe, expect, it } from 'vitest';
import { classifyChanges, describeClassification, isEntryPath, pathKind, takedownOf } from './classify.ts';
import type { ChangedFile } from './input.ts';

const ROLES = 'content/governance/roles.yml';
const entry = (extra = '') => `---\ntitle: Tin\nsummary: Tóm tắt.\n${extra}---\n\nNội dung.\n`;
const withdrawn = 'withdrawn:\n  kind: withdraw\n  date: 2026-11-20\n  reason: Hết hiệu lực.\n';

describe('pathKind', () => {
  it.each([
    ['content/news/vi/a.mdx', 'content'],
    ['content/site.yml', 'content'],
    ['content/taxonomy.yml', 'content'],
    ['public/media/news/a.jpg', 'content'],
    ['public/files/a.pdf', 'content'],
    ['docs/cms.md', 'content'],
    ['README.md', 'content'],
    ['CHANGELOG.MD', 'content'],
    [ROLES, 'technical'],
    ['content/governance/other.yml', 'technical'],
    ['src/lib/routes.ts', 'technical'],
    ['scripts/build.ts', 'technical'],
    ['.github/workflows/approval.yml', 'technical'],
    ['package.json', 'technical'],
    ['package-lock.json', 'technical'],
    ['astro.config.mjs', 'technical'],
    ['tsconfig.json', 'technical'],
    ['public/favicon.svg', 'technical'],
    ['tests/fixtures/approval/a.md', 'technical'],
    ['src/README.md', 'technical'],
  ])('%s is %s', (path, kind) => {
    expect(pathKind(path, ROLES)).toBe(kind);
  });

  it('follows the roles file wherever the input says it is', () => {
    expect(pathKind('content/roles.yml', 'content/roles.yml')).toBe('technical');
  });
});

describe('isEntryPath', () => {
  it('knows entries by collection and language', () => {
    expect(isEntryPath('content/news/vi/a.mdx')).toBe(true);
    expect(isEntryPath('content/pages/en/ban-bien-tap.mdx')).toBe(true);
    expect(isEntryPath('content/blog/vi/a.mdx')).toBe(false);
    expect(isEntryPath('content/news/fr/a.mdx')).toBe(false);
    expect(isEntryPath('content/news/vi/a.md')).toBe(false);
    expect(isEntryPath('content/site.yml')).toBe(false);
  });
});

describe('takedownOf', () => {
  const file = (f: Partial<ChangedFile>): ChangedFile => ({ filename: 'content/news/vi/a.mdx', status: 'modified', ...f });
  it('sees a newly withdrawn entry, a removed one and a renamed one', () => {
    expect(takedownOf(file({ base_content: entry(), head_content: entry(withdrawn) }))).toBe('withdrawn');
    expect(takedownOf(file({ status: 'removed', base_content: entry(), head_content: null }))).toBe('removed');
    expect(takedownOf(file({ status: 'renamed', previous_filename: 'content/news/vi/b.mdx' }))).toBe('renamed');
  });
  it('does not count an entry already withdrawn, an edit, a new entry, or files that are not entries', () => {
    expect(takedownOf(file({ base_content: entry(withdrawn), head_content: entry(withdrawn.replace('withdraw\n', 'unpublish\n')) }))).toBeUndefined();
    expect(takedownOf(file({ base_content: entry(), head_content: entry('order: 2\n') }))).toBeUndefined();
    expect(takedownOf(file({ status: 'added', base_content: null, head_content: entry(withdrawn) }))).toBeUndefined();
    expect(takedownOf(file({ filename: 'public/files/a.pdf', status: 'removed' }))).toBeUndefined();
  });
  it('bringing a withdrawn entry back is a content change, not a takedown', () => {
    expect(takedownOf(file({ base_content: entry(withdrawn), head_content: entry() }))).toBeUndefined();
  });
  it('treats an edited entry it cannot read as a possible takedown', () => {
    expect(takedownOf(file({}))).toBe('unknown');
    expect(takedownOf(file({ base_content: entry(), head_content: 'no frontmatter' }))).toBe('unknown');
  });
});

describe('classifyChanges', () => {
  it('sorts each file into its kinds, a file in several when it has to', () => {
    const c = classifyChanges(
      [
        { filename: 'content/news/vi/new.mdx', status: 'added', base_content: null, head_content: entry() },
        { filename: 'content/news/vi/old.mdx', status: 'modified', base_content: entry(), head_content: entry(withdrawn) },
        { filename: 'content/news/vi/edited-and-withdrawn.mdx', status: 'modified', base_content: entry(), head_content: entry(withdrawn).replace('Nội dung.', 'Sửa.') },
        { filename: 'content/news/vi/gone.mdx', status: 'removed' },
        { filename: 'content/news/en/new-name.mdx', status: 'renamed', previous_filename: 'content/news/en/old-name.mdx' },
        { filename: 'src/lib/a.ts', status: 'renamed', previous_filename: 'docs/a.md' },
        { filename: ROLES, status: 'modified' },
        { filename: 'docs/unchanged.md', status: 'unchanged' },
      ],
      ROLES,
    );
    expect(c.kinds).toEqual(['content', 'takedown', 'technical']);
    expect(c.content).toEqual(['content/news/vi/new.mdx', 'content/news/vi/edited-and-withdrawn.mdx', 'content/news/en/new-name.mdx', 'docs/a.md']);
    expect(c.takedown).toEqual([
      { path: 'content/news/vi/old.mdx', how: 'withdrawn' },
      { path: 'content/news/vi/edited-and-withdrawn.mdx', how: 'withdrawn' },
      { path: 'content/news/vi/gone.mdx', how: 'removed' },
      { path: 'content/news/en/old-name.mdx', how: 'renamed' },
    ]);
    expect(c.technical).toEqual(['src/lib/a.ts', ROLES]);
  });

  it('finds nothing to approve in an empty change', () => {
    expect(classifyChanges([], ROLES).kinds).toEqual([]);
  });

  it('says what changed in both languages, listing at most five files', () => {
    const files = Array.from({ length: 7 }, (_, i) => ({ filename: `docs/f${i}.md`, status: 'added' as const }));
    const r = describeClassification(classifyChanges(files, ROLES));
    expect(r.en).toBe('This pull request changes: content (7 files: docs/f0.md, docs/f1.md, docs/f2.md, docs/f3.md, docs/f4.md (+2)).');
    expect(r.vi).toBe('Pull request này thay đổi: nội dung (7 tệp: docs/f0.md, docs/f1.md, docs/f2.md, docs/f3.md, docs/f4.md (+2)).');
  });
});
