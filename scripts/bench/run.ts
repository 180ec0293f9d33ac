/**
 * npm run bench -- --pages 1000,5000,20000 [--runs 3] [--keep DIR] [--json FILE] [--seed 42] [--no-search] [--no-peer]
 * npm run bench -- --report a.json b.json [--json combined.json]
 *
 * Generates a corpus per size (scripts/bench/corpus.ts) in a temporary folder,
 * and measures, in fresh output and cache folders:
 *   cold build     astro build with empty caches (no search index)
 *   index          the complete search index of that build (scripts/build-search-index.ts)
 *   share cards    the first drawing of every share card (kept in the cache after;
 *                  first run only: later runs' warm builds get the cards it drew)
 *   warm build     `npm run build -- --full` again: caches kept, every page built
 *   one entry      one news entry edited, then `npm run build` (incremental)
 *   peer           when `hugo` is installed: the same corpus as a Hugo site
 *                  (hugo-corpus.ts), `hugo` with an empty cache, then the stock
 *                  Pagefind CLI over its output (peer-hugo.ts)
 * each with the peak memory of the whole process tree; then page weights, the
 * JavaScript on content pages, output and index sizes, and what searching
 * costs a reader in Chromium, in both languages, on the portal and on the
 * peer's stock Pagefind UI (search-transfer.ts), --runs times after the runs. Prints the
 * tables (medians of --runs runs: build steps, and each query's first result
 * time with its range), the ratios to the peer (with several runs, run by run
 * too: the machine's speed drifts between runs) and, with two sizes or more,
 * the growth exponents (growth.ts); writes JSON.
 *
 * --report combines the JSON of earlier runs (a size in a later file replaces
 * the same size in an earlier one), so that 50,000 pages can run alone.
 *
 * --keep DIR keeps the corpus of the last size in DIR: a content/ tree the
 * normal build accepts with PORTAL_CONTENT_DIR=DIR (see docs/performance.md).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { parse } from 'yaml';
import { generateCorpus } from './corpus.ts';
import { HUGO_SEARCH_PATHS } from './hugo-corpus.ts';
import { measure, type Measured } from './measure.ts';
import { HUGO_INSTALL, hugoVersion, runPeer, type PeerResult } from './peer-hugo.ts';
import { combineReports, combineTransfers, formatReport, growthOf, median, type BenchReport, type LanguageTransfer, type PeerFigures, type QueryFigures, type SizeReport } from './report.ts';
import { PAGEFIND_UI_SEARCH, PORTAL_SEARCH, searchTransfer, type SearchTarget, type Transfer } from './search-transfer.ts';
import { dirBytes } from './sizes.ts';
import { byKind } from './transfer-summary.ts';
import { pageWeights } from './weights.ts';

/** The queries (issue 14): the commonest words of a social-insurance portal, a folded query, names. */
export const QUERIES = {
  vi: ['bảo hiểm xã hội', 'đăng ký', 'dang ky', 'quyết định', 'vssid', 'Khánh Hòa'],
  en: ['social insurance', 'registration', 'decision', 'vssid', 'Khánh Hòa'],
};
const SEARCH_PATHS = { vi: '/tim-kiem/', en: '/en/search/' } as const;
/** Folders of content/ that hold settings, not entries: copied into every corpus. */
const SETTINGS = ['governance', 'calendar'];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string', default: '1000,5000,20000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'string' },
    json: { type: 'string' },
    seed: { type: 'string', default: '42' },
    report: { type: 'string' },
    'no-search': { type: 'boolean', default: false },
    'no-peer': { type: 'boolean', default: false },
  },
});
const usage = 'Usage: npm run bench -- --pages 1000,5000,20000 [--runs 3] [--keep DIR] [--json FILE] [--no-peer] [--no-search]\n       npm run bench -- --report a.json b.json [--json FILE]';

function writeJson(report: BenchReport, file: string) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`\nJSON: ${file}`);
}

if (values.report) {
  const files = [values.report, ...positionals];
  const reports = files.map((file) => {
    try {
      return { file, report: JSON.parse(readFileSync(file, 'utf8')) as BenchReport };
    } catch (e) {
      console.error(`${file}: not a benchmark report (${(e as Error).message}).\n${file}: không phải tệp kết quả đo (${(e as Error).message}).`);
      process.exit(2);
    }
  });
  const combined = combineReports(reports);
  if (combined.results.length >= 2) combined.growth = growthOf(combined);
  console.log(formatReport(combined));
  if (values.json) writeJson(combined, values.json);
  process.exit(0);
}

const sizes = values.pages!.split(',').map((s) => Number(s.trim()));
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 10) || !Number.isInteger(runs) || runs < 1 || positionals.length > 0) {
  console.error(usage);
  process.exit(2);
}

