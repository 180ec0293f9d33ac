/**
 * `npm run archive -- keygen [--valid-from <ISO time>] [--private-key <file>]`
 *
 * Makes an Ed25519 key pair for signing archives. Prints the entry of the
 * public key to add to content/governance/archive-signing-keys.yml (through a
 * pull request), and the private key to store as the secret
 * ARCHIVE_SIGNING_KEY of the `archive-signing` environment — on the screen, or
 * into a new file (mode 0600) outside any Git working tree with
 * --private-key. The private key is never written into a repository.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { keyIdOf } from '../../../src/lib/archive/signature.ts';
import { keyEntryYaml, SIGNING_KEYS_FILE } from '../../../src/lib/archive/signing-keys.ts';
import { isIsoDateTime } from '../../../src/lib/schema/fields.ts';
import { printableLines } from '../../../src/lib/printable.ts';
import type { Output } from './verify-command.ts';

export const KEYGEN_USAGE = 'npm run archive -- keygen [--valid-from <thời điểm ISO / ISO time>] [--private-key <tệp ngoài kho / file outside any repository>]';

export const SIGNING_ENVIRONMENT = 'archive-signing';
export const SIGNING_KEY_VARIABLE = 'ARCHIVE_SIGNING_KEY';

/** Whether `dir` lies inside a Git working tree (this repository or any other). */
async function insideWorkTree(dir: string): Promise<boolean> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, encoding: 'utf8' });
    return stdout.trim() === 'true';
  } catch {
    return false;
  }
}

export async function keygenCommand(args: readonly string[], out: Output, now: () => Date = () => new Date()): Promise<number> {
  let values: { 'valid-from'?: string | undefined; 'private-key'?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...args], options: { 'valid-from': { type: 'string' }, 'private-key': { type: 'string' } } }));
  } catch {
    out.error(`Dùng / Usage: ${KEYGEN_USAGE}`);
    return 2;
  }
  const validFrom = values['valid-from'] ?? now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (!isIsoDateTime(validFrom)) {
    out.error(
      `lưu trữ / archive: --valid-from cần ngày giờ có múi giờ, ví dụ 2027-01-01T00:00:00+07:00; nhận được “${printableLines(validFrom)}” / --valid-from needs a date and time with its zone, e.g. 2027-01-01T00:00:00+07:00; got “${printableLines(validFrom)}”.`,
    );
    return 1;
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const id = keyIdOf(publicKey);

  let secretStep: string[];
  const file = values['private-key'];
  if (file !== undefined) {
    const target = path.resolve(file);
    if (await insideWorkTree(path.dirname(target))) {
      out.error(
        `lưu trữ / archive: ${printableLines(target)} nằm trong một kho Git: khoá bí mật không bao giờ được ghi vào kho. Chọn một thư mục ngoài kho (ví dụ thư mục tạm), hoặc bỏ --private-key để in khoá ra màn hình. / ` +
          `${printableLines(target)} is inside a Git working tree: the private key is never written into a repository. Choose a folder outside any repository (a temporary one), or leave out --private-key to print the key.`,
      );
      return 1;
    }
    try {
      await writeFile(target, pem, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      const why = (error as Error).message;
      out.error(`lưu trữ / archive: không ghi được ${printableLines(target)} (tệp đã có?) / cannot write ${printableLines(target)} (does it exist already?): ${printableLines(why)}`);
      return 1;
    }
    secretStep = [
      `2. Lưu khoá bí mật (đã ghi vào ${target}, chỉ bạn đọc được) thành secret ${SIGNING_KEY_VARIABLE} của môi trường ${SIGNING_ENVIRONMENT}, rồi xoá tệp:`,
      `   Store the private key (written to ${target}, readable by you only) as the secret ${SIGNING_KEY_VARIABLE} of the ${SIGNING_ENVIRONMENT} environment, then delete the file:`,
      '',
      `  gh secret set ${SIGNING_KEY_VARIABLE} --env ${SIGNING_ENVIRONMENT} < ${target} && rm ${target}`,
    ];
  } else {
    secretStep = [
      `2. Lưu khoá bí mật dưới đây thành secret ${SIGNING_KEY_VARIABLE} của môi trường ${SIGNING_ENVIRONMENT} (Settings → Environments → ${SIGNING_ENVIRONMENT} → Environment secrets), rồi xoá nó khỏi màn hình. Không bao giờ đưa vào kho.`,
      `   Store the private key below as the secret ${SIGNING_KEY_VARIABLE} of the ${SIGNING_ENVIRONMENT} environment (Settings → Environments → ${SIGNING_ENVIRONMENT} → Environment secrets), then clear it from the screen. Never put it in the repository.`,
      '',
      pem.trimEnd(),
    ];
  }
  out.log(
    printableLines(
      [
        `lưu trữ / archive: khoá ký mới / new signing key ${id}`,
        '',
        `1. Thêm mục này vào ${SIGNING_KEYS_FILE}, dưới “keys:” (danh sách đang trống “keys: []” thì viết “keys:”), qua một pull request (thay đổi kỹ thuật); khi thay khoá, ghi valid_until cho khoá cũ:`,
        `   Add this entry to ${SIGNING_KEYS_FILE}, under “keys:” (an empty “keys: []” becomes “keys:”), through a pull request (a technical change); when rotating, give the old key a valid_until:`,
        '',
        keyEntryYaml(publicKey, validFrom),
        '',
        ...secretStep,
      ].join('\n'),
    ),
  );
  return 0;
}
