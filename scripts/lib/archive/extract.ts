/**
 * Extracts a site tarball into a folder, safely: each entry is checked
 * (src/lib/archive/entry-safety.ts) before anything is written, only regular
 * files and folders are written, never outside `dest`, and never twice.
 * Refused entries are reported, not written; a corrupt tarball is an error.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { list, type ReadEntry } from 'tar';
import { entryPath, refusedEntry, repeatedEntry } from '../../../src/lib/archive/entry-safety.ts';
import type { RefusedEntry } from '../../../src/lib/archive/verify.ts';

function cannotWrite(entry: string, error: unknown): RefusedEntry['reason'] {
  const why = error instanceof Error ? error.message : String(error);
  return { vi: `Không ghi được mục ${entry}: ${why}.`, en: `Entry ${entry} cannot be written: ${why}.` };
}

export async function extractTarball(file: string, dest: string): Promise<{ refused: RefusedEntry[]; files: number }> {
  const root = path.resolve(dest);
  mkdirSync(root, { recursive: true });
  const refused: RefusedEntry[] = [];
  const seen = new Set<string>();
  const writes: Promise<void>[] = [];

  const onEntry = (entry: ReadEntry) => {
    const reason = refusedEntry(entry.path, entry.type);
    const rel = entryPath(entry.path);
    const target = path.resolve(root, rel);
    const inside = target === root || target.startsWith(root + path.sep);
    if (reason || !inside || seen.has(rel)) {
      refused.push({
        path: entry.path,
        reason: reason ?? (seen.has(rel) ? repeatedEntry(rel) : { vi: `Mục ${entry.path} sẽ ghi ra ngoài thư mục giải nén: bị từ chối.`, en: `Entry ${entry.path} would be written outside the extraction folder: refused.` }),
      });
      entry.resume();
      return;
    }
    seen.add(rel);
    try {
      if (entry.type === 'Directory') {
        mkdirSync(target, { recursive: true });
        entry.resume();
        return;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      const out = createWriteStream(target, { flags: 'wx' });
      entry.pipe(out);
      writes.push(
        finished(out).catch((error: unknown) => {
          // Keep reading the tarball past an entry that cannot be written.
          entry.unpipe(out);
          entry.resume();
          refused.push({ path: entry.path, reason: cannotWrite(entry.path, error) });
        }),
      );
    } catch (error) {
      // E.g. a file and a folder of the same name.
      refused.push({ path: entry.path, reason: cannotWrite(entry.path, error) });
      entry.resume();
    }
  };

  try {
    await list({ file, noResume: true, strict: true, onReadEntry: onEntry });
    await Promise.all(writes);
  } catch (error) {
    throw new Error(
      `${path.basename(file)} không phải tệp tar.gz hợp lệ hoặc bị hỏng / ${path.basename(file)} is not a valid tar.gz or is damaged: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { refused, files: writes.length };
}
