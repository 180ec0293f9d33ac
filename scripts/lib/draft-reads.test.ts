/**
 * The reads of drafts answered from git's objects give what decap-server
 * gives for the same repository: drafts saved through decap-server itself
 * (a changed file, a new one, an uploaded image) and drafts made by hand
 * (a deleted file, a renamed one, an SVG, no description).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import decapServer from 'decap-server/dist/middlewares.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerDraftRead, isDraftRead } from './draft-reads.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'portal-draft-reads-'));
let port = 0;
let close = () => {};

function git(...args: string[]): string {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function write(file: string, text: string | Buffer): void {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
}

/** decap-server's own answer. */
async function decap(body: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`http://127.0.0.1:${port}/api/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
}

/** Ours, as the CMS receives it (through JSON). */
async function ours(body: unknown): Promise<{ status: number; body: unknown } | undefined> {
  if (!isDraftRead(body)) throw new Error('not a read');
  const answer = await answerDraftRead(repo, 'main', body);
  return answer && { status: answer.status, body: JSON.parse(JSON.stringify(answer.body)) };
}

/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.org');
  write('content/news/vi/mot.mdx', '---\ntitle: Một\n---\nVăn bản.\n');
  write('content/news/en/mot.mdx', '---\ntitle: One\n---\nText.\n');
  write('content/news/vi/cu.mdx', '---\ntitle: Cũ\n---\n');
  write('content/news/vi/hai.mdx', '---\ntitle: Hai\n---\nDài\n'.repeat(20));
  git('add', '-A');
  git('commit', '-q', '-m', 'start');
  const app = express();
  process.env.GIT_REPO_DIRECTORY = repo;
  await decapServer.registerLocalGit(app, { logLevel: 'error' });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
  close = () => server.close();
  // Saved through decap-server: the English file changed, a new Vietnamese file, an image.
  const saved = await decap({
    action: 'persistEntry',
    params: {
      branch: 'main',
      dataFiles: [
        { slug: 'mot', path: 'content/news/en/mot.mdx', raw: '---\ntitle: One, revised\n---\nText.\n' },
        { slug: 'mot', path: 'content/news/vi/mot-moi.mdx', raw: '---\ntitle: Một mới\n---\n' },
      ],
      assets: [{ path: 'public/media/anh.png', content: png.toString('base64'), encoding: 'base64' }],
      options: { collectionName: 'news', commitMessage: 'Update news mot', useWorkflow: true, status: 'draft' },
    },
  });
  expect(saved.status).toBe(200);
  // Made by hand: a deletion, a rename, an SVG, and no description.
  git('checkout', '-q', '-b', 'cms/news/hai', 'main');
  git('rm', '-q', 'content/news/vi/cu.mdx');
  git('mv', 'content/news/vi/hai.mdx', 'content/news/vi/hai-moi.mdx');
  write('public/media/hinh.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  git('add', '-A');
  git('commit', '-q', '-m', 'by hand');
  git('checkout', '-q', 'main');
}, 60_000);

afterAll(() => {
  close();
  rmSync(repo, { recursive: true, force: true });
});

const withoutTime = (answer: { status: number; body: unknown } | undefined) => {
  const { updatedAt, ...rest } = answer!.body as { updatedAt?: string };
  return { status: answer!.status, body: rest, dated: updatedAt === undefined || !Number.isNaN(Date.parse(updatedAt)) };
};

describe('answers equal to decap-server’s', () => {
  const entryReads = [
    { action: 'unpublishedEntry', params: { branch: 'main', collection: 'news', slug: 'mot' } },
    { action: 'unpublishedEntry', params: { branch: 'main', id: 'news/mot' } },
    { action: 'unpublishedEntry', params: { branch: 'main', collection: 'news', slug: 'hai' } },
    { action: 'unpublishedEntry', params: { branch: 'main', collection: 'news', slug: 'khong-co' } },
  ];
  for (const call of entryReads) {
    it(`${call.action} ${JSON.stringify(call.params)}`, async () => {
      const theirs = withoutTime(await decap(call));
      expect(withoutTime(await ours(call))).toEqual(theirs);
    });
  }

  it('the drafts’ changes are listed: changed, added, binary; deleted, renamed, SVG', async () => {
    const mot = (await ours(entryReads[0]))!.body as { status: string; diffs: { path: string; status: string; binary: boolean }[] };
    expect(mot.status).toBe('draft');
    expect(mot.diffs.map((d) => [d.path, d.status, d.binary])).toEqual([
      ['content/news/en/mot.mdx', 'modified', false],
      ['content/news/vi/mot-moi.mdx', 'added', false],
      ['public/media/anh.png', 'added', true],
    ]);
    const hai = (await ours(entryReads[2]))!.body as { diffs: { path: string; status: string; binary: boolean }[] };
    expect(hai.diffs.map((d) => [d.path, d.status, d.binary])).toEqual([
      ['content/news/vi/cu.mdx', 'deleted', false],
      ['content/news/vi/hai-moi.mdx', 'renamed', false],
      ['public/media/hinh.svg', 'added', true],
    ]);
  });

  const fileReads = [
    { action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'news', slug: 'mot', id: 'x', path: 'content/news/en/mot.mdx' } },
    { action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'news', slug: 'mot', id: 'x', path: 'content/news/vi/mot-moi.mdx' } },
    { action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'news', slug: 'mot', id: 'x', path: 'content/news/vi/khong-co.mdx' } },
    { action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'news', slug: 'hai', id: 'x', path: 'content/news/vi/hai-moi.mdx' } },
    { action: 'unpublishedEntryMediaFile', params: { branch: 'main', collection: 'news', slug: 'mot', id: 'x', path: 'public/media/anh.png' } },
    { action: 'unpublishedEntryMediaFile', params: { branch: 'main', collection: 'news', slug: 'hai', id: 'x', path: 'public/media/hinh.svg' } },
  ];
  for (const call of fileReads) {
    it(`${call.action} ${call.params.slug} ${call.params.path}`, async () => {
      expect(await ours(call)).toEqual(await decap(call));
    });
  }

  it('what decap-server fails on is left to it: a media file the draft lacks, a draft that is not there', async () => {
    expect(await ours({ action: 'unpublishedEntryMediaFile', params: { branch: 'main', collection: 'news', slug: 'mot', id: 'x', path: 'public/media/khong.png' } })).toBeUndefined();
    expect(await ours({ action: 'unpublishedEntryDataFile', params: { branch: 'main', collection: 'news', slug: 'khong-co', id: 'x', path: 'content/news/vi/mot.mdx' } })).toBeUndefined();
  });

  it('the working tree is not touched: the published branch stays checked out, a file written there is not read', async () => {
    write('content/news/en/mot.mdx', 'written in the working tree, not saved');
    const read = await ours(fileReads[0]);
    expect((read!.body as { data: string }).data).toContain('One, revised');
    expect(git('branch', '--show-current')).toBe('main');
    git('checkout', '--', 'content/news/en/mot.mdx');
  });
});
