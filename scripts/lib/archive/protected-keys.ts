/**
 * The public signing keys a verification trusts: the keys file as the
 * protected default branch holds it (read from Git, never from the working
 * tree, so a branch that adds its own key is not believed), or a keys file the
 * archivist names with --keys. At deploy, the signer checks its key against the
 * keys file of its checkout of the default branch. Errors hold names as
 * found; the command prints them through printableLines().
 */
import { readFile } from 'node:fs/promises';
import { formatIssue } from '../../../src/lib/content/issues.ts';
import { SIGNING_KEYS_FILE, validateSigningKeysFile } from '../../../src/lib/archive/signing-keys.ts';
import type { PublicSigningKey } from '../../../src/lib/archive/signature.ts';
import { defaultBranch, fileAtRef } from './git.ts';

export interface ProtectedKeys {
  keys: PublicSigningKey[];
  /** Where they were read: `origin/main:content/governance/archive-signing-keys.yml`, or the file named. */
  source: string;
}

function checked(source: string, text: string, file: string): ProtectedKeys {
  const { keys, issues } = validateSigningKeysFile(text, file);
  if (!keys) {
    throw new Error(
      `Danh sách khoá công khai ${source} không hợp lệ / The list of public keys ${source} is not valid:\n${issues.map(formatIssue).join('\n')}`,
    );
  }
  return { keys, source };
}

/** The keys of `--keys <file>`, or else of the default branch (or `ref`) of the repository at `repo`. */
export async function readProtectedKeys(o: { keysFile?: string | undefined; repo: string; ref?: string | undefined }): Promise<ProtectedKeys> {
  if (o.keysFile !== undefined) {
    const text = await readFile(o.keysFile, 'utf8').catch(() => {
      throw new Error(`Không đọc được tệp khoá ${o.keysFile!} / Cannot read the keys file ${o.keysFile!}.`);
    });
    return checked(o.keysFile, text, o.keysFile);
  }
  const ref = o.ref ?? (await defaultBranch(o.repo));
  const fix = {
    vi: 'Chạy lệnh trong bản sao (clone) kho của cổng (hoặc chỉ kho bằng --repo <thư mục>), hoặc chỉ rõ tệp khoá bằng --keys <tệp>.',
    en: 'Run it in a clone of the portal’s repository (or name one with --repo <dir>), or name a keys file with --keys <file>.',
  };
  if (!ref) {
    throw new Error(
      `Không tìm thấy nhánh mặc định (origin/HEAD hay main) trong ${o.repo} để đọc khoá công khai ${SIGNING_KEYS_FILE}. ${fix.vi} / ` +
        `No default branch (origin/HEAD or main) in ${o.repo} to read the public keys ${SIGNING_KEYS_FILE} from. ${fix.en}`,
    );
  }
  const source = `${ref}:${SIGNING_KEYS_FILE}`;
  let text: string;
  try {
    text = await fileAtRef(ref, SIGNING_KEYS_FILE, o.repo);
  } catch {
    throw new Error(
      `Không đọc được khoá công khai ${source} trong ${o.repo}. ${fix.vi} / Cannot read the public keys ${source} in ${o.repo}. ${fix.en}`,
    );
  }
  return checked(source, text, SIGNING_KEYS_FILE);
}
