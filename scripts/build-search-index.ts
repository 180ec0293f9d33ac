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
 * from (scripts/lib/search/records-cache.ts; a page read again and found the
 * same keeps its record).
 *
 * --changed FILE: only the pages listed in FILE (one URL path per line) may
 * have changed since the last run. When the set of pages is the same, the
 * index is patched (src/lib/search/patch-index.ts): only the changed pages'
 * records are made, and only the files their words live in are read and
 * written. Otherwise the index is written from all the records (the others'
 * from the cache); only files whose content changed are written again.
 * --full: read every page again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { Presets, SingleBar } from 'cli-progress';
import { portalCacheDir } from '../src/content-loader/body-cache.ts';
import { contentDigest } from '../src/lib/content/digest.ts';
import { locales, type Locale } from '../src/lib/locales.ts';
import { patchSearchIndex, type IndexPatch, type PageChange } from '../src/lib/search/patch-index.ts';
import type { IndexFile } from '../src/lib/search/index-format.ts';
import type { SearchRecord } from '../src/lib/search/record.ts';
import { byCodeUnits, writeSearchIndex } from '../src/lib/search/write-index.ts';
import { readSearchManifest, searchManifestFile } from '../src/site/search-manifest.ts';
import { recordOfPage, type RecordAnswer, type RecordJob } from './lib/search/record-of-page.ts';
import { metadataDigest, RecordsCache, type CachedRecord } from './lib/search/records-cache.ts';

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
const writtenFile = path.join(work, 'written.json');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (m: string) => values.quiet || console.log(`search index: ${m}`);
/** More changed pages than this, and writing the whole index costs less than patching it. */
const PATCH_LIMIT = 200;

/** The index's code (and the cache's layout): records made by other code are made again. */
async function codeVersion(): Promise<string> {
  const dir = new URL('../src/lib/search/', import.meta.url);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const parts = await Promise.all(files.map(async (f) => f + (await readFile(new URL(f, dir), 'utf8'))));
  for (const f of ['../node_modules/porter2/package.json', './build-search-index.ts', './lib/search/record-of-page.ts', './lib/search/records-cache.ts']) {
    parts.push(await readFile(new URL(f, import.meta.url), 'utf8'));
  }
  return contentDigest(...parts);
}

const manifest = await readSearchManifest();
if (!manifest) {
  console.error(
    `search index: không có danh sách trang tìm kiếm (${searchManifestFile()}): hãy chạy npm run build trước.\n` +
      `search index: there is no list of searchable pages (${searchManifestFile()}): run npm run build first.`,
  );
  process.exit(1);
}
const cache = new RecordsCache(work, await codeVersion());
/** What was written last time: `<locale>/<path>` → digest. Without it, nothing in the folder can be trusted. */
const written = await readFile(writtenFile, 'utf8').then((t) => JSON.parse(t) as Record<string, string>, () => ({}) as Record<string, string>);
const changed = values.changed && !values.full ? new Set((await readFile(values.changed, 'utf8')).split('\n').filter(Boolean)) : undefined;

/**
 * A full garbage collection, between the languages: V8 grows its heap rather than collect
 * while the machine has memory, and the first language's files would still be counted when
 * the second one's are made (the peak the benchmark measures). `gc` is exposed for this call.
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** The built file of a page: `/van-ban/x/` → `<site>/van-ban/x/index.html`. */
const fileOf = (url: string) => path.join(site, ...url.split('/').filter(Boolean), 'index.html');

function failMissing(missing: string[]): never {
  console.error(
    `search index: ${missing.length} trang cần tìm kiếm không có trong ${site} hoặc không có phần data-pagefind-body: ${missing.slice(0, 5).join(', ')}. Hãy chạy lại npm run build.\n` +
      `search index: ${missing.length} searchable page(s) are missing from ${site} or have no data-pagefind-body part: ${missing.slice(0, 5).join(', ')}. Run npm run build again.`,
  );
  process.exit(1);
}

