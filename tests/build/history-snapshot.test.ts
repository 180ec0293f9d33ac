/**
 * `history snapshot` rebuilds the site as it stood at a date: a repository
 * whose content/ is a copy of the real one gets a news item through a merged
 * pull request; the snapshot before the merge lacks its page, the one after
 * has it, and the temporary worktree is gone either way.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHistoryCli } from '../../scripts/lib/history-cli.ts';
import { gitIn } from '../fixtures/history/scripted-repo.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-history-snapshot-'));
let repo: string;
beforeAll(() => {
  repo = scriptedSite();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function scriptedSite(): string {
  const repo = path.join(work, 'repo');
  cpSync('content', path.join(repo, 'content'), { recursive: true });
  cpSync('public', path.join(repo, 'public'), { recursive: true });
  const git = gitIn(repo);
  git('init', '-q', '-b', 'main');
  git('add', '.');
  gitIn(repo, { GIT_AUTHOR_DATE: '2026-03-01T03:00:00Z', GIT_COMMITTER_DATE: '2026-03-01T03:00:00Z' })('commit', '-q', '-m', 'Content as of 01/03/2026');
  git('checkout', '-q', '-b', 'cms/news/tin-lich-su');
  writeFileSync(
    path.join(repo, 'content/news/vi/tin-lich-su.mdx'),
    ['---', 'title: Tin về lịch sử sửa đổi', 'summary: Tin đăng ngày 05/03/2026.', 'date: 2026-03-05', 'column: tin-tuc-su-kien', 'section: hoat-dong-nganh', 'author: Biên tập viên', '---', '', 'Nội dung tin.', ''].join('\n'),
  );
  git('add', '.');
  gitIn(repo, { GIT_AUTHOR_DATE: '2026-03-04T03:00:00Z', GIT_COMMITTER_DATE: '2026-03-04T03:00:00Z' })('commit', '-q', '-m', 'Create News “tin-lich-su”');
  git('checkout', '-q', 'main');
  gitIn(repo, { GIT_AUTHOR_DATE: '2026-03-05T03:00:00Z', GIT_COMMITTER_DATE: '2026-03-05T03:00:00Z' })(
    'merge', '-q', '--no-ff', '-m', 'Merge pull request #21 from org/cms/news/tin-lich-su', 'cms/news/tin-lich-su',
  );
  return repo;
}

async function snapshot(repo: string, at: string, out: string) {
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  const code = await runHistoryCli(['snapshot', '--repo', repo, '--at', at, '--out', out, '--lang', 'en'], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr, seconds: (Date.now() - started) / 1000 };
}

describe('history snapshot', () => {
  it('builds the site as it stood on each date, with the pages of that date only', async () => {
    const page = 'tin-tuc/tin-lich-su/index.html';

    const before = await snapshot(repo, '04/03/2026', path.join(work, 'before'));
    expect(before.code, before.stderr).toBe(0);
    const after = await snapshot(repo, '2026-03-05T10:00+07:00', path.join(work, 'after'));
    expect(after.code, after.stderr).toBe(0);

    expect(existsSync(path.join(work, 'before/index.html'))).toBe(true);
    expect(existsSync(path.join(work, 'before', page))).toBe(false);
    const added = readFileSync(path.join(work, 'after', page), 'utf8');
    expect(added).toContain('Tin về lịch sử sửa đổi');
    // Its history on the page is read from the snapshot's own commit: the pull request that published it.
    expect(added).toContain('#21');

    // Progress by steps, then what was built and how long it took.
    expect(before.stderr).toMatch(/\[1\/4\] worktree[\s\S]*\[2\/4\] build[\s\S]*\[3\/4\] index[\s\S]*\[4\/4\] clean up/);
    expect(before.stdout).toMatch(/^Snapshot of the portal as it stood at the end of 4 March 2026: the publication of 1 March 2026 10:00 \(commit [0-9a-f]{7}\), written to .*before\. Took \d+\.\d s\.\n$/);
    expect(after.stdout).toContain('as it stood at 5 March 2026 10:00 (Vietnam time): the publication of 5 March 2026 10:00');

    // The temporary worktree is gone.
    expect(gitIn(repo)('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    console.log(`history snapshot: ${before.seconds.toFixed(1)} s and ${after.seconds.toFixed(1)} s (${before.stdout.match(/Took (.*)\./)?.[1]}, ${after.stdout.match(/Took (.*)\./)?.[1]})`);
  });

  it('says when the branch had no publication yet, and refuses a folder it would wipe', async () => {
    const early = await snapshot(repo, '28/02/2026', path.join(work, 'early'));
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('en: By the end of 28 February 2026 the branch main had no publication yet (the first: 1 March 2026 10:00).');
    const wipe = await snapshot(repo, '05/03/2026', repo);
    expect(wipe.code).toBe(1);
    expect(wipe.stderr).toContain('holds the project or the repository');
    const busy = await snapshot(repo, '05/03/2026', path.join(repo, 'content'));
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('is not empty and is not an earlier build');
  });
});
