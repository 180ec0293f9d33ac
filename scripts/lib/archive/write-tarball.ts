/**
 * Writes the site as a deterministic `.tar.gz`: the entries in the order
 * given (sorted by listSite), headers from src/lib/archive/tar-format.ts, file
 * contents streamed from disk, gzip at level 9 with no timestamp or file name
 * in its header and the operating-system byte set to "unknown" (255), so the
 * bytes depend only on the files, the commit time and the zlib version.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { TAR_END, tarHeader, tarPadding, type TarEntry } from '../../../src/lib/archive/tar-format.ts';

async function* tarStream(root: string, entries: readonly TarEntry[], mtime: Date): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    yield tarHeader(entry, mtime);
    if (entry.type !== 'file') continue;
    let written = 0;
    for await (const chunk of createReadStream(path.join(root, entry.path))) {
      written += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (written !== entry.size) {
      throw new Error(`${entry.path} đã đổi kích thước trong khi đóng gói / ${entry.path} changed size while being archived (${entry.size} → ${written} bytes).`);
    }
    yield tarPadding(entry.size);
  }
  yield TAR_END;
}

/** Sets the gzip header's OS byte (offset 9) to 255, "unknown", as the first output chunk passes. */
function portableGzipHeader(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (first && chunk.length > 9) {
        chunk[9] = 255;
        first = false;
      }
      callback(null, chunk);
    },
  });
}

export async function writeTarball(root: string, entries: readonly TarEntry[], mtime: Date, outFile: string): Promise<void> {
  await pipeline(tarStream(root, entries, mtime), createGzip({ level: 9 }), portableGzipHeader(), createWriteStream(outFile));
}
