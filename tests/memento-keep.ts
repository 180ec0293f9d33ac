/**
 * Keeps `html` in a memento store as the version of `pagePath` at `stamp`,
 * as the memento step does (scripts/mementos.ts): the captured page and its
 * record in the index. For tests of what carries the store.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withMementos } from '../src/lib/history/mementos.ts';
import { capturedFile, readIndex, writeIndex } from '../scripts/lib/mementos/store.ts';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function keepVersion(store: string, pagePath: string, stamp: string, html: string): Promise<void> {
  const target = capturedFile(store, stamp, pagePath);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, html);
  await writeIndex(store, withMementos(await readIndex(store), stamp, [{ path: pagePath, commit: undefined, sha256: sha256(html) }]));
}
