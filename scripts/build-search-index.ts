/**
 * npm run index [-- --site dist] [--full] [--changed FILE]
 *
 * Builds the Pagefind search index of the built site in shards, one language
 * per shard (see src/lib/search-index-plan.ts). The pages to index and their
 * metadata come from the search manifest the build wrote from the entries
 * (src/site/search-manifest.ts); each page's file only gives its text
 * (src/lib/search-document.ts). Each page's searchable part
 * is compared with what was indexed last time (kept in the build cache), and
 * only the shards holding changed pages are indexed again, by the Pagefind
 * binary, two at a time. The shards are linked into <site>/pagefind/, with
 * shards.json listing each language's shards for the search page.
 *
 * --changed FILE: only the pages listed in FILE (one URL path per line) may
 * have changed since the last run, so the others are not read again.
 * --full: index everything again.
 * PORTAL_PAGES_PER_SHARD: pages per shard (default 1,000; the browser tests
 * use small shards so that every search merges several).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, glob, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { portalCacheDir } from '../src/content/body-cache.ts';
import { contentDigest } from '../src/lib/content/validate.ts';
import { indexableHtml, searchDocument, type SearchDocument, type SearchMetadata } from '../src/lib/search-document.ts';
import { layoutFor, PAGES_PER_SHARD, planIndex, shardNames, shardOf, type IndexManifest, type Layout } from '../src/lib/search-index-plan.ts';
import { vocabulary } from '../src/lib/search-vocabulary.ts';
import { readSearchManifest, searchManifestFile } from '../src/site/search-manifest.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    full: { type: 'boolean', default: false },
    changed: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const site = path.resolve(values.site!);
const perShard = Number(process.env.PORTAL_PAGES_PER_SHARD) || PAGES_PER_SHARD;
const work = path.join(portalCacheDir(), 'portal-search');
const docsDir = (shard: string) => path.join(work, 'docs', shard);
const bundleDir = (shard: string) => path.join(work, 'bundles', shard);
const manifestFile = path.join(work, 'manifest.json');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (m: string) => values.quiet || console.log(`search index: ${m}`);

const pagefindDir = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
const pagefindVersion = (JSON.parse(await readFile(path.join(pagefindDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
const version = contentDigest(
  pagefindVersion,
  String(perShard),
  await readFile(new URL('../src/lib/search-document.ts', import.meta.url), 'utf8'),
  await readFile(new URL('../src/lib/search-folding.ts', import.meta.url), 'utf8'),
  await readFile(new URL('../src/lib/search-vocabulary.ts', import.meta.url), 'utf8'),
);
const previous = values.full ? undefined : await readFile(manifestFile, 'utf8').then((t) => JSON.parse(t) as IndexManifest, () => undefined);

const manifest = await readSearchManifest();
if (!manifest) {
  console.error(
    `search index: không có danh sách trang tìm kiếm (${searchManifestFile()}): hãy chạy npm run build trước.\n` +
      `search index: there is no list of searchable pages (${searchManifestFile()}): run npm run build first.`,
  );
  process.exit(1);
}
const searchable = new Map(manifest.map((m) => [m.url, m]));

/** The built file of a page: `/van-ban/x/` → `<site>/van-ban/x/index.html`. */
const fileOf = (url: string) => path.join(site, ...url.split('/').filter(Boolean), 'index.html');

/** Reads the `wanted` pages into `pages` (URL → hash) and `docs` (URL → searchable part). */
async function readPages(wanted: SearchMetadata[], pages: Record<string, string>, docs: Map<string, SearchDocument>) {
  const bar = values.quiet || wanted.length < 500 ? undefined : new SingleBar({ format: 'search index: reading pages {bar} {value}/{total}', hideCursor: true }, Presets.shades_classic);
  bar?.start(wanted.length, 0);
  const missing: string[] = [];
  for (let i = 0; i < wanted.length; i += 64) {
    await Promise.all(
      wanted.slice(i, i + 64).map(async (metadata) => {
        const html = await readFile(fileOf(metadata.url), 'utf8').catch(() => undefined);
        const doc = html === undefined ? undefined : searchDocument(metadata, html);
        if (!doc) return void missing.push(metadata.url);
        pages[metadata.url] = contentDigest(JSON.stringify(doc));
        docs.set(metadata.url, doc);
      }),
    );
    bar?.update(Math.min(i + 64, wanted.length));
  }
  bar?.stop();
  if (missing.length > 0) {
    console.error(
      `search index: ${missing.length} trang cần tìm kiếm không có trong ${site} hoặc không có phần data-pagefind-body: ${missing.slice(0, 5).join(', ')}. Hãy chạy lại npm run build.\n` +
        `search index: ${missing.length} searchable page(s) are missing from ${site} or have no data-pagefind-body part: ${missing.slice(0, 5).join(', ')}. Run npm run build again.`,
    );
    process.exit(1);
  }
}

