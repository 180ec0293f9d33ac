/** Growth exponents and the first limit a growing site reaches. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, fitPowerLaw, growth, pagesAtLimit, project } from './growth.ts';

const law = (c: number, k: number, sizes = [1000, 5000, 20000]) => sizes.map((pages) => ({ pages, value: c * pages ** k }));

describe('fitPowerLaw', () => {
  it('finds the exponent of an exact power law (linear, square root, quadratic)', () => {
    for (const k of [1, 0.5, 2, 0.33]) {
      const fit = fitPowerLaw(law(3, k))!;
      expect(fit.exponent).toBeCloseTo(k, 10);
      expect(fit.coefficient).toBeCloseTo(3, 6);
      expect(fit.r2).toBeCloseTo(1, 10);
    }
  });

  it('fits noisy points by least squares on the logarithms', () => {
    // ln y = 1 + 0.8 ln n, with residuals +0.1, -0.2, +0.1 (they sum to 0 and are not collinear).
    const ns = [1000, 5000, 20000];
    const residuals = [0.1, -0.2, 0.1];
    const fit = fitPowerLaw(ns.map((n, i) => ({ pages: n, value: Math.exp(1 + 0.8 * Math.log(n) + residuals[i]!) })))!;
    // Slope: Σ(x−x̄)(e) / Σ(x−x̄)² added to 0.8.
    const xs = ns.map(Math.log);
    const mx = xs.reduce((a, b) => a + b) / 3;
    const expected = 0.8 + xs.reduce((a, x, i) => a + (x - mx) * residuals[i]!, 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    expect(fit.exponent).toBeCloseTo(expected, 10);
    expect(fit.r2).toBeLessThan(1);
    expect(fit.r2).toBeGreaterThan(0.9);
  });

  it('needs two distinct sizes with positive values', () => {
    expect(fitPowerLaw([{ pages: 1000, value: 5 }])).toBeUndefined();
    expect(fitPowerLaw([{ pages: 1000, value: 5 }, { pages: 1000, value: 6 }])).toBeUndefined();
    expect(fitPowerLaw([{ pages: 1000, value: 5 }, { pages: 5000, value: 0 }])).toBeUndefined();
  });
});

describe('projection and limits', () => {
  it('projects from the largest measured size', () => {
    // Measured 1 GB at 20k pages, growing as n^0.5: 10× the pages → √10 × the memory.
    const points = [
      { pages: 5000, value: 0.5 * 1024 ** 3 },
      { pages: 20000, value: 1024 ** 3 },
    ];
    const fit = fitPowerLaw(points)!;
    expect(fit.exponent).toBeCloseTo(0.5, 10);
    expect(project(points, fit, 200_000)).toBeCloseTo(Math.sqrt(10) * 1024 ** 3, 0);
    // 2 GB is 2× 1 GB: reached at 4× the pages.
    expect(pagesAtLimit(points, fit, 2 * 1024 ** 3)).toBeCloseTo(80_000, 6);
  });

  it('names the first limit reached before the target, soonest first', () => {
    const report = growth(
      {
        peakBytes: [
          { pages: 5000, value: 0.5 * 1024 ** 3 },
          { pages: 20000, value: 1024 ** 3 },
        ],
        coldSeconds: law(0.005, 1),
      },
      200_000,
    );
    expect(report.limits.map((l) => l.limit.name)).toEqual([DEFAULT_LIMITS[0]!.name, DEFAULT_LIMITS[1]!.name, DEFAULT_LIMITS[2]!.name]);
    expect(report.first?.limit.name).toBe('2 GB memory budget');
    expect(Math.round(report.first!.pages)).toBe(80_000);
    // 7 GB = 7× 1 GB: 49× the pages (980,000), after the target.
    expect(report.limits[1]!.pages).toBeCloseTo(980_000, 3);
    expect(report.projections.coldSeconds).toBeCloseTo(1000, 6);
  });

  it('names no limit when none is reached before the target, and never for a shrinking metric', () => {
    const report = growth({ peakBytes: law(1e6, 0.1), coldSeconds: law(10, -0.1) }, 200_000);
    expect(report.first).toBeUndefined();
    expect(report.limits.find((l) => l.limit.metric === 'coldSeconds')!.pages).toBe(Infinity);
  });

  it('says a limit already passed at the largest measured size', () => {
    const points = law(1, 1.5, [1000, 20000]);
    const fit = fitPowerLaw(points)!;
    expect(pagesAtLimit(points, fit, 10)).toBe(20000);
    const report = growth({ peakBytes: points }, 200_000, [{ name: 'small', metric: 'peakBytes', value: 10 }, { name: 'large', metric: 'peakBytes', value: 1e12 }]);
    expect(report.limits.map((l) => [l.limit.name, l.passed])).toEqual([
      ['small', true],
      ['large', false],
    ]);
    expect(report.first?.limit.name).toBe('small');
  });
});
