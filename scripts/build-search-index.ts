/**
 * npm run index [-- --site dist] [--full] [--changed FILE] [--quiet]
 *
 * Builds the portal's search index of the built site: one index per
 * language in <site>/search/<locale>/ (src/lib/search/, the format in
 * docs/search-index-format.md). The pages to index and their metadata come
 * from the search manifest the build wrote from the entries
 * (src/site/search-manifest.ts); each page's file only gives its text. Each
 * page gives a record (src/lib/search/record.ts), made in worker threads
 * and kept in the build cache with the digest of the page they were made
 * from (a page read again and found the same keeps its record); the index is
 * written from all the records, and only files whose content changed are
 * written again.
 *
 * --changed FILE: only the pages listed in FILE (one URL path per line) may
 * have changed since the last run: the others' records come from the cache.
 * --full: read every page again.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Presets, SingleBar } from 'cli-progress';
import { portalCacheDir } from '../src/content/body-cache.ts';
import { contentDigest } from '../src/lib/content/validate.ts';
import { locales } from '../src/lib/locales.ts';
import type { SearchRecord } from '../src/lib/search/record.ts';
import { writeSearchIndex } from '../src/lib/search/write-index.ts';
import { readSearchManifest, searchManifestFile } from '../src/site/search-manifest.ts';
import type { RecordAnswer, RecordJob } from './lib/search/record-worker.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    full: { type: 'boolean', default: false },
    changed: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const site = path.resolve(values.site!);
const work = path.join(portalCacheDir(), 'portal-search');
const recordsFile = path.join(work, 'records.jsonl');
const writtenFile = path.join(work, 'written.json');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (m: string) => values.quiet || console.log(`search index: ${m}`);

/** The index's code (and the cache's layout): records made by other code are made again. */
async function codeVersion(): Promise<string> {
  const dir = new URL('../src/lib/search/', import.meta.url);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const parts = await Promise.all(files.map(async (f) => f + (await readFile(new URL(f, dir), 'utf8'))));
  for (const f of ['../node_modules/porter2/package.json', './build-search-index.ts', './lib/search/record-worker.ts']) parts.push(await readFile(new URL(f, import.meta.url), 'utf8'));
  return contentDigest(...parts);
}

interface Cache {
  version: string;
  /** URL → [the metadata it was made with, as JSON; the digest of the page's HTML; the record]. */
  records: Record<string, [string, string, SearchRecord]>;
}

const manifest = await readSearchManifest();
if (!manifest) {
  console.error(
    `search index: không có danh sách trang tìm kiếm (${searchManifestFile()}): hãy chạy npm run build trước.\n` +
      `search index: there is no list of searchable pages (${searchManifestFile()}): run npm run build first.`,
  );
  process.exit(1);
}
const version = await codeVersion();
/**
 * The cache: a first line with the code version, then one line per page (JSON
 * lines: no string holds them all). A run that made few records again appends
 * them (a later line of a page replaces an earlier one); the file is written
 * anew when it holds twice as many lines as pages, or the code changed.
 */
async function readCache(): Promise<(Cache & { lines: number }) | undefined> {
  if (values.full || !existsSync(recordsFile)) return undefined;
  const input = createInterface({ input: createReadStream(recordsFile, 'utf8'), crlfDelay: Infinity });
  let version: string | undefined;
  let lines = 0;
  const records: Cache['records'] = {};
  for await (const line of input) {
    if (version === undefined) {
      version = (JSON.parse(line) as { version: string }).version;
      continue;
    }
    lines++;
    const [url, ...rest] = JSON.parse(line) as [string, string, string, SearchRecord];
    records[url] = rest;
  }
  return version === undefined ? undefined : { version, records, lines };
}

async function writeCache(entries: Iterable<[string, [string, string, SearchRecord]]>, append: boolean) {
  const out = createWriteStream(recordsFile, { encoding: 'utf8', flags: append ? 'a' : 'w' });
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r)));
  if (!append) await write(`${JSON.stringify({ version })}\n`);
  for (const [url, entry] of entries) await write(`${JSON.stringify([url, ...entry])}\n`);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const cached = await readCache().catch(() => undefined);
const usable = cached?.version === version ? cached.records : {};
const changed = values.changed && cached?.version === version ? new Set((await readFile(values.changed, 'utf8')).split('\n').filter(Boolean)) : undefined;

/** The built file of a page: `/van-ban/x/` → `<site>/van-ban/x/index.html`. */
const fileOf = (url: string) => path.join(site, ...url.split('/').filter(Boolean), 'index.html');

