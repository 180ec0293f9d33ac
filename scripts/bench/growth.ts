/**
 * How the benchmark's figures grow with the number of pages: for each metric,
 * the exponent k of a power law y = c·n^k fitted by least squares on
 * log y against log n, and the projection of each metric to a larger site
 * from the largest measured size (y(n_max)·(N/n_max)^k). Then the first limit
 * a site reaches as it grows: the memory budget, the runner's memory, or the
 * time budget. Pure functions; the figures come from the benchmark's JSON.
 */

export interface Point {
  pages: number;
  value: number;
}

export interface Fit {
  /** Growth exponent: 1 = linear, 0.5 = square root, 2 = quadratic. */
  exponent: number;
  /** c in y = c·n^k. */
  coefficient: number;
  /** Coefficient of determination of the log-log fit (1 with two points). */
  r2: number;
  points: number;
}

/** Least squares on (ln n, ln y). Needs ≥ 2 distinct sizes with positive values. */
export function fitPowerLaw(points: readonly Point[]): Fit | undefined {
  const usable = points.filter((p) => p.pages > 0 && p.value > 0 && Number.isFinite(p.value));
  const xs = usable.map((p) => Math.log(p.pages));
  const ys = usable.map((p) => Math.log(p.value));
  if (new Set(xs).size < 2) return undefined;
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const exponent = sxy / sxx;
  const intercept = my - exponent * mx;
  let ssRes = 0;
  for (let i = 0; i < n; i++) ssRes += (ys[i]! - (intercept + exponent * xs[i]!)) ** 2;
  return { exponent, coefficient: Math.exp(intercept), r2: syy === 0 ? 1 : 1 - ssRes / syy, points: n };
}

/** The value at `pages`, from the largest measured point and the fitted exponent. */
export function project(points: readonly Point[], fit: Fit, pages: number): number {
  const last = [...points].filter((p) => p.value > 0).sort((a, b) => a.pages - b.pages).at(-1)!;
  return last.value * (pages / last.pages) ** fit.exponent;
}

/** The number of pages at which a growing metric reaches `limit` (Infinity if it never does). */
export function pagesAtLimit(points: readonly Point[], fit: Fit, limit: number): number {
  const last = [...points].filter((p) => p.value > 0).sort((a, b) => a.pages - b.pages).at(-1)!;
  if (last.value >= limit) return last.pages;
  if (fit.exponent <= 0) return Infinity;
  return last.pages * (limit / last.value) ** (1 / fit.exponent);
}

export interface Limit {
  /** What runs out, e.g. "2 GB memory budget". */
  name: string;
  /** The metric it applies to (a key of the series). */
  metric: string;
  value: number;
}

export interface LimitReached {
  limit: Limit;
  /** Pages at which the limit is reached (Infinity: never, at the fitted growth). */
  pages: number;
  /** The metric's projection at the target size. */
  projected: number;
  /** Already at or over the limit at the largest size measured (`pages` is that size). */
  passed: boolean;
}

/** The default limits: the project's memory budget, a GitHub private runner's RAM, a GitHub job's time. */
export const DEFAULT_LIMITS: Limit[] = [
  { name: '2 GB memory budget', metric: 'peakBytes', value: 2 * 1024 ** 3 },
  { name: 'runner RAM (7 GB, GitHub private runner)', metric: 'peakBytes', value: 7 * 1024 ** 3 },
  { name: 'time: a GitHub Actions job’s 6 h', metric: 'coldSeconds', value: 6 * 3600 },
];

export interface GrowthReport {
  fits: Record<string, Fit | undefined>;
  projections: Record<string, number | undefined>;
  /** Every limit with the size at which it is reached, soonest first. */
  limits: LimitReached[];
  /** The first limit reached at or before the target size, if any. */
  first?: LimitReached;
  target: number;
}

/** Fits every series, projects each to `target` pages, and orders the limits by when they are reached. */
export function growth(series: Record<string, readonly Point[]>, target: number, limits: readonly Limit[] = DEFAULT_LIMITS): GrowthReport {
  const fits: Record<string, Fit | undefined> = {};
  const projections: Record<string, number | undefined> = {};
  for (const [metric, points] of Object.entries(series)) {
    const fit = fitPowerLaw(points);
    fits[metric] = fit;
    projections[metric] = fit ? project(points, fit, target) : undefined;
  }
  const reached: LimitReached[] = [];
  for (const limit of limits) {
    const fit = fits[limit.metric];
    const points = series[limit.metric];
    if (!fit || !points) continue;
    const largest = Math.max(...points.filter((p) => p.value > 0).map((p) => p.pages));
    const passed = points.some((p) => p.pages === largest && p.value >= limit.value);
    reached.push({ limit, pages: pagesAtLimit(points, fit, limit.value), projected: projections[limit.metric]!, passed });
  }
  reached.sort((a, b) => a.pages - b.pages);
  const first = reached[0] && reached[0].pages <= target ? reached[0] : undefined;
  return { fits, projections, limits: reached, first, target };
}
