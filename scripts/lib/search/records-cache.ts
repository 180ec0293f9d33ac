/**
 * The search index's cache of records, in the build cache:
 * - `records.jsonl`: a first line with the code version, then one line per
 *   page, `[url, metadata as JSON, digest of the page's HTML, record]` (JSON
 *   lines: no string holds them all); a later line of a page replaces an
 *   earlier one, so a build that made few records again appends them;
 * - `records.index.json`: where each page's last line is, with the digests
 *   of its metadata and page, so that a build that changed a few pages reads
 *   only their lines.
 * The index names the size of the file it describes: a file changed behind
 * its back (a failed write, a hand edit) is not trusted.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { contentDigest } from '../../../src/lib/content/digest.ts';
import type { SearchRecord } from '../../../src/lib/search/record.ts';

export interface CachedRecord {
  /** The metadata the record was made with, as JSON. */
  metadata: string;
  /** The digest of the page's HTML it was made from. */
  digest: string;
  record: SearchRecord;
}

export interface CacheIndex {
  version: string;
  /** The size of records.jsonl this index describes. */
  bytes: number;
  lines: number;
  /** URL → [offset of its line, length in bytes, digest of its metadata JSON, digest of its page]. */
  at: Record<string, [number, number, string, string]>;
}

export const metadataDigest = (metadataJson: string) => contentDigest(metadataJson);

export class RecordsCache {
  private readonly file: string;
  private readonly indexFile: string;
  private readonly version: string;
  constructor(dir: string, version: string) {
    this.version = version;
    this.file = path.join(dir, 'records.jsonl');
    this.indexFile = path.join(dir, 'records.index.json');
  }

  /** The index, when it is of this code and describes the file as it is. */
  async index(): Promise<CacheIndex | undefined> {
    const index = await readFile(this.indexFile, 'utf8').then((t) => JSON.parse(t) as CacheIndex, () => undefined);
    if (index?.version !== this.version) return undefined;
    const size = await stat(this.file).then((s) => s.size, () => -1);
    return size === index.bytes ? index : undefined;
  }

  /** Every page's last record, when the file is of this code (else nothing). */
  async readAll(): Promise<Map<string, CachedRecord>> {
    const records = new Map<string, CachedRecord>();
    const input = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    let first = true;
    try {
      for await (const line of input) {
        if (first) {
          first = false;
          if ((JSON.parse(line) as { version: string }).version !== this.version) break;
          continue;
        }
        const [url, metadata, digest, record] = JSON.parse(line) as [string, string, string, SearchRecord];
        records.set(url, { metadata, digest, record });
      }
    } catch {
      return new Map();
    } finally {
      input.close();
    }
    return records;
  }

  /** The records of some pages, read where the index says their lines are. */
  async read(index: CacheIndex, urls: Iterable<string>): Promise<Map<string, CachedRecord>> {
    const records = new Map<string, CachedRecord>();
    const handle = await open(this.file, 'r');
    try {
      for (const url of urls) {
        const [offset, length] = index.at[url]!;
        const buffer = Buffer.alloc(length);
        await handle.read(buffer, 0, length, offset);
        const [at, metadata, digest, record] = JSON.parse(buffer.toString('utf8')) as [string, string, string, SearchRecord];
        if (at !== url) throw new Error(`records cache: line at ${offset} is not ${url}`);
        records.set(url, { metadata, digest, record });
      }
    } finally {
      await handle.close();
    }
    return records;
  }

  /**
   * Writes records: appended to the file `index` describes, or (without an
   * index) as a new file holding exactly them. Returns the new index.
   */
  async write(entries: Iterable<[string, CachedRecord]>, index?: CacheIndex): Promise<CacheIndex> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const next: CacheIndex = index ? { ...index, at: { ...index.at } } : { version: this.version, bytes: 0, lines: 0, at: {} };
    const out = createWriteStream(this.file, { encoding: 'utf8', flags: index ? 'a' : 'w' });
    const write = (text: string) => {
      next.bytes += Buffer.byteLength(text);
      return out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
    };
    // Written before the file: a crash in between leaves an index whose size does not match, so untrusted.
    await writeFile(this.indexFile, '{}');
    if (!index) await write(`${JSON.stringify({ version: this.version })}\n`);
    for (const [url, { metadata, digest, record }] of entries) {
      const line = `${JSON.stringify([url, metadata, digest, record])}\n`;
      const offset = next.bytes;
      await write(line);
      next.at[url] = [offset, Buffer.byteLength(line) - 1, metadataDigest(metadata), digest];
      next.lines++;
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await writeFile(this.indexFile, JSON.stringify(next));
    return next;
  }
}
