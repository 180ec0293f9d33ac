/**
 * The files of a built site on disk: listed in archive order (by the bytes of
 * the path) and hashed with SHA-256. A site holds only regular files and
 * folders; a link or anything else is an error that names it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { byPathBytes } from '../../../src/lib/archive/manifest.ts';
import type { TarEntry } from '../../../src/lib/archive/tar-format.ts';

/** Every folder and file under `root`, relative, sorted by path bytes (a folder comes before what it holds). */
export async function listSite(root: string): Promise<TarEntry[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new Error(`Không có thư mục trang đã dựng ${root}; chạy npm run build trước / There is no built site at ${root}; run npm run build first.`);
  }
  const entries: TarEntry[] = [];
  for (const d of await readdir(root, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join('/');
    if (d.isDirectory()) entries.push({ path: rel, type: 'directory', size: 0 });
    else if (d.isFile()) entries.push({ path: rel, type: 'file', size: (await stat(path.join(root, rel))).size });
    else {
      throw new Error(
        `${rel} trong ${root} không phải tệp hay thư mục thường (liên kết?); bản lưu trữ chỉ chứa tệp thường / ${rel} in ${root} is not a regular file or folder (a link?); archives hold regular files only.`,
      );
    }
  }
  return entries.sort((a, b) => byPathBytes(a.path, b.path));
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** SHA-256 of each of `paths` (relative to `root`), a few files at a time. */
export async function hashFiles(root: string, paths: readonly string[], onHashed?: (done: number) => void): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < paths.length) {
      const p = paths[next++]!;
      out.set(p, await sha256File(path.join(root, p)));
      onHashed?.(++done);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return new Map([...out].sort(([a], [b]) => byPathBytes(a, b)));
}

/** The SHA-256 of every regular file under `root`. */
export async function hashTree(root: string): Promise<Map<string, string>> {
  const files = (await listSite(root)).filter((e) => e.type === 'file').map((e) => e.path);
  return hashFiles(root, files);
}
