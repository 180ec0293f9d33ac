/**
 * The hostile archives (tests/fixtures/hostile/archives/): each case of
 * expected.json is crafted here, at test time, from a genuine signed archive,
 * the way someone holding the Release's files but not the signing key could
 * alter it; `verify` must fail it with exactly the problems listed, in
 * Vietnamese and English, and print no control character.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyIdOf } from '../../../src/lib/archive/signature.ts';
import { craftTarball, makeArchive, makeSite, newKey, PAGES, recomputeWithoutKey, writeKeysFile, type TestArchive } from '../../../tests/fixtures/archives/signed-archive.ts';
import { sha256File } from './site-files.ts';
import { verifyArchiveCommand } from './verify-command.ts';

interface Case {
  name: string;
  attack: string;
  exit: number;
  problems: { path: string; vi: string; en: string }[];
}

const fixtures = path.resolve(import.meta.dirname, '../../../tests/fixtures/hostile/archives');
const { cases } = JSON.parse(readFileSync(path.join(fixtures, 'expected.json'), 'utf8')) as { cases: Case[] };

const work = mkdtempSync(path.join(tmpdir(), 'portal-hostile-archives-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const portal = newKey();
const stranger = newKey();
const KEYS_SOURCE = 'main:content/governance/archive-signing-keys.yml';

/** The portal's repository: main lists the portal's key; a branch, checked out, adds the stranger's. */
const repo = path.join(work, 'repo');
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@example.gov.vn', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@example.gov.vn' } });
mkdirSync(repo);
git('init', '-q', '-b', 'main');
writeKeysFile(path.join(repo, 'content/governance/archive-signing-keys.yml'), [{ key: portal }]);
git('add', '.');
git('commit', '-q', '-m', 'The portal’s signing key');
git('checkout', '-q', '-b', 'add-my-key');
writeKeysFile(path.join(repo, 'content/governance/archive-signing-keys.yml'), [{ key: portal }, { key: stranger }]);
git('commit', '-q', '-am', 'Another key');

let made = 0;
/** A genuine archive of the small site, signed by the portal, in a folder of its own. */
async function genuine(o: { deployedAt?: string } = {}): Promise<TestArchive> {
  const n = made++;
  return makeArchive(path.join(work, `archive-${n}`), makeSite(path.join(work, `site-${n}`)), portal, o);
}

