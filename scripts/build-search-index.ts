/**
 * npm run index [-- --site dist] [--full] [--changed FILE]
 *
 * Builds the Pagefind search index of the built site in shards (see
 * src/lib/search-index-plan.ts). Each page's searchable part is compared with
 * what was indexed last time (kept in the build cache), and only the shards
 * holding changed pages are indexed again, by the Pagefind binary, two at a
 * time. The shards are then linked into <site>/pagefind/, with shards.json
 * listing them for the search page.
 *
 * --changed FILE: only the pages listed in FILE (one URL path per line) may
 * have changed since the last run, so the others are not read again.
 * --full: index every shard again.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, glob, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { contentDigest } from '../src/lib/content/validate.ts';
import { indexableHtml, searchDocument, type SearchDocument } from '../src/lib/search-document.ts';
import { planIndex, type IndexManifest } from '../src/lib/search-index-plan.ts';
import { portalCacheDir } from '../src/content/body-cache.ts';

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
const docsDir = (shard: number) => path.join(work, 'docs', `shard-${shard}`);
const bundleDir = (shard: number) => path.join(work, 'bundles', `shard-${shard}`);
const manifestFile = path.join(work, 'manifest.json');
const started = Date.now();
const log = (m: string) => values.quiet || console.log(`search index: ${m}`);

const pagefindDir = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
const pagefindVersion = (JSON.parse(await readFile(path.join(pagefindDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
const version = contentDigest(pagefindVersion, await readFile(new URL('../src/lib/search-document.ts', import.meta.url), 'utf8'), await readFile(new URL('../src/lib/search-folding.ts', import.meta.url), 'utf8'));

const previous = await readFile(manifestFile, 'utf8').then((t) => JSON.parse(t) as IndexManifest, () => undefined);

// 1. What is searchable now, and its hash.
const pages: Record<string, string> = {};
const docs = new Map<string, SearchDocument>();
let files: string[];
if (values.changed && previous && !values.full) {
  Object.assign(pages, previous.pages);
  const changed = (await readFile(values.changed, 'utf8')).split('\n').filter(Boolean);
  files = changed.map((url) => path.join(url.replace(/^\//, ''), 'index.html'));
  for (const url of changed) delete pages[url];
} else {
  files = [];
  for await (const f of glob('**/*.html', { cwd: site, exclude: (p) => p === 'pagefind' })) files.push(f);
}
const bar = values.quiet ? undefined : new SingleBar({ format: 'search index: reading pages {bar} {value}/{total}', hideCursor: true }, Presets.shades_classic);
bar?.start(files.length, 0);
for (let i = 0; i < files.length; i += 64) {
  await Promise.all(
    files.slice(i, i + 64).map(async (f) => {
      const html = await readFile(path.join(site, f), 'utf8').catch(() => undefined);
      const doc = html === undefined ? undefined : searchDocument(f, html);
      if (!doc) return;
      pages[doc.url] = contentDigest(doc.source);
      docs.set(doc.url, doc);
    }),
  );
  bar?.update(Math.min(i + 64, files.length));
}
bar?.stop();
log(`${files.length} file(s) read in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// 2. Which shards to index again.
const plan = planIndex(values.full ? undefined : previous, version, pages);
log(`${Object.keys(pages).length} searchable pages in ${plan.shards} shard(s); ${plan.rebuild.length} to index`);

// 3. Keep each shard's documents on disk; write the changed ones.
const docFile = (url: string) => path.join(docsDir(plan.shardOfPage.get(url) ?? 0), `${contentDigest(url)}.html`);
const rewriteAll = !previous || previous.shards !== plan.shards || plan.rebuild.length === plan.shards;
if (rewriteAll) await rm(path.join(work, 'docs'), { recursive: true, force: true });
for (let shard = 0; shard < plan.shards; shard++) await mkdir(docsDir(shard), { recursive: true });
const toWrite = [...docs].filter(([url]) => rewriteAll || previous?.pages[url] !== pages[url]);
for (let i = 0; i < toWrite.length; i += 64) {
  await Promise.all(toWrite.slice(i, i + 64).map(([url, doc]) => writeFile(docFile(url), indexableHtml(doc))));
}
log(`${toWrite.length} page(s) prepared in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (previous && previous.shards === plan.shards) {
  for (const url of Object.keys(previous.pages)) {
    if (!(url in pages)) await rm(docFile(url), { force: true });
  }
}

// 4. Index the dirty shards with the Pagefind binary, two at a time.
function runPagefind(shard: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(pagefindDir, 'runner', 'bin.cjs'), '--site', docsDir(shard), '--output-path', bundleDir(shard), '--silent'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Pagefind failed on shard ${shard} (exit code ${code})`))));
  });
}
const queue = [...plan.rebuild];
let done = 0;
await Promise.all(
  [0, 1].map(async () => {
    for (let shard = queue.shift(); shard !== undefined; shard = queue.shift()) {
      const t = Date.now();
      await rm(bundleDir(shard), { recursive: true, force: true });
      await mkdir(docsDir(shard), { recursive: true });
      await runPagefind(shard);
      done++;
      log(`shard ${shard} indexed in ${((Date.now() - t) / 1000).toFixed(1)} s (${done}/${plan.rebuild.length})`);
    }
  }),
);
await mkdir(work, { recursive: true });
await writeFile(manifestFile, JSON.stringify({ version, shards: plan.shards, pages } satisfies IndexManifest));

// 5. Put the shards into the site: hard links (instant), or copies across file systems.
// Shards already in the site from the last run stay; rebuilt ones are replaced.
const target = path.join(site, 'pagefind');
const inPlace = existsSync(path.join(target, 'shards.json')) && JSON.parse(await readFile(path.join(target, 'shards.json'), 'utf8')).length === plan.shards;
if (!inPlace) await rm(target, { recursive: true, force: true });
for (let shard = 0; shard < plan.shards; shard++) {
  if (inPlace && !plan.rebuild.includes(shard)) continue;
  await rm(path.join(target, `shard-${shard}`), { recursive: true, force: true });
  const from = bundleDir(shard);
  const to = path.join(target, `shard-${shard}`);
  for await (const f of glob('**/*', { cwd: from, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const rel = path.relative(from, path.join(f.parentPath, f.name));
    await mkdir(path.dirname(path.join(to, rel)), { recursive: true });
    await link(path.join(from, rel), path.join(to, rel)).catch(() => cp(path.join(from, rel), path.join(to, rel)));
  }
}
await writeFile(path.join(target, 'shards.json'), JSON.stringify(Array.from({ length: plan.shards }, (_, i) => `/pagefind/shard-${i}/`)));
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
