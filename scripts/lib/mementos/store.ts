/**
 * The memento store on disk, carried from deploy to deploy:
 *
 *     <store>/mementos.json                     the index (src/lib/history/mementos.ts)
 *     <store>/pages/<stamp>/<page path>/index.html   each captured page, bytes as served
 *     <store>/files/<sha256>.<ext>              each file a captured page loads, by content
 *
 * Everything read back is checked: the index against its schema (a mistake
 * names the field and stops, nothing is overwritten), and every path is made
 * from checked addresses and hashes, never taken from the files.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyMementoIndex, isKeptFileName, parseMementoIndex, type MementoIndex } from '../../../src/lib/history/mementos.ts';

export const INDEX_FILE = 'mementos.json';

/** A kept file's name: its SHA-256 and the extension of the address it was loaded from (`…3f.css`), or the hash alone. */
export function keptFileName(sha256: string, url: string): string {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(new URL(url, 'https://portal.invalid/').pathname)?.[1]?.toLowerCase();
  return ext ? `${sha256}.${ext}` : sha256;
}


export function capturedFile(store: string, stamp: string, pagePath: string): string {
  return path.join(store, 'pages', stamp, ...pagePath.split('/').filter(Boolean), 'index.html');
}

export function keptFile(store: string, name: string): string {
  if (!isKeptFileName(name)) throw new Error(`not a kept file's name: ${name}`);
  return path.join(store, 'files', name);
}

/** The store's index; an empty one when the store is new. A damaged index stops here, in both languages, naming what is wrong. */
export async function readIndex(store: string): Promise<MementoIndex> {
  const file = path.join(store, INDEX_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return emptyMementoIndex();
  const parsed = parseMementoIndex(text);
  if (parsed.ok) return parsed.index;
  throw new Error(`${file}: ${parsed.problem.vi} / ${parsed.problem.en}. Lấy lại kho bản lưu từ bản lưu trữ trước / Restore the store from the previous archive.`);
}

/** Writes the index whole or not at all (a new file put in the old one's place). */
export async function writeIndex(store: string, index: MementoIndex): Promise<void> {
  await mkdir(store, { recursive: true });
  const file = path.join(store, INDEX_FILE);
  await writeFile(`${file}.next`, `${JSON.stringify(index, null, 1)}\n`);
  await rename(`${file}.next`, file);
}