/** What each case does to a genuine archive (or makes instead of one); returns the archive to verify, and values for the placeholders. */
const crafts: Record<string, () => Promise<{ archive: TestArchive; values?: Record<string, string> }>> = {
  async 'recomputed-manifest-and-record'() {
    const archive = await genuine();
    const signed = { manifest: await sha256File(path.join(archive.dir, 'manifest-sha256.txt')), record: await sha256File(path.join(archive.dir, 'publication.json')) };
    const altered = makeSite(path.join(archive.dir, '..', `${path.basename(archive.dir)}-altered`), {
      ...PAGES,
      'index.html': '<h1>Trang chủ</h1><p>Đường dây nóng: 1900 0000</p>',
    });
    await recomputeWithoutKey(archive, altered);
    return {
      archive,
      values: {
        manifest_sha256: await sha256File(path.join(archive.dir, 'manifest-sha256.txt')),
        signed_manifest_sha256: signed.manifest,
        record_sha256: await sha256File(path.join(archive.dir, 'publication.json')),
        signed_record_sha256: signed.record,
      },
    };
  },
  async 'record-deleted'() {
    const archive = await genuine();
    rmSync(path.join(archive.dir, 'publication.json'));
    return { archive };
  },
  async 'signature-deleted'() {
    const archive = await genuine();
    rmSync(path.join(archive.dir, 'archive-signature.json'));
    return { archive };
  },
  async 'signed-by-another-key'() {
    const n = made++;
    return { archive: await makeArchive(path.join(work, `archive-${n}`), makeSite(path.join(work, `site-${n}`)), stranger) };
  },
  async 'statement-altered'() {
    const archive = await genuine();
    const file = path.join(archive.dir, 'archive-signature.json');
    const signature = JSON.parse(readFileSync(file, 'utf8')) as { statement: { deployed_at: string } };
    signature.statement.deployed_at = '2026-11-21T02:30:00Z';
    writeFileSync(file, JSON.stringify(signature, null, 2));
    return { archive };
  },
  async 'retired-key'() {
    // Signed after the key was retired: only a holder of the old key can do that.
    return { archive: await genuine({ deployedAt: '2027-02-01T00:00:00Z' }) };
  },
  async 'another-archive-renamed'() {
    // A genuine archive of another deploy, its tarball renamed to this deploy's name.
    const other = await genuine({ deployedAt: '2026-11-21T02:30:00Z' });
    renameSync(other.tarball, path.join(other.dir, 'site-20261120T023000Z-1a2b3c4.tar.gz'));
    return { archive: other };
  },
  async 'tar-bomb-bytes'() {
    const archive = await genuine();
    await craftTarball(archive.tarball, [
      { path: 'index.html', content: '<h1>Trang chủ</h1>' },
      { path: 'en/index.html', content: Buffer.alloc(4 * 1024 * 1024) },
    ]);
    return { archive, values: await tarballValues(archive) };
  },
  async 'tar-bomb-entries'() {
    const archive = await genuine();
    await craftTarball(
      archive.tarball,
      Array.from({ length: 1100 }, (_, i) => ({ path: `f${String(i).padStart(4, '0')}.html`, content: '' })),
    );
    return { archive, values: await tarballValues(archive) };
  },
  async 'terminal-escape-names'() {
    const archive = await genuine();
    await craftTarball(archive.tarball, [
      ...Object.entries(PAGES).map(([p, content]) => ({ path: p, content })),
      { path: '\x1b[2J\x1b[1;1HĐẠT / PASS\r', content: 'x' },
    ]);
    return { archive, values: await tarballValues(archive) };
  },
};

async function tarballValues(archive: TestArchive) {
  const record = JSON.parse(readFileSync(path.join(archive.dir, 'publication.json'), 'utf8')) as { archive: { files: { name: string; sha256: string }[] } };
  return { tarball_sha256: await sha256File(archive.tarball), signed_tarball_sha256: record.archive.files.find((f) => f.name === archive.names.tarball)!.sha256 };
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

describe('hostile archives (tests/fixtures/hostile/archives/expected.json)', () => {
  it('has a crafted archive for every case, and a case for every craft', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(crafts).sort());
  });

  // The retired-key case needs the portal's key retired on 2027-01-01: verified against a keys file saying so.
  const retiredKeys = writeKeysFile(path.join(work, 'retired.yml'), [{ key: portal, validUntil: '2027-01-01T00:00:00+07:00' }]);

  it.each(cases)('$name: $attack', async (c) => {
    const { archive, values = {} } = await crafts[c.name]!();
    const all = { ...values, key: keyIdOf(portal.publicKey), other_key: keyIdOf(stranger.publicKey), keys: KEYS_SOURCE, retired_keys: retiredKeys };
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    const args = c.name === 'retired-key' ? [archive.dir, '--keys', retiredKeys] : [archive.dir];
    const code = await verifyArchiveCommand(args, out, repo);
    const text = lines.join('\n');
    expect(code, text).toBe(c.exit);
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain(`KHÔNG ĐẠT / FAIL — ${c.problems.length} vấn đề / problem(s)`);
    for (const p of c.problems) expect(text).toContain(`  ✗ ${fill(p.path, all)}\n    vi: ${fill(p.vi, all)}\n    en: ${fill(p.en, all)}`);
  });

  it('the genuine archive the cases start from verifies', async () => {
    const archive = await genuine();
    const copy = path.join(work, 'genuine-copy');
    cpSync(archive.dir, copy, { recursive: true });
    const lines: string[] = [];
    expect(await verifyArchiveCommand([copy], { log: (l) => lines.push(l), error: (l) => lines.push(l) }, repo), lines.join('\n')).toBe(0);
  });
});
