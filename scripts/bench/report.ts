/**
 * The benchmark's report: the JSON a run writes (one or several sizes), how
 * several runs are combined (`npm run bench -- --report a.json b.json`), and
 * the tables printed from it: the portal, the peer (Hugo + stock Pagefind),
 * their ratios, the search transfer per query and language, and growth.
 * Pure: data in, text out.
 */
import Table from 'cli-table3';
import { growth, type GrowthReport, type Point } from './growth.ts';
import { FILE_KINDS, type FileKind, type KindTotal } from './transfer-summary.ts';
import type { Weights } from './weights.ts';

export interface Step {
  seconds: number;
  peakBytes: number;
}

export interface QueryFigures {
  query: string;
  pageBytes: number;
  pageRequests?: number;
  searchBytes: number;
  searchRequests?: number;
  /** All requests of the first search, page included. */
  requests: number;
  /** The median of `firstResultMsEach` when the search was measured more than once. */
  firstResultMs?: number;
  /** Each measurement's, in order, when the search was measured more than once (`--runs`). */
  firstResultMsEach?: number[];
  results: number;
  byKind?: Record<FileKind, KindTotal>;
  later?: { query: string; bytes: number; requests: number; firstResultMs?: number; firstResultMsEach?: number[]; results: number; byKind?: Record<FileKind, KindTotal> };
}

export type LanguageTransfer = { vi: QueryFigures[]; en?: QueryFigures[] };

export interface PeerFigures {
  hugoVersion: string;
  pagefindVersion?: string;
  hugo: Step;
  pagefind: Step;
  pagesBuilt: number;
  outputBytes: number;
  indexBytes: number;
  searchTransfer?: LanguageTransfer;
}

export interface SizeReport {
  pages: number;
  files: number;
  pagesBuilt: number;
  medians: {
    coldBuildSeconds: number;
    coldBuildPeakBytes: number;
    indexSeconds: number;
    indexPeakBytes: number;
    coldBuildPlusIndexSeconds: number;
    warmFullBuildSeconds: number;
    warmFullBuildPeakBytes: number;
    oneEntrySeconds: number;
    oneEntryPeakBytes: number;
  };
  runs: { cold: Step; index: Step; warm: Step; one: Step; peerHugo?: Step; peerPagefind?: Step }[];
  /** The first drawing of every share card (then kept in the cache), and what the cards weigh; absent in reports before them. */
  shareCards?: { seconds: number; peakBytes: number; count: number; bytes: number };
  outputBytes?: number;
  indexBytes?: number;
  weights?: Weights;
  /** Old reports (before issue 14) hold an array: the Vietnamese queries. */
  searchTransfer?: LanguageTransfer | QueryFigures[];
  peer?: PeerFigures;
  /** Where this size's figures came from (the JSON file), when combined. */
  source?: string;
}

export interface BenchReport {
  date: string;
  machine: Record<string, unknown>;
  runs: number;
  seed: number;
  results: SizeReport[];
  growth?: GrowthReport;
}

export function transferOf(r: SizeReport): LanguageTransfer | undefined {
  const t = r.searchTransfer;
  if (!t) return undefined;
  return Array.isArray(t) ? { vi: t } : t;
}

/** Several reports → one: sizes sorted, a size measured in a later file replaces an earlier one. */
export function combineReports(reports: readonly { file: string; report: BenchReport }[]): BenchReport {
  if (reports.length === 0) throw new Error('No report to combine');
  const bySize = new Map<number, SizeReport>();
  for (const { file, report } of reports) for (const r of report.results) bySize.set(r.pages, { ...r, source: file });
  const last = reports.at(-1)!.report;
  return { ...last, results: [...bySize.values()].sort((a, b) => a.pages - b.pages) };
}

/**
 * The same searches measured several times → one: the bytes and requests of the first measurement
 * (they are the index's, the same each time), and each first result's time as the median of all,
 * with every measurement kept.
 */
