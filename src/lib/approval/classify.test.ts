import { describe, expect, it } from 'vitest';
import { classifyChanges, describeClassification, isEntryPath, isServedFilePath, pathKind } from './classify.ts';
import type { ChangedFile } from './input.ts';

const ROLES = 'content/governance/roles.yml';
const NOW = '2026-11-22T10:00:00+07:00';
const entry = (extra = '') => `---\ntitle: Tin\nsummary: Tóm tắt.\n${extra}---\n\nNội dung.\n`;
const withdrawn = 'withdrawn:\n  kind: withdraw\n  date: 2026-11-20\n  reason: Hết hiệu lực.\n';

describe('pathKind', () => {
  it.each([
    ['content/news/vi/a.mdx', 'content'],
    ['content/taxonomy.yml', 'content'],
    // The holiday calendar transcribes published notices: the secretary checks it, the head decides (docs/approval.md).
    ['content/calendar/2027.yml', 'content'],
    ['public/media/news/a.jpg', 'content'],
    ['public/files/a.pdf', 'content'],
    ['docs/cms.md', 'content'],
    ['README.md', 'content'],
    ['CHANGELOG.MD', 'content'],
    [ROLES, 'technical'],
    ['content/site.yml', 'technical'],
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

describe('isServedFilePath', () => {
  it('knows the media and files editors upload', () => {
    expect(['public/media/news/a.jpg', 'public/files/a.pdf', 'public/favicon.svg', 'content/news/vi/a.mdx'].map(isServedFilePath)).toEqual([true, true, false, false]);
  });
});

describe('takedowns', () => {
  const file = (f: Partial<ChangedFile>): ChangedFile => ({ filename: 'content/news/vi/a.mdx', status: 'modified', ...f });
  const takedowns = (f: Partial<ChangedFile>) => classifyChanges([file(f)], ROLES, NOW).takedown.map((t) => t.transition);
  it('sees a newly withdrawn or unpublished entry, a removed one and a renamed one', () => {
    expect(takedowns({ base_content: entry(), head_content: entry(withdrawn) })).toEqual(['withdraw']);
    expect(takedowns({ base_content: entry(), head_content: entry(withdrawn.replace('withdraw\n', 'unpublish\n')) })).toEqual(['unpublish']);
    expect(takedowns({ status: 'removed', base_content: entry(), head_content: null })).toEqual(['delete']);
    expect(takedowns({ status: 'renamed', previous_filename: 'content/news/vi/b.mdx', base_content: entry(), head_content: entry() })).toEqual(['delete']);
  });
  it('sees a withdrawal turned into an unpublication, and publish_at moved into the future', () => {
    expect(takedowns({ base_content: entry(withdrawn), head_content: entry(withdrawn.replace('withdraw\n', 'unpublish\n')) })).toEqual(['unpublish-withdrawn']);
    expect(takedowns({ base_content: entry(), head_content: entry('publish_at: 2027-01-01T08:00:00+07:00\n') })).toEqual(['postpone']);
    expect(takedowns({ base_content: entry('publish_at: 2026-11-01T08:00:00+07:00\n'), head_content: entry('publish_at: 2027-01-01T08:00:00+07:00\n') })).toEqual(['postpone']);
  });
  it('judges publish_at at the decision’s moment: moving a future date further is no takedown', () => {
    expect(takedowns({ base_content: entry('publish_at: 2026-12-01T08:00:00+07:00\n'), head_content: entry('publish_at: 2027-01-01T08:00:00+07:00\n') })).toEqual([]);
  });
  it('does not count an edit, a new entry, or bringing a withdrawn entry back', () => {
    expect(takedowns({ base_content: entry(), head_content: entry('order: 2\n') })).toEqual([]);
    expect(takedowns({ status: 'added', base_content: null, head_content: entry(withdrawn) })).toEqual([]);
    expect(takedowns({ base_content: entry(withdrawn), head_content: entry() })).toEqual([]);
  });
  it('sees a published file under public/ deleted or renamed, with or without an entry pointing at it', () => {
    expect(takedowns({ filename: 'public/files/a.pdf', status: 'removed' })).toEqual(['delete']);
    expect(takedowns({ filename: 'public/media/news/b.jpg', previous_filename: 'public/media/news/a.jpg', status: 'renamed' })).toEqual(['delete']);
    expect(takedowns({ filename: 'public/files/a.pdf', status: 'modified' })).toEqual([]);
    expect(takedowns({ filename: 'public/files/a.pdf', status: 'added' })).toEqual([]);
    // The site's own assets are technical, not content: their chain already has the head.
    expect(takedowns({ filename: 'public/favicon.svg', status: 'removed' })).toEqual([]);
  });
  it('treats an edited entry it cannot read as a possible takedown, unless nothing was on the site before', () => {
    expect(takedowns({})).toEqual(['unreadable']);
    expect(takedowns({ base_content: entry(), head_content: 'no frontmatter' })).toEqual(['unreadable']);
    expect(takedowns({ base_content: entry(), head_content: entry('publish_at: soon\n') })).toEqual(['unreadable']);
    expect(takedowns({ base_content: entry('publish_at: 2027-01-01T08:00:00+07:00\n'), head_content: 'no frontmatter' })).toEqual([]);
    expect(takedowns({ status: 'added', base_content: null, head_content: 'no frontmatter' })).toEqual([]);
  });
  it('assumes the most to lose for a translation whose original is not in the pull request', () => {
    expect(takedowns({ filename: 'content/news/en/a.mdx', status: 'removed', base_content: entry(), head_content: null })).toEqual(['delete']);
    expect(takedowns({ filename: 'content/news/en/a.mdx', base_content: entry(), head_content: entry(withdrawn) })).toEqual([]);
  });
});

describe('classifyChanges', () => {
  it('sorts each file into its kinds, a file in several when it has to', () => {
    const c = classifyChanges(
      [
        { filename: 'content/news/vi/new.mdx', status: 'added', base_content: null, head_content: entry() },
        { filename: 'content/news/vi/old.mdx', status: 'modified', base_content: entry(), head_content: entry(withdrawn) },
        { filename: 'content/news/vi/edited-and-withdrawn.mdx', status: 'modified', base_content: entry(), head_content: entry(withdrawn).replace('Nội dung.', 'Sửa.') },
        { filename: 'content/news/vi/gone.mdx', status: 'removed', base_content: entry(), head_content: null },
        { filename: 'content/news/vi/new-name.mdx', status: 'renamed', previous_filename: 'content/news/vi/old-name.mdx', base_content: entry(), head_content: entry() },
        { filename: 'public/files/gone.pdf', status: 'removed' },
        { filename: 'content/site.yml', status: 'modified', base_content: 'url: https://a.gov.vn\n', head_content: 'url: https://b.gov.vn\n' },
        { filename: 'src/lib/a.ts', status: 'renamed', previous_filename: 'docs/a.md' },
        { filename: ROLES, status: 'modified' },
        { filename: 'docs/unchanged.md', status: 'unchanged' },
      ],
      ROLES,
      NOW,
    );
    expect(c.kinds).toEqual(['content', 'takedown', 'technical']);
    expect(c.content).toEqual(['content/news/vi/new.mdx', 'content/news/vi/edited-and-withdrawn.mdx', 'content/news/vi/new-name.mdx', 'docs/a.md']);
    expect(c.takedown.map((t) => [t.path, t.transition, t.words.en])).toEqual([
      ['content/news/vi/old.mdx', 'withdraw', 'marked withdrawn'],
      ['content/news/vi/edited-and-withdrawn.mdx', 'withdraw', 'marked withdrawn'],
      ['content/news/vi/gone.mdx', 'delete', 'published file deleted'],
      ['content/news/vi/old-name.mdx', 'delete', 'published file renamed (its old address disappears)'],
      ['public/files/gone.pdf', 'delete', 'published file deleted'],
    ]);
    expect(c.technical).toEqual(['content/site.yml', 'src/lib/a.ts', ROLES]);
  });

  it('takes the site settings for a takedown too when they stop serving the archived versions of pages taken down', () => {
    const settings = (base: string | null | undefined, head: string | null | undefined, status: ChangedFile['status'] = 'modified') =>
      classifyChanges([{ filename: 'content/site.yml', status, base_content: base, head_content: head }], ROLES, NOW).takedown.map((t) => t.transition);
    const site = (line = '') => `url: https://baohiemxahoi.gov.vn\n${line}`;
    expect(settings(site('taken_down_versions: public\n'), site('taken_down_versions: hidden\n'))).toEqual(['archive-withheld']);
    // Unset is hidden, the default.
    expect(settings(site('taken_down_versions: public\n'), site())).toEqual(['archive-withheld']);
    // Nothing readers had is lost: served again, or never served.
    expect(settings(site(), site('taken_down_versions: public\n'))).toEqual([]);
    expect(settings(site('taken_down_versions: hidden\n'), site())).toEqual([]);
    expect(settings(site('taken_down_versions: public\n'), site('taken_down_versions: public\nphone: 1900 9068\n'))).toEqual([]);
    // Added or removed settings: the technical chain (a site without them does not build).
    expect(settings(null, site(), 'added')).toEqual([]);
    // A side that cannot be read, while the versions may have been served: a possible takedown (fails closed).
    expect(settings(undefined, undefined)).toEqual(['unreadable']);
    expect(settings(site('taken_down_versions: public\n'), 'taken_down_versions: [unclosed')).toEqual(['unreadable']);
    expect(settings(site('taken_down_versions: public\n'), site('taken_down_versions: everyone\n'))).toEqual(['unreadable']);
    expect(settings('a: &x [1]\nb: *x\n', site())).toEqual(['unreadable']);
    // The file stays a technical change either way.
    const c = classifyChanges([{ filename: 'content/site.yml', status: 'modified', base_content: site('taken_down_versions: public\n'), head_content: site() }], ROLES, NOW);
    expect(c.kinds).toEqual(['takedown', 'technical']);
    expect(c.takedown[0]!.words.en).toBe('archived versions of pages taken down no longer served on the portal (taken_down_versions: public → hidden)');
  });

  it('finds nothing to approve in an empty change', () => {
    expect(classifyChanges([], ROLES, NOW).kinds).toEqual([]);
  });

  it('says what changed in both languages, listing at most five files', () => {
    const files = Array.from({ length: 7 }, (_, i) => ({ filename: `docs/f${i}.md`, status: 'added' as const }));
    const r = describeClassification(classifyChanges(files, ROLES, NOW));
    expect(r.en).toBe('This pull request changes: content (7 files: docs/f0.md, docs/f1.md, docs/f2.md, docs/f3.md, docs/f4.md (+2)).');
    expect(r.vi).toBe('Pull request này thay đổi: nội dung (7 tệp: docs/f0.md, docs/f1.md, docs/f2.md, docs/f3.md, docs/f4.md (+2)).');
  });
});
