import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PublicationRecord } from '../history/revision.ts';
import {
  checkSignature,
  checkStatementMatches,
  keyIdOf,
  keyValidAt,
  parseSignatureFile,
  publicKeyPem,
  readPrivateKey,
  signArchive,
  statementBytes,
  STATEMENT_TYPE,
  type PublicSigningKey,
} from './signature.ts';

const portal = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const portalKey: PublicSigningKey = { id: keyIdOf(portal.publicKey), public_key: publicKeyPem(portal.publicKey), valid_from: '2026-01-01T00:00:00+07:00' };
const keys = [portalKey];
const MANIFEST = 'a'.repeat(64);
const RECORD = 'b'.repeat(64);
const COMMIT = '9b1d0e7c4f2a8d6b3e5c1a9f7d2b4e6c8a0f1d3e';
const statement = {
  tag: 'site-20261120T080000Z-9b1d0e7',
  commit: COMMIT,
  deployed_at: '2026-11-20T08:00:00Z',
  manifest_sha256: MANIFEST,
  publication_sha256: RECORD,
  site: { files: 3, folders: 2, bytes: 1234 },
};
const signed = signArchive(statement, portal.privateKey);
const check = (over: Partial<Parameters<typeof checkSignature>[0]> = {}) =>
  checkSignature({ signature: signed, manifestSha256: MANIFEST, recordSha256: RECORD, keys, keysSource: 'main:content/governance/archive-signing-keys.yml', ...over });

