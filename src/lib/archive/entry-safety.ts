/**
 * Which entries of a tarball may be extracted. An archive of the site holds
 * only regular files and folders under relative paths; anything else (an
 * absolute path, a `..` step, a link, a device, a path given twice) could write
 * outside the extraction folder or hide one file behind another, and is refused.
 */
import type { Reason } from '../approval/input.ts';
import { printable } from '../printable.ts';
import type { SiteSize } from './signature.ts';

/** Entry types as node-tar names them. */
const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/** The path an entry would be written at, without a trailing `/` (folders) or leading `./`. */
export function entryPath(raw: string): string {
  return raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/** Why the entry `raw` of type `type` must not be extracted, or undefined when it may be. */
export function refusedEntry(raw: string, type: string): Reason | undefined {
  const shown = `"${printable(raw)}"`;
  if (!ALLOWED_TYPES.has(type)) {
    return {
      vi: `Mục ${shown} trong tệp nén là loại “${type}”, không phải tệp hay thư mục thường (liên kết hoặc thiết bị có thể trỏ ra ngoài thư mục giải nén): bị từ chối.`,
      en: `Entry ${shown} in the tarball is a “${type}”, not a regular file or folder (a link or device could point outside the extraction folder): refused.`,
    };
  }
  if (raw.includes('\0') || raw.includes('\\')) {
    return {
      vi: `Mục ${shown} trong tệp nén có ký tự NUL hoặc dấu gạch chéo ngược trong đường dẫn: bị từ chối.`,
      en: `Entry ${shown} in the tarball has a NUL character or a backslash in its path: refused.`,
    };
  }
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) {
    return {
      vi: `Mục ${shown} trong tệp nén có đường dẫn tuyệt đối (sẽ ghi ra ngoài thư mục giải nén): bị từ chối.`,
      en: `Entry ${shown} in the tarball has an absolute path (it would be written outside the extraction folder): refused.`,
    };
  }
  const path = entryPath(raw);
  if (path.split('/').some((step) => step === '..')) {
    return {
      vi: `Mục ${shown} trong tệp nén có bước “..” trong đường dẫn (sẽ ghi ra ngoài thư mục giải nén): bị từ chối.`,
      en: `Entry ${shown} in the tarball has a “..” step in its path (it would be written outside the extraction folder): refused.`,
    };
  }
  if (path === '' || path === '.') {
    return type === 'Directory'
      ? undefined
      : { vi: `Mục ${shown} trong tệp nén không có tên tệp: bị từ chối.`, en: `Entry ${shown} in the tarball has no file name: refused.` };
  }
  return undefined;
}

/** Why a second entry for `path` is refused: the later one would silently replace the earlier. */
export function repeatedEntry(path: string): Reason {
  return {
    vi: `Tệp nén chứa "${printable(path)}" hai lần (bản sau sẽ đè bản trước): bị từ chối.`,
    en: `The tarball holds "${printable(path)}" twice (the later copy would replace the earlier): refused.`,
  };
}

/**
 * How much extracting a site tarball may read. The signature gives the site's
 * files, folders and bytes; an intact tarball holds exactly that. An altered
 * one may hold a little more — room is left (twice the site, plus 1,000
 * entries and 1 MiB) so verify can still name each altered, missing or extra
 * file — but never enough to fill a disk.
 */
export interface ExtractionLimits {
  /** The signed site. */
  files: number;
  folders: number;
  bytes: number;
  /** Entries of any kind that may be read. */
  maxEntries: number;
  /** Bytes of content that may be read, summed over every entry. */
  maxBytes: number;
}

export function extractionLimits(site: SiteSize): ExtractionLimits {
  return { ...site, maxEntries: 2 * (site.files + site.folders) + 1000, maxBytes: 2 * site.bytes + 1024 * 1024 };
}

/**
 * Why extraction must stop at this entry, or undefined: `soFar` counts this
 * entry (its header is read, nothing of it is written yet).
 */
export function extractionStopped(limits: ExtractionLimits, soFar: { entries: number; bytes: number; path: string; size: number }): Reason | undefined {
  const name = printable(soFar.path);
  if (soFar.entries > limits.maxEntries) {
    return {
      vi: `Tệp nén có nhiều mục hơn mức cho phép (${limits.maxEntries} mục; trang đã ký có ${limits.files} tệp và ${limits.folders} thư mục): đã dừng giải nén ở mục "${name}". Tệp nén đã bị thay đổi; không dùng nó.`,
      en: `The tarball holds more entries than allowed (${limits.maxEntries}; the signed site has ${limits.files} files and ${limits.folders} folders): extraction stopped at entry "${name}". The tarball has been altered; do not use it.`,
    };
  }
  if (soFar.bytes > limits.maxBytes) {
    return {
      vi: `Tệp nén chứa nhiều dữ liệu hơn mức cho phép: mục "${name}" (${soFar.size} byte) đưa tổng vượt quá ${limits.maxBytes} byte (trang đã ký có ${limits.files} tệp, ${limits.bytes} byte). Đã dừng giải nén trước khi ghi mục này (tệp nén có thể là “bom nén” nhằm làm đầy ổ đĩa).`,
      en: `The tarball holds more data than allowed: entry "${name}" (${soFar.size} bytes) takes it past ${limits.maxBytes} bytes (the signed site has ${limits.files} files, ${limits.bytes} bytes). Extraction stopped before writing it (the tarball may be a “tar bomb” meant to fill the disk).`,
    };
  }
  return undefined;
}
