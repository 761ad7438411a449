// The Monte Carlo: generator against the reference sequence, reproducibility, agreement with the
// normal distribution, and identical results whether values are kept in memory or replayed.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { Xoshiro128 } from '../../src/core/prng.js';
import { type SimulationAssumptions, createSimulation, probabilityOf, simulate } from '../../src/core/simulate.js';
import { article, d } from '../helpers.js';

/** Φ(x) by its Taylor series, Φ(x) = ½ + φ(x)·Σ x^(2k+1)/(2k+1)!!, good to 1e-15 for |x| < 4. */
function normalCdf(x: number): number {
  let term = x;
  let sum = x;
  for (let k = 1; k < 200; k++) {
    term *= (x * x) / (2 * k + 1);
    sum += term;
  }
  return 0.5 + (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * sum;
}

const theory: SimulationAssumptions = {
  years: 1,
  threshold: d('1e12'),
  exportGrowthPct: d(0),
  exportGrowthSdPct: d(4),
  importGrowthPct: d(0),
  importGrowthSdPct: d(0),
  correlation: d(0),
  runs: 100_000,
  seed: 1,
};

describe('xoshiro128**', () => {
  it('matches the reference output for state {1, 2, 3, 4}', () => {
    const g = new Xoshiro128(Uint32Array.from([1, 2, 3, 4]));
    expect(Array.from({ length: 6 }, () => g.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });
});

describe('probabilityOf: share, standard error and 95 % Wilson interval (worked with Python decimal)', () => {
  it.each([
    [89764, 100000, '0.89764', '0.000958553234828', '0.895745969583185', '0.899503481236640'],
    [2000, 2000, '1', '0', '0.998082952718747', '1'],
    [0, 100, '0', '0', '0', '0.036993498206986'],
  ])('%i of %i', (k, n, p, se, low, high) => {
    const r = probabilityOf(k, n);
    expect(r.probability.toFixed()).toBe(p);
    expect(r.standardError.toFixed(15)).toBe(new Decimal(se).toFixed(15));
    expect(r.interval95.low.toFixed(15)).toBe(new Decimal(low).toFixed(15));
    expect(r.interval95.high.toFixed(15)).toBe(new Decimal(high).toFixed(15));
  });
});

describe('simulate', () => {
  it('matches P(balance ≥ $1T) = Φ(5.0398/4) ≈ 0.896 within 3 standard errors', () => {
    const p = normalCdf(((0.19 / 3.77) * 100) / 4);
    expect(p).toBeCloseTo(0.896, 3);
    for (const seed of [1, 7]) {
      const r = simulate(article(), { ...theory, seed });
      const est = r.years[0]!.aboveCount / r.runs;
      const se = Math.sqrt((p * (1 - p)) / r.runs);
      expect(Math.abs(est - p)).toBeLessThan(3 * se);
    }
  });

  it('mean and percentiles match the normal distribution of the balance', () => {
    const r = simulate(article(), theory);
    const y = r.years[0]!;
    const sd = 3.77e12 * 0.04; // balance = 3.77T·(1+g) − 2.58T, g ~ N(0, 4 %)
    expect(Math.abs(y.mean - 1.19e12)).toBeLessThan((4 * sd) / Math.sqrt(r.runs));
    // the standard error of a 5 % quantile is sd·√(p(1−p)/n)/φ(z): about 10B here; allow 4
    const z5 = 1.6448536269514722;
    const seQ = (sd * Math.sqrt(0.05 * 0.95 / r.runs)) / (Math.exp((-z5 * z5) / 2) / Math.sqrt(2 * Math.PI));
    expect(Math.abs(y.p5 - (1.19e12 - z5 * sd))).toBeLessThan(4 * seQ);
    expect(Math.abs(y.p95 - (1.19e12 + z5 * sd))).toBeLessThan(4 * seQ);
    expect(Math.abs(y.p50 - 1.19e12)).toBeLessThan(4 * seQ);
    expect(r.histogram.counts.reduce((a, b) => a + b, 0)).toBe(r.runs);
  });

  it('the same seed gives the same numbers; another seed does not', () => {
    const a = { ...theory, years: 3, importGrowthSdPct: d(2), correlation: d('0.3'), runs: 20_000 };
    expect(simulate(article(), a)).toEqual(simulate(article(), a));
    expect(simulate(article(), { ...a, seed: 2 }).years[0]!.mean).not.toBe(simulate(article(), a).years[0]!.mean);
  });

  it('replaying the stream (bounded memory) gives exactly what keeping every value gives', () => {
    const a = { ...theory, years: 4, importGrowthSdPct: d(3), correlation: d('-0.5'), runs: 30_001 };
    const kept = simulate(article(), a);
    const replayed = simulate(article(), a, { storeLimit: 1000 });
    expect(kept.method.passes).toBe(1);
    expect(replayed.method.passes).toBe(3);
    expect(replayed.years).toEqual(kept.years);
    expect(replayed.histogram).toEqual(kept.histogram);
  });

  it('matches an independent reference: the Xoshiro128 class, the polar method, a sorted sample', () => {
    // The reference draws with the class (not simulate's inlined generator), keeps every balance,
    // sorts them and interpolates percentiles as numpy's default does.
    const a = { ...theory, years: 3, runs: 1001, seed: 3, exportGrowthPct: d('2'), importGrowthPct: d('1'), importGrowthSdPct: d(3), correlation: d('0.4') };
    const r = simulate(article(), a);
    const g = Xoshiro128.fromSeed(a.seed);
    const uniform = () => (g.nextUint32() | 0) / 2 ** 31;
    const E = 3.77e12;
    const M = 2.58e12;
    const byYear: number[][] = [[], [], []];
    for (let run = 0; run < a.runs; run++) {
      let ef = 1;
      let mf = 1;
      for (let y = 0; y < a.years; y++) {
        let u: number;
        let v: number;
        let q: number;
        do {
          u = uniform();
          v = uniform();
          q = u * u + v * v;
        } while (q >= 1 || q === 0);
        const k = Math.sqrt((-2 * Math.log(q)) / q);
        const z1 = u * k;
        const z2 = v * k;
        ef *= Math.max(0, 1 + 0.02 + 0.04 * z1);
        mf *= Math.max(0, 1 + 0.01 + 0.03 * (0.4 * z1 + Math.sqrt(1 - 0.16) * z2));
        byYear[y]!.push(E * ef - M * mf);
      }
    }
    const quantile = (sorted: number[], p: number) => {
      const h = (sorted.length - 1) * p;
      const lo = Math.floor(h);
      return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
    };
    byYear.forEach((values, y) => {
      const sorted = [...values].sort((x, z) => x - z);
      const got = r.years[y]!;
      expect(got.aboveCount).toBe(values.filter((b) => b >= 1e12).length);
      expect(got.min).toBe(sorted[0]);
      expect(got.max).toBe(sorted[sorted.length - 1]);
      for (const [p, key] of [[0.05, 'p5'], [0.5, 'p50'], [0.95, 'p95']] as const) expect(got[key]).toBeCloseTo(quantile(sorted, p), 0);
      expect(got.mean / (values.reduce((x, z) => x + z, 0) / values.length)).toBeCloseTo(1, 12);
    });
  });

  it('stepping in small pieces, as the CLI does for progress and Ctrl-C, gives what one run gives', () => {
    const a = { ...theory, years: 2, runs: 1001, seed: 5 };
    const run = createSimulation(article(), a);
    let steps = 0;
    while (!run.step(100)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(run.result()).toEqual(simulate(article(), a));
  });

  it('correlation moves imports with exports', () => {
    const base = { ...theory, importGrowthSdPct: d(4), runs: 50_000 };
    const spread = (rho: string) => {
      const y = simulate(article(), { ...base, correlation: d(rho) }).years[0]!;
      return y.p95 - y.p5;
    };
    // exports and imports moving together narrow the balance's spread
    expect(spread('0.9')).toBeLessThan(spread('0'));
    expect(spread('-0.9')).toBeGreaterThan(spread('0'));
  });
});
