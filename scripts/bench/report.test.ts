/** The benchmark's report: kinds of fetched files, combining runs, ratios to the peer, growth from the JSON. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { combineReports, combineTransfers, formatReport, growthOf, runRatios, transferOf, type BenchReport, type QueryFigures, type SizeReport } from './report.ts';
import { byKind, fileKind } from './transfer-summary.ts';

describe('fileKind / byKind', () => {
  it('tells Pagefind’s files, the portal’s index files and the page’s assets apart', () => {
    const base = 'http://127.0.0.1:4321';
    expect(fileKind(`${base}/tim-kiem/`)).toBe('html');
    expect(fileKind(`${base}/_astro/search.BxY1.css`)).toBe('css');
    expect(fileKind(`${base}/pagefind/vi-0/pagefind.js`)).toBe('js');
    expect(fileKind(`${base}/pagefind/pagefind-worker.js`)).toBe('js');
    expect(fileKind(`${base}/pagefind/vi-0/wasm.unknown.pagefind`)).toBe('wasm');
    expect(fileKind(`${base}/pagefind/vi-0/pagefind-entry.json`)).toBe('entry');
    expect(fileKind(`${base}/pagefind/shards.json`)).toBe('shards');
    expect(fileKind(`${base}/pagefind/vi-3/words/ba.json`)).toBe('words');
    expect(fileKind(`${base}/pagefind/vi-3/pagefind.vi_12ab.pf_meta`)).toBe('meta');
    expect(fileKind(`${base}/pagefind/vi-3/filter/vi_12ab.pf_filter`)).toBe('filter');
    expect(fileKind(`${base}/pagefind/vi-3/index/vi_12ab.pf_index`)).toBe('index');
    expect(fileKind(`${base}/pagefind/fragment/vi_12ab.pf_fragment`)).toBe('fragment');
    expect(fileKind(`${base}/search/vi/index.json`)).toBe('entry');
    expect(fileKind(`${base}/search/vi/w/ba.json`)).toBe('words');
    expect(fileKind(`${base}/search/en/p/_111_a/3.bin`)).toBe('postings');
    expect(fileKind(`${base}/search/vi/pages/12.json`)).toBe('pages');
    expect(fileKind(`${base}/search/vi/facets.json`)).toBe('filter');
    expect(fileKind(`${base}/favicon.ico`)).toBe('other');
  });

  it('sums requests and bytes per kind, every kind present', () => {
    const totals = byKind([
      { kind: 'index', bytes: 100 },
      { kind: 'index', bytes: 50 },
      { kind: 'wasm', bytes: 7 },
    ]);
    expect(totals.index).toEqual({ requests: 2, bytes: 150 });
    expect(totals.wasm).toEqual({ requests: 1, bytes: 7 });
    expect(totals.fragment).toEqual({ requests: 0, bytes: 0 });
  });
});

const size = (pages: number, seconds: number, peak: number, extra: Partial<SizeReport> = {}): SizeReport => ({
  pages,
  files: pages + 42,
  pagesBuilt: Math.round(pages * 1.2),
  medians: {
    coldBuildSeconds: seconds / 2,
    coldBuildPeakBytes: peak,
    indexSeconds: seconds / 2,
    indexPeakBytes: peak / 2,
    coldBuildPlusIndexSeconds: seconds,
    warmFullBuildSeconds: seconds / 2,
    warmFullBuildPeakBytes: peak,
    oneEntrySeconds: 5,
    oneEntryPeakBytes: peak,
  },
  runs: [],
  ...extra,
});
const report = (results: SizeReport[]): BenchReport => ({ date: '2026-12-02T00:00:00Z', machine: {}, runs: 1, seed: 42, results });

describe('combineReports', () => {
  it('puts sizes in order, a later file replacing the same size, and names each size’s file', () => {
    const combined = combineReports([
      { file: 'a.json', report: report([size(20000, 100, 1e9), size(1000, 9, 5e8)]) },
      { file: 'b.json', report: report([size(20000, 80, 1e9)]) },
      { file: 'c.json', report: report([size(50000, 250, 2e9)]) },
    ]);
    expect(combined.results.map((r) => [r.pages, r.medians.coldBuildPlusIndexSeconds, r.source])).toEqual([
      [1000, 9, 'a.json'],
      [20000, 80, 'b.json'],
      [50000, 250, 'c.json'],
    ]);
  });

  it('reads the reports written before issue 14 (Vietnamese search transfer as an array)', () => {
    const old = JSON.parse(readFileSync('docs/bench/2026-11-22.json', 'utf8')) as BenchReport;
    const r = old.results.find((x) => x.pages === 20000)!;
    expect(transferOf(r)!.vi[0]!.query).toBe('bảo hiểm xã hội');
    const g = growthOf(old);
    // 1k → 20k: 8.9 s → 104.5 s, k = ln(104.5/8.9)/ln(20) ≈ 0.82 (least squares over three sizes).
    expect(g.fits.coldSeconds!.exponent).toBeGreaterThan(0.7);
    expect(g.fits.coldSeconds!.exponent).toBeLessThan(0.95);
    expect(g.fits.outputBytes).toBeUndefined();
    expect(formatReport(old)).toMatch(/Growth \(log-log least squares over 1000, 5000, 20000 pages\)/);
  });
});

describe('growthOf', () => {
  it('fits each figure over the sizes that have it (a size run with --no-search has no first-search point)', () => {
    const q = (bytes: number) => ({ query: 'q', pageBytes: 0, searchBytes: bytes, requests: 1, results: 1 });
    const g = growthOf(
      report([
        size(1000, 10, 1e9, { searchTransfer: { vi: [q(100)] }, outputBytes: 1e7 }),
        size(4000, 40, 2e9, { searchTransfer: { vi: [q(200)] }, outputBytes: 4e7 }),
        size(16000, 160, 4e9, { outputBytes: 16e7 }),
      ]),
    );
    expect(g.fits.coldSeconds!.exponent).toBeCloseTo(1, 10);
    expect(g.fits.coldSeconds!.points).toBe(3);
    expect(g.fits.peakBytes!.exponent).toBeCloseTo(0.5, 10);
    expect(g.fits.firstSearchBytes!.points).toBe(2);
    expect(g.fits.firstSearchBytes!.exponent).toBeCloseTo(0.5, 10);
    expect(g.fits.indexBytes).toBeUndefined();
    expect(g.fits.peerSeconds).toBeUndefined();
  });
});

describe('formatReport', () => {
  it('prints the ratios to the peer and the search figures of both languages', () => {
    const q = (query: string, bytes: number, requests: number) => ({ query, pageBytes: bytes / 4, searchBytes: (bytes * 3) / 4, requests, results: 10, firstResultMs: 420 });
    const r = size(20000, 120, 1.5 * 1024 ** 3, {
      searchTransfer: { vi: [q('bảo hiểm xã hội', 2048 * 1024, 200)], en: [q('social insurance', 1024 * 1024, 100)] },
      peer: {
        hugoVersion: '0.111.3',
        hugo: { seconds: 20, peakBytes: 1024 ** 3 },
        pagefind: { seconds: 40, peakBytes: 3 * 1024 ** 3 },
        pagesBuilt: 30000,
        outputBytes: 1e9,
        indexBytes: 1e8,
        searchTransfer: { vi: [q('bảo hiểm xã hội', 512 * 1024, 16)], en: [q('social insurance', 256 * 1024, 10)] },
      },
    });
    // Without the terminal colours cli-table3 adds.
    const text = formatReport(report([r])).replace(/\x1b\[[0-9;]*m/g, "");
    expect(text).toMatch(/peer: Hugo \+ Pagefind\s*│\s*60\.0 s \/ 3\.00 GB/);
    expect(text).toMatch(/ratio: portal cold build \+ index ÷ peer\s*│\s*2\.00×/);
    expect(text).toMatch(/ratio: peak memory ÷ peer\s*│\s*0\.50×/);
    expect(text).toMatch(/“bảo hiểm xã hội”\s*│\s*2048 KB \/ 200 req/);
    expect(text).toMatch(/ratio bytes \/ requests\s*│\s*4\.00× \/ 12\.50×/);
    expect(text).toMatch(/search \(en\)/);
    expect(text).toMatch(/“social insurance”\s*│\s*1024 KB \/ 100 req/);
  });
});

describe('several runs', () => {
  const q = (query: string, firstResultMs: number | undefined, later?: number): QueryFigures => ({
    query,
    pageBytes: 30 * 1024,
    searchBytes: 90 * 1024,
    requests: 18,
    results: 9000,
    ...(firstResultMs === undefined ? {} : { firstResultMs }),
    ...(later === undefined ? {} : { later: { query: 'đăng ký', bytes: 40 * 1024, requests: 6, results: 8000, firstResultMs: later } }),
  });

  it('keeps each first result time of repeated searches and reports their median', () => {
    const combined = combineTransfers([
      { vi: [q('bảo hiểm xã hội', 342, 90), q('vssid', 150)], en: [q('social insurance', 238)] },
      { vi: [q('bảo hiểm xã hội', 239, 70), q('vssid', 170)], en: [q('social insurance', 170)] },
      { vi: [q('bảo hiểm xã hội', 261, 80), q('vssid', undefined)], en: [q('social insurance', 200)] },
    ]);
    expect(combined.vi[0]).toMatchObject({ query: 'bảo hiểm xã hội', firstResultMs: 261, firstResultMsEach: [342, 239, 261], requests: 18 });
    expect(combined.vi[0]!.later).toMatchObject({ firstResultMs: 80, firstResultMsEach: [90, 70, 80], bytes: 40 * 1024 });
    // A measurement without a time (no result shown) is left out, not counted as zero.
    expect(combined.vi[1]).toMatchObject({ firstResultMs: 160, firstResultMsEach: [150, 170] });
    expect(combined.en![0]).toMatchObject({ firstResultMs: 200, firstResultMsEach: [238, 170, 200] });
    expect(() => combineTransfers([])).toThrow();
  });

  it('prints the ratio to the peer run by run, and a first result time with its range', () => {
    const step = (seconds: number) => ({ seconds, peakBytes: 1e9 });
    const r = size(20000, 100, 1.5 * 1024 ** 3, {
      runs: [
        { cold: step(60), index: step(30), warm: step(70), one: step(11), peerHugo: step(25), peerPagefind: step(75) },
        { cold: step(70), index: step(40), warm: step(70), one: step(12), peerHugo: step(27), peerPagefind: step(73) },
      ],
      searchTransfer: combineTransfers([{ vi: [q('bảo hiểm xã hội', 342)] }, { vi: [q('bảo hiểm xã hội', 239)] }]),
      peer: { hugoVersion: '0.111.3', hugo: step(26), pagefind: step(74), pagesBuilt: 30000, outputBytes: 1e9, indexBytes: 1e8 },
    });
    expect(runRatios(r)).toEqual([0.9, 1.1]);
    const text = formatReport({ ...report([r]), runs: 2 }).replace(/\x1b\[[0-9;]*m/g, '');
    expect(text).toMatch(/the same, run by run\s*│\s*0\.90×, 1\.10×/);
    expect(text).toMatch(/first result 291 ms \(239–342\)/);
    // One run: no run-by-run row.
    expect(formatReport(report([r])).replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(/run by run/);
  });
});

describe('first search by file kind', () => {
  it('prints what the first query of each language fetched, portal and peer, at the largest size', () => {
    const kinds = (index: number, meta: number) => ({ ...byKind([]), index: { requests: index, bytes: index * 10240 }, meta: { requests: meta, bytes: meta * 1024 } });
    const q = { query: 'đăng ký', pageBytes: 1024, searchBytes: 10240 * 20 + 1024 * 10, requests: 31, results: 5, byKind: kinds(20, 10) };
    const r = size(5000, 30, 1e9, { searchTransfer: { vi: [q] } });
    const text = formatReport(report([size(1000, 9, 5e8), r])).replace(/\x1b\[[0-9;]*m/g, '');
    expect(text).toMatch(/5000 pages: first search by file kind\s*│\s*portal vi “đăng ký”/);
    expect(text).toMatch(/│ index\s*│\s*200 KB \/ 20\s*│/);
    expect(text).toMatch(/│ meta\s*│\s*10 KB \/ 10\s*│/);
    expect(text).not.toMatch(/│ wasm /);
  });
});
