/**
 * npm run bench:mementos -- --content DIR --cache DIR --site DIR [--versions 3]
 *
 * What keeping and serving mementos costs on a built site (docs/performance.md,
 * “Mementos at 20,000 pages”): the site built with PORTAL_CONTENT_DIR=DIR and
 * PORTAL_CACHE_DIR=DIR (for example the benchmark's kept corpus, `npm run bench
 * -- --keep`). On a copy of the site, three deploys of the memento step
 * (scripts/mementos.ts), each measured (wall time, peak memory of the process
 * tree):
 *
 *   first deploy     every listed page is new: captured, then served
 *   next deploy      nothing changed: every page hashed, nothing captured,
 *                    every kept version served again
 *   with histories   every page given --versions versions in all (each later
 *                    version its copy with one changed paragraph, as an edit
 *                    makes), then a deploy serving them all, with the
 *                    word-level comparisons
 *
 * and the sizes: the store, and what the mementos add to the site (archived
 * copies, comparisons, kept files, TimeMaps).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mementoStamp, parseMementoIndex, withMementos } from '../../src/lib/history/mementos.ts';
import { capturedFile, writeIndex } from '../lib/mementos/store.ts';
import { measure, type Measured } from './measure.ts';
import { dirBytes } from './sizes.ts';

const { values } = parseArgs({
  options: { content: { type: 'string' }, cache: { type: 'string' }, site: { type: 'string' }, versions: { type: 'string', default: '3' } },
});
if (!values.content || !values.cache || !values.site) {
  console.error('Dùng / Usage: npm run bench:mementos -- --content DIR --cache DIR --site DIR [--versions 3]');
  process.exit(2);
}
const versions = Number(values.versions);
const work = mkdtempSync(path.join(tmpdir(), 'portal-bench-mementos-'));
const site = path.join(work, 'site');
const store = path.join(work, 'store');
const env = { ...process.env, PORTAL_CONTENT_DIR: path.resolve(values.content), PORTAL_CACHE_DIR: path.resolve(values.cache) };

console.log(`bench:mementos: copying the site (${values.site}) …`);
cpSync(values.site, site, { recursive: true });
const siteBytes = await dirBytes(site);

const day = (n: number) => new Date(Date.UTC(2026, 11, n, 1, 0, 0));
async function deploy(label: string, at: Date): Promise<Measured> {
  console.log(`bench:mementos: ${label} …`);
  return measure(process.execPath, ['scripts/mementos.ts', '--store', store, '--site', site, '--at', at.toISOString()], env);
}

/** What the mementos add to the site: the archive's folders and the TimeMaps. */
async function added(): Promise<number> {
  let total = 0;
  for (const dir of ['luu-tru', 'en/archive', 'timemap']) total += await dirBytes(path.join(site, dir)).catch(() => 0);
  return total;
}

const first = await deploy('first deploy (every page new)', day(1));
const afterFirst = { store: await dirBytes(store), site: await added() };
const next = await deploy('next deploy (nothing changed)', day(2));

// Histories: each page gets versions 2…n, each its last copy with one paragraph changed (a new SHA-256).
const index = parseMementoIndex(readFileSync(path.join(store, 'mementos.json'), 'utf8'));
if (!index.ok) throw new Error(index.problem.en);
let grown = index.index;
const pages = Object.entries(index.index.pages);
for (let v = 2; v <= versions; v++) {
  const stamp = mementoStamp(day(2 + v));
  const captured = pages.map(([pagePath, list]) => {
    const html = readFileSync(capturedFile(store, list.at(-1)!.stamp, pagePath), 'utf8').replace('</p>', ` (sửa lần ${v})</p>`);
    const target = capturedFile(store, stamp, pagePath);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, html);
    return { path: pagePath, commit: undefined, sha256: createHash('sha256').update(html).digest('hex'), files: list.at(-1)!.files };
  });
  grown = withMementos(grown, stamp, captured);
}
await writeIndex(store, grown);
const histories = await deploy(`a deploy serving ${versions} versions of every page`, day(3 + versions));
const afterHistories = { store: await dirBytes(store), site: await added() };
rmSync(work, { recursive: true, force: true });

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const row = (label: string, m: Measured, sizes?: { store: number; site: number }) =>
  `| ${label} | ${m.seconds.toFixed(1)} s | ${(m.peakBytes / 1e9).toFixed(2)} GB | ${sizes ? mb(sizes.store) : '–'} | ${sizes ? mb(sizes.site) : '–'} |`;
console.log(
  [
    '',
    `${pages.length} pages with mementos; the site without them: ${mb(siteBytes)}`,
    '',
    '| memento step | time | peak memory | store | added to the site |',
    '|---|---|---|---|---|',
    row('first deploy (every page new)', first, afterFirst),
    row('next deploy (nothing changed)', next),
    row(`${versions} versions of every page`, histories, afterHistories),
  ].join('\n'),
);
