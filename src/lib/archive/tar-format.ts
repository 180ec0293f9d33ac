/**
 * The bytes of a deterministic tarball (POSIX ustar, with a pax header for
 * long or non-ASCII paths), built from the entries alone: no owner, group or
 * user names (uid/gid 0, empty names), one fixed mode per type, one fixed
 * modification time, no access or change times. The same entries in the same
 * order always give the same bytes. node-tar encodes the header fields.
 */
import { Header, Pax } from 'tar';

export const FILE_MODE = 0o644;
export const DIRECTORY_MODE = 0o755;
const BLOCK = 512;

export interface TarEntry {
  /** Relative path with `/` separators; folders without a trailing `/`. */
  path: string;
  type: 'file' | 'directory';
  /** Bytes of content (0 for folders). */
  size: number;
}

/** The header block(s) of one entry, all stamped with `mtime` (whole seconds are kept). */
export function tarHeader(entry: TarEntry, mtime: Date): Buffer {
  const directory = entry.type === 'directory';
  const path = directory ? `${entry.path}/` : entry.path;
  const time = new Date(Math.floor(mtime.getTime() / 1000) * 1000);
  const header = new Header({
    path,
    mode: directory ? DIRECTORY_MODE : FILE_MODE,
    uid: 0,
    gid: 0,
    uname: '',
    gname: '',
    size: directory ? 0 : entry.size,
    mtime: time,
    type: directory ? 'Directory' : 'File',
  });
  const needPax = header.encode();
  const block = header.block!;
  if (!needPax) return block;
  // The pax record carries the full path; the ustar fields keep a truncated copy for old readers.
  return Buffer.concat([new Pax({ path, mtime: time }).encode(), block]);
}

/** Zero bytes that fill a file's content up to the next 512-byte block. */
export function tarPadding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}

/** The end of a tarball: two zero blocks. */
export const TAR_END: Buffer = Buffer.alloc(2 * BLOCK);
