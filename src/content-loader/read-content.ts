/**
 * Reads `content/` (and checks every file in `public/`) from disk: the content
 * loader and `npm run check:content` share it. Links are never followed: a
 * symbolic link, or anything that is no regular file, is refused with a
 * message (src/lib/content/tree-entries.ts), and files are opened with
 * O_NOFOLLOW. Content files over the size limit are refused before they are
 * read; every file in public/ is checked by its content
 * (src/lib/content/media-type.ts).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { sortIssues, type ContentIssue } from '../lib/content/issues.ts';
import { checkUploadedFile, LARGEST_UPLOAD, uploadTooLargeIssue } from '../lib/content/media-type.ts';
import { fileNameIssues, notAFileIssue, symlinkIssue } from '../lib/content/tree-entries.ts';
import type { SourceFile } from '../lib/content/validate.ts';
import { fileSizeIssue } from '../lib/content/yaml-file.ts';
import { MAX_CONTENT_FILE_BYTES } from '../lib/content/limits.ts';

/** The content folder: `content/` in the project, or PORTAL_CONTENT_DIR (see docs/performance.md). */
export function contentRoot(projectRoot: string): string {
  return path.resolve(projectRoot, process.env.PORTAL_CONTENT_DIR ?? 'content');
}

/** The folder of files served as they are: `public/`, or PORTAL_PUBLIC_DIR (as in astro.config.mjs). */
export function publicRoot(projectRoot: string): string {
  return path.resolve(projectRoot, process.env.PORTAL_PUBLIC_DIR ?? 'public');
}

interface TreeEntry {
  /** Path below the root, with forward slashes. */
  rel: string;
  kind: 'file' | 'symlink' | 'other';
}

/** Every entry below `root`, without following links; none when `root` does not exist. */
async function walk(root: string): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  const visit = async (dir: string) => {
    let dirents;
    try {
      dirents = await readdir(path.join(root, dir), { withFileTypes: true });
    } catch (error) {
      if (dir === '' && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const d of dirents.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = dir === '' ? d.name : `${dir}/${d.name}`;
      if (d.isSymbolicLink()) entries.push({ rel, kind: 'symlink' });
      else if (d.isDirectory()) await visit(rel);
      else entries.push({ rel, kind: d.isFile() ? 'file' : 'other' });
    }
  };
  await visit('');
  return entries;
}

/**
 * Reads a regular file without following a link (and without waiting on a
 * pipe); only its size when it is larger than `limit`.
 */
async function readRegular(file: string, limit: number): Promise<{ bytes?: Buffer; size: number } | 'symlink' | 'other'> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return 'symlink';
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return 'other';
    const { size } = stat;
    return size > limit ? { size } : { bytes: await handle.readFile(), size };
  } finally {
    await handle.close();
  }
}

