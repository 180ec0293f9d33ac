/** Sizes of a built site: bytes of a folder (files, recursively), HTML files in it. */
import { glob, stat } from 'node:fs/promises';
import path from 'node:path';

export async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for await (const f of glob('**/*', { cwd: dir, withFileTypes: true })) {
    if (f.isFile()) total += (await stat(path.join(f.parentPath, f.name))).size;
  }
  return total;
}

export async function countHtml(dir: string): Promise<number> {
  let n = 0;
  for await (const _ of glob('**/*.html', { cwd: dir })) n++;
  return n;
}
