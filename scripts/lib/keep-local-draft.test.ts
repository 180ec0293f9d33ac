/**
 * keepLocalDraft on a real repository: the tag and its message, two closings
 * of one entry within a second, an entry whose name cannot be a ref name.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDraftTagMessage } from '../../src/lib/history/drafts.ts';
import { keepLocalDraft, seeDraft } from './keep-local-draft.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'portal-keep-local-draft-'));
const env = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.vn', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.vn' };
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env }).trim();
let head = '';
let base = '';

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(repo, 'a.txt'), 'a\n');
  git('add', 'a.txt');
  git('commit', '-q', '-m', 'start');
  base = git('rev-parse', 'HEAD');
  git('checkout', '-q', '-b', 'cms/news/tin-moi');
  writeFileSync(path.join(repo, 'a.txt'), 'b\n');
  git('commit', '-q', '-am', 'draft');
  head = git('rev-parse', 'HEAD');
  git('checkout', '-q', 'main');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('keepLocalDraft', () => {
  const at = new Date('2026-12-02T15:07:02Z');

  it('reads the draft branch and its fork point, and keeps it with its fate; a second closing in the same second gets a suffix', async () => {
    const seen = await seeDraft(repo, { branch: 'cms/news/tin-moi', collection: 'news', slug: 'tin-moi' }, 'main');
    expect(seen).toEqual({ collection: 'news', slug: 'tin-moi', head, base });
    expect(await keepLocalDraft(repo, seen!, 'discarded', at)).toBe('drafts/local/news/tin-moi/20261202T150702Z');
    expect(await keepLocalDraft(repo, seen!, 'published', at)).toBe('drafts/local/news/tin-moi/20261202T150702Z-2');
    const message = git('for-each-ref', '--format=%(contents)', 'refs/tags/drafts/local/news/tin-moi/20261202T150702Z');
    expect(parseDraftTagMessage(message)).toEqual({ ok: true, facts: { source: 'local', fate: 'discarded', head, base, closedAt: '2026-12-02T15:07:02Z', entry: { collection: 'news', slug: 'tin-moi' } } });
    expect(git('rev-parse', 'drafts/local/news/tin-moi/20261202T150702Z-2^{commit}')).toBe(head);
  });

  it('an entry whose name is no safe ref name is kept under a hash, its names in the message', async () => {
    const tag = await keepLocalDraft(repo, { collection: 'news', slug: '../../heads/main', head }, 'discarded', at);
    expect(tag).toMatch(/^drafts\/local\/entry-[0-9a-f]{12}\/20261202T150702Z$/);
    expect(git('rev-parse', 'main')).toBe(base);
    const parsed = parseDraftTagMessage(git('for-each-ref', '--format=%(contents)', `refs/tags/${tag}`));
    expect(parsed.ok && parsed.facts.entry).toEqual({ collection: 'news', slug: '../../heads/main' });
  });

  it('no draft branch: nothing seen', async () => {
    expect(await seeDraft(repo, { branch: 'cms/news/khong-co', collection: 'news', slug: 'khong-co' }, 'main')).toBeUndefined();
  });
});
