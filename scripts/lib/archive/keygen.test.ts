/** `npm run archive -- keygen`: a key pair whose public entry the keys file accepts; the private key never lands in a repository. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSignature, readPrivateKey, signArchive } from '../../../src/lib/archive/signature.ts';
import { validateSigningKeysFile } from '../../../src/lib/archive/signing-keys.ts';
import { keygenCommand } from './keygen.ts';

const outside = mkdtempSync(path.join(tmpdir(), 'portal-keygen-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

async function keygen(...args: string[]) {
  const lines: string[] = [];
  const code = await keygenCommand(args, { log: (l) => lines.push(l), error: (l) => lines.push(l) }, () => new Date('2026-11-20T02:30:00.123Z'));
  return { code, text: lines.join('\n') };
}

/** The YAML entry keygen printed: the lines from `  - id:` to the end of the PEM. */
function entryOf(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('  - id: '));
  const end = lines.findIndex((l, i) => i > start && l.includes('-----END PUBLIC KEY-----'));
  return lines.slice(start, end + 1).join('\n');
}

describe('keygen', () => {
  it('prints the entry to commit and the private key to store, which signs what the entry verifies', async () => {
    const { code, text } = await keygen();
    expect(code).toBe(0);
    expect(text).toContain('Add this entry to content/governance/archive-signing-keys.yml');
    expect(text).toContain('Store the private key below as the secret ARCHIVE_SIGNING_KEY of the archive-signing environment');
    const { keys, issues } = validateSigningKeysFile(`keys:\n${entryOf(text)}\n`);
    expect(issues).toEqual([]);
    expect(keys![0]!.valid_from).toBe('2026-11-20T02:30:00Z');

    const pem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(text)![0];
    const read = readPrivateKey(pem, 'ARCHIVE_SIGNING_KEY');
    if (!('key' in read)) throw new Error(read.problem.en);
    const statement = {
      tag: 'site-20261120T080000Z-9b1d0e7',
      commit: '9b1d0e7c4f2a8d6b3e5c1a9f7d2b4e6c8a0f1d3e',
      deployed_at: '2026-11-20T08:00:00Z',
      manifest_sha256: 'a'.repeat(64),
      publication_sha256: 'b'.repeat(64),
      site: { files: 1, folders: 0, bytes: 1 },
    };
    const verdict = checkSignature({ signature: signArchive(statement, read.key), manifestSha256: 'a'.repeat(64), recordSha256: 'b'.repeat(64), keys: keys!, keysSource: 'test' });
    expect(verdict.problems).toEqual([]);
  });

  it('writes the private key to a new file outside any repository, readable by its owner only', async () => {
    const file = path.join(outside, 'archive-signing-key.pem');
    const { code, text } = await keygen('--private-key', file, '--valid-from', '2027-01-01T00:00:00+07:00');
    expect(code, text).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(text).not.toContain('BEGIN PRIVATE KEY');
    expect(text).toContain(`gh secret set ARCHIVE_SIGNING_KEY --env archive-signing < ${file} && rm ${file}`);
    expect(text).toContain('valid_from: "2027-01-01T00:00:00+07:00"');
    // Never over an existing file.
    expect((await keygen('--private-key', file)).code).toBe(1);
  });

  it('refuses to write the private key into a repository, and a validity that is not a time', async () => {
    const inside = path.resolve('archive-signing-key.pem');
    const { code, text } = await keygen('--private-key', inside);
    expect(code).toBe(1);
    expect(text).toContain('is inside a Git working tree: the private key is never written into a repository');
    expect(existsSync(inside)).toBe(false);
    expect((await keygen('--valid-from', 'tomorrow')).text).toContain('--valid-from needs a date and time with its zone');
    expect((await keygen('--frobnicate')).code).toBe(2);
  });
});
