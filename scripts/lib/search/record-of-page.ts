/**
 * One built page's search record (src/lib/search/record.ts), or `same` when
 * the page is the one the digest names (the cached record stands), or null
 * when the page is missing or has no searchable part. Used by the worker
 * threads (record-worker.ts) and, for a few pages, by the index build itself.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SearchMetadata } from '../../../src/lib/search/contract.ts';
import { searchRecord, type SearchRecord } from '../../../src/lib/search/record.ts';

export interface RecordJob {
  metadata: SearchMetadata;
  file: string;
  /** The digest of the page the cached record was made from, if any. */
  digest?: string;
}

export type RecordAnswer = { digest: string; record: SearchRecord | 'same' } | null;

export async function recordOfPage({ metadata, file, digest }: RecordJob): Promise<RecordAnswer> {
  const html = await readFile(file, 'utf8').catch(() => undefined);
  if (html === undefined) return null;
  const now = createHash('sha256').update(html).digest('base64url');
  if (now === digest) return { digest: now, record: 'same' };
  const record = searchRecord(metadata, html);
  return record ? { digest: now, record } : null;
}