// 1. What is searchable now, and its hash. With --changed, only the listed pages are read;
// if that changes how the shards are laid out, every page is needed after all.
let pages: Record<string, string> = {};
let docs = new Map<string, SearchDocument>();
let partial = false;
if (values.changed && previous) {
  const changed = (await readFile(values.changed, 'utf8')).split('\n').filter(Boolean);
  const reread = new Set(changed);
  // What was indexed and is still searchable stays as it was; the changed pages are read again.
  pages = Object.fromEntries(Object.entries(previous.pages).filter(([url]) => searchable.has(url) && !reread.has(url)));
  await readPages(
    changed.flatMap((url) => searchable.get(url) ?? []),
    pages,
    docs,
  );
  const layout = layoutFor(Object.keys(pages), perShard);
  partial = layout.vi === previous.layout?.vi && layout.en === previous.layout?.en;
  log(`${changed.length} changed page(s) read in ${elapsed()}${partial ? '' : '; the shards change, so every page is read'}`);
}
if (!partial) {
  pages = {};
  docs = new Map();
  await readPages(manifest, pages, docs);
  log(`${manifest.length} page(s) read in ${elapsed()}`);
}

// 2. Which shards to index again.
const plan = planIndex(previous, version, pages, perShard);
const shards = shardNames(plan.layout);
log(`${Object.keys(pages).length} searchable pages in ${shards.length} shard(s); ${plan.rebuild.length} to index`);

// 3. Keep each shard's documents on disk (flat, under a hash of the URL); write the changed ones.
const docFile = (url: string) => path.join(docsDir(shardOf(url, plan.layout)), `${contentDigest(url)}.html`);
if (plan.relayout) await rm(path.join(work, 'docs'), { recursive: true, force: true });
for (const shard of shards) await mkdir(docsDir(shard), { recursive: true });
const toWrite = [...docs].filter(([url]) => plan.relayout || previous?.pages[url] !== pages[url]);
for (let i = 0; i < toWrite.length; i += 64) {
  await Promise.all(toWrite.slice(i, i + 64).map(([url, doc]) => writeFile(docFile(url), indexableHtml(doc, shardOf(url, plan.layout)))));
}
if (!plan.relayout && previous) {
  for (const url of Object.keys(previous.pages)) if (!(url in pages)) await rm(docFile(url), { force: true });
}
log(`${toWrite.length} page(s) prepared in ${elapsed()}`);

// 4. Index the dirty shards with the Pagefind binary, two at a time.
function runPagefind(shard: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(pagefindDir, 'runner', 'bin.cjs'), '--site', docsDir(shard), '--output-path', bundleDir(shard), '--silent'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Pagefind failed on shard ${shard} (exit code ${code})`))));
  });
}
/** A Vietnamese shard's words, by first two letters, for the search page (src/lib/search-vocabulary.ts). */
async function shardVocabulary(shard: string): Promise<Map<string, string[]>> {
  if (!shard.startsWith('vi-')) return new Map();
  const texts: string[] = [];
  for await (const f of glob('*.html', { cwd: docsDir(shard) })) texts.push(await readFile(path.join(docsDir(shard), f), 'utf8'));
  return vocabulary(texts);
}

async function writeVocabulary(shard: string, groups: Map<string, string[]>) {
  if (groups.size === 0) return;
  const dir = path.join(bundleDir(shard), 'words');
  await mkdir(dir, { recursive: true });
  await Promise.all([...groups].map(([key, words]) => writeFile(path.join(dir, `${key}.json`), JSON.stringify(words))));
}
const queue = [...plan.rebuild];
let done = 0;
await Promise.all(
  [0, 1].map(async () => {
    for (let shard = queue.shift(); shard !== undefined; shard = queue.shift()) {
      const t = Date.now();
      await rm(bundleDir(shard), { recursive: true, force: true });
      // The word list is computed here while Pagefind works in its own process.
      const [, words] = await Promise.all([runPagefind(shard), shardVocabulary(shard)]);
      await writeVocabulary(shard, words);
      done++;
      log(`shard ${shard} indexed in ${((Date.now() - t) / 1000).toFixed(1)} s (${done}/${plan.rebuild.length})`);
    }
  }),
);
await mkdir(work, { recursive: true });
await writeFile(manifestFile, JSON.stringify({ version, layout: plan.layout, pages } satisfies IndexManifest));

// 5. Put the shards into the site: hard links (instant), or copies across file systems.
// Shards already in the site from the last run stay; rebuilt ones are replaced.
const target = path.join(site, 'pagefind');
const listing: Record<keyof Layout, string[]> = { vi: [], en: [] };
for (const shard of shards) listing[shard.slice(0, 2) as keyof Layout].push(`/pagefind/${shard}/`);
const listingText = JSON.stringify(listing);
const inPlace = !plan.relayout && (await readFile(path.join(target, 'shards.json'), 'utf8').catch(() => '')) === listingText;
if (!inPlace) await rm(target, { recursive: true, force: true });
for (const shard of shards) {
  if (inPlace && !plan.rebuild.includes(shard) && existsSync(path.join(target, shard))) continue;
  const from = bundleDir(shard);
  const to = path.join(target, shard);
  await rm(to, { recursive: true, force: true });
  for await (const f of glob('**/*', { cwd: from, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const rel = path.relative(from, path.join(f.parentPath, f.name));
    await mkdir(path.dirname(path.join(to, rel)), { recursive: true });
    await link(path.join(from, rel), path.join(to, rel)).catch(() => cp(path.join(from, rel), path.join(to, rel)));
  }
}
await writeFile(path.join(target, 'shards.json'), listingText);
log(`done in ${elapsed()}`);