const CONTENT_FILE = /\.(mdx|md|yml|yaml)$/;
const NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * One content file (`content/site.yml`), read like readContentFiles reads
 * them: its text, or the issue that refuses it (a link, no regular file, too
 * large); neither when it does not exist. For the readers outside the content
 * sync (the site settings, the roles file, the build's digest).
 */
export async function readContentFile(projectRoot: string, file: string): Promise<{ source?: string; issue?: ContentIssue }> {
  const full = path.join(contentRoot(projectRoot), file.replace(/^content\//, ''));
  let read;
  try {
    read = await readRegular(full, MAX_CONTENT_FILE_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { issue: notAFileIssue(file) };
    throw error;
  }
  if (read === 'symlink') return { issue: symlinkIssue(file) };
  if (read === 'other') return { issue: notAFileIssue(file) };
  if (!read.bytes) return { issue: fileSizeIssue(file, read.size)! };
  return { source: read.bytes.toString('utf8') };
}

/** The same, synchronously (for astro.config.mjs): the text, or undefined when the file is missing or refused. */
export function readContentFileSync(projectRoot: string, file: string): string | undefined {
  try {
    const read = readTextSync(path.join(contentRoot(projectRoot), file.replace(/^content\//, '')), MAX_CONTENT_FILE_BYTES, { bytes: Buffer.allocUnsafe(1 << 16) });
    return typeof read === 'object' ? read.text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What tells a file unchanged without reading it, as git's index does: its
 * size, inode and modification and change times (in nanoseconds).
 */
export type FileStamp = string;

const stampOf = (stat: { size: bigint; ino: bigint; mtimeNs: bigint; ctimeNs: bigint }): FileStamp => `${stat.size}:${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;

/** The newest of a stamp's two times, in nanoseconds. */
export function stampTime(stamp: FileStamp): bigint {
  const [, , mtime, ctime] = stamp.split(':');
  const m = BigInt(mtime!);
  const c = BigInt(ctime!);
  return m > c ? m : c;
}

/**
 * A regular file's text, read synchronously without following a link (and
 * without waiting on a pipe) into a buffer used again for every file: a
 * content folder holds tens of thousands of small files, and a promise per
 * step of each costs more than the reading (3 to 4 times at 20,000 files).
 * Only its size when it is larger than `limit`.
 */
function readTextSync(file: string, limit: number, buffer: { bytes: Buffer }): { text?: string; size: number; stamp: FileStamp } | 'symlink' | 'other' {
  let fd: number;
  try {
    fd = openSync(file, NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return 'symlink';
    throw error;
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    if (!stat.isFile()) return 'other';
    const size = Number(stat.size);
    const stamp = stampOf(stat);
    if (size > limit) return { size, stamp };
    if (buffer.bytes.length < size + 1) buffer.bytes = Buffer.allocUnsafe(Math.max(size + 1, 2 * buffer.bytes.length));
    // Up to the end of the file, even if it grew since fstat (then it is refused by size).
    let length = 0;
    for (let got = -1; got !== 0 && length < buffer.bytes.length; length += got) got = readSync(fd, buffer.bytes, length, buffer.bytes.length - length, null);
    if (length > limit) return { size: length, stamp };
    return { text: buffer.bytes.toString('utf8', 0, length), size: length, stamp };
  } finally {
    closeSync(fd);
  }
}

export interface ContentFiles {
  files: SourceFile[];
  /** Links, non-files, names with control characters, files over the size limit: refused, not read. */
  issues: ContentIssue[];
  /** Files left unread because `unchanged` said so (regular files, by their names and stamps). */
  unread: string[];
  /** The stamp of every file read or left unread. */
  stamps: Map<string, FileStamp>;
}

/**
 * The content files (MDX and YAML) of the content folder, as `content/…`
 * paths. A file whose stamp `unchanged` accepts is left unread (a build that
 * knows its digest from the last build).
 */
export async function readContentFiles(projectRoot: string, unchanged?: (file: string, stamp: FileStamp) => boolean): Promise<ContentFiles> {
  const root = contentRoot(projectRoot);
  const files: SourceFile[] = [];
  const issues: ContentIssue[] = [];
  const unread: string[] = [];
  const stamps = new Map<string, FileStamp>();
  const buffer = { bytes: Buffer.allocUnsafe(1 << 16) };
  for (const { rel, kind } of await walk(root)) {
    const file = `content/${rel}`;
    if (kind === 'symlink') issues.push(symlinkIssue(file));
    else if (kind === 'other') issues.push(notAFileIssue(file));
    else if (!CONTENT_FILE.test(rel)) continue;
    else {
      const named = fileNameIssues(file);
      if (named.length > 0) {
        issues.push(...named);
        continue;
      }
      if (unchanged) {
        const stat = lstatSync(path.join(root, rel), { bigint: true, throwIfNoEntry: false });
        if (stat?.isFile() && stat.size <= MAX_CONTENT_FILE_BYTES && unchanged(file, stampOf(stat))) {
          unread.push(file);
          stamps.set(file, stampOf(stat));
          continue;
        }
      }
      const read = readTextSync(path.join(root, rel), MAX_CONTENT_FILE_BYTES, buffer);
      if (read === 'symlink') issues.push(symlinkIssue(file));
      else if (read === 'other') issues.push(notAFileIssue(file));
      else if (read.text === undefined) issues.push(fileSizeIssue(file, read.size)!);
      else {
        files.push({ file, source: read.text });
        stamps.set(file, read.stamp);
      }
    }
  }
  files.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { files, issues: sortIssues(issues), unread, stamps };
}

export interface PublicFiles {
  /** Every regular file in `public/` as a path from the site root (“/files/a.pdf”), plus “/dir/” for each “/dir/index.html”. */
  staticPaths: Set<string>;
  /** Links, non-files, and files refused by their content (media-type.ts). */
  issues: ContentIssue[];
}

/** The files of the public folder, each checked by its content. */
export async function readPublicFiles(projectRoot: string): Promise<PublicFiles> {
  const root = publicRoot(projectRoot);
  const staticPaths = new Set<string>();
  const issues: ContentIssue[] = [];
  for (const { rel, kind } of await walk(root)) {
    const shown = `public/${rel}`;
    if (kind === 'symlink') {
      issues.push(symlinkIssue(shown));
      continue;
    }
    if (kind === 'other') {
      issues.push(notAFileIssue(shown));
      continue;
    }
    const url = `/${rel}`;
    staticPaths.add(url);
    if (url.endsWith('/index.html')) staticPaths.add(url.slice(0, -'index.html'.length));
    const named = fileNameIssues(shown);
    if (named.length > 0) {
      issues.push(...named);
      continue;
    }
    const read = await readRegular(path.join(root, rel), LARGEST_UPLOAD);
    if (read === 'symlink') issues.push(symlinkIssue(shown));
    else if (read === 'other') issues.push(notAFileIssue(shown));
    else issues.push(...(read.bytes ? checkUploadedFile(shown, read.bytes) : [uploadTooLargeIssue(shown, read.size)]));
  }
  return { staticPaths, issues };
}
