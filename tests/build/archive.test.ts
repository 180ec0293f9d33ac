/**
 * The archive of a published revision can be made again and checked: two
 * full builds of the same content, with separate caches, give the same bytes
 * in every file; archiving each gives byte-identical tarballs, WARCs and
 * manifests; `verify` passes the archive and names the file in a tampered copy.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveNames, formatSize } from '../../src/lib/archive/names.ts';
import { extractTarball } from '../../scripts/lib/archive/extract.ts';
import { listSite } from '../../scripts/lib/archive/site-files.ts';
import { writeTarball } from '../../scripts/lib/archive/write-tarball.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-archive-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A copy of the content, so edits made meanwhile in the working tree cannot reach one build and not the other.
const content = path.join(work, 'content');
cpSync('content', content, { recursive: true });
const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const env = (extra: Record<string, string> = {}) => {
  const e: NodeJS.ProcessEnv = { ...process.env, PORTAL_CONTENT_DIR: content, PORTAL_TODAY: '2026-11-20', ...extra };
  // Archived without GitHub: the record says so, the files are the same.
  delete e.GITHUB_TOKEN;
  delete e.GH_TOKEN;
  delete e.GITHUB_REPOSITORY;
  return e;
};

async function node(args: string[], extra: Record<string, string> = {}): Promise<{ status: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8', env: env(extra), maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { status: e.code, output: `${e.stdout}${e.stderr}` };
  }
}

/** Every file of a folder, relative path → bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(dir, full).split(path.sep).join('/'), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

function different(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.get(n) || !b.get(n) || !a.get(n)!.equals(b.get(n)!)).sort();
}

describe('the archive of the built site', () => {
  it('is made from byte-identical builds, is itself byte-identical, verifies, and names a tampered file', { timeout: 400_000 }, async () => {
    const sites = [path.join(work, 'site-1'), path.join(work, 'site-2')];
    for (const [i, site] of sites.entries()) {
      const built = await node(['scripts/build.ts', '--full', '--out', site], { PORTAL_CACHE_DIR: path.join(work, `cache-${i + 1}`) });
      expect(built.status, built.output).toBe(0);
    }
    const [first, second] = sites.map(files) as [Map<string, Buffer>, Map<string, Buffer>];
    expect(first.size).toBeGreaterThan(100);
    expect(first.has('pagefind/pagefind.js') || [...first.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(different(first, second)).toEqual([]);

    const archives = [path.join(work, 'archive-1'), path.join(work, 'archive-2')];
    for (const [i, dir] of archives.entries()) {
      const made = await node(['scripts/archive.ts', '--out', dir, '--site', sites[i]!, '--commit', commit]);
      expect(made.status, made.output).toBe(0);
    }
    const time = execFileSync('git', ['show', '-s', '--format=%cI', commit], { encoding: 'utf8' }).trim();
    const names = archiveNames(commit, time);
    const [one, two] = archives.map(files) as [Map<string, Buffer>, Map<string, Buffer>];
    expect([...one.keys()].sort()).toEqual([names.tarball, names.warc, 'manifest-sha256.txt', 'publication.json'].sort());
    // Everything but the record's archived_at is the same bytes.
    expect(different(one, two)).toEqual(['publication.json']);
    const record = JSON.parse(one.get('publication.json')!.toString('utf8')) as { note?: { en: string }; archive: { files: { name: string; size: number }[] } };
    expect(record.note?.en).toContain('without GitHub access');
    // The sizes for the current site, in the test's output.
    console.log(record.archive.files.map((f) => `${f.name}: ${formatSize(f.size)}`).join('\n'));

    // The manifest lists every file of the site.
    const manifest = one.get('manifest-sha256.txt')!.toString('utf8').trimEnd().split('\n');
    expect(manifest).toHaveLength(first.size);

    const verified = await node(['scripts/archive.ts', 'verify', archives[0]!]);
    expect(verified.status, verified.output).toBe(0);
    expect(verified.output).toContain(`${first.size} files match the manifest`);

    // A tampered copy: one page changed inside the tarball.
    const tampered = path.join(work, 'tampered');
    cpSync(archives[0]!, tampered, { recursive: true });
    const extracted = path.join(work, 'tampered-site');
    await extractTarball(path.join(tampered, names.tarball), extracted, { files: 1e6, folders: 1e6, bytes: 1e12, maxEntries: 1e6, maxBytes: 1e12 });
    const page = 'en/news/index.html';
    writeFileSync(path.join(extracted, page), readFileSync(path.join(extracted, page), 'utf8').replace('</h1>', ' (sửa lén)</h1>'));
    await writeTarball(extracted, await listSite(extracted), new Date(time), path.join(tampered, names.tarball));
    const failed = await node(['scripts/archive.ts', 'verify', tampered]);
    expect(failed.status, failed.output).toBe(1);
    expect(failed.output).toContain(`File ${page} has been altered`);
    expect(failed.output).toContain(`Tệp ${page} đã bị thay đổi`);
    // The tarball no longer matches the hash the publication record lists.
    expect(failed.output).toContain(`File ${names.tarball} differs from the one published`);
  });
});
