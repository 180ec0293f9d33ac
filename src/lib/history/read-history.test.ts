import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptedRepo, gitIn, type ScriptedRepo } from '../../../tests/fixtures/history/scripted-repo.ts';
import { HistoryError } from './history-error.ts';
import { historyWarnings, readContentHistory, SHALLOW_HISTORY_WARNING } from './read-history.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-read-history-'));
let repo: ScriptedRepo;

beforeAll(() => {
  repo = createScriptedRepo(path.join(work, 'repo'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<HistoryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HistoryError);
  return error as HistoryError;
}

describe('readContentHistory', () => {
  it('reads the whole history at HEAD, from the repository or any folder in it', async () => {
    const history = await readContentHistory(repo.dir);
    expect(history.head).toBe(repo.commits.removal);
    expect(history.shallow).toBe(false);
    expect(history.files.get('content/news/vi/tin-moi.mdx')).toHaveLength(4);
    expect(historyWarnings(history)).toEqual([]);
    const fromInside = await readContentHistory(path.join(repo.dir, 'content', 'news'));
    expect(fromInside.files).toEqual(history.files);
  });

  it('reads the history at another ref', async () => {
    const history = await readContentHistory(repo.dir, { ref: repo.commits.pr14 });
    expect(history.head).toBe(repo.commits.pr14);
    expect(history.files.get('content/news/vi/tin-moi.mdx')!.map((r) => r.pr)).toEqual([12, 13, 14]);
    expect(history.files.has('content/news/vi/lich-tiep-cong-dan.mdx')).toBe(false);
  });

  it('reports a shallow clone, with what it holds and the bilingual warning to print', async () => {
    const clone = path.join(work, 'shallow');
    gitIn(work)('clone', '-q', '--depth', '1', `file://${repo.dir}`, clone);
    const history = await readContentHistory(clone);
    expect(history.shallow).toBe(true);
    expect(history.head).toBe(repo.commits.removal);
    // Not empty, but not whole either: everything looks added at the one commit present.
    expect(history.files.get('content/news/vi/tin-moi.mdx')!.map((r) => r.status)).toEqual(['added']);
    expect(historyWarnings(history)).toEqual([SHALLOW_HISTORY_WARNING]);
    expect(SHALLOW_HISTORY_WARNING.vi).toContain('fetch-depth: 0');
    expect(SHALLOW_HISTORY_WARNING.en).toContain('fetch-depth: 0');
  });

  it('says clearly, in both languages, when the folder is not a git repository', async () => {
    const plain = path.join(work, 'plain');
    mkdirSync(plain);
    const error = await failure(readContentHistory(plain));
    expect(error.messages.vi).toContain('không phải là kho Git');
    expect(error.messages.en).toContain('is not a Git repository');
    expect(error.messages.en).toContain(plain);
  });

  it('says when the folder does not exist, or the branch does not', async () => {
    expect((await failure(readContentHistory(path.join(work, 'nowhere')))).messages.en).toContain('There is no folder');
    const error = await failure(readContentHistory(repo.dir, { ref: 'published' }));
    expect(error.messages.vi).toContain('Không tìm thấy “published”');
    expect(error.messages.en).toContain('“published” was not found');
  });

  it('says when the repository has no commit yet', async () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    gitIn(empty)('init', '-q', '-b', 'main');
    expect((await failure(readContentHistory(empty))).messages.en).toContain('no commit yet');
  });
});