const root = process.cwd();
const node = process.execPath;
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'portal-bench-'));
const site = readFileSync('content/site.yml', 'utf8');
const taxonomyText = readFileSync('content/taxonomy.yml', 'utf8');
const hugo = values['no-peer'] ? undefined : await hugoVersion();
if (!hugo && !values['no-peer']) console.log(HUGO_INSTALL);
const pagefindVersion = (JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string }).version;

interface RunResult {
  cold: Measured;
  index: Measured;
  /** The first run's only. */
  cards?: Measured;
  warm: Measured;
  one: Measured;
  peer?: PeerResult;
  pages: number;
}

const bars = new MultiBar(
  { format: ' {size} pages |{bar}| {value}/{total} {step}', hideCursor: true, clearOnComplete: false, noTTYOutput: true, notTTYSchedule: 5000 },
  Presets.shades_grey,
);
const results: SizeReport[] = [];
const STEPS_PER_RUN = hugo ? 6 : 5;

function write(dir: string, files: { path: string; text: string }[]) {
  rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
}

/** A static server for the peer's site (Hugo's output): files as they are, index.html for folders. */
async function serveStatic(dir: string): Promise<{ base: string; server: Server }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.xml': 'application/xml', '.wasm': 'application/wasm' };
  const { readFile, stat } = await import('node:fs/promises');
  const server = createServer(async (req, res) => {
    let p = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!p.startsWith(dir)) return void res.writeHead(403).end();
    if ((await stat(p).catch(() => undefined))?.isDirectory()) p = path.join(p, 'index.html');
    const body = await readFile(p).catch(() => undefined);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(p)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { base: `http://127.0.0.1:${address.port}`, server };
}

const figures = (t: Transfer): QueryFigures => ({
  query: t.query,
  pageBytes: t.pageBytes,
  pageRequests: t.pageRequests,
  searchBytes: t.searchBytes,
  searchRequests: t.searchRequests,
  requests: t.requests,
  firstResultMs: t.firstResultMs,
  results: t.results,
  byKind: byKind(t.files),
  later: t.later && { query: t.later.query, bytes: t.later.bytes, requests: t.later.requests, firstResultMs: t.later.firstResultMs, results: t.later.results, byKind: byKind(t.later.files) },
});

async function bothLanguages(target: Omit<SearchTarget, 'path'>, paths: Record<'vi' | 'en', string>): Promise<LanguageTransfer> {
  const vi = await searchTransfer({ ...target, path: paths.vi }, QUERIES.vi);
  const en = await searchTransfer({ ...target, path: paths.en }, QUERIES.en);
  return { vi: vi.map(figures), en: en.map(figures) };
}