// 1. Records: from the cache for pages that did not change, made again for the others.
const records = new Map<string, SearchRecord>();
const digests = new Map<string, string>();
const toRead: RecordJob[] = [];
let fromCache = 0;
for (const metadata of manifest) {
  const hit = usable[metadata.url]?.[0] === JSON.stringify(metadata) ? usable[metadata.url] : undefined;
  if (hit && changed && !changed.has(metadata.url)) {
    records.set(metadata.url, hit[2]);
    digests.set(metadata.url, hit[1]);
    fromCache++;
  } else toRead.push({ metadata, file: fileOf(metadata.url), ...(hit ? { digest: hit[1] } : {}) });
}

async function readRecords(pages: RecordJob[]): Promise<string[]> {
  const missing: string[] = [];
  if (pages.length === 0) return missing;
  const bar = values.quiet || pages.length < 500 ? undefined : new SingleBar({ format: 'search index: reading pages {bar} {value}/{total}', hideCursor: true }, Presets.shades_classic);
  bar?.start(pages.length, 0);
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(pages.length / 200), 4));
  const queue = [...pages];
  let done = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(new URL('./lib/search/record-worker.ts', import.meta.url));
      // One answer per batch, in order; an error in the worker fails the batch it was on.
      let pending: { resolve: (answers: RecordAnswer[]) => void; reject: (error: unknown) => void } | undefined;
      worker.on('message', (answers: RecordAnswer[]) => pending?.resolve(answers));
      worker.on('error', (error) => pending?.reject(error));
      try {
        for (let batch = queue.splice(0, 100); batch.length > 0; batch = queue.splice(0, 100)) {
          const made = await new Promise<RecordAnswer[]>((resolve, reject) => {
            pending = { resolve, reject };
            worker.postMessage(batch);
          });
          made.forEach((got, i) => {
            const { url } = batch[i]!.metadata;
            if (!got) return void missing.push(url);
            if (got.record === 'same') fromCache++;
            records.set(url, got.record === 'same' ? usable[url]![2] : got.record);
            digests.set(url, got.digest);
          });
          done += batch.length;
          bar?.update(done);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  bar?.stop();
  return missing;
}

const missing = await readRecords(toRead);
if (missing.length > 0) {
  console.error(
    `search index: ${missing.length} trang cần tìm kiếm không có trong ${site} hoặc không có phần data-pagefind-body: ${missing.slice(0, 5).join(', ')}. Hãy chạy lại npm run build.\n` +
      `search index: ${missing.length} searchable page(s) are missing from ${site} or have no data-pagefind-body part: ${missing.slice(0, 5).join(', ')}. Run npm run build again.`,
  );
  process.exit(1);
}
log(`${toRead.length} page(s) read, ${fromCache} record(s) from the cache, in ${elapsed()}`);

// 2. The index of each language; only files whose content changed are written.
const written = await readFile(writtenFile, 'utf8').then((t) => JSON.parse(t) as Record<string, string>, () => ({}) as Record<string, string>);
// Without the list of what was written last time, nothing in the folder can be trusted.
if (Object.keys(written).length === 0) await rm(path.join(site, 'search'), { recursive: true, force: true });
const nowWritten: Record<string, string> = {};
let writes = 0;
let removed = 0;
const all = [...records.values()];
for (const locale of locales) {
  const files = writeSearchIndex(locale, all);
  const dir = path.join(site, 'search', locale);
  const dirs = new Set<string>();
  const pending: [string, string][] = [];
  for (const [rel, text] of files) {
    const key = `${locale}/${rel}`;
    const digest = contentDigest(text);
    nowWritten[key] = digest;
    const target = path.join(dir, rel);
    if (written[key] === digest && existsSync(target)) continue;
    dirs.add(path.dirname(target));
    pending.push([target, text]);
  }
  for (const d of dirs) await mkdir(d, { recursive: true });
  for (let i = 0; i < pending.length; i += 256) await Promise.all(pending.slice(i, i + 256).map(([target, text]) => writeFile(target, text)));
  writes += pending.length;
}
for (const key of Object.keys(written)) {
  if (key in nowWritten) continue;
  await rm(path.join(site, 'search', key), { force: true });
  removed++;
}
await rm(path.join(site, 'pagefind'), { recursive: true, force: true });
await mkdir(work, { recursive: true });
await writeFile(writtenFile, JSON.stringify(nowWritten));
// Append the records made again when the cache is current and will not grow past twice the pages; else write it anew.
const remade = [...records].filter(([url]) => usable[url]?.[2] !== records.get(url));
const append = cached?.version === version && cached.lines + remade.length <= 2 * records.size;
await writeCache((append ? remade : [...records]).map(([url, r]) => [url, [JSON.stringify(r.metadata), digests.get(url)!, r]] as [string, [string, string, SearchRecord]]), append);
log(`${records.size} page(s) in the index; ${writes} file(s) written, ${removed} removed; done in ${elapsed()}`);
