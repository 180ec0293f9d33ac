/**
 * `<cache>/portal-digests.json`: each content file's stamp (size, inode,
 * times: read-content.ts) and the digest of its text as of the last build,
 * so that a build reads only the files whose stamp changed. A file changed
 * within two seconds of being read is not kept (its stamp may not show the
 * next change: git's "racy clean" files), so it is read again next time.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { portalCacheDir } from './body-cache.ts';
import { stampTime, type FileStamp } from './read-content.ts';

const RACY_NS = 2_000_000_000n;

const cacheFile = () => path.join(portalCacheDir(), 'portal-digests.json');

/** File → [stamp, digest of its text]; empty when there is no cache. */
export async function readDigestCache(): Promise<Map<string, [FileStamp, string]>> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(cacheFile(), 'utf8')) as Record<string, [FileStamp, string]>));
  } catch {
    return new Map();
  }
}

/** Keeps the files whose stamp is older than `readAt` (nanoseconds since the epoch) by the racy margin. */
export async function writeDigestCache(files: Iterable<[file: string, stamp: FileStamp, digest: string]>, readAt: bigint): Promise<void> {
  const kept: Record<string, [FileStamp, string]> = {};
  for (const [file, stamp, digest] of files) if (stampTime(stamp) < readAt - RACY_NS) kept[file] = [stamp, digest];
  await mkdir(portalCacheDir(), { recursive: true });
  await writeFile(cacheFile(), JSON.stringify(kept));
}
