/**
 * `npm run archive -- verify <folder | site-….tar.gz> [--manifest file] [--keys file] [--repo dir] [--ref branch]`
 *
 * Checks an archive. First its signature (archive-signature.json) against the
 * public keys of the protected default branch and the digests of the manifest
 * and the publication record beside it — a missing signature or record, an
 * unknown key, a bad signature, a manifest or record that is not the signed
 * one all fail, and then nothing is extracted. With a valid signature, the
 * tarball is extracted into a temporary folder (safely, within the signed size,
 * see extract.ts), every file is hashed and compared with the manifest — no
 * file changed, missing or extra — and the archive's own files are checked
 * against the hashes the record lists. A folder holding one `site-….tar.gz`
 * is an archive folder (a downloaded Release); a folder without one is an
 * extracted site, checked against `--manifest`. Returns the exit code: 0
 * verified, 1 not, 2 wrong usage. Every name printed goes through printable().
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractionLimits } from '../../../src/lib/archive/entry-safety.ts';
import { MANIFEST_FILE, RECORD_FILE, SIGNATURE_FILE } from '../../../src/lib/archive/names.ts';
import { checkSignature, checkStatementMatches, MAX_SIGNATURE_FILE_BYTES, type ArchiveStatement } from '../../../src/lib/archive/signature.ts';
import { verifyArchive, type ArchiveContents, type ArchiveFile, type ArchiveProblem } from '../../../src/lib/archive/verify.ts';
import type { PublicationRecord } from '../../../src/lib/history/revision.ts';
import { printable, printableLines } from '../../../src/lib/printable.ts';
import { extractTarball } from './extract.ts';
import { readProtectedKeys } from './protected-keys.ts';
import { hashTree, sha256File } from './site-files.ts';

export const VERIFY_USAGE = [
  'npm run archive -- verify <thư mục lưu trữ | site-….tar.gz | thư mục trang> [--manifest manifest-sha256.txt] [--keys <tệp khoá>] [--repo <kho>] [--ref <nhánh>]',
  '  (folder of an archive | site tarball | extracted site folder; public keys: the default branch of the repository here, or --keys <file>)',
].join('\n');

export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

interface Target {
  /** The site tarball, or undefined for an extracted site folder. */
  tarball?: string;
  siteDir?: string;
  manifest: string;
  /** Folder where the archive's files (publication.json, the signature) are. */
  folder: string;
}

async function locate(target: string, manifest: string | undefined): Promise<Target> {
  const shown = target;
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new Error(`Không có ${shown} / ${shown} does not exist.`);
  if (info.isFile()) {
    if (!target.endsWith('.tar.gz')) throw new Error(`${shown} không phải tệp .tar.gz / ${shown} is not a .tar.gz file.`);
    const folder = path.dirname(target);
    return { tarball: target, manifest: manifest ?? path.join(folder, MANIFEST_FILE), folder };
  }
  const tarballs = (await readdir(target)).filter((n) => /^site-.*\.tar\.gz$/.test(n)).sort();
  if (tarballs.length > 1) {
    const names = tarballs.join(', ');
    throw new Error(`${shown} có nhiều tệp lưu trữ (${names}); hãy chỉ rõ một tệp / ${shown} holds several archives (${names}); name one.`);
  }
  if (tarballs.length === 1) return { tarball: path.join(target, tarballs[0]!), manifest: manifest ?? path.join(target, MANIFEST_FILE), folder: target };
  if (!manifest) {
    throw new Error(
      `${shown} không có tệp site-….tar.gz; để kiểm tra một thư mục trang đã giải nén, thêm --manifest <tệp> / ${shown} holds no site-….tar.gz; to check an extracted site folder, add --manifest <file>.`,
    );
  }
  return { siteDir: target, manifest, folder: path.dirname(manifest) };
}

/** The signature file's text, or undefined when there is none; a file too large to be one is refused unread. */
async function readSignature(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile() || info.size > MAX_SIGNATURE_FILE_BYTES) {
    throw new Error(
      `${SIGNATURE_FILE} lớn hơn ${MAX_SIGNATURE_FILE_BYTES} byte hoặc không phải tệp: không phải chữ ký của cổng / ${SIGNATURE_FILE} is larger than ${MAX_SIGNATURE_FILE_BYTES} bytes or not a file: not a signature of the portal.`,
    );
  }
  return readFile(file, 'utf8');
}

/** The archive files the (signed) record lists, with the hashes of those present beside it. */
async function publishedFiles(folder: string, record: PublicationRecord): Promise<ArchiveContents['published']> {
  const listed: ArchiveFile[] = Array.isArray(record.archive?.files) ? record.archive.files : [];
  const found = new Map<string, string>();
  for (const f of listed) {
    const p = path.join(folder, path.basename(f.name));
    if (existsSync(p)) found.set(f.name, await sha256File(p));
  }
  return { listed, found };
}