/** Writes (or removes: null) files of the index, keeping `written` true to the folder. */
async function commitFiles(files: Iterable<[string, IndexFile | null]>): Promise<{ writes: number; removed: number }> {
  const pending: [string, IndexFile][] = [];
  const gone: string[] = [];
  for (const [key, text] of files) {
    const target = path.join(site, 'search', key);
    if (text === null) {
      delete written[key];
      gone.push(target);
      continue;
    }
    const digest = contentDigest(text);
    if (written[key] === digest && existsSync(target)) continue;
    written[key] = digest;
    pending.push([target, text]);
  }
  for (const d of new Set(pending.map(([target]) => path.dirname(target)))) await mkdir(d, { recursive: true });
  for (let i = 0; i < pending.length; i += 256) await Promise.all(pending.slice(i, i + 256).map(([target, text]) => writeFile(target, text)));
  for (const target of gone) await rm(target, { force: true });
  await rm(path.join(site, 'pagefind'), { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await writeFile(writtenFile, JSON.stringify(written));
  return { writes: pending.length, removed: gone.length };
}

/**
 * The incremental path: the same pages as last time, few of them changed.
 * Returns why it cannot patch, or undefined when the index was patched.
 */
async function patch(changed: Set<string>): Promise<string | undefined> {
  const index = await cache.index();
  if (!index) return 'no usable records cache';
  if (Object.keys(written).length === 0) return 'no list of the files last written';
  if (manifest!.length !== Object.keys(index.at).length || manifest!.some((m) => !(m.url in index.at))) return 'pages were added or removed';
  const candidates: RecordJob[] = [];
  for (const metadata of manifest!) {
    const [, , metaDigest, digest] = index.at[metadata.url]!;
    const sameMetadata = metaDigest === metadataDigest(JSON.stringify(metadata));
    if (changed.has(metadata.url) || !sameMetadata) candidates.push({ metadata, file: fileOf(metadata.url), ...(sameMetadata ? { digest } : {}) });
  }
  if (candidates.length > PATCH_LIMIT) return `${candidates.length} pages changed`;
  const answers = await Promise.all(candidates.map(recordOfPage));
  const missing = candidates.filter((_, i) => answers[i] === null).map((c) => c.metadata.url);
  if (missing.length > 0) failMissing(missing);
  const remade = new Map<string, CachedRecord>();
  answers.forEach((got, i) => {
    const { metadata } = candidates[i]!;
    if (got && got.record !== 'same') remade.set(metadata.url, { metadata: JSON.stringify(metadata), digest: got.digest, record: got.record });
  });
  const before = await cache.read(index, remade.keys());
  const patches: [Locale, IndexPatch][] = locales.map((locale) => {
    const urls = manifest!.filter((m) => m.locale === locale).map((m) => m.url).sort(byCodeUnits);
    const number = new Map(urls.map((url, n) => [url, n]));
    const changes: PageChange[] = [...remade]
      .filter(([, r]) => r.record.metadata.locale === locale)
      .map(([url, r]) => ({ page: number.get(url)!, before: before.get(url)!.record, after: r.record }));
    const read = (rel: string) => {
      const key = `${locale}/${rel}`;
      if (!(key in written)) return undefined;
      const file = (() => {
        try {
          return new Uint8Array(readFileSync(path.join(site, 'search', key)));
        } catch {
          return undefined;
        }
      })();
      return file !== undefined && contentDigest(file) === written[key] ? file : undefined;
    };
    // A full site build empties the output folder: with no change to patch, the index must still be there.
    if (changes.length === 0) return [locale, read('index.json') === undefined ? { refused: 'index.json is missing' } : { files: new Map() }];
    return [locale, patchSearchIndex(locale, changes, read)];
  });
  const refused = patches.find(([, p]) => 'refused' in p);
  if (refused) return `${refused[0]}: ${(refused[1] as { refused: string }).refused}`;
  const files = patches.flatMap(([locale, p]) => [...(p as { files: Map<string, IndexFile | null> }).files].map(([rel, file]) => [`${locale}/${rel}`, file] as [string, IndexFile | null]));
  const { writes, removed } = await commitFiles(files);
  if (remade.size > 0) await cache.write(remade, index);
  log(`${candidates.length} page(s) read, ${remade.size} changed; index patched: ${writes} file(s) written, ${removed} removed; done in ${elapsed()}`);
  return undefined;
}

async function readRecords(pages: RecordJob[], cached: Map<string, CachedRecord>, records: Map<string, SearchRecord>, digests: Map<string, string>): Promise<string[]> {
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
            records.set(url, got.record === 'same' ? cached.get(url)!.record : got.record);
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

/** The whole index from all the records: from the cache for pages that did not change, made again for the others. */
async function writeWhole(): Promise<void> {
  const index = values.full ? undefined : await cache.index();
  const cached = values.full ? new Map<string, CachedRecord>() : await cache.readAll();
  const records = new Map<string, SearchRecord>();
  const digests = new Map<string, string>();
  const toRead: RecordJob[] = [];
  let fromCache = 0;
  for (const metadata of manifest!) {
    const hit = cached.get(metadata.url)?.metadata === JSON.stringify(metadata) ? cached.get(metadata.url) : undefined;
    if (hit && changed && !changed.has(metadata.url)) {
      records.set(metadata.url, hit.record);
      digests.set(metadata.url, hit.digest);
      fromCache++;
    } else toRead.push({ metadata, file: fileOf(metadata.url), ...(hit ? { digest: hit.digest } : {}) });
  }
  const missing = await readRecords(toRead, cached, records, digests);
  if (missing.length > 0) failMissing(missing);
  const remade = [...records].filter(([url, r]) => cached.get(url)?.record !== r);
  log(`${toRead.length} page(s) read, ${records.size - remade.length} record(s) from the cache, in ${elapsed()}`);

  if (Object.keys(written).length === 0) await rm(path.join(site, 'search'), { recursive: true, force: true });
  const all = [...records.values()];
  // One language at a time, written before the next is made: the texts of both never stand in memory together.
  const made = new Set<string>();
  let writes = 0;
  for (const locale of locales) {
    const files = new Map<string, IndexFile | null>();
    for (const [rel, text] of writeSearchIndex(locale, all)) files.set(`${locale}/${rel}`, text);
    for (const key of files.keys()) made.add(key);
    writes += (await commitFiles(files)).writes;
    files.clear();
    collectGarbage();
  }
  const { removed } = await commitFiles(Object.keys(written).filter((key) => !made.has(key)).map((key) => [key, null]));

  // Append the records made again when the cache is current and will not grow past twice the pages; else write it anew.
  const entry = ([url, record]: [string, SearchRecord]): [string, CachedRecord] => [url, { metadata: JSON.stringify(record.metadata), digest: digests.get(url)!, record }];
  if (index && index.lines + remade.length <= 2 * records.size) {
    // Pages no longer in the manifest leave the index (their lines stay until the file is written anew).
    const at = Object.fromEntries(Object.entries(index.at).filter(([url]) => records.has(url)));
    await cache.write(remade.map(entry), { ...index, at });
  } else await cache.write([...records].map(entry));
  log(`${records.size} page(s) in the index; ${writes} file(s) written, ${removed} removed; done in ${elapsed()}`);
}

const refused = changed ? await patch(changed) : 'no list of changed pages';
if (refused !== undefined) {
  if (changed) log(`writing the whole index (${refused})`);
  await writeWhole();
}
