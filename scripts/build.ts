/**
 * npm run build [-- --full] [--out dist]
 *
 * Builds the site and its search index. When the previous build is still in
 * the output folder and nothing but content changed since (same code, same
 * settings, same day), only the pages that show changed entries are built
 * again, and only their search records are made again (see
 * src/site/incremental.ts and scripts/build-search-index.ts). Otherwise, or
 * with --full, everything is built. Either way the output is the same.
 * Share cards (scripts/draw-share-cards.ts) are drawn for new or changed
 * entries only, from a cache kept between builds.
 *
 * A full build over a site that is there already (served by `npm start` while
 * an editor publishes) is made in a folder beside it and put in its place
 * only when complete: readers never get an emptied or half-built site, and a
 * build that fails leaves the last good site served.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { glob, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { portalCacheDir } from '../src/content-loader/body-cache.ts';
import { readContentFile } from '../src/content-loader/read-content.ts';
import { contentDigest } from '../src/lib/content/digest.ts';
import { buildDate } from '../src/lib/dates.ts';
import { timemapPath } from '../src/lib/history/mementos.ts';
import { commitRoutePlan, readRoutePlan } from '../src/site/route-plan.ts';
import { buildCodeFiles } from './lib/build/code-files.ts';

// A system call that fails (a full disk, a file where a folder should be) is told in one line, which
// `npm start` shows the editor (src/lib/publication-gate/messages.ts), not as Node's dump of the error's fields.
process.on('uncaughtException', (error: Error & { syscall?: string }) => {
  console.error(error.syscall ? error.message : error);
  process.exit(1);
});

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    out: { type: 'string', default: 'dist' },
  },
});
const root = process.cwd();
const outDir = path.resolve(values.out!);
const stateFile = path.join(portalCacheDir(), 'portal-build.json');
const started = Date.now();
/** The deploy's time: the pages link the mementos this deploy keeps at that time, and the memento step keeps them at it. */
const deployedAt = process.env.PORTAL_DEPLOYED_AT ?? new Date(started).toISOString();

/** Everything but the entries that shapes the output: code, settings, dependencies, the date. */
async function codeDigest(): Promise<string> {
  // With or without a memento store: the pages' histories link mementos only with one.
  const parts: string[] = [buildDate(), outDir, process.env.PORTAL_MEMENTOS ? 'mementos' : ''];
  const files = await buildCodeFiles(root);
  // Regular files only: a link (refused by the content check, which runs next) is never followed here.
  const publicDir = path.resolve(process.env.PORTAL_PUBLIC_DIR ?? 'public');
  for await (const f of glob('**/*', { cwd: publicDir, withFileTypes: true })) if (f.isFile()) files.push(path.join(f.parentPath, f.name));
  for (const f of files.sort()) {
    const text = await readFile(path.resolve(root, f)).catch(() => undefined);
    if (text) parts.push(f, text.toString('base64'));
  }
  for (const f of ['content/site.yml', 'content/taxonomy.yml']) parts.push(f, (await readContentFile(root, f)).source ?? '');
  return contentDigest(...parts);
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (exit code ${code})`))));
  });
}

const digest = await codeDigest();
const previous = await readFile(stateFile, 'utf8').then((t) => JSON.parse(t) as { digest: string }, () => undefined);
const previousPlan = await readRoutePlan('current');
const incremental = !values.full && previous?.digest === digest && previousPlan !== undefined && existsSync(path.join(outDir, 'index.html'));
// Until this build completes, no build state: an incremental build writes into the site as it goes, so
// one that is stopped or fails midway (Ctrl-C in `npm start`, a cancelled job) leaves pages that the last
// state no longer describes, and the next build must be a full one.
await rm(stateFile, { force: true });
console.log(incremental ? 'build: only what changed (incremental)' : 'build: everything');

const staged = !incremental && existsSync(path.join(outDir, 'index.html'));
/** Where this build writes: the output folder itself, or for a full build over an existing site, a folder beside it. */
const target = staged ? `${outDir}.next` : outDir;
if (staged) await rm(target, { recursive: true, force: true });

const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
await run(process.execPath, [astro, 'build', '--outDir', target], { PORTAL_BUILD_MODE: incremental ? 'incremental' : 'full', PORTAL_DEPLOYED_AT: deployedAt });
const plan = await readRoutePlan('next');
if (!plan) throw new Error('The build did not record its pages (missing portal-routes.next.json).');

// With the same code as the last build, the search index only needs to read pages whose
// fingerprint changed: the others are exactly as they were indexed. Otherwise it reads all.
const sameCode = previous?.digest === digest && previousPlan !== undefined;
const changedList = path.join(portalCacheDir(), 'portal-changed-pages.txt');
if (sameCode && previousPlan) {
  const gone = Object.keys(previousPlan.routes).filter((r) => !(r in plan.routes));
  if (incremental) {
    for (const r of gone) await rm(path.join(outDir, r, 'index.html'), { force: true });
    if (gone.length > 0) console.log(`build: removed ${gone.length} page(s) of deleted entries`);
    // A TimeMap the build no longer writes: a deleted entry's, or an address its page moved away from.
    const kept = new Set(plan.timemaps ?? []);
    for (const r of previousPlan.timemaps ?? []) if (!kept.has(r)) await rm(path.join(outDir, timemapPath(r)), { force: true });
  }
  const changed = Object.keys(plan.routes).filter((r) => previousPlan.routes[r] !== plan.routes[r]);
  await writeFile(changedList, [...changed, ...gone].join('\n'));
}
const searchIndex = () => run(process.execPath, ['scripts/build-search-index.ts', '--site', target, ...(sameCode ? ['--changed', changedList] : [])], {});
const shareCards = () => run(process.execPath, ['scripts/draw-share-cards.ts', '--site', target], {});
if (incremental) {
  // A few pages changed: each step is mostly Node starting and reading its state, about a second
  // apiece. Side by side (they write apart: search/ and og/), the build waits for the longer only.
  const [index, cards] = await Promise.allSettled([searchIndex(), shareCards()]);
  for (const step of [index, cards]) if (step.status === 'rejected') throw step.reason;
} else {
  // After a full build each step can take a gigabyte or more (the index's worker threads, the cards'
  // drawing): one after the other, so that the build stays within its memory.
  await searchIndex();
  await shareCards();
}
// The versions of pages kept from deploy to deploy (docs/history.md, “Mementos”), when a store is given.
if (process.env.PORTAL_MEMENTOS) await run(process.execPath, ['scripts/mementos.ts', '--store', process.env.PORTAL_MEMENTOS, '--site', target, '--at', deployedAt], {});

if (staged) {
  // The complete site takes the old one's place; between the two renames (microseconds) the folder is absent.
  const old = `${outDir}.old`;
  await rm(old, { recursive: true, force: true });
  await rename(outDir, old);
  await rename(target, outDir);
  await rm(old, { recursive: true, force: true });
}

await mkdir(path.dirname(stateFile), { recursive: true });
await writeFile(stateFile, JSON.stringify({ digest }));
await commitRoutePlan();
console.log(`build: ${plan.build.length} of ${Object.keys(plan.routes).length} pages built, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
