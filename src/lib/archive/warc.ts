/**
 * The WARC (ISO 28500, WARC/1.1) of a published revision, written with
 * warcio: one `warcinfo` record naming the portal, the commit and the
 * software, then one `response` record per site file chosen by
 * warc-selection.ts (an HTTP 200 with the file as payload) at its URL. Every record is dated with the
 * commit's time and identified by a UUID derived from the commit and the URL,
 * and each is compressed on its own with pako (identical bytes on every
 * platform), so the same site and commit give the same `.warc.gz`.
 * Reading the files is left to the caller (`read`).
 */
import { createHash } from 'node:crypto';
import { WARCRecord } from 'warcio';
import { WARCSerializer } from 'warcio/node';
import type { PortalAddresses } from './public-url.ts';
import { contentTypeOf } from './warc-selection.ts';

export const WARC_VERSION = 'WARC/1.1';

export interface WarcSource {
  site: PortalAddresses;
  /** Full sha of the published commit. */
  commit: string;
  /** The commit's time, ISO 8601 (UTC `Z` form is written). */
  commitTime: string;
  /** When the site was deployed: the records' WARC-Date. Without it (a local archive), the commit's time. */
  deployedAt?: string;
  /** The name of the .warc.gz file, for the warcinfo record. */
  filename: string;
  /** The fields of the warcinfo record (software, operator, description…), in order. */
  info: Record<string, string>;
  /** Site files to record, in order: each at its URL, with its size. */
  files: readonly { path: string; url: string; size: number }[];
  /** The bytes of a site file. */
  read: (sitePath: string) => AsyncIterable<Uint8Array>;
}

/** A stable `<urn:uuid:…>` (version 8, name-based) for a record of `commit` about `name`. */
export function recordId(commit: string, name: string): string {
  const h = createHash('sha256').update(`${commit}\n${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `<urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}>`;
}

/** `2026-11-20T09:30:00+07:00` → `2026-11-20T02:30:00Z` (WARC-Date, whole seconds). */
export function warcDate(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function* serialized(record: WARCRecord): AsyncGenerator<Uint8Array> {
  yield* new WARCSerializer(record, { gzip: true, preferPako: true });
}

/** The records of the WARC, each a complete gzip member: write them one after another. */
export async function* warcRecords(source: WarcSource): AsyncGenerator<Uint8Array> {
  const date = warcDate(source.deployedAt ?? source.commitTime);
  const infoId = recordId(source.commit, `warcinfo:${source.filename}`);
  const info = WARCRecord.createWARCInfo({ filename: source.filename, warcVersion: WARC_VERSION, date, warcHeaders: { 'WARC-Record-ID': infoId } }, source.info);
  yield* serialized(info);
  for (const file of source.files) {
    const { url } = file;
    const record = WARCRecord.create(
      {
        url,
        date,
        type: 'response',
        warcVersion: WARC_VERSION,
        warcHeaders: { 'WARC-Record-ID': recordId(source.commit, url), 'WARC-Warcinfo-ID': infoId },
        httpHeaders: { 'Content-Type': contentTypeOf(file.path), 'Content-Length': String(file.size) },
      },
      source.read(file.path),
    );
    yield* serialized(record);
  }
}
