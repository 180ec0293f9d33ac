import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftMedia } from './draft-media.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'portal-draft-media-'));
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
let base = '';
let close = () => {};

function git(...args: string[]) {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

beforeAll(async () => {
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(repo, 'README'), 'x');
  git('add', '.');
  git('commit', '-qm', 'start');
  git('checkout', '-q', '-b', 'cms/news/tiep-dan');
  mkdirSync(path.join(repo, 'public/media'), { recursive: true });
  writeFileSync(path.join(repo, 'public/media/anh.png'), png);
  writeFileSync(path.join(repo, 'public/media/gia.png'), '<html><script>alert(1)</script></html>');
  git('add', '.');
  git('commit', '-qm', 'draft with an image');
  git('checkout', '-q', 'main');
  const app = express();
  app.use(draftMedia(repo));
  app.use((_req, res) => res.status(404).send('404'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.on('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => {
  close();
  rmSync(repo, { recursive: true, force: true });
});

describe('draftMedia (npm start)', () => {
  it('answers an image saved with a draft, which the built site does not have, by its content type', async () => {
    const response = await fetch(`${base}/media/anh.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it('answers 404 for files on no draft, for bytes the content check refuses, and outside the upload folders', async () => {
    expect((await fetch(`${base}/media/khong-co.png`)).status).toBe(404);
    expect((await fetch(`${base}/media/gia.png`)).status).toBe(404);
    expect((await fetch(`${base}/README`)).status).toBe(404);
    expect((await fetch(`${base}/media/%2e%2e/README`)).status).toBe(404);
  });
});
