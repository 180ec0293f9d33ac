/**
 * A worker thread of scripts/build-search-index.ts: reads built pages and
 * makes their search records (src/lib/search/record.ts), so that the
 * machine's cores share the parsing. Receives batches of
 * { metadata, file, digest? }; answers, for each, the page's digest and its
 * record — or `same` when the page is the one the digest names (its cached
 * record stands), or null when the page is missing or has no searchable part.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { SearchMetadata } from '../../../src/lib/search/contract.ts';
import { searchRecord, type SearchRecord } from '../../../src/lib/search/record.ts';

export interface RecordJob {
  metadata: SearchMetadata;
  file: string;
  /** The digest of the page the cached record was made from, if any. */
  digest?: string;
}

export type RecordAnswer = { digest: string; record: SearchRecord | 'same' } | null;

parentPort!.on('message', async (jobs: RecordJob[]) => {
  const out = await Promise.all(
    jobs.map(async ({ metadata, file, digest }): Promise<RecordAnswer> => {
      const html = await readFile(file, 'utf8').catch(() => undefined);
      if (html === undefined) return null;
      const now = createHash('sha256').update(html).digest('base64url');
      if (now === digest) return { digest: now, record: 'same' };
      const record = searchRecord(metadata, html);
      return record ? { digest: now, record } : null;
    }),
  );
  parentPort!.postMessage(out);
});
