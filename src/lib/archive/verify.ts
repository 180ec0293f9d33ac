/**
 * Verifying an archive as plain data: the files found in the extracted site
 * (path → SHA-256) against the manifest, and the archive's own files against
 * the hashes the publication record lists. Every problem names the file, in
 * Vietnamese and English. The I/O (extracting, hashing) is in
 * scripts/lib/archive/verify-command.ts.
 */
import type { Reason } from '../approval/input.ts';
import { byPathBytes, parseManifest } from './manifest.ts';
import { MANIFEST_FILE } from './names.ts';

export interface ArchiveFile {
  name: string;
  size: number;
  sha256: string;
}

export interface RefusedEntry {
  path: string;
  reason: Reason;
}

export interface ArchiveContents {
  /** The text of the manifest. */
  manifest: string;
  /** SHA-256 of every file found in the site (the extracted tarball, or a folder), by path. */
  files: ReadonlyMap<string, string>;
  /** Tarball entries refused while extracting. */
  refused?: readonly RefusedEntry[];
  /** The archive's files the publication record lists, and the SHA-256 of those found beside it. */
  published?: { listed: readonly ArchiveFile[]; found: ReadonlyMap<string, string> };
}

export type ProblemKind = 'changed' | 'missing' | 'extra' | 'refused' | 'manifest' | 'archive-changed';

export interface ArchiveProblem extends Reason {
  kind: ProblemKind;
  /** The file concerned (a site path, or an archive file's name). */
  path: string;
}

export interface ArchiveVerdict {
  ok: boolean;
  /** Site files whose hash matched the manifest. */
  matched: number;
  problems: ArchiveProblem[];
  /** Archive files the record lists that were not there to check (not a failure). */
  unchecked: string[];
}

export function verifyArchive(contents: ArchiveContents): ArchiveVerdict {
  const problems: ArchiveProblem[] = [];
  for (const r of contents.refused ?? []) problems.push({ kind: 'refused', path: r.path, ...r.reason });

  const { entries, problems: malformed } = parseManifest(contents.manifest);
  for (const m of malformed) problems.push({ kind: 'manifest', path: `${MANIFEST_FILE}:${m.line}`, vi: m.vi, en: m.en });
  if (entries.length === 0 && malformed.length === 0) {
    problems.push({ kind: 'manifest', path: MANIFEST_FILE, vi: 'Bảng kê không liệt kê tệp nào.', en: 'The manifest lists no files.' });
  }

  let matched = 0;
  const listed = new Set<string>();
  for (const { path, sha256 } of entries) {
    listed.add(path);
    const actual = contents.files.get(path);
    if (actual === undefined) {
      problems.push({
        kind: 'missing',
        path,
        vi: `Thiếu tệp ${path}: bảng kê có tệp này nhưng bản lưu trữ không có.`,
        en: `Missing file ${path}: the manifest lists it but the archive does not hold it.`,
      });
    } else if (actual !== sha256) {
      problems.push({
        kind: 'changed',
        path,
        vi: `Tệp ${path} đã bị thay đổi: mã SHA-256 là ${actual}, bảng kê ghi ${sha256}.`,
        en: `File ${path} has been altered: its SHA-256 is ${actual}, the manifest says ${sha256}.`,
      });
    } else {
      matched++;
    }
  }
  for (const path of [...contents.files.keys()].filter((p) => !listed.has(p)).sort(byPathBytes)) {
    problems.push({
      kind: 'extra',
      path,
      vi: `Tệp thừa ${path}: bản lưu trữ có tệp này nhưng bảng kê không liệt kê.`,
      en: `Extra file ${path}: the archive holds it but the manifest does not list it.`,
    });
  }

  const unchecked: string[] = [];
  for (const file of contents.published?.listed ?? []) {
    const actual = contents.published!.found.get(file.name);
    if (actual === undefined) unchecked.push(file.name);
    else if (actual !== file.sha256) {
      problems.push({
        kind: 'archive-changed',
        path: file.name,
        vi: `Tệp ${file.name} khác với bản đã công bố: mã SHA-256 là ${actual}, hồ sơ xuất bản ghi ${file.sha256}.`,
        en: `File ${file.name} differs from the one published: its SHA-256 is ${actual}, the publication record says ${file.sha256}.`,
      });
    }
  }
  return { ok: problems.length === 0, matched, problems, unchecked };
}