for (const size of sizes) {
  const bar = bars.create(1 + runs * STEPS_PER_RUN + (values['no-search'] ? 1 : 2), 0, { size: String(size).padStart(6), step: 'generating corpus' });
  const content = path.join(work, `content-${size}`);
  const corpus = generateCorpus({ pages: size, seed: Number(values.seed), site, taxonomy: taxonomyText }, parse(taxonomyText));
  write(content, corpus);
  // The portal's settings beside the entries (governance rules, the working-day calendar): the build needs them.
  for (const dir of SETTINGS) if (existsSync(path.join('content', dir))) cpSync(path.join('content', dir), path.join(content, dir), { recursive: true });
  bar.increment(1, { step: 'corpus ready' });
  const measured: RunResult[] = [];
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
    // The cards are drawn once (about 40 ms each: 14 minutes at 20,000 pages); later runs' warm builds
    // start from the cards cache the first run left, as the first run's did.
    const cardsCache = path.join(cache, 'portal-cards');
    const keptCards = path.join(work, `cards-${size}`);
    bar.increment(1, { step: run === 1 ? `run ${run}: share cards` : `run ${run}: share cards (kept from run 1)` });
    const cards = run === 1 ? await measure(node, ['scripts/draw-share-cards.ts', '--site', out, '--quiet'], env) : undefined;
    if (run === 1 && existsSync(cardsCache)) cpSync(cardsCache, keptCards, { recursive: true });
    else if (existsSync(keptCards)) cpSync(keptCards, cardsCache, { recursive: true });
    bar.increment(1, { step: `run ${run}: warm full build` });
    const warm = await measure(node, ['scripts/build.ts', '--full', '--out', out], env);
    bar.increment(1, { step: `run ${run}: one entry changed` });
    writeFileSync(path.join(content, edited.path), edited.text.replace(/\n$/, `\n\nĐoạn sửa đổi số ${run}: đăng ký thay đổi thông tin.\n`));
    const one = await measure(node, ['scripts/build.ts', '--out', out], env);
    if (!one.output.includes('only what changed')) throw new Error('The one-entry rebuild was not incremental:\n' + one.output.slice(-2000));
    const pages = Number(/(\d+) page\(s\) built/.exec(cold.output)?.[1] ?? 0);
    let peer: PeerResult | undefined;
    if (hugo) {
      bar.increment(1, { step: `run ${run}: peer (Hugo + Pagefind)` });
      writeFileSync(path.join(content, edited.path), edited.text);
      peer = await runPeer(corpus, path.join(work, `peer-${size}`), hugo, root);
    }
    measured.push({ cold, index, cards, warm, one, peer, pages });
    bar.increment(1, { step: `run ${run} done` });
  }

  const out = path.join(work, `site-${size}`);
  const med = (pick: (x: RunResult) => number) => median(measured.map(pick));
  const step = (m: Measured) => ({ seconds: m.seconds, peakBytes: m.peakBytes });
  const lastPeer = measured.at(-1)!.peer;
  const peer: PeerFigures | undefined = lastPeer && {
    hugoVersion: lastPeer.hugoVersion,
    pagefindVersion,
    hugo: { seconds: med((x) => x.peer!.hugo.seconds), peakBytes: med((x) => x.peer!.hugo.peakBytes) },
    pagefind: { seconds: med((x) => x.peer!.pagefind.seconds), peakBytes: med((x) => x.peer!.pagefind.peakBytes) },
    pagesBuilt: lastPeer.pagesBuilt,
    outputBytes: lastPeer.outputBytes,
    indexBytes: lastPeer.indexBytes,
  };
  const result: SizeReport = {
    pages: size,
    files: corpus.length,
    pagesBuilt: measured[0]!.pages,
    medians: {
      coldBuildSeconds: med((x) => x.cold.seconds),
      coldBuildPeakBytes: med((x) => x.cold.peakBytes),
      indexSeconds: med((x) => x.index.seconds),
      indexPeakBytes: med((x) => x.index.peakBytes),
      coldBuildPlusIndexSeconds: med((x) => x.cold.seconds + x.index.seconds),
      warmFullBuildSeconds: med((x) => x.warm.seconds),
      warmFullBuildPeakBytes: med((x) => x.warm.peakBytes),
      oneEntrySeconds: med((x) => x.one.seconds),
      oneEntryPeakBytes: med((x) => x.one.peakBytes),
    },
    runs: measured.map((x) => ({ cold: step(x.cold), index: step(x.index), warm: step(x.warm), one: step(x.one), ...(x.peer ? { peerHugo: step(x.peer.hugo), peerPagefind: step(x.peer.pagefind) } : {}) })),
    shareCards: {
      seconds: measured[0]!.cards!.seconds,
      peakBytes: measured[0]!.cards!.peakBytes,
      count: existsSync(path.join(out, 'og')) ? readdirSync(path.join(out, 'og')).length : 0,
      bytes: await dirBytes(path.join(out, 'og')),
    },
    outputBytes: await dirBytes(out),
    indexBytes: await dirBytes(path.join(out, existsSync(path.join(out, 'search')) ? 'search' : 'pagefind')),
    peer,
  };
  bar.update({ step: 'page weights' });
  result.weights = await pageWeights(out);
  bar.increment(1);
  if (!values['no-search']) {
    bar.update({ step: 'search transfer (Chromium)' });
    const { preview } = await import('astro');
    const server = await preview({ root, outDir: out, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
    // Measured --runs times, one after the other: the bytes and requests are the index's, the first result's time varies with the machine.
    const repeat = async <T>(measureOnce: () => Promise<T>): Promise<T[]> => {
      const all: T[] = [];
      for (let i = 0; i < runs; i++) all.push(await measureOnce());
      return all;
    };
    result.searchTransfer = combineTransfers(await repeat(() => bothLanguages({ baseUrl: `http://127.0.0.1:${server.port}`, ...PORTAL_SEARCH }, SEARCH_PATHS)));
    await server.stop();
    if (lastPeer && peer) {
      bar.update({ step: 'search transfer, peer (Chromium)' });
      const { base, server: peerServer } = await serveStatic(lastPeer.site);
      peer.searchTransfer = combineTransfers(await repeat(() => bothLanguages({ baseUrl: base, ...PAGEFIND_UI_SEARCH }, HUGO_SEARCH_PATHS)));
      peerServer.close();
    }
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

const machine = { platform: `${platform()} ${release()}`, cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: +(totalmem() / 1024 ** 3).toFixed(1), freeGB: +(freemem() / 1024 ** 3).toFixed(1), node: process.version, hugo: hugo ?? null, pagefind: pagefindVersion };
const report: BenchReport = { date: new Date().toISOString(), machine, runs, seed: Number(values.seed), results };
if (results.length >= 2) report.growth = growthOf(report);
console.log(`\n${formatReport(report)}`);
writeJson(report, values.json ?? path.join('bench-results', `bench-${report.date.replace(/[:.]/g, '-')}.json`));
if (values.keep && existsSync(values.keep)) console.log(`Corpus kept in ${values.keep}`);
rmSync(work, { recursive: true, force: true });
