/**
 * Which entries of a tarball may be extracted. An archive of the site holds
 * only regular files and folders under relative paths; anything else (an
 * absolute path, a `..` step, a link, a device, a path given twice) could write
 * outside the extraction folder or hide one file behind another, and is refused.
 */
import type { Reason } from '../approval/input.ts';

/** Entry types as node-tar names them. */
const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/** The path an entry would be written at, without a trailing `/` (folders) or leading `./`. */
export function entryPath(raw: string): string {
  return raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/** Why the entry `raw` of type `type` must not be extracted, or undefined when it may be. */
export function refusedEntry(raw: string, type: string): Reason | undefined {
  const shown = JSON.stringify(raw);
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
    vi: `Tệp nén chứa ${JSON.stringify(path)} hai lần (bản sau sẽ đè bản trước): bị từ chối.`,
    en: `The tarball holds ${JSON.stringify(path)} twice (the later copy would replace the earlier): refused.`,
  };
}
