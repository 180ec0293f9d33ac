/**
 * Extracts a site tarball into a folder, safely: each entry is checked
 * (src/lib/archive/entry-safety.ts) before anything is written, only regular
 * files and folders are written, never outside `dest`, and never twice.
 * Refused entries are reported, not written; a corrupt tarball is an error.
 *
 * Extraction is bounded by the signed size of the site (extractionLimits):
 * the moment the entries read outnumber the site's files and folders, or
 * their bytes exceed the site's, reading stops — a tar bomb fills neither the
 * disk nor hours of decompression.
 */
import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Parser, type ReadEntry } from 'tar';
import { entryPath, extractionStopped, refusedEntry, repeatedEntry, type ExtractionLimits } from '../../../src/lib/archive/entry-safety.ts';
import type { RefusedEntry } from '../../../src/lib/archive/verify.ts';
import { printable } from '../../../src/lib/printable.ts';

function cannotWrite(entry: string, error: unknown): RefusedEntry['reason'] {
  const why = printable(error instanceof Error ? error.message : String(error));
  return { vi: `Không ghi được mục "${printable(entry)}": ${why}.`, en: `Entry "${printable(entry)}" cannot be written: ${why}.` };
}

export interface Extraction {
  refused: RefusedEntry[];
  /** Files written. */
  files: number;
  /** Why extraction stopped before the end (a limit), with the entry it stopped at. */
  stopped?: RefusedEntry;
}

/** Thrown into the tar parser to stop reading. */
class Stop extends Error {}

export async function extractTarball(file: string, dest: string, limits: ExtractionLimits): Promise<Extraction> {
  const root = path.resolve(dest);
  mkdirSync(root, { recursive: true });
  const refused: RefusedEntry[] = [];
  const seen = new Set<string>();
  const writes: Promise<void>[] = [];
  const open = new Set<WriteStream>();
  let stopped: RefusedEntry | undefined;
  let entries = 0;
  let bytes = 0;

  const input = createReadStream(file);
  const parser = new Parser({ strict: true });

  const onEntry = (entry: ReadEntry) => {
    if (stopped) {
      entry.resume();
      return;
    }
    // Every entry counts, written or refused: a refused entry's bytes are read all the same.
    entries++;
    bytes += entry.size;
    const over = extractionStopped(limits, { entries, bytes, path: entry.path, size: entry.size });
    if (over) {
      stopped = { path: entry.path, reason: over };
      entry.resume();
      input.destroy();
      parser.abort(new Stop());
      return;
    }
    const reason = refusedEntry(entry.path, entry.type);
    const rel = entryPath(entry.path);
    const target = path.resolve(root, rel);
    const inside = target === root || target.startsWith(root + path.sep);
    if (reason || !inside || seen.has(rel)) {
      refused.push({
        path: entry.path,
        reason:
          reason ??
          (seen.has(rel)
            ? repeatedEntry(rel)
            : {
                vi: `Mục "${printable(entry.path)}" sẽ ghi ra ngoài thư mục giải nén: bị từ chối.`,
                en: `Entry "${printable(entry.path)}" would be written outside the extraction folder: refused.`,
              }),
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
      open.add(out);
      entry.pipe(out);
      writes.push(
        finished(out)
          .catch((error: unknown) => {
            // Keep reading the tarball past an entry that cannot be written.
            entry.unpipe(out);
            entry.resume();
            if (!stopped) refused.push({ path: entry.path, reason: cannotWrite(entry.path, error) });
          })
          .finally(() => open.delete(out)),
      );
    } catch (error) {
      // E.g. a file and a folder of the same name.
      refused.push({ path: entry.path, reason: cannotWrite(entry.path, error) });
      entry.resume();
    }
  };
  parser.on('entry', onEntry);

  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('end', resolve);
      parser.on('error', reject);
      input.on('error', reject);
      input.pipe(parser as unknown as NodeJS.WritableStream);
    });
    await Promise.all(writes);
  } catch (error) {
    if (!stopped || !(error instanceof Stop)) {
      for (const out of open) out.destroy();
      await Promise.allSettled(writes);
      const why = error instanceof Error ? error.message : String(error);
      const name = path.basename(file);
      throw new Error(`${name} không phải tệp tar.gz hợp lệ hoặc bị hỏng / ${name} is not a valid tar.gz or is damaged: ${why}`);
    }
  }
  if (stopped) {
    // What was written so far is left incomplete: the folder is discarded by the caller.
    for (const out of open) out.destroy();
    await Promise.allSettled(writes);
    return { refused, files: writes.length, stopped };
  }
  return { refused, files: writes.length };
}
