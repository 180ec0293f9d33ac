/**
 * The public keys that sign archives, `content/governance/archive-signing-keys.yml`
 * on the protected default branch: a list, so keys can be rotated and old
 * archives keep verifying. Each key has an id (derived from the key, see
 * keyIdOf), its public key in PEM, and a validity period; a signature counts
 * only when the deploy time it names lies in the period of its key. The file
 * is a settings file of content/ (checked by `npm run check:content`, changed
 * through a pull request like the roles file: a technical change).
 */
import { z } from 'zod';
import type { ContentIssue } from '../content/issues.ts';
import { validateYamlFile } from '../content/yaml-file.ts';
import { bilingualIssue, customIssue, isoDateTime, text } from '../schema/fields.ts';
import { keyIdOf, publicKeyPem, readPublicKey, type PublicSigningKey } from './signature.ts';
import type { KeyObject } from 'node:crypto';

export const SIGNING_KEYS_FILE = 'content/governance/archive-signing-keys.yml';

const KEY_ID = /^[0-9a-f]{16}$/;

const keySchema = z
  .strictObject({
    id: z
      .string()
      .refine(
        (s) => KEY_ID.test(s),
        bilingualIssue(
          'Cần mã khoá gồm 16 chữ số thập lục phân (0–9, a–f), như lệnh npm run archive -- keygen in ra.',
          'Expected a key id of 16 hexadecimal digits (0–9, a–f), as npm run archive -- keygen prints it.',
        ),
      )
      .meta({ label: { vi: 'Mã khoá', en: 'Key id' }, translate: false }),
    public_key: z
      .string()
      .refine(
        (s) => readPublicKey(s) !== undefined,
        bilingualIssue(
          'Cần khoá công khai Ed25519 dạng PEM (từ “-----BEGIN PUBLIC KEY-----” đến “-----END PUBLIC KEY-----”), như lệnh npm run archive -- keygen in ra.',
          'Expected an Ed25519 public key in PEM (from “-----BEGIN PUBLIC KEY-----” to “-----END PUBLIC KEY-----”), as npm run archive -- keygen prints it.',
        ),
      )
      .meta({ label: { vi: 'Khoá công khai', en: 'Public key' }, translate: false, multiline: true }),
    valid_from: isoDateTime({ vi: 'Hiệu lực từ', en: 'Valid from' }),
    valid_until: isoDateTime(
      { vi: 'Hiệu lực đến', en: 'Valid until' },
      {
        vi: 'Để trống khi khoá đang dùng. Khi thay khoá, ghi thời điểm thôi dùng: các bản lưu trữ ký trước đó vẫn được xác nhận.',
        en: 'Leave empty while the key is in use. When rotating, set when it stopped being used: archives signed before then keep verifying.',
      },
    ).optional(),
    note: text({ vi: 'Ghi chú', en: 'Note' }, { max: 300, translate: false }).optional(),
  })
  .superRefine((k, ctx) => {
    const key = readPublicKey(k.public_key);
    if (key && KEY_ID.test(k.id) && keyIdOf(key) !== k.id) {
      ctx.addIssue(
        customIssue(
          ['id'],
          `Mã khoá không khớp với khoá công khai (khoá này có mã ${keyIdOf(key)}): chép lại đúng mục lệnh npm run archive -- keygen in ra.`,
          `The key id does not match the public key (this key's id is ${keyIdOf(key)}): copy the entry npm run archive -- keygen printed as it is.`,
        ),
      );
    }
    if (k.valid_until !== undefined && Date.parse(k.valid_until) <= Date.parse(k.valid_from)) {
      ctx.addIssue(customIssue(['valid_until'], 'Thời điểm hết hiệu lực phải sau thời điểm bắt đầu.', 'The end of validity must come after its start.'));
    }
  })
  .meta({ label: { vi: 'Khoá', en: 'Key' } });

export const signingKeysSchema = z
  .strictObject({
    keys: z.array(keySchema).meta({ label: { vi: 'Các khoá', en: 'Keys' } }),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.keys.forEach((k, i) => {
      if (seen.has(k.id)) ctx.addIssue(customIssue(['keys', i, 'id'], `Khoá ${k.id} được ghi hai lần.`, `Key ${k.id} is listed twice.`));
      seen.add(k.id);
    });
  });

export type SigningKeys = z.infer<typeof signingKeysSchema>;

/** The keys, when the file is valid, and every problem found in it (file, line, field; both languages). */
export function validateSigningKeysFile(source: string, file: string = SIGNING_KEYS_FILE): { keys?: PublicSigningKey[]; issues: ContentIssue[] } {
  const { value, issues } = validateYamlFile(file, source, signingKeysSchema);
  return { keys: issues.length === 0 && value ? value.keys : undefined, issues };
}

/** The entry of a new key for the keys file, valid from `validFrom`: what `npm run archive -- keygen` prints. */
export function keyEntryYaml(key: KeyObject, validFrom: string): string {
  const pem = publicKeyPem(key).trim().split('\n');
  return [`  - id: ${keyIdOf(key)}`, `    valid_from: ${JSON.stringify(validFrom)}`, '    public_key: |', ...pem.map((line) => `      ${line}`)].join('\n');
}
