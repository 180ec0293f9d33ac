import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBody, storedBodies, writeBody } from './body-cache.ts';

describe('the rendered bodies cache', () => {
  let cache: string;
  const before = process.env.PORTAL_CACHE_DIR;
  beforeEach(async () => {
    cache = path.join(await mkdtemp(path.join(tmpdir(), 'bodies-')), 'cache');
    process.env.PORTAL_CACHE_DIR = cache;
  });
  afterEach(async () => {
    if (before === undefined) delete process.env.PORTAL_CACHE_DIR;
    else process.env.PORTAL_CACHE_DIR = before;
    await rm(path.dirname(cache), { recursive: true, force: true });
  });

  it('makes its folder when the cache has none, and reads back what it wrote', async () => {
    await writeBody('a1', { html: '<p>Xin chào</p>', toc: [] });
    await writeBody('b2', { html: '<p>Hello</p>', toc: [] });
    expect(await readBody('a1')).toEqual({ html: '<p>Xin chào</p>', toc: [] });
    expect([...(await storedBodies())].sort()).toEqual(['a1', 'b2']);
  });

  it('makes the folder again when it was removed while the process runs (a cache emptied by hand)', async () => {
    await writeBody('a1', { html: '<p>một</p>', toc: [] });
    await rm(cache, { recursive: true, force: true });
    await writeBody('b2', { html: '<p>hai</p>', toc: [] });
    expect(await readdir(path.join(cache, 'portal-bodies'))).toEqual(['b2.json']);
  });

  it('fails with the system error when the folder cannot be made (never a silent success)', async () => {
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(cache, { recursive: true });
    await writeFile(path.join(cache, 'portal-bodies'), 'a file where the folder should be');
    await expect(writeBody('c3', { html: '', toc: [] })).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});