function printProblems(problems: readonly ArchiveProblem[], what: string, out: Output) {
  out.error(`kiểm tra / verify: ${what}: KHÔNG ĐẠT / FAIL — ${problems.length} vấn đề / problem(s)`);
  for (const p of problems) out.error(`  ✗ ${printable(p.path)}\n    vi: ${p.vi}\n    en: ${p.en}`);
}

/** The verify command, for `npm run archive -- verify` and `npm run history -- verify`; returns the exit code. */
export async function verifyArchiveCommand(args: readonly string[], out: Output = { log: console.log, error: console.error }, cwd = process.cwd()): Promise<number> {
  let target: string | undefined;
  let options: { manifest?: string | undefined; keys?: string | undefined; repo?: string | undefined; ref?: string | undefined };
  try {
    const parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { manifest: { type: 'string' }, keys: { type: 'string' }, repo: { type: 'string' }, ref: { type: 'string' } },
    });
    target = parsed.positionals[0];
    options = parsed.values;
    if (!target || parsed.positionals.length > 1) throw new Error('usage');
  } catch {
    out.error(`Dùng / Usage: ${VERIFY_USAGE}`);
    return 2;
  }
  const resolve = (p: string) => path.resolve(cwd, p);
  let temp: string | undefined;
  try {
    const where = await locate(resolve(target), options.manifest === undefined ? undefined : resolve(options.manifest));
    const what = printable(path.basename(where.tarball ?? where.siteDir!));
    const keys = await readProtectedKeys({ keysFile: options.keys === undefined ? undefined : resolve(options.keys), repo: resolve(options.repo ?? '.'), ref: options.ref });

    // 1. The signature, before anything else is read or opened.
    if (!existsSync(where.manifest)) throw new Error(`Không có bảng kê ${where.manifest} / There is no manifest ${where.manifest}.`);
    const recordFile = path.join(where.folder, RECORD_FILE);
    const recordPresent = existsSync(recordFile);
    const signature = checkSignature({
      signature: await readSignature(path.join(where.folder, SIGNATURE_FILE)),
      manifestSha256: await sha256File(where.manifest),
      recordSha256: recordPresent ? await sha256File(recordFile) : undefined,
      keys: keys.keys,
      keysSource: keys.source,
    });
    const problems: ArchiveProblem[] = [...signature.problems];
    let record: PublicationRecord | undefined;
    if (signature.statement && problems.length === 0) {
      record = JSON.parse(await readFile(recordFile, 'utf8')) as PublicationRecord;
      problems.push(...checkStatementMatches(signature.statement, record, where.tarball ? path.basename(where.tarball) : undefined));
    }
    if (problems.length > 0 || !signature.statement || !record) {
      printProblems(problems, what, out);
      out.error(
        '  Nội dung chưa được kiểm tra: khi chữ ký không hợp lệ, bảng kê và kích thước trang không đáng tin, nên tệp nén không được mở.\n' +
          '  The contents were not checked: without a valid signature the manifest and the size of the site cannot be trusted, so the tarball was not opened.',
      );
      return 1;
    }
    const statement: ArchiveStatement = signature.statement;
    out.log(
      `kiểm tra / verify: ${what}: chữ ký hợp lệ / signature valid — khoá / key ${statement.key_id} (${printable(keys.source)}), commit ${statement.commit.slice(0, 7)}, triển khai / deployed ${statement.deployed_at}`,
    );

    // 2. The contents, within the signed size.
    const manifest = await readFile(where.manifest, 'utf8');
    let siteDir = where.siteDir;
    let refused: ArchiveContents['refused'] = [];
    let stopped: ArchiveContents['stopped'];
    if (where.tarball) {
      temp = await mkdtemp(path.join(tmpdir(), 'portal-verify-'));
      siteDir = temp;
      const extraction = await extractTarball(where.tarball, temp, extractionLimits(statement.site));
      refused = extraction.refused;
      stopped = extraction.stopped;
    }
    const files = stopped ? new Map<string, string>() : await hashTree(siteDir!);
    const verdict = verifyArchive({ manifest, files, refused, stopped, published: where.tarball ? await publishedFiles(where.folder, record) : undefined });
    if (!verdict.ok) {
      printProblems(verdict.problems, what, out);
      return 1;
    }
    out.log(`kiểm tra / verify: ${what}: ${verdict.matched} tệp khớp bảng kê / ${verdict.matched} files match the manifest`);
    for (const name of verdict.unchecked.map(printable)) out.log(`  (không có ${name} bên cạnh để kiểm tra / ${name} is not beside it, not checked)`);
    out.log('ĐẠT / PASS');
    return 0;
  } catch (error) {
    // Errors hold names as found (a path, a Git message): escaped here, where they are printed.
    out.error(`kiểm tra / verify: ${printableLines(error instanceof Error ? error.message : String(error))}`);
    return 1;
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}
