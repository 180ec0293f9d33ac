/**
 * `npm run archive -- verify <folder | site-….tar.gz> [--manifest file]`
 *
 * Checks an archive: extracts the tarball into a temporary folder (safely,
 * see extract.ts), hashes every file and compares with the manifest — no file
 * changed, missing or extra — and, when publication.json lies beside it,
 * checks the archive's own files against the hashes the record lists. A
 * folder holding one `site-….tar.gz` is an archive folder (a downloaded
 * Release); a folder without one is an extracted site, checked against
 * `--manifest`. Returns the exit code: 0 verified, 1 not, 2 wrong usage.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE, RECORD_FILE } from '../../../src/lib/archive/names.ts';
import { verifyArchive, type ArchiveContents, type ArchiveFile, type ArchiveVerdict } from '../../../src/lib/archive/verify.ts';
import type { PublicationRecord } from '../../../src/lib/history/revision.ts';
import { extractTarball } from './extract.ts';
import { hashTree, sha256File } from './site-files.ts';

export const VERIFY_USAGE = 'npm run archive -- verify <thư mục lưu trữ | site-….tar.gz | thư mục trang> [--manifest manifest-sha256.txt]\n  (folder of an archive | site tarball | extracted site folder)';

export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

interface Target {
  /** The site tarball, or undefined for an extracted site folder. */
  tarball?: string;
  siteDir?: string;
  manifest: string;
  /** Folder where the archive's files (and publication.json) are. */
  folder: string;
}

async function locate(target: string, manifest: string | undefined): Promise<Target> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new Error(`Không có ${target} / ${target} does not exist.`);
  if (info.isFile()) {
    if (!target.endsWith('.tar.gz')) throw new Error(`${target} không phải tệp .tar.gz / ${target} is not a .tar.gz file.`);
    const folder = path.dirname(target);
    return { tarball: target, manifest: manifest ?? path.join(folder, MANIFEST_FILE), folder };
  }
  const tarballs = (await readdir(target)).filter((n) => /^site-.*\.tar\.gz$/.test(n)).sort();
  if (tarballs.length > 1) {
    throw new Error(`${target} có nhiều tệp lưu trữ (${tarballs.join(', ')}); hãy chỉ rõ một tệp / ${target} holds several archives (${tarballs.join(', ')}); name one.`);
  }
  if (tarballs.length === 1) return { tarball: path.join(target, tarballs[0]!), manifest: manifest ?? path.join(target, MANIFEST_FILE), folder: target };
  if (!manifest) {
    throw new Error(
      `${target} không có tệp site-….tar.gz; để kiểm tra một thư mục trang đã giải nén, thêm --manifest <tệp> / ${target} holds no site-….tar.gz; to check an extracted site folder, add --manifest <file>.`,
    );
  }
  return { siteDir: target, manifest, folder: path.dirname(manifest) };
}

/** The archive files the publication record beside the manifest lists, with the hashes of those present. */
async function publishedFiles(folder: string): Promise<ArchiveContents['published']> {
  const file = path.join(folder, RECORD_FILE);
  if (!existsSync(file)) return undefined;
  let record: PublicationRecord;
  try {
    record = JSON.parse(await readFile(file, 'utf8')) as PublicationRecord;
  } catch (error) {
    throw new Error(`${file} không phải JSON hợp lệ / ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const listed: ArchiveFile[] = record.archive?.files ?? [];
  const found = new Map<string, string>();
  for (const f of listed) {
    const p = path.join(folder, path.basename(f.name));
    if (existsSync(p)) found.set(f.name, await sha256File(p));
  }
  return { listed, found };
}

function report(verdict: ArchiveVerdict, what: string, out: Output) {
  if (verdict.ok) {
    out.log(`kiểm tra / verify: ${what}: ${verdict.matched} tệp khớp bảng kê / ${verdict.matched} files match the manifest`);
    for (const name of verdict.unchecked) out.log(`  (không có ${name} bên cạnh để kiểm tra / ${name} is not beside it, not checked)`);
    out.log('ĐẠT / PASS');
    return;
  }
  out.error(`kiểm tra / verify: ${what}: KHÔNG ĐẠT / FAIL — ${verdict.problems.length} vấn đề / problem(s)`);
  for (const p of verdict.problems) out.error(`  ✗ ${p.path}\n    vi: ${p.vi}\n    en: ${p.en}`);
}

/** The verify command, for `npm run archive -- verify` and `npm run history -- verify`; returns the exit code. */
export async function verifyArchiveCommand(args: readonly string[], out: Output = { log: console.log, error: console.error }): Promise<number> {
  let target: string | undefined;
  let manifestOption: string | undefined;
  try {
    const parsed = parseArgs({ args: [...args], allowPositionals: true, options: { manifest: { type: 'string' } } });
    target = parsed.positionals[0];
    manifestOption = parsed.values.manifest;
    if (!target || parsed.positionals.length > 1) throw new Error('usage');
  } catch {
    out.error(`Dùng / Usage: ${VERIFY_USAGE}`);
    return 2;
  }
  let temp: string | undefined;
  try {
    const where = await locate(target, manifestOption);
    const manifest = await readFile(where.manifest, 'utf8').catch(() => {
      throw new Error(`Không đọc được bảng kê ${where.manifest} / Cannot read the manifest ${where.manifest}.`);
    });
    let siteDir = where.siteDir;
    let refused: ArchiveContents['refused'] = [];
    if (where.tarball) {
      temp = await mkdtemp(path.join(tmpdir(), 'portal-verify-'));
      siteDir = temp;
      refused = (await extractTarball(where.tarball, temp)).refused;
    }
    const files = await hashTree(siteDir!);
    const verdict = verifyArchive({ manifest, files, refused, published: where.tarball ? await publishedFiles(where.folder) : undefined });
    report(verdict, path.basename(where.tarball ?? where.siteDir!), out);
    return verdict.ok ? 0 : 1;
  } catch (error) {
    out.error(`kiểm tra / verify: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}
