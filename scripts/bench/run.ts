/**
 * npm run bench -- --pages 1000,5000,20000 [--runs 3] [--keep DIR] [--json FILE] [--seed 42] [--no-search]
 *
 * Generates a corpus per size (scripts/bench/corpus.ts) in a temporary folder,
 * and measures, in fresh output and cache folders:
 *   cold build     astro build with empty caches (no search index)
 *   index          the complete Pagefind index of that build
 *   warm build     `npm run build -- --full` again: caches kept, every page built
 *   one entry      one news entry edited, then `npm run build` (incremental)
 * each with the peak memory of the whole process tree; then page weights, the
 * JavaScript on content pages, and the bytes a first search transfers in
 * Chromium. Prints a table (medians of --runs runs) and writes JSON.
 *
 * --keep DIR keeps the corpus of the last size in DIR: a content/ tree the
 * normal build accepts with PORTAL_CONTENT_DIR=DIR (see docs/performance.md).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import Table from 'cli-table3';
import { parse } from 'yaml';
import { generateCorpus } from './corpus.ts';
import { measure, median, type Measured } from './measure.ts';
import { searchTransfer, type Transfer } from './search-transfer.ts';
import { pageWeights, type Weights } from './weights.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000,5000,20000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'string' },
    json: { type: 'string' },
    seed: { type: 'string', default: '42' },
    'no-search': { type: 'boolean', default: false },
  },
});
const sizes = values.pages!.split(',').map((s) => Number(s.trim()));
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 10) || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run bench -- --pages 1000,5000,20000 [--runs 3] [--keep DIR] [--json FILE]');
  process.exit(2);
}

const root = process.cwd();
const node = process.execPath;
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'portal-bench-'));
const site = readFileSync('content/site.yml', 'utf8');
const taxonomyText = readFileSync('content/taxonomy.yml', 'utf8');

interface RunResult {
  cold: Measured;
  index: Measured;
  warm: Measured;
  one: Measured;
  pages: number;
}
interface SizeResult {
  pages: number;
  files: number;
  runs: RunResult[];
  weights?: Weights;
  transfer?: Transfer[];
}

const bars = new MultiBar(
  { format: ' {size} pages |{bar}| {value}/{total} {step}', hideCursor: true, clearOnComplete: false, noTTYOutput: true, notTTYSchedule: 5000 },
  Presets.shades_grey,
);
const results: SizeResult[] = [];
const STEPS_PER_RUN = 4;

function write(dir: string, files: { path: string; text: string }[]) {
  rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
}

for (const size of sizes) {
  const bar = bars.create(1 + runs * STEPS_PER_RUN + (values['no-search'] ? 1 : 2), 0, { size: String(size).padStart(6), step: 'generating corpus' });
  const content = path.join(work, `content-${size}`);
  const corpus = generateCorpus({ pages: size, seed: Number(values.seed), site, taxonomy: taxonomyText }, parse(taxonomyText));
  write(content, corpus);
  bar.increment(1, { step: 'corpus ready' });
  const result: SizeResult = { pages: size, files: corpus.length, runs: [] };
  const edited = corpus.find((f) => f.path.startsWith('news/vi/'))!;

  for (let run = 1; run <= runs; run++) {
    const out = path.join(work, `site-${size}`);
    const cache = path.join(work, `cache-${size}`);
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    writeFileSync(path.join(content, edited.path), edited.text);
    const env = { PORTAL_CONTENT_DIR: content, PORTAL_CACHE_DIR: cache };

    bar.update({ step: `run ${run}: cold build` });
    const cold = await measure(node, [astro, 'build', '--outDir', out], { ...env, PORTAL_BUILD_MODE: 'full' });
    bar.increment(1, { step: `run ${run}: search index` });
    const index = await measure(node, ['scripts/build-search-index.ts', '--site', out, '--quiet'], env);
    bar.increment(1, { step: `run ${run}: warm full build` });
    const warm = await measure(node, ['scripts/build.ts', '--full', '--out', out], env);
    bar.increment(1, { step: `run ${run}: one entry changed` });
    writeFileSync(path.join(content, edited.path), edited.text.replace(/\n$/, `\n\nĐoạn sửa đổi số ${run}: đăng ký thay đổi thông tin.\n`));
    const one = await measure(node, ['scripts/build.ts', '--out', out], env);
    if (!one.output.includes('only what changed')) throw new Error('The one-entry rebuild was not incremental:\n' + one.output.slice(-2000));
    const pages = Number(/(\d+) page\(s\) built/.exec(cold.output)?.[1] ?? 0);
    result.runs.push({ cold, index, warm, one, pages });
    bar.increment(1, { step: `run ${run} done` });
  }

  const out = path.join(work, `site-${size}`);
  bar.update({ step: 'page weights' });
  result.weights = await pageWeights(out);
  bar.increment(1);
  if (!values['no-search']) {
    bar.update({ step: 'search transfer (Chromium)' });
    const { preview } = await import('astro');
    const server = await preview({ root, outDir: out, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
    const base = `http://127.0.0.1:${server.port}`;
    result.transfer = await searchTransfer(base, '/tim-kiem/', ['bảo hiểm xã hội', 'dang ky', 'quyết định', 'vssid', 'Khánh Hòa']);
    await server.stop();
    bar.increment(1);
  }
  bar.update({ step: 'done' });
  results.push(result);
  if (values.keep) {
    rmSync(values.keep, { recursive: true, force: true });
    cpSync(content, values.keep, { recursive: true });
  }
}
bars.stop();

// ---------------------------------------------------------------- report
const s = (x: number) => `${x.toFixed(1)} s`;
const gb = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GB`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const med = (r: SizeResult, pick: (x: RunResult) => number) => median(r.runs.map(pick));

const table = new Table({ head: ['', ...results.map((r) => `${r.pages} pages`)] });
const row = (label: string, cell: (r: SizeResult) => string) => table.push({ [label]: results.map(cell) });
row('pages built (HTML)', (r) => String(r.runs[0]!.pages));
row('cold build (no caches)', (r) => `${s(med(r, (x) => x.cold.seconds))} / ${gb(med(r, (x) => x.cold.peakBytes))}`);
row('search index, complete', (r) => `${s(med(r, (x) => x.index.seconds))} / ${gb(med(r, (x) => x.index.peakBytes))}`);
row('cold build + index', (r) => s(med(r, (x) => x.cold.seconds + x.index.seconds)));
row('warm full build + index', (r) => `${s(med(r, (x) => x.warm.seconds))} / ${gb(med(r, (x) => x.warm.peakBytes))}`);
row('one entry changed: build + index', (r) => `${s(med(r, (x) => x.one.seconds))} / ${gb(med(r, (x) => x.one.peakBytes))}`);
row('document page, HTML + CSS gzip', (r) => (r.weights ? `${kb(r.weights.documentHtmlGzip + r.weights.documentCssGzip)} (${kb(r.weights.documentHtmlGzip)} + ${kb(r.weights.documentCssGzip)})` : '–'));
row('JS on content pages', (r) => (r.weights ? `${r.weights.contentJsBytes} B on ${r.weights.contentPagesWithScript}/${r.weights.contentPages} pages` : '–'));
for (const [i, q] of (results[0]?.transfer ?? []).entries()) {
  row(`first search “${q.query}”`, (r) => {
    const t = r.transfer?.[i];
    return t ? `${kb(t.pageBytes + t.searchBytes)} (page ${kb(t.pageBytes)} + search ${kb(t.searchBytes)}), ${t.results} results` : '–';
  });
}
console.log(`\nMedians of ${runs} run(s). Time / peak memory of the whole process tree.`);
console.log(table.toString());

const machine = { platform: `${platform()} ${release()}`, cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: +(totalmem() / 1024 ** 3).toFixed(1), freeGB: +(freemem() / 1024 ** 3).toFixed(1), node: process.version };
const report = {
  date: new Date().toISOString(),
  machine,
  runs,
  seed: Number(values.seed),
  results: results.map((r) => ({
    pages: r.pages,
    files: r.files,
    pagesBuilt: r.runs[0]!.pages,
    medians: {
      coldBuildSeconds: med(r, (x) => x.cold.seconds),
      coldBuildPeakBytes: med(r, (x) => x.cold.peakBytes),
      indexSeconds: med(r, (x) => x.index.seconds),
      indexPeakBytes: med(r, (x) => x.index.peakBytes),
      coldBuildPlusIndexSeconds: med(r, (x) => x.cold.seconds + x.index.seconds),
      warmFullBuildSeconds: med(r, (x) => x.warm.seconds),
      warmFullBuildPeakBytes: med(r, (x) => x.warm.peakBytes),
      oneEntrySeconds: med(r, (x) => x.one.seconds),
      oneEntryPeakBytes: med(r, (x) => x.one.peakBytes),
    },
    runs: r.runs.map((x) => ({
      cold: { seconds: x.cold.seconds, peakBytes: x.cold.peakBytes },
      index: { seconds: x.index.seconds, peakBytes: x.index.peakBytes },
      warm: { seconds: x.warm.seconds, peakBytes: x.warm.peakBytes },
      one: { seconds: x.one.seconds, peakBytes: x.one.peakBytes },
    })),
    weights: r.weights,
    searchTransfer: r.transfer,
  })),
};
const jsonFile = values.json ?? path.join('bench-results', `bench-${report.date.replace(/[:.]/g, '-')}.json`);
mkdirSync(path.dirname(path.resolve(jsonFile)), { recursive: true });
writeFileSync(jsonFile, JSON.stringify(report, null, 2));
console.log(`\nJSON: ${jsonFile}${values.keep && existsSync(values.keep) ? `\nCorpus kept in ${values.keep}` : ''}`);
rmSync(work, { recursive: true, force: true });