export function combineTransfers(measured: readonly LanguageTransfer[]): LanguageTransfer {
  if (measured.length === 0) throw new Error('No search measurement to combine');
  const each = (lang: 'vi' | 'en', i: number, pick: (q: QueryFigures) => number | undefined) =>
    measured.map((m) => (m[lang]?.[i] ? pick(m[lang]![i]!) : undefined)).filter((x): x is number => x !== undefined);
  const combine = (lang: 'vi' | 'en'): QueryFigures[] | undefined =>
    measured[0]![lang]?.map((q, i) => {
      const first = each(lang, i, (x) => x.firstResultMs);
      const later = each(lang, i, (x) => x.later?.firstResultMs);
      return {
        ...q,
        ...(first.length > 0 ? { firstResultMs: Math.round(median(first)), firstResultMsEach: first } : {}),
        ...(q.later ? { later: { ...q.later, ...(later.length > 0 ? { firstResultMs: Math.round(median(later)), firstResultMsEach: later } : {}) } } : {}),
      };
    });
  const en = combine('en');
  return { vi: combine('vi')!, ...(en ? { en } : {}) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const GROWTH_TARGET = 200_000;

/** Portal cold build + complete index, and its peak (the larger of the two steps). */
export const portalCold = (r: SizeReport) => r.medians.coldBuildPlusIndexSeconds;
export const portalPeak = (r: SizeReport) => Math.max(r.medians.coldBuildPeakBytes, r.medians.indexPeakBytes);
export const peerSeconds = (p: PeerFigures) => p.hugo.seconds + p.pagefind.seconds;
export const peerPeak = (p: PeerFigures) => Math.max(p.hugo.peakBytes, p.pagefind.peakBytes);
const firstSearch = (q: QueryFigures) => q.pageBytes + q.searchBytes;

/** Each run's cold build + index ÷ the peer's Hugo + Pagefind of the same run (the machine's speed drifts between runs). */
export const runRatios = (r: SizeReport): number[] =>
  r.runs.flatMap((x) => (x.peerHugo && x.peerPagefind ? [(x.cold.seconds + x.index.seconds) / (x.peerHugo.seconds + x.peerPagefind.seconds)] : []));
const worst = (t: LanguageTransfer | undefined) => (t ? Math.max(...[...t.vi, ...(t.en ?? [])].map(firstSearch)) : 0);

/** The growth series of a combined report: portal and peer. */
export function growthOf(report: BenchReport): GrowthReport {
  const rs = report.results;
  const pts = (f: (r: SizeReport) => number | undefined): Point[] => rs.map((r) => ({ pages: r.pages, value: f(r) ?? 0 })).filter((p) => p.value > 0);
  return growth(
    {
      coldSeconds: pts(portalCold),
      peakBytes: pts(portalPeak),
      outputBytes: pts((r) => r.outputBytes),
      indexBytes: pts((r) => r.indexBytes),
      firstSearchBytes: pts((r) => worst(transferOf(r))),
      oneEntrySeconds: pts((r) => r.medians.oneEntrySeconds),
      peerSeconds: pts((r) => (r.peer ? peerSeconds(r.peer) : undefined)),
      peerPeakBytes: pts((r) => (r.peer ? peerPeak(r.peer) : undefined)),
      peerFirstSearchBytes: pts((r) => worst(r.peer?.searchTransfer)),
    },
    GROWTH_TARGET,
  );
}

const s = (x: number) => `${x.toFixed(1)} s`;
const gb = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GB`;
const mb = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MB`;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
/** A first result's time: with several measurements, their median and range. */
const ms = (x: number | undefined, each?: readonly number[]) =>
  x === undefined ? '–' : each && each.length > 1 ? `${x} ms (${Math.min(...each)}–${Math.max(...each)})` : `${x} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');

function queryCell(q: QueryFigures | undefined): string {
  if (!q) return '–';
  const later = q.later ? `; later “${q.later.query}” ${kb(q.later.bytes)} / ${q.later.requests} req, ${ms(q.later.firstResultMs, q.later.firstResultMsEach)}` : '';
  return `${kb(firstSearch(q))} / ${q.requests} req (page ${kb(q.pageBytes)}), first result ${ms(q.firstResultMs, q.firstResultMsEach)}, ${q.results} results${later}`;
}

/** The printed report: sizes as columns. */
export function formatReport(report: BenchReport): string {
  const rs = report.results;
  const out: string[] = [];
  const table = new Table({ head: ['', ...rs.map((r) => `${r.pages} pages`)] });
  const row = (label: string, cell: (r: SizeReport) => string) => table.push({ [label]: rs.map(cell) });
  row('pages built (HTML)', (r) => String(r.pagesBuilt));
  row('cold build (no caches)', (r) => `${s(r.medians.coldBuildSeconds)} / ${gb(r.medians.coldBuildPeakBytes)}`);
  row('search index, complete', (r) => `${s(r.medians.indexSeconds)} / ${gb(r.medians.indexPeakBytes)}`);
  row('cold build + index', (r) => `${s(portalCold(r))} / ${gb(portalPeak(r))}`);
  row('share cards, first drawing (then cached)', (r) => (r.shareCards ? `${s(r.shareCards.seconds)} / ${gb(r.shareCards.peakBytes)}: ${r.shareCards.count} cards, ${mb(r.shareCards.bytes)}` : '–'));
  row('warm full build + index', (r) => `${s(r.medians.warmFullBuildSeconds)} / ${gb(r.medians.warmFullBuildPeakBytes)}`);
  row('one entry changed: build + index', (r) => `${s(r.medians.oneEntrySeconds)} / ${gb(r.medians.oneEntryPeakBytes)}`);
  row('output / of which search index', (r) => (r.outputBytes ? `${mb(r.outputBytes)} / ${mb(r.indexBytes ?? 0)}` : '–'));
  row('document page, HTML + CSS gzip', (r) => (r.weights ? `${kb(r.weights.documentHtmlGzip + r.weights.documentCssGzip)}` : '–'));
  row('JS on content pages', (r) => (r.weights ? `${r.weights.contentJsBytes} B on ${r.weights.contentPagesWithScript}/${r.weights.contentPages} pages` : '–'));
  if (rs.some((r) => r.peer)) {
    row(`peer: Hugo (pages built)`, (r) => (r.peer ? `${s(r.peer.hugo.seconds)} / ${gb(r.peer.hugo.peakBytes)} (${r.peer.pagesBuilt})` : '–'));
    row('peer: stock Pagefind', (r) => (r.peer ? `${s(r.peer.pagefind.seconds)} / ${gb(r.peer.pagefind.peakBytes)}` : '–'));
    row('peer: Hugo + Pagefind', (r) => (r.peer ? `${s(peerSeconds(r.peer))} / ${gb(peerPeak(r.peer))}` : '–'));
    row('peer: output / of which index', (r) => (r.peer ? `${mb(r.peer.outputBytes)} / ${mb(r.peer.indexBytes)}` : '–'));
    row('ratio: portal cold build + index ÷ peer', (r) => (r.peer ? ratio(portalCold(r), peerSeconds(r.peer)) : '–'));
    if (report.runs > 1) row('  the same, run by run', (r) => runRatios(r).map((x) => `${x.toFixed(2)}×`).join(', ') || '–');
    row('ratio: peak memory ÷ peer', (r) => (r.peer ? ratio(portalPeak(r), peerPeak(r.peer)) : '–'));
  }
  out.push(`Medians of ${report.runs} run(s). Time / peak memory of the whole process tree.`, table.toString());

  for (const lang of ['vi', 'en'] as const) {
    const queries = [...new Set(rs.flatMap((r) => (transferOf(r)?.[lang] ?? []).map((q) => q.query)))];
    if (queries.length === 0) continue;
    const t = new Table({ head: [`search (${lang})`, ...rs.map((r) => `${r.pages} pages`)] });
    for (const query of queries) {
      const find = (list: QueryFigures[] | undefined) => list?.find((q) => q.query === query);
      t.push({ [`“${query}”`]: rs.map((r) => queryCell(find(transferOf(r)?.[lang]))) });
      if (rs.some((r) => r.peer?.searchTransfer)) {
        t.push({ [`  peer “${query}”`]: rs.map((r) => queryCell(find(r.peer?.searchTransfer?.[lang]))) });
        t.push({
          [`  ratio bytes / requests`]: rs.map((r) => {
            const a = find(transferOf(r)?.[lang]);
            const b = find(r.peer?.searchTransfer?.[lang]);
            return a && b ? `${ratio(firstSearch(a), firstSearch(b))} / ${ratio(a.requests, b.requests)}` : '–';
          }),
        });
      }
    }
    out.push(`\nFirst search in a fresh Chromium context (gzip as sent), then a later query in the same context.`, t.toString());
  }

  // What the first query of each language fetched, by kind of file, at the largest size measured in a browser.
  const largest = [...rs].reverse().find((r) => transferOf(r));
  if (largest) {
    const columns: [string, QueryFigures | undefined][] = [];
    for (const lang of ['vi', 'en'] as const) {
      columns.push([`portal ${lang}`, transferOf(largest)?.[lang]?.[0]], [`peer ${lang}`, largest.peer?.searchTransfer?.[lang]?.[0]]);
    }
    const present = columns.filter(([, q]) => q?.byKind);
    if (present.length > 0) {
      const t = new Table({ head: [`${largest.pages} pages: first search by file kind`, ...present.map(([name, q]) => `${name} “${q!.query}”`)] });
      for (const kind of FILE_KINDS) {
        if (present.every(([, q]) => (q!.byKind![kind]?.requests ?? 0) === 0)) continue;
        t.push({ [kind]: present.map(([, q]) => `${kb(q!.byKind![kind]?.bytes ?? 0)} / ${q!.byKind![kind]?.requests ?? 0}`) });
      }
      t.push({ total: present.map(([, q]) => `${kb(firstSearch(q!))} / ${q!.requests}`) });
      out.push(`\nKB (gzip as sent) / requests, page load included.`, t.toString());
    }
  }

  if (rs.length >= 2) {
    const g = growthOf(report);
    const t = new Table({ head: ['metric', 'exponent k (y ∝ n^k)', 'r²', `projected at ${GROWTH_TARGET.toLocaleString('en')} pages`] });
    const fmt: Record<string, (x: number) => string> = {
      coldSeconds: s,
      peakBytes: gb,
      outputBytes: mb,
      indexBytes: mb,
      firstSearchBytes: kb,
      oneEntrySeconds: s,
      peerSeconds: s,
      peerPeakBytes: gb,
      peerFirstSearchBytes: kb,
    };
    for (const [metric, fit] of Object.entries(g.fits)) {
      if (!fit) continue;
      t.push([metric, fit.exponent.toFixed(2), fit.r2.toFixed(3), fmt[metric]!(g.projections[metric]!)]);
    }
    out.push(`\nGrowth (log-log least squares over ${rs.map((r) => r.pages).join(', ')} pages)`, t.toString());
    for (const l of g.limits) {
      const at = l.passed ? `already passed at ${l.pages.toLocaleString('en')} pages (the largest size measured)` : `reached at ~${Number.isFinite(l.pages) ? Math.round(l.pages).toLocaleString('en') : 'never'} pages`;
      out.push(`  ${l.limit.name}: ${at}`);
    }
    out.push(g.first ? `First limit reached before ${GROWTH_TARGET.toLocaleString('en')} pages: ${g.first.limit.name} (~${Math.round(g.first.pages).toLocaleString('en')} pages).` : `No limit reached before ${GROWTH_TARGET.toLocaleString('en')} pages at the fitted growth.`);
  }
  return out.join('\n');
}
