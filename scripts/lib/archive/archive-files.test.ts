/**
 * The archive's files on disk: a deterministic tarball, extracted safely and
 * verified against the manifest by `verify`.
 */
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, chmodSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Header } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestText } from '../../../src/lib/archive/manifest.ts';
import { TAR_END, tarHeader, tarPadding } from '../../../src/lib/archive/tar-format.ts';
import { extractTarball } from './extract.ts';
import { hashFiles, listSite } from './site-files.ts';
import { verifyArchiveCommand } from './verify-command.ts';
import { writeTarball } from './write-tarball.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-archive-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const mtime = new Date('2026-11-20T02:30:00Z');

const pages: Record<string, string> = {
  'index.html': '<h1>Trang chủ</h1>',
  'en/index.html': '<h1>Home</h1>',
  'tin-tuc/tin-moi/index.html': '<h1>Tin mới</h1>',
  '_astro/site.css': 'body{}',
  'files/Quyết định 1624.pdf': '%PDF-1.7 …',
};

function makeSite(dir: string): string {
  for (const [p, text] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

/** An archive folder (tarball + manifest) of the small site, as `npm run archive` lays it out. */
async function makeArchive(dir: string, site: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const entries = await listSite(site);
  await writeTarball(site, entries, mtime, path.join(dir, 'site-20261120T023000Z-1a2b3c4.tar.gz'));
  const hashes = await hashFiles(site, entries.filter((e) => e.type === 'file').map((e) => e.path));
  writeFileSync(path.join(dir, 'manifest-sha256.txt'), manifestText([...hashes].map(([p, sha256]) => ({ path: p, sha256 }))));
  return dir;
}

/** A tarball written entry by entry, for entries a real archive never holds. */
async function craftTarball(file: string, entries: { path: string; type?: 'File' | 'SymbolicLink'; content?: string; linkpath?: string }[]) {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const content = Buffer.from(e.content ?? '');
    if (e.type === 'SymbolicLink') {
      const h = new Header({ path: e.path, type: 'SymbolicLink', linkpath: e.linkpath, mode: 0o777, size: 0, mtime, uid: 0, gid: 0 });
      h.encode();
      blocks.push(h.block!);
    } else {
      blocks.push(tarHeader({ path: e.path, type: 'file', size: content.length }, mtime), content, tarPadding(content.length));
    }
  }
  blocks.push(TAR_END);
  await pipeline([Buffer.concat(blocks)], createGzip(), createWriteStream(file));
}

const output = () => {
  const lines: string[] = [];
  return { lines, out: { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) } };
};

