/**
 * Writes the WARC of the built site: picks every file readers could fetch
 * and the other addresses pages reference them at (src/lib/archive/warc-selection.ts), then writes the records
 * (src/lib/archive/warc.ts) one after another into the `.warc.gz`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PortalAddresses } from '../../../src/lib/archive/public-url.ts';
import { isArchivedPage, pageReferences, warcSelection, type WarcItem } from '../../../src/lib/archive/warc-selection.ts';
import { warcRecords } from '../../../src/lib/archive/warc.ts';
import type { TarEntry } from '../../../src/lib/archive/tar-format.ts';

export interface WarcOptions {
  root: string;
  entries: readonly TarEntry[];
  site: PortalAddresses;
  commit: string;
  commitTime: string;
  /** When the site was deployed (the records' WARC-Date); the commit's time when not known. */
  deployedAt?: string | undefined;
  info: Record<string, string>;
  outFile: string;
}

/** Writes the WARC; returns how many response records it holds. */
export async function writeWarc(o: WarcOptions): Promise<{ records: number; pages: number }> {
  const files = o.entries.filter((e) => e.type === 'file');
  const sizes = new Map(files.map((f) => [f.path, f.size]));
  const references = new Map<string, WarcItem[]>();
  for (const f of files) {
    if (isArchivedPage(f.path)) references.set(f.path, await pageReferences(await readFile(path.join(o.root, f.path), 'utf8'), f.path, o.site));
  }
  const selected = warcSelection(files.map((f) => f.path), o.site, (page) => references.get(page) ?? []);
  await pipeline(
    warcRecords({
      site: o.site,
      commit: o.commit,
      commitTime: o.commitTime,
      ...(o.deployedAt ? { deployedAt: o.deployedAt } : {}),
      filename: path.basename(o.outFile),
      info: o.info,
      files: selected.map((item) => ({ ...item, size: sizes.get(item.path)! })),
      read: (p) => createReadStream(path.join(o.root, p)),
    }),
    createWriteStream(o.outFile),
  );
  return { records: selected.length, pages: references.size };
}
