/**
 * A worker thread of scripts/build-search-index.ts: reads built pages and
 * makes their search records (src/lib/search/record.ts), so that the
 * machine's cores share the parsing. Receives batches of
 * { metadata, file }, answers with the records (null for a page that is
 * missing or has no searchable part).
 */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { SearchMetadata } from '../../../src/lib/search/contract.ts';
import { searchRecord } from '../../../src/lib/search/record.ts';

export interface RecordJob {
  metadata: SearchMetadata;
  file: string;
}

parentPort!.on('message', async (jobs: RecordJob[]) => {
  const out = await Promise.all(
    jobs.map(async ({ metadata, file }) => {
      const html = await readFile(file, 'utf8').catch(() => undefined);
      return (html === undefined ? undefined : searchRecord(metadata, html)) ?? null;
    }),
  );
  parentPort!.postMessage(out);
});
