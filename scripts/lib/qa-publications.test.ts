/**
 * qaFirstPublications at a given commit: the build of a publication
 * (PORTAL_HISTORY_REPO at PORTAL_HISTORY_REF, as /admin/duty-rules.json reads
 * it) sees the history up to that commit, not whatever HEAD is now.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qaFirstPublications } from './qa-publications.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'portal-qa-publications-'));
const content = path.join(repo, 'content');
let first = '';

function git(args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repo, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

function commit(file: string, text: string, date: string): string {
  writeFileSync(path.join(content, 'qa', 'vi', file), text);
  git(['add', '-A']);
  git(['commit', '-q', '-m', file], date);
  return git(['rev-parse', 'HEAD']);
}

beforeAll(() => {
  mkdirSync(path.join(content, 'qa', 'vi'), { recursive: true });
  git(['init', '-q', '-b', 'main']);
  first = commit('a.mdx', '---\nanswered: 2026-11-20T09:00\n---\n', '2026-11-20T03:00:00Z');
  commit('b.mdx', '---\nanswered: 2026-11-27T09:00\n---\n', '2026-11-27T03:00:00Z');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('qaFirstPublications', () => {
  it('reads the history up to HEAD by default', async () => {
    const { published } = await qaFirstPublications(content);
    expect(Object.fromEntries(published)).toEqual({ 'content/qa/vi/a.mdx': '2026-11-20T10:00', 'content/qa/vi/b.mdx': '2026-11-27T10:00' });
  });

  it('reads the history up to the commit it is given', async () => {
    const { published, inGit } = await qaFirstPublications(content, first);
    expect(inGit).toBe(true);
    expect(Object.fromEntries(published)).toEqual({ 'content/qa/vi/a.mdx': '2026-11-20T10:00' });
  });
});
