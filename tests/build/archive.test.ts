/**
 * The archive of a published revision can be made again and checked: two
 * full builds of the same content, with separate caches, give the same bytes
 * in every file; archiving each gives byte-identical tarballs, WARCs and
 * manifests; the archive is signed with the key of the publish environment;
 * `verify` passes it, names the file in a tampered copy, and fails a copy
 * whose manifest and record were recomputed to match the tampering.
 */
import { execFile, execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestText } from '../../src/lib/archive/manifest.ts';
import { archiveNames, formatSize } from '../../src/lib/archive/names.ts';
import { keyEntryYaml } from '../../src/lib/archive/signing-keys.ts';
import { extractTarball } from '../../scripts/lib/archive/extract.ts';
import { hashTree, listSite, sha256File } from '../../scripts/lib/archive/site-files.ts';
import { writeTarball } from '../../scripts/lib/archive/write-tarball.ts';

const work = mkdtempSync(path.join(tmpdir(), 'portal-archive-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A copy of the content, so edits made meanwhile in the working tree cannot reach one build and not the other.
const content = path.join(work, 'content');
cpSync('content', content, { recursive: true });
// The publish environment's signing key, and its public key on the (copied) default branch.
const key = generateKeyPairSync('ed25519');
const keysFile = path.join(content, 'governance/archive-signing-keys.yml');
writeFileSync(keysFile, `keys:\n${keyEntryYaml(key.publicKey, '2020-01-01T00:00:00Z')}\n`);
const signingKey = String(key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
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
    expect([...first.keys()].some((f) => f.startsWith('search/vi/'))).toBe(true);
    expect(different(first, second)).toEqual([]);

    const archives = [path.join(work, 'archive-1'), path.join(work, 'archive-2')];
    for (const [i, dir] of archives.entries()) {
      const made = await node(['scripts/archive.ts', '--out', dir, '--site', sites[i]!, '--commit', commit], { ARCHIVE_SIGNING_KEY: signingKey });
      expect(made.status, made.output).toBe(0);
    }
    const time = execFileSync('git', ['show', '-s', '--format=%cI', commit], { encoding: 'utf8' }).trim();
    const names = archiveNames(commit, time);
    const [one, two] = archives.map(files) as [Map<string, Buffer>, Map<string, Buffer>];
    expect([...one.keys()].sort()).toEqual([names.tarball, names.warc, 'archive-signature.json', 'manifest-sha256.txt', 'publication.json'].sort());
    // Everything but the record's archived_at (and so the signature over the record) is the same bytes.
    expect(different(one, two)).toEqual(['archive-signature.json', 'publication.json']);
    const record = JSON.parse(one.get('publication.json')!.toString('utf8')) as { note?: { en: string }; archive: { files: { name: string; size: number }[] } };
    expect(record.note?.en).toContain('without GitHub access');
    // The sizes for the current site, in the test's output.
    console.log(record.archive.files.map((f) => `${f.name}: ${formatSize(f.size)}`).join('\n'));

    // The manifest lists every file of the site.
    const manifest = one.get('manifest-sha256.txt')!.toString('utf8').trimEnd().split('\n');
    expect(manifest).toHaveLength(first.size);

    const verify = (dir: string) => node(['scripts/archive.ts', 'verify', dir, '--keys', keysFile]);
    const verified = await verify(archives[0]!);
    expect(verified.status, verified.output).toBe(0);
    expect(verified.output).toContain('signature valid');
    expect(verified.output).toContain(`${first.size} files match the manifest`);

    // A tampered copy: one page changed inside the tarball.
    const tampered = path.join(work, 'tampered');
    cpSync(archives[0]!, tampered, { recursive: true });
    const extracted = path.join(work, 'tampered-site');
    await extractTarball(path.join(tampered, names.tarball), extracted, { files: 1e6, folders: 1e6, bytes: 1e12, maxEntries: 1e6, maxBytes: 1e12 });
    const page = 'en/news/index.html';
    writeFileSync(path.join(extracted, page), readFileSync(path.join(extracted, page), 'utf8').replace('</h1>', ' (sửa lén)</h1>'));
    await writeTarball(extracted, await listSite(extracted), new Date(time), path.join(tampered, names.tarball));
    const failed = await verify(tampered);
    expect(failed.status, failed.output).toBe(1);
    expect(failed.output).toContain(`File ${page} has been altered`);
    expect(failed.output).toContain(`Tệp ${page} đã bị thay đổi`);
    // The tarball no longer matches the hash the publication record lists.
    expect(failed.output).toContain(`File ${names.tarball} differs from the one published`);

    // The same tampering with the manifest and the record recomputed to match: the signature no longer covers them.
    const manifest2 = manifestText([...(await hashTree(extracted))].map(([p, sha256]) => ({ path: p, sha256 })));
    writeFileSync(path.join(tampered, 'manifest-sha256.txt'), manifest2);
    const recomputed = JSON.parse(readFileSync(path.join(tampered, 'publication.json'), 'utf8')) as { archive: { files: { name: string; size: number; sha256: string }[] } };
    for (const f of recomputed.archive.files) {
      f.sha256 = await sha256File(path.join(tampered, f.name));
      f.size = statSync(path.join(tampered, f.name)).size;
    }
    writeFileSync(path.join(tampered, 'publication.json'), `${JSON.stringify(recomputed, null, 2)}\n`);
    const attacked = await verify(tampered);
    expect(attacked.status, attacked.output).toBe(1);
    expect(attacked.output).toContain('The manifest manifest-sha256.txt is not the one signed');
    expect(attacked.output).toContain('The publication record publication.json is not the one signed');
    expect(attacked.output).not.toContain(`File ${page} has been altered`);
  });
});
