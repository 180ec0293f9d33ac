import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeNotes, createScriptedRepo, publicationNote, type ScriptedRepo } from '../../../tests/fixtures/history/scripted-repo.ts';
import { HISTORY_LOG_OPTIONS, historyLogArgs, parseHistoryLog, publicationOf, pullRequestOf, unquotePath } from './git-log.ts';
import { readContentHistory } from './read-history.ts';
import type { ContentHistory } from './revision.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-git-log-'));
let repo: ScriptedRepo;
let history: ContentHistory;

beforeAll(async () => {
  repo = createScriptedRepo(path.join(work, 'repo'));
  // The whole reading: the log, then the revisions' change notes (read-history.ts).
  history = await readContentHistory(path.join(work, 'repo'), { ref: repo.commits.removal });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A record of the log, written as git prints it: header fields NUL-ended, then raw lines and patches. */
function record(sha: string, date: string, subject: string, note: string, body: string[]): string {
  return `\x1e${sha}\0${date}\0${subject}\0${note}\0\n\n${body.join('\n')}\n`;
}
const sha = (n: number) => String(n).repeat(40).slice(0, 40);

describe('the git log command', () => {
  it('reads the first-parent line of content/ with merges diffed against their first parent, renames and the publication notes, without patches', () => {
    const args = historyLogArgs('abc');
    expect(args.slice(0, 3)).toEqual(['-c', 'core.quotePath=false', 'log']);
    for (const option of ['--first-parent', '--diff-merges=first-parent', '--raw', '-M', '--notes=publication']) expect(args).toContain(option);
    expect(args).not.toContain('-p');
    expect(args.slice(-3)).toEqual(['abc', '--', 'content/']);
    expect(args.slice(0, HISTORY_LOG_OPTIONS.length)).toEqual(HISTORY_LOG_OPTIONS);
  });
});

describe('parseHistoryLog on a scripted repository', () => {
  it('keys files by their current path, oldest revision first, and leaves out commits off content/ and branch commits', () => {
    expect([...history.files.keys()].sort()).toEqual([
      'content/news/en/lich-tiep-cong-dan.mdx',
      'content/news/vi/lich-tiep-cong-dan.mdx',
      'content/news/vi/tin-moi.mdx',
      'content/pages/vi/gioi-thieu.mdx',
      'content/site.yml',
    ]);
    const commits = new Set([...history.files.values()].flat().map((r) => r.commit));
    expect(commits.has(repo.commits.readme)).toBe(false);
    expect(commits.has(repo.commits.pr12Branch)).toBe(false);
    expect(history.head).toBe(repo.commits.removal);
    expect(history.shallow).toBe(false);
  });

  it('records merges (#N from the merge subject), squashes (#N at the end of the title), change notes, minor changes and notes', () => {
    const revisions = history.files.get('content/news/vi/tin-moi.mdx')!;
    expect(revisions.map(({ publication, blob, ...r }) => r)).toEqual([
      { commit: repo.commits.pr12, date: '2026-03-01T17:30:00+00:00', pr: 12, path: 'content/news/vi/tin-moi.mdx', status: 'added', minor: false },
      { commit: repo.commits.pr13, date: '2026-03-05T09:00:00+07:00', pr: 13, path: 'content/news/vi/tin-moi.mdx', status: 'modified', changeNote: changeNotes.pr13, minor: false },
      { commit: repo.commits.pr14, date: '2026-03-06T03:00:00+00:00', pr: 14, path: 'content/news/vi/tin-moi.mdx', status: 'modified', minor: true },
      { commit: repo.commits.pr16, date: '2026-03-12T05:00:00+00:00', pr: 16, path: 'content/news/vi/tin-moi.mdx', status: 'modified', changeNote: changeNotes.pr16, minor: false },
    ]);
    // The note on #12 is the publication record; the one on #14 is not JSON and is ignored.
    expect(revisions[0]!.publication).toEqual({ ...publicationNote, commit: repo.commits.pr12 });
    expect(revisions.slice(1).map((r) => r.publication)).toEqual([undefined, undefined, undefined]);
  });

  it('follows renames: the revisions before a rename stay with the file under its current path', () => {
    expect(history.files.get('content/news/vi/lich-tiep-cong-dan.mdx')!.map(({ blob, ...r }) => r)).toEqual([
      { commit: repo.commits.initial, date: '2026-03-01T16:30:00+00:00', path: 'content/news/vi/lich-tiep-dan.mdx', status: 'added', minor: false },
      {
        commit: repo.commits.pr15,
        date: '2026-03-10T04:00:00+00:00',
        pr: 15,
        path: 'content/news/vi/lich-tiep-cong-dan.mdx',
        status: 'renamed',
        previousPath: 'content/news/vi/lich-tiep-dan.mdx',
        changeNote: changeNotes.pr15,
        minor: false,
      },
    ]);
    expect(history.files.get('content/news/en/lich-tiep-cong-dan.mdx')!.map((r) => [r.status, r.path])).toEqual([
      ['added', 'content/news/en/lich-tiep-dan.mdx'],
      ['renamed', 'content/news/en/lich-tiep-cong-dan.mdx'],
    ]);
  });

  it('keeps a deleted file under its last path, its deletion last', () => {
    expect(history.files.get('content/pages/vi/gioi-thieu.mdx')!.map((r) => [r.status, r.commit, r.pr])).toEqual([
      ['added', repo.commits.initial, undefined],
      ['removed', repo.commits.removal, undefined],
    ]);
  });
});

describe('parseHistoryLog on written-out records', () => {
  it('reads change notes only from the frontmatter of a new file, not from its body', () => {
    const out = record(sha(1), '2026-01-01T00:00:00Z', 'Add', '', [
      ':000000 100644 0000000 1111111 A\tcontent/news/vi/a.mdx',
      '',
      'diff --git a/content/news/vi/a.mdx b/content/news/vi/a.mdx',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/content/news/vi/a.mdx',
      '@@ -0,0 +1,6 @@',
      '+---',
      '+title: A',
      '+---',
      '+',
      '+change_note: written in the body',
      '+minor_change: true',
    ]);
    expect(parseHistoryLog(out, { head: sha(1), shallow: false }).files.get('content/news/vi/a.mdx')!.map(({ blob, ...r }) => r)).toEqual([
      { commit: sha(1), date: '2026-01-01T00:00:00Z', path: 'content/news/vi/a.mdx', status: 'added', minor: false },
    ]);
  });

  it('clears minor when minor_change is removed or set to false, and reads quoted and multi-line notes', () => {
    const edit = (n: number, lines: string[]) =>
      record(sha(n), `2026-01-0${n}T00:00:00Z`, `Edit (#${n})`, '', [
        ':100644 100644 1111111 2222222 M\tcontent/qa/vi/q.mdx',
        '',
        'diff --git a/content/qa/vi/q.mdx b/content/qa/vi/q.mdx',
        '--- a/content/qa/vi/q.mdx',
        '+++ b/content/qa/vi/q.mdx',
        '@@ -3 +3,2 @@',
        ...lines,
      ]);
    const add = record(sha(1), '2026-01-01T00:00:00Z', 'Add', '', [
      ':000000 100644 0000000 1111111 A\tcontent/qa/vi/q.mdx',
      '',
      'diff --git a/content/qa/vi/q.mdx b/content/qa/vi/q.mdx',
      '@@ -0,0 +1,3 @@',
      '+---',
      '+title: Q',
      '+---',
    ]);
    // Newest first, as git prints.
    const out = [
      edit(5, ['-minor_change: false', '+change_note: >-', '+  Sửa câu trả lời', '+  theo luật mới']),
      edit(4, ['-minor_change: true', '+minor_change: false']),
      edit(3, ['+title: Q3']),
      edit(2, ["+change_note: 'Sửa: chính tả'", '+minor_change: true']),
      add,
    ].join('');
    const revisions = parseHistoryLog(out, { head: sha(5), shallow: false }).files.get('content/qa/vi/q.mdx')!;
    expect(revisions.map((r) => [r.pr, r.minor, r.changeNote])).toEqual([
      [undefined, false, undefined],
      [2, true, 'Sửa: chính tả'],
      [3, true, undefined],
      [4, false, undefined],
      [5, false, 'Sửa câu trả lời theo luật mới'],
    ]);
  });

  it('keeps each file apart when a commit swaps names or re-uses a renamed file’s path', () => {
    const out = [
      record(sha(3), '2026-01-03T00:00:00Z', 'Swap', '', [
        ':100644 100644 1111111 2222222 R100\tcontent/pages/vi/a.mdx\tcontent/pages/vi/b.mdx',
        ':100644 100644 2222222 1111111 R100\tcontent/pages/vi/b.mdx\tcontent/pages/vi/a.mdx',
      ]),
      record(sha(2), '2026-01-02T00:00:00Z', 'Move a to c, new a', '', [
        ':000000 100644 0000000 3333333 A\tcontent/pages/vi/a.mdx',
        ':100644 100644 1111111 1111111 R100\tcontent/pages/vi/a.mdx\tcontent/pages/vi/c.mdx',
      ]),
      record(sha(1), '2026-01-01T00:00:00Z', 'Add a, b', '', [
        ':000000 100644 0000000 1111111 A\tcontent/pages/vi/a.mdx',
        ':000000 100644 0000000 2222222 A\tcontent/pages/vi/b.mdx',
      ]),
    ].join('');
    const files = parseHistoryLog(out, { head: sha(3), shallow: false }).files;
    const trail = (key: string) => files.get(key)!.map((r) => `${r.commit[0]}:${r.status}:${r.previousPath ?? ''}>${r.path.slice(-5)}`);
    expect(trail('content/pages/vi/c.mdx')).toEqual(['1:added:>a.mdx', '2:renamed:content/pages/vi/a.mdx>c.mdx']);
    // The new a of commit 2 is b now; the original b is a now.
    expect(trail('content/pages/vi/b.mdx')).toEqual(['2:added:>a.mdx', '3:renamed:content/pages/vi/a.mdx>b.mdx']);
    expect(trail('content/pages/vi/a.mdx')).toEqual(['1:added:>b.mdx', '3:renamed:content/pages/vi/b.mdx>a.mdx']);
  });

  it('keeps a file deleted and later added again under one path, and reads C-quoted paths', () => {
    const out = [
      record(sha(3), '2026-01-03T00:00:00Z', 'Again', '', [':000000 100644 0000000 1111111 A\t"content/files/t\\303\\252n \\"x\\".yml"']),
      record(sha(2), '2026-01-02T00:00:00Z', 'Delete', '', [':100644 000000 1111111 0000000 D\t"content/files/t\\303\\252n \\"x\\".yml"']),
      record(sha(1), '2026-01-01T00:00:00Z', 'Add', '', [':000000 100644 0000000 1111111 A\t"content/files/t\\303\\252n \\"x\\".yml"']),
    ].join('');
    const files = parseHistoryLog(out, { head: sha(3), shallow: false }).files;
    expect([...files.keys()]).toEqual(['content/files/tên "x".yml']);
    expect(files.get('content/files/tên "x".yml')!.map((r) => r.status)).toEqual(['added', 'removed', 'added']);
  });

  it('reads no history from empty output', () => {
    expect(parseHistoryLog('', { head: sha(1), shallow: true })).toEqual({ files: new Map(), shallow: true, head: sha(1) });
  });
});

describe('pieces', () => {
  it('finds the pull request in a merge subject or a squash title', () => {
    expect(pullRequestOf('Merge pull request #12 from org/cms/news/x')).toBe(12);
    expect(pullRequestOf('Sửa số điện thoại (#13)')).toBe(13);
    expect(pullRequestOf('Fix #14 in the middle')).toBeUndefined();
    expect(pullRequestOf('Direct commit')).toBeUndefined();
  });

  it('takes a note as a publication record only when it is a JSON object', () => {
    expect(publicationOf('')).toBeUndefined();
    expect(publicationOf('không phải JSON')).toBeUndefined();
    expect(publicationOf('[1, 2]')).toBeUndefined();
    expect(publicationOf('42')).toBeUndefined();
    expect(publicationOf('{"commit":"x","archived_at":"t"}')).toEqual({ commit: 'x', archived_at: 't', approvals: [] });
    expect(publicationOf('{"approvals":[{"login":"a","role":"secretary"},"junk",null]}')!.approvals).toEqual([{ login: 'a', role: 'secretary' }]);
  });

  it('unquotes paths git C-quotes', () => {
    expect(unquotePath('content/a.mdx')).toBe('content/a.mdx');
    expect(unquotePath('"content/a\\tb.mdx"')).toBe('content/a\tb.mdx');
    expect(unquotePath('"content/\\303\\241.mdx"')).toBe('content/á.mdx');
  });
});