describe('the site tarball', () => {
  it('is byte-identical for the same files, whatever their times, modes and owners on disk', async () => {
    const a = makeSite(path.join(work, 'a'));
    const b = path.join(work, 'b');
    cpSync(a, b, { recursive: true });
    utimesSync(path.join(b, 'index.html'), new Date('2001-01-01'), new Date('2001-01-01'));
    chmodSync(path.join(b, 'en/index.html'), 0o600);
    chmodSync(path.join(b, '_astro'), 0o700);
    await writeTarball(a, await listSite(a), mtime, path.join(work, 'a.tar.gz'));
    await writeTarball(b, await listSite(b), mtime, path.join(work, 'b.tar.gz'));
    const bytes = readFileSync(path.join(work, 'a.tar.gz'));
    expect(bytes.equals(readFileSync(path.join(work, 'b.tar.gz')))).toBe(true);
    // gzip header: no time stamp (bytes 4–7), operating system "unknown" (byte 9).
    expect([...bytes.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(bytes[9]).toBe(255);
  });

  it('extracts to the same files, folders before what they hold', async () => {
    const site = makeSite(path.join(work, 'c'));
    const dir = await makeArchive(path.join(work, 'c-archive'), site);
    const dest = path.join(work, 'c-extracted');
    const { refused, files } = await extractTarball(path.join(dir, 'site-20261120T023000Z-1a2b3c4.tar.gz'), dest);
    expect(refused).toEqual([]);
    expect(files).toBe(Object.keys(pages).length);
    for (const [p, text] of Object.entries(pages)) expect(readFileSync(path.join(dest, p), 'utf8')).toBe(text);
    expect((await listSite(site)).map((e) => e.path).slice(0, 3)).toEqual(['_astro', '_astro/site.css', 'en']);
  });
});

describe('verify', () => {
  it('passes an intact archive folder, and a tarball named directly', async () => {
    const dir = await makeArchive(path.join(work, 'ok'), makeSite(path.join(work, 'ok-site')));
    const { lines, out } = output();
    expect(await verifyArchiveCommand([dir], out)).toBe(0);
    expect(lines.join('\n')).toContain('5 files match the manifest');
    expect(await verifyArchiveCommand([path.join(dir, 'site-20261120T023000Z-1a2b3c4.tar.gz')], output().out)).toBe(0);
  });

  it('fails a tampered, a missing and an extra file, naming each, with exit code 1', async () => {
    const site = makeSite(path.join(work, 'bad-site'));
    const dir = await makeArchive(path.join(work, 'bad'), site);
    writeFileSync(path.join(site, 'en/index.html'), '<h1>Home (altered)</h1>');
    rmSync(path.join(site, '_astro/site.css'));
    writeFileSync(path.join(site, 'extra.js'), 'alert(1)');
    await writeTarball(site, await listSite(site), mtime, path.join(dir, 'site-20261120T023000Z-1a2b3c4.tar.gz'));
    const { lines, out } = output();
    expect(await verifyArchiveCommand([dir], out)).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('KHÔNG ĐẠT / FAIL');
    expect(text).toContain('File en/index.html has been altered');
    expect(text).toContain('Tệp en/index.html đã bị thay đổi');
    expect(text).toContain('Missing file _astro/site.css');
    expect(text).toContain('Extra file extra.js');
  });

  it('checks an extracted site folder against --manifest', async () => {
    const site = makeSite(path.join(work, 'folder-site'));
    const dir = await makeArchive(path.join(work, 'folder'), site);
    expect(await verifyArchiveCommand([site, '--manifest', path.join(dir, 'manifest-sha256.txt')], output().out)).toBe(0);
    const { lines, out } = output();
    expect(await verifyArchiveCommand([site], out)).toBe(1);
    expect(lines.join('\n')).toContain('add --manifest');
  });

  it('refuses path traversal, absolute paths and links in a tarball, and writes nothing outside', async () => {
    const dir = path.join(work, 'evil');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'manifest-sha256.txt'), manifestText([{ path: 'index.html', sha256: 'd0dd8d5c6f1b76d4ad5ea1d5a48a4a02dbd4da1e6fcdb02c3d0f1d5e3a3bb0c8' }]));
    await craftTarball(path.join(dir, 'site-evil.tar.gz'), [
      { path: 'index.html', content: '<h1>Trang chủ</h1>' },
      { path: '../escaped.html', content: 'outside' },
      { path: 'en/../../escaped2.html', content: 'outside' },
      { path: '/tmp/absolute.html', content: 'outside' },
      { path: 'link', type: 'SymbolicLink', linkpath: '/etc/passwd' },
      { path: 'index.html', content: 'second copy' },
    ]);
    const { lines, out } = output();
    expect(await verifyArchiveCommand([dir], out)).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('"../escaped.html" in the tarball has a “..” step');
    expect(text).toContain('"en/../../escaped2.html" in the tarball has a “..” step');
    expect(text).toContain('"/tmp/absolute.html" in the tarball has an absolute path');
    expect(text).toContain('"link" in the tarball is a “SymbolicLink”');
    expect(text).toContain('holds "index.html" twice');
    expect(text).toContain('bị từ chối');
    expect(() => readFileSync(path.join(work, 'escaped.html'))).toThrow();
    expect(() => readFileSync(path.join(tmpdir(), 'escaped.html'))).toThrow();
  });

  it('fails a damaged tarball with a clear message, and wrong usage with code 2', async () => {
    const dir = await makeArchive(path.join(work, 'damaged'), makeSite(path.join(work, 'damaged-site')));
    const file = path.join(dir, 'site-20261120T023000Z-1a2b3c4.tar.gz');
    writeFileSync(file, readFileSync(file).subarray(0, 200));
    const { lines, out } = output();
    expect(await verifyArchiveCommand([dir], out)).toBe(1);
    expect(lines.join('\n')).toContain('is not a valid tar.gz or is damaged');
    expect(await verifyArchiveCommand([], output().out)).toBe(2);
  });
});
