/**
 * The names of one published revision's archive: its files and the GitHub
 * Release that holds them, all from the commit and the commit's time, so that
 * archiving the same commit again gives the same names (docs/archive.md).
 */
import { shortSha } from '../approval/time.ts';

export const MANIFEST_FILE = 'manifest-sha256.txt';
export const RECORD_FILE = 'publication.json';
export const SIGNATURE_FILE = 'archive-signature.json';

/** `site-20261120T023000Z-1a2b3c4`: a tag name, also the stem of the archive's file names. */
export const TAG_PATTERN = /^site-(\d{8}T\d{6}Z)-([0-9a-f]{7})$/;

/** An instant as a compact UTC stamp: `2026-11-20T09:30:00+07:00` → `20261120T023000Z`. */
export function utcStamp(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not an ISO 8601 time: ${iso}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export interface ArchiveNames {
  /** The Release tag and the stem of the archive files. */
  tag: string;
  tarball: string;
  warc: string;
  manifest: string;
  record: string;
  signature: string;
}

/** The names for the archive of `commit`, published at `commitTime` (the commit's committer time). */
export function archiveNames(commit: string, commitTime: string): ArchiveNames {
  const tag = `site-${utcStamp(commitTime)}-${shortSha(commit)}`;
  return { tag, tarball: `${tag}.tar.gz`, warc: `${tag}.warc.gz`, manifest: MANIFEST_FILE, record: RECORD_FILE, signature: SIGNATURE_FILE };
}

/** `3.1 MB`: a size as people read it (decimal units). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
