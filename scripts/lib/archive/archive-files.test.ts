/**
 * The archive's files on disk: a deterministic tarball, extracted safely and
 * verified by `verify` — its signature against the protected keys, then every
 * file against the manifest.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { craftTarball, makeArchive, makeSite, MTIME as mtime, newKey, PAGES as pages, recomputeWithoutKey, writeKeysFile } from '../../../tests/fixtures/archives/signed-archive.ts';
import { extractTarball } from './extract.ts';
import { listSite } from './site-files.ts';
import { verifyArchiveCommand } from './verify-command.ts';
import { writeTarball } from './write-tarball.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-archive-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const key = newKey();
const keys = writeKeysFile(path.join(work, 'keys.yml'), [{ key }]);

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
    const { tarball } = await makeArchive(path.join(work, 'c-archive'), site, key);
    const dest = path.join(work, 'c-extracted');
    const { refused, files, stopped } = await extractTarball(tarball, dest, { files: 5, folders: 5, bytes: 69, maxEntries: 10, maxBytes: 69 });
    expect(refused).toEqual([]);
    expect(stopped).toBeUndefined();
    expect(files).toBe(Object.keys(pages).length);
    for (const [p, text] of Object.entries(pages)) expect(readFileSync(path.join(dest, p), 'utf8')).toBe(text);
    expect((await listSite(site)).map((e) => e.path).slice(0, 3)).toEqual(['_astro', '_astro/site.css', 'en']);
  });
});

/** `verify` with the test's keys file, what it printed and its exit code. */
async function verify(...args: string[]) {
  const { lines, out } = output();
  const code = await verifyArchiveCommand([...args, '--keys', keys], out);
  return { code, text: lines.join('\n') };
}

describe('verify', () => {
  it('passes an intact signed archive folder, and a tarball named directly', async () => {
    const { dir, tarball } = await makeArchive(path.join(work, 'ok'), makeSite(path.join(work, 'ok-site')), key);
    const { code, text } = await verify(dir);
    expect(code, text).toBe(0);
    expect(text).toContain('chữ ký hợp lệ / signature valid — khoá / key');
    expect(text).toContain('5 files match the manifest');
    expect(text).toContain('ĐẠT / PASS');
    expect((await verify(tarball)).code).toBe(0);
  });

  it('fails a tampered, a missing and an extra file in the tarball, naming each, with exit code 1', async () => {
    const site = makeSite(path.join(work, 'bad-site'));
    const { dir, tarball } = await makeArchive(path.join(work, 'bad'), site, key);
    writeFileSync(path.join(site, 'en/index.html'), '<h1>Home (altered)</h1>');
    rmSync(path.join(site, '_astro/site.css'));
    writeFileSync(path.join(site, 'extra.js'), 'alert(1)');
    await writeTarball(site, await listSite(site), mtime, tarball);
    const { code, text } = await verify(dir);
    expect(code).toBe(1);
    expect(text).toContain('KHÔNG ĐẠT / FAIL');
    expect(text).toContain('File en/index.html has been altered');
    expect(text).toContain('Tệp en/index.html đã bị thay đổi');
    expect(text).toContain('Missing file _astro/site.css');
    expect(text).toContain('Extra file extra.js');
    expect(text).toContain('differs from the one published');
  });

  it('fails a page altered with the manifest and the publication record recomputed to match, and opens nothing', async () => {
    const site = makeSite(path.join(work, 'attack-site'));
    const archive = await makeArchive(path.join(work, 'attack'), site, key);
    writeFileSync(path.join(site, 'en/index.html'), '<h1>Home</h1><p>Call 1900 0000 (a fake hotline)</p>');
    await recomputeWithoutKey(archive, site);
    const { code, text } = await verify(archive.dir);
    expect(code).toBe(1);
    expect(text).toContain('The manifest manifest-sha256.txt is not the one signed');
    expect(text).toContain('Bảng kê manifest-sha256.txt không phải bản đã ký');
    expect(text).toContain('The publication record publication.json is not the one signed');
    expect(text).toContain('the tarball was not opened');
    expect(text).not.toContain('files match the manifest');
  });

  it('fails an archive whose publication record, or signature, was deleted', async () => {
    const noRecord = await makeArchive(path.join(work, 'no-record'), makeSite(path.join(work, 'no-record-site')), key);
    rmSync(path.join(noRecord.dir, 'publication.json'));
    const a = await verify(noRecord.dir);
    expect(a.code).toBe(1);
    expect(a.text).toContain('The publication record publication.json is missing beside the manifest');
    expect(a.text).toContain('Thiếu hồ sơ xuất bản publication.json');

    const unsigned = await makeArchive(path.join(work, 'unsigned'), makeSite(path.join(work, 'unsigned-site')));
    const b = await verify(unsigned.dir);
    expect(b.code).toBe(1);
    expect(b.text).toContain('The signature archive-signature.json is missing beside the manifest');
  });

  it('checks an extracted site folder against --manifest, with the signature beside the manifest', async () => {
    const site = makeSite(path.join(work, 'folder-site'));
    const { dir } = await makeArchive(path.join(work, 'folder'), site, key);
    const passed = await verify(site, '--manifest', path.join(dir, 'manifest-sha256.txt'));
    expect(passed.code, passed.text).toBe(0);
    const { code, text } = await verify(site);
    expect(code).toBe(1);
    expect(text).toContain('add --manifest');
  });

  it('refuses path traversal, absolute paths and links in a tarball, and writes nothing outside', async () => {
    const { dir, tarball } = await makeArchive(path.join(work, 'evil'), makeSite(path.join(work, 'evil-site')), key);
    await craftTarball(tarball, [
      { path: 'index.html', content: '<h1>Trang chủ</h1>' },
      { path: '../escaped.html', content: 'outside' },
      { path: 'en/../../escaped2.html', content: 'outside' },
      { path: '/tmp/absolute.html', content: 'outside' },
      { path: 'link', type: 'SymbolicLink', linkpath: '/etc/passwd' },
      { path: 'index.html', content: 'second copy' },
    ]);
    const { code, text } = await verify(dir);
    expect(code).toBe(1);
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
    const { dir, tarball } = await makeArchive(path.join(work, 'damaged'), makeSite(path.join(work, 'damaged-site')), key);
    writeFileSync(tarball, readFileSync(tarball).subarray(0, 200));
    const { code, text } = await verify(dir);
    expect(code).toBe(1);
    expect(text).toContain('is not a valid tar.gz or is damaged');
    expect(await verifyArchiveCommand([], output().out)).toBe(2);
  });

  it('stops extracting at the signed size: a tarball with more bytes or more entries than the site fills no disk', async () => {
    const site = makeSite(path.join(work, 'bomb-site'));
    const { tarball } = await makeArchive(path.join(work, 'bomb'), site, key);
    const limits = { files: 5, folders: 5, bytes: 69, maxEntries: 10, maxBytes: 69 };
    await craftTarball(tarball, [
      { path: 'index.html', content: '<h1>Trang chủ</h1>' },
      { path: 'en/index.html', content: Buffer.alloc(8 * 1024 * 1024) },
      { path: 'after.html', content: 'never read' },
    ]);
    const dest = path.join(work, 'bomb-extracted');
    const bytes = await extractTarball(tarball, dest, limits);
    expect(bytes.stopped?.path).toBe('en/index.html');
    expect(bytes.stopped?.reason.en).toBe(
      'The tarball holds more data than allowed: entry "en/index.html" (8388608 bytes) takes it past 69 bytes (the signed site has 5 files, 69 bytes). Extraction stopped before writing it (the tarball may be a “tar bomb” meant to fill the disk).',
    );
    expect(() => readFileSync(path.join(dest, 'en/index.html'))).toThrow();
    expect(() => readFileSync(path.join(dest, 'after.html'))).toThrow();

    await craftTarball(tarball, Array.from({ length: 50 }, (_, i) => ({ path: `f${i}.html`, content: '' })));
    const entries = await extractTarball(tarball, path.join(work, 'bomb-extracted-2'), limits);
    expect(entries.stopped?.path).toBe('f10.html');
    expect(entries.stopped?.reason.vi).toBe(
      'Tệp nén có nhiều mục hơn mức cho phép (10 mục; trang đã ký có 5 tệp và 5 thư mục): đã dừng giải nén ở mục "f10.html". Tệp nén đã bị thay đổi; không dùng nó.',
    );
  });

  it('prints the names found in a tarball with their control characters escaped', async () => {
    const { dir, tarball } = await makeArchive(path.join(work, 'names'), makeSite(path.join(work, 'names-site')), key);
    await craftTarball(tarball, [{ path: '\x1b[2J\x1b[1;1HĐẠT\rindex.html', content: 'x' }, { path: '..\u202e/lmth.x', content: 'x' }]);
    const { code, text } = await verify(dir);
    expect(code).toBe(1);
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('Extra file \\x1b[2J\\x1b[1;1HĐẠT\\rindex.html: the archive holds it');
    expect(text).toContain('  ✗ ..\\u202e/lmth.x');
  });
});

