import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyIdOf } from './signature.ts';
import { keyEntryYaml, SIGNING_KEYS_FILE, validateSigningKeysFile } from './signing-keys.ts';

const first = generateKeyPairSync('ed25519');
const second = generateKeyPairSync('ed25519');
const file = (...entries: string[]) => `keys:\n${entries.join('\n')}\n`;

describe('the archive signing keys file', () => {
  it('is in the repository, valid, and lists no key until the agency makes one', () => {
    const { keys, issues } = validateSigningKeysFile(readFileSync(SIGNING_KEYS_FILE, 'utf8'));
    expect(issues).toEqual([]);
    expect(keys).toEqual([]);
  });

  it('reads the entries keygen prints: a retired key and its successor', () => {
    const retired = keyEntryYaml(first.publicKey, '2026-01-01T00:00:00+07:00').replace('    public_key: |', '    valid_until: "2027-01-01T00:00:00+07:00"\n    public_key: |');
    const { keys, issues } = validateSigningKeysFile(file(retired, keyEntryYaml(second.privateKey, '2027-01-01T00:00:00+07:00')));
    expect(issues).toEqual([]);
    expect(keys!.map((k) => [k.id, k.valid_from, k.valid_until])).toEqual([
      [keyIdOf(first.publicKey), '2026-01-01T00:00:00+07:00', '2027-01-01T00:00:00+07:00'],
      [keyIdOf(second.publicKey), '2027-01-01T00:00:00+07:00', undefined],
    ]);
    expect(keys![1]!.public_key).toContain('-----BEGIN PUBLIC KEY-----');
  });

  it('names the line and field of each mistake, in both languages', () => {
    const entry = keyEntryYaml(first.publicKey, '2026-01-01T00:00:00+07:00');
    const wrongId = entry.replace(keyIdOf(first.publicKey), keyIdOf(second.publicKey));
    const { keys, issues } = validateSigningKeysFile(file(wrongId, entry, '  - id: nope\n    valid_from: 2026-01-01\n    public_key: hello\n    valid_until: "2025-01-01T00:00:00Z"'));
    expect(keys).toBeUndefined();
    const seen = issues.map((i) => `${i.line} ${i.field}: ${i.en}`);
    expect(seen).toEqual([
      `2 keys[0].id: “keys[0].id” (Key id): The key id does not match the public key (this key's id is ${keyIdOf(first.publicKey)}): copy the entry npm run archive -- keygen printed as it is.`,
      '14 keys[2].id: “keys[2].id” (Key id): Expected a key id of 16 hexadecimal digits (0–9, a–f), as npm run archive -- keygen prints it. (found: “nope”)',
      '16 keys[2].public_key: “keys[2].public_key” (Public key): Expected an Ed25519 public key in PEM (from “-----BEGIN PUBLIC KEY-----” to “-----END PUBLIC KEY-----”), as npm run archive -- keygen prints it. (found: “hello”)',
      '15 keys[2].valid_from: “keys[2].valid_from” (Valid from): Expected a date and time with its time zone, written YYYY-MM-DDTHH:MM:SS+07:00, for example 2026-12-01T08:00:00+07:00 (8 a.m. Vietnam time). (found: “2026-01-01”)',
      '17 keys[2].valid_until: “keys[2].valid_until” (Valid until): The end of validity must come after its start.',
    ]);
    expect(issues.every((i) => i.file === SIGNING_KEYS_FILE && i.vi.length > 0)).toBe(true);
  });

  it('refuses a key listed twice, an end before the start, and unknown fields', () => {
    const entry = keyEntryYaml(first.publicKey, '2026-01-01T00:00:00+07:00');
    expect(validateSigningKeysFile(file(entry, entry)).issues.map((i) => i.en)).toEqual([`“keys[1].id” (Key id): Key ${keyIdOf(first.publicKey)} is listed twice.`]);
    const backwards = entry.replace('    public_key: |', '    valid_until: "2025-01-01T00:00:00+07:00"\n    public_key: |');
    expect(validateSigningKeysFile(file(backwards)).issues.map((i) => i.en)).toEqual([expect.stringContaining('The end of validity must come after its start.')]);
    expect(validateSigningKeysFile(file(`${entry}\n    private_key: secret`)).issues.map((i) => i.field)).toEqual(['keys[0].private_key']);
  });
});