describe('signArchive and checkSignature', () => {
  it('signs the statement with the key’s id, and the signature verifies with the protected key', () => {
    const file = parseSignatureFile(signed)!;
    expect(file.statement).toEqual({ type: STATEMENT_TYPE, key_id: portalKey.id, ...statement });
    expect(check()).toEqual({ statement: file.statement, problems: [] });
  });

  it('signs exactly the compact statement, fields in a fixed order (what openssl or any Ed25519 tool can check)', () => {
    const file = parseSignatureFile(signed)!;
    expect(statementBytes(file.statement).toString()).toBe(
      `{"type":"${STATEMENT_TYPE}","key_id":"${portalKey.id}","tag":"site-20261120T080000Z-9b1d0e7","commit":"${COMMIT}","deployed_at":"2026-11-20T08:00:00Z","manifest_sha256":"${MANIFEST}","publication_sha256":"${RECORD}","site":{"files":3,"folders":2,"bytes":1234}}`,
    );
    // Key order in the file does not matter: the verifier rebuilds the bytes.
    const reordered = JSON.stringify({ signature: file.signature, statement: { ...file.statement } });
    expect(check({ signature: reordered }).problems).toEqual([]);
  });

  it('fails a missing signature and a missing record, each naming the file, in both languages', () => {
    const { problems } = check({ signature: undefined, recordSha256: undefined });
    expect(problems.map((p) => [p.kind, p.path])).toEqual([
      ['record', 'publication.json'],
      ['signature', 'archive-signature.json'],
    ]);
    expect(problems[0]!.en).toContain('The publication record publication.json is missing');
    expect(problems[0]!.vi).toContain('Thiếu hồ sơ xuất bản publication.json');
    expect(problems[1]!.en).toContain('The signature archive-signature.json is missing');
    expect(problems[1]!.vi).toContain('Thiếu chữ ký archive-signature.json');
  });

  it('fails a recomputed manifest and a recomputed record: their digests are not the signed ones', () => {
    const { problems } = check({ manifestSha256: 'c'.repeat(64), recordSha256: 'd'.repeat(64) });
    expect(problems.map((p) => p.path)).toEqual(['manifest-sha256.txt', 'publication.json']);
    expect(problems[0]!.en).toBe(`The manifest manifest-sha256.txt is not the one signed: its SHA-256 is ${'c'.repeat(64)}, the signature says ${MANIFEST}. It has been replaced or recomputed.`);
    expect(problems[1]!.vi).toBe(`Hồ sơ xuất bản publication.json không phải bản đã ký: mã SHA-256 của nó là ${'d'.repeat(64)}, chữ ký ghi ${RECORD}. Hồ sơ đã bị thay hoặc tính lại.`);
  });

  it('fails a signature by a key the default branch does not list', () => {
    const forged = signArchive(statement, stranger.privateKey);
    const { problems, statement: trusted } = check({ signature: forged });
    expect(trusted).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.en).toBe(
      `The signature was made with key ${keyIdOf(stranger.publicKey)}, which is not in the list of public keys main:content/governance/archive-signing-keys.yml. The archive was not signed by the portal, or the key was never added to the default branch: ask the technical owner.`,
    );
  });

  it('fails a statement changed after signing, and a signature made by another key under the portal’s id', () => {
    const file = JSON.parse(signed) as { statement: Record<string, unknown>; signature: string };
    file.statement.manifest_sha256 = 'c'.repeat(64);
    const altered = check({ signature: JSON.stringify(file), manifestSha256: 'c'.repeat(64) });
    expect(altered.problems.map((p) => p.en)).toEqual([
      `The signature does not verify with key ${portalKey.id}: what was signed has been altered, or the signature is not this key's. Do not rely on this archive.`,
    ]);
    const original = parseSignatureFile(signed)!;
    const borrowed = { statement: original.statement, signature: sign(null, statementBytes(original.statement), stranger.privateKey).toString('base64') };
    expect(check({ signature: JSON.stringify(borrowed) }).problems[0]!.en).toContain('does not verify with key');
  });

  it('fails a file that is not a signature statement: other fields, other type, malformed values', () => {
    const file = JSON.parse(signed) as { statement: Record<string, unknown>; signature: string };
    const variants = [
      'not json',
      JSON.stringify({ ...file, extra: 1 }),
      JSON.stringify({ ...file, statement: { ...file.statement, note: 'x' } }),
      JSON.stringify({ ...file, statement: { ...file.statement, type: 'something-else' } }),
      JSON.stringify({ ...file, statement: { ...file.statement, site: { files: -1, folders: 0, bytes: 0 } } }),
      JSON.stringify({ ...file, statement: { ...file.statement, deployed_at: '2026-11-20' } }),
      JSON.stringify({ ...file, signature: 'not base64!' }),
    ];
    for (const text of variants) {
      const { problems } = check({ signature: text });
      expect(problems.map((p) => p.kind), text).toEqual(['signature']);
      expect(problems[0]!.en).toContain('is not in the expected form');
    }
  });

  it('honours the key’s validity period: old archives keep verifying after a rotation, a retired key signs nothing new', () => {
    const retired = { ...portalKey, valid_until: '2026-11-20T08:00:00Z' };
    expect(keyValidAt(retired, '2026-11-20T07:59:59Z')).toBe(true);
    expect(keyValidAt(retired, '2026-11-20T08:00:00Z')).toBe(false);
    expect(keyValidAt(portalKey, '2025-12-31T16:59:59Z')).toBe(false);
    const { problems } = check({ keys: [retired] });
    expect(problems.map((p) => p.en)).toEqual([
      `Key ${portalKey.id} is valid from 2026-01-01T00:00:00+07:00 until 2026-11-20T08:00:00Z (per main:content/governance/archive-signing-keys.yml), but the signature gives the deploy time 2026-11-20T08:00:00Z: the archive was not signed while the key was in use.`,
    ]);
    const earlier = signArchive({ ...statement, deployed_at: '2026-06-01T00:00:00Z' }, portal.privateKey);
    expect(check({ keys: [retired], signature: earlier }).problems).toEqual([]);
  });

  it('binds the signed statement to the record’s commit and tag and to the tarball’s name', () => {
    const s = parseSignatureFile(signed)!.statement;
    const record = { commit: COMMIT, archive: { tag: statement.tag, files: [] } } as unknown as PublicationRecord;
    expect(checkStatementMatches(s, record, `${statement.tag}.tar.gz`)).toEqual([]);
    const other = { commit: 'f'.repeat(40), archive: { tag: 'site-20261121T080000Z-fffffff', files: [] } } as unknown as PublicationRecord;
    expect(checkStatementMatches(s, other, 'site-20261121T080000Z-fffffff.tar.gz').map((p) => p.en)).toEqual([
      `The publication record names commit ${'f'.repeat(40)}, archive site-20261121T080000Z-fffffff; the signature names commit ${COMMIT}, archive ${statement.tag}: they are not of the same publication.`,
      `The tarball is named site-20261121T080000Z-fffffff.tar.gz but the signature is for ${statement.tag}.tar.gz: this is not the signed archive's tarball.`,
    ]);
  });
});

describe('readPrivateKey', () => {
  it('reads an Ed25519 PKCS#8 PEM, and refuses anything else with a message saying what is expected', () => {
    const pem = String(portal.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const read = readPrivateKey(pem, 'ARCHIVE_SIGNING_KEY');
    expect('key' in read && keyIdOf(read.key)).toBe(portalKey.id);
    const notPem = readPrivateKey('hello', 'ARCHIVE_SIGNING_KEY');
    expect('problem' in notPem && notPem.problem.en).toBe(
      'ARCHIVE_SIGNING_KEY cannot be read as a private key. Expected an Ed25519 private key in PEM (PKCS#8, first line “-----BEGIN PRIVATE KEY-----”), as npm run archive -- keygen prints it.',
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    const wrong = readPrivateKey(String(rsa), 'ARCHIVE_SIGNING_KEY');
    expect('problem' in wrong && wrong.problem.vi).toContain('ARCHIVE_SIGNING_KEY là khoá rsa, không phải Ed25519.');
  });
});
