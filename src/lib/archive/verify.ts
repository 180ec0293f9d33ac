/**
 * Verifying an archive as plain data: the files found in the extracted site
 * (path → SHA-256) against the manifest, and the archive's own files against
 * the hashes the publication record lists. Every problem names the file, in
 * Vietnamese and English. The I/O (extracting, hashing) is in
 * scripts/lib/archive/verify-command.ts.
 */
import type { Reason } from '../approval/input.ts';
import { printable } from '../printable.ts';
import { byPathBytes, parseManifest, type ManifestEntry } from './manifest.ts';
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
  /** Why extraction stopped before the end (a limit): `files` is then incomplete and is not compared. */
  stopped?: RefusedEntry;
  /** The archive's files the publication record lists, and the SHA-256 of those found beside it. */
  published?: { listed: readonly ArchiveFile[]; found: ReadonlyMap<string, string> };
}

export type ProblemKind = 'changed' | 'missing' | 'extra' | 'refused' | 'limit' | 'manifest' | 'archive-changed' | 'signature' | 'record';

export interface ArchiveProblem extends Reason {
  kind: ProblemKind;
  /** The file concerned (a site path, or an archive file's name), as found: print it with printable(). */
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

/** The files found against the manifest's lines: each changed, missing or extra file is a problem; returns how many matched. */
function compareWithManifest(entries: readonly ManifestEntry[], files: ReadonlyMap<string, string>, problems: ArchiveProblem[]): number {
  let matched = 0;
  const listed = new Set<string>();
  for (const { path, sha256 } of entries) {
    listed.add(path);
    const shown = printable(path);
    const actual = files.get(path);
    if (actual === undefined) {
      problems.push({
        kind: 'missing',
        path,
        vi: `Thiếu tệp ${shown}: bảng kê có tệp này nhưng bản lưu trữ không có.`,
        en: `Missing file ${shown}: the manifest lists it but the archive does not hold it.`,
      });
    } else if (actual !== sha256) {
      problems.push({
        kind: 'changed',
        path,
        vi: `Tệp ${shown} đã bị thay đổi: mã SHA-256 là ${actual}, bảng kê ghi ${sha256}.`,
        en: `File ${shown} has been altered: its SHA-256 is ${actual}, the manifest says ${sha256}.`,
      });
    } else {
      matched++;
    }
  }
  for (const path of [...files.keys()].filter((p) => !listed.has(p)).sort(byPathBytes)) {
    const shown = printable(path);
    problems.push({
      kind: 'extra',
      path,
      vi: `Tệp thừa ${shown}: bản lưu trữ có tệp này nhưng bảng kê không liệt kê.`,
      en: `Extra file ${shown}: the archive holds it but the manifest does not list it.`,
    });
  }
  return matched;
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
  if (contents.stopped) {
    // The site was not extracted in full: comparing the part written would only list every file after the stop.
    problems.push({ kind: 'limit', path: contents.stopped.path, ...contents.stopped.reason });
  } else {
    matched = compareWithManifest(entries, contents.files, problems);
  }

  const unchecked: string[] = [];
  for (const file of contents.published?.listed ?? []) {
    const actual = contents.published!.found.get(file.name);
    if (actual === undefined) unchecked.push(file.name);
    else if (actual !== file.sha256) {
      problems.push({
        kind: 'archive-changed',
        path: file.name,
        vi: `Tệp ${printable(file.name)} khác với bản đã công bố: mã SHA-256 là ${actual}, hồ sơ xuất bản ghi ${file.sha256}.`,
        en: `File ${printable(file.name)} differs from the one published: its SHA-256 is ${actual}, the publication record says ${file.sha256}.`,
      });
    }
  }
  return { ok: problems.length === 0, matched, problems, unchecked };
}