describe('verify reads the public keys from the default branch', () => {
  const repo = path.join(work, 'repo');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@example.gov.vn', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@example.gov.vn' } });
  const attacker = newKey();

  it('trusts the key main lists, not one a branch checked out in the working tree adds', async () => {
    mkdirSync(repo, { recursive: true });
    git('init', '-q', '-b', 'main');
    writeKeysFile(path.join(repo, 'content/governance/archive-signing-keys.yml'), [{ key }]);
    git('add', '.');
    git('commit', '-q', '-m', 'Keys');
    git('checkout', '-q', '-b', 'evil');
    writeKeysFile(path.join(repo, 'content/governance/archive-signing-keys.yml'), [{ key }, { key: attacker }]);
    git('commit', '-q', '-am', 'My key too');

    const genuine = await makeArchive(path.join(work, 'genuine'), makeSite(path.join(work, 'genuine-site')), key);
    const forged = await makeArchive(path.join(work, 'forged'), makeSite(path.join(work, 'forged-site')), attacker);
    const run = async (dir: string, ...more: string[]) => {
      const { lines, out } = output();
      const code = await verifyArchiveCommand([dir, ...more], out, repo);
      return { code, text: lines.join('\n') };
    };
    const ok = await run(genuine.dir);
    expect(ok.code, ok.text).toBe(0);
    expect(ok.text).toContain('(main:content/governance/archive-signing-keys.yml)');
    const refused = await run(forged.dir);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain('which is not in the list of public keys main:content/governance/archive-signing-keys.yml');
    // Named explicitly, the branch's file is what the archivist asked for.
    expect((await run(forged.dir, '--ref', 'evil')).code).toBe(0);
    expect((await run(forged.dir, '--ref=--output=/tmp/x')).text).toContain('Cannot read the public keys');
  });

  it('says how to fix it when there is no repository to read the keys from', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'portal-no-repo-'));
    const { dir } = await makeArchive(path.join(outside, 'a'), makeSite(path.join(outside, 'site')), key);
    const { lines, out } = output();
    expect(await verifyArchiveCommand([dir], out, outside)).toBe(1);
    expect(lines.join('\n')).toContain('name a keys file with --keys <file>');
    rmSync(outside, { recursive: true, force: true });
  });
});
