/**
 * A worker thread of scripts/build-search-index.ts: reads built pages and
 * makes their search records (record-of-page.ts), so that the machine's cores
 * share the parsing. Receives batches of jobs, answers with one answer per job.
 */
import { parentPort } from 'node:worker_threads';
import { recordOfPage, type RecordJob } from './record-of-page.ts';

parentPort!.on('message', async (jobs: RecordJob[]) => {
  parentPort!.postMessage(await Promise.all(jobs.map(recordOfPage)));
});
