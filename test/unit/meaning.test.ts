// Meaning, issue 10: simulate agrees with project exactly when nothing is uncertain and decides
// runs on the threshold in decimal; rounding ranges never take a flow below zero; check uses a
// forecast for what it states (an import-only forecast grows imports and holds exports flat).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCheck } from '../../src/core/check.js';
import { Decimal } from '../../src/core/decimal.js';
import { flowInterval, rateInterval } from '../../src/core/interval.js';
import { computeProjection } from '../../src/core/project.js';
import { computeProjectionRanges, computeSummaryRanges } from '../../src/core/ranges.js';
import { type SimulationAssumptions, replayDraws, simulate } from '../../src/core/simulate.js';
import { seedState } from '../../src/core/prng.js';
import { computeSummary } from '../../src/core/summary.js';
import type { Dataset } from '../../src/core/types.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import { article, cli, d } from '../helpers.js';

const base = (over: Partial<SimulationAssumptions> = {}): SimulationAssumptions => ({
  years: 1,
  threshold: d('1e12'),
  exportGrowthPct: d('0.1'),
  exportGrowthSdPct: d(0),
  importGrowthPct: d(0),
  importGrowthSdPct: d(0),
  correlation: d(0),
  runs: 2000,
  seed: 1,
  ...over,
});

describe('simulate decides the threshold exactly', () => {
  it("the issue's case: a balance exactly on the threshold is at or above it, as project says (100 %)", async () => {
    const argv = ['--growth', '0.1', '--growth-sd', '0', '--import-growth-sd', '0', '--threshold', '1193770000000', '--json'];
    const sim = JSON.parse((await cli(['simulate', ...argv])).stdout) as { path: { probabilityAboveThreshold: number; aboveCount: number }[] };
    const proj = JSON.parse((await cli(['project', ...argv.filter((a, i) => !/sd/.test(a) && !/sd/.test(argv[i - 1] ?? ''))])).stdout) as { path: { margin: number; aboveThreshold: boolean }[] };
    expect(proj.path[0]!.margin).toBe(0);
    expect(proj.path[0]!.aboveThreshold).toBe(true);
    expect(sim.path[0]!.probabilityAboveThreshold).toBe(1);
  });

  it('at, just above and just below the threshold, with both deviations 0', () => {
    const at = d('1193770000000');
    const p = (t: Decimal) => simulate(article(), base({ threshold: t })).years[0]!.probability.toNumber();
    expect(p(at)).toBe(1);
    // A hundredth of a dollar either side: doubles cannot tell these apart from the line; decimals can.
    expect(p(at.plus('0.01'))).toBe(0);
    expect(p(at.minus('0.01'))).toBe(1);
    expect(p(at.plus('1e-9'))).toBe(0);
    expect(p(at.minus('1e-9'))).toBe(1);
  });

  it('property: with both deviations 0, P is 0 or 1 and agrees with project in every year', () => {
    const rate = fc.integer({ min: -2000, max: 2000 }).map((n) => new Decimal(n).div(100));
    fc.assert(
      fc.property(rate, rate, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('0', '1e-6', '-1e-6', '0.01', '-0.01', '1'), (g, h, years, at, nudge) => {
        const path = computeProjection(article(), { exportGrowthPct: Array(years).fill(g), importGrowthPct: Array(years).fill(h), threshold: d(0) }).path;
        // A threshold exactly on (or a hair either side of) the balance of one of the years.
        const threshold = path[Math.min(at, years - 1)]!.balance.plus(nudge);
        const proj = computeProjection(article(), { exportGrowthPct: Array(years).fill(g), importGrowthPct: Array(years).fill(h), threshold });
        const sim = simulate(article(), base({ years, exportGrowthPct: g, importGrowthPct: h, threshold, runs: 50 }));
        for (const [i, y] of sim.years.entries()) expect(y.probability.toNumber()).toBe(proj.path[i]!.aboveThreshold ? 1 : 0);
      }),
      { numRuns: 150, seed: 3 },
    );
  });

  it('with uncertainty, a run exactly on the line is decided from its own draws', () => {
    // One run, one year: its balance in doubles is the mean (and every percentile).
    const one = base({ exportGrowthSdPct: d(2), importGrowthSdPct: d(2), runs: 1, seed: 7 });
    const b = simulate(article(), one).years[0]!.mean;
    const [z1, z2] = replayDraws(Array.from(seedState(7), (x) => x | 0) as [number, number, number, number], 1);
    // The replayed draws are the run's own: they give the same double balance.
    expect(3.77e12 * (1 + 0.001 + 0.02 * z1!) - 2.58e12 * (1 + 0 + 0.02 * z2!)).toBe(b);
    // The exact balance of those draws, in decimal, is what the line is compared with.
    const exact = d('3.77e12')
      .times(d(1).plus(d('0.1').div(100)).plus(d(2).div(100).times(new Decimal(z1!))))
      .minus(d('2.58e12').times(d(1).plus(d(2).div(100).times(new Decimal(z2!)))));
    expect(simulate(article(), { ...one, threshold: exact }).years[0]!.aboveCount).toBe(1);
    expect(simulate(article(), { ...one, threshold: exact.plus('1e-6') }).years[0]!.aboveCount).toBe(0);
    expect(simulate(article(), { ...one, threshold: exact.minus('1e-6') }).years[0]!.aboveCount).toBe(1);
  });
});

function dataset(doc: object): Dataset {
  return datasetFromJson({ schemaVersion: 1, id: 'x', title: 'X', reporter: 'X', currency: 'USD', ...doc }, 'x');
}

describe('rounding ranges never take a flow below zero', () => {
  it('a figure stated as 0 spans 0 to 0.5, not −0.5 to 0.5', () => {
    const ds = dataset({ years: [{ year: 2025, exports: '0', imports: '2' }] });
    const iv = flowInterval(ds.years[0]!.exports);
    expect([iv.low.toFixed(), iv.high.toFixed()]).toEqual(['0', '0.5']);
    const ranges = computeSummaryRanges(ds, computeSummary(ds));
    expect(ranges.exports.low.toFixed()).toBe('0');
    expect(ranges.totalTrade.low.isNegative()).toBe(false);
    expect(ranges.balance.high.toFixed()).toBe('-1');
  });

  it('a −100 % rate takes exports to 0, not below', () => {
    const ds = dataset({ years: [{ year: 2025, exports: '2.5T', imports: '1T' }], forecasts: [{ year: 2026, exportGrowthPct: '-100', importGrowthPct: '-100' }] });
    const report = computeProjection(ds, { exportGrowthPct: [d(-100)], importGrowthPct: [d(-100)], threshold: d(0) });
    const ranges = computeProjectionRanges(ds, report, { exportGrowthPct: [rateInterval(ds.forecasts[0]!.exportGrowthPct!)], importGrowthPct: [rateInterval(ds.forecasts[0]!.importGrowthPct!)] });
    expect(ranges.path[0]!.exports.low.toFixed()).toBe('0');
    expect(ranges.path[0]!.imports.low.toFixed()).toBe('0');
    expect(rateInterval(ds.forecasts[0]!.exportGrowthPct!).low.toFixed()).toBe('-100');
  });

  it('through the CLI: project --ranges with a −100 % forecast, summary --ranges of a zero flow', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'tradecalc-ranges-'));
    const file = join(dir, 'gone.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, id: 'x', title: 'X', reporter: 'X', currency: 'USD', years: [{ year: 2025, exports: '2.5T', imports: '0' }], forecasts: [{ year: 2026, exportGrowthPct: '-100' }] }));
    const proj = JSON.parse((await cli(['project', '--data', file, '--ranges', '--json'])).stdout) as { path: { ranges: { exports: { low: number }; imports: { low: number } } }[]; base: { ranges: { imports: { low: number } } } };
    expect(proj.path[0]!.ranges.exports.low).toBe(0);
    expect(proj.path[0]!.ranges.imports.low).toBe(0);
    expect(proj.base.ranges.imports.low).toBe(0);
  });

  it('property: for any stated figures and rates, no flow range goes below zero', () => {
    const amount = fc.constantFrom('0', '0.4', '1', '2.5T', '0.001T', '7');
    const pct = fc.constantFrom('-100', '-99.9', '-50', '0', '3', '-100.0');
    fc.assert(
      fc.property(amount, amount, pct, pct, fc.integer({ min: 1, max: 4 }), (e, m, g, h, years) => {
        const ds = dataset({ years: [{ year: 2024, exports: e, imports: m }, { year: 2025, exports: e, imports: m }], forecasts: [{ year: 2026, exportGrowthPct: g, importGrowthPct: h }] });
        const s = computeSummaryRanges(ds, computeSummary(ds));
        for (const iv of [s.exports, s.imports, s.totalTrade, s.prior?.exports, s.prior?.imports]) if (iv) expect(iv.low.isNegative()).toBe(false);
        const f = ds.forecasts[0]!;
        const report = computeProjection(ds, { exportGrowthPct: Array(years).fill(f.exportGrowthPct!.value), importGrowthPct: Array(years).fill(f.importGrowthPct!.value), threshold: d(0) });
        const p = computeProjectionRanges(ds, report, { exportGrowthPct: Array(years).fill(rateInterval(f.exportGrowthPct!)), importGrowthPct: Array(years).fill(rateInterval(f.importGrowthPct!)) });
        for (const y of p.path) {
          expect(y.exports.low.isNegative()).toBe(false);
          expect(y.imports.low.isNegative()).toBe(false);
        }
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('check: a claim about a zero flow is ranged from zero', () => {
    const ds = dataset({ years: [{ year: 2025, exports: '0', imports: '1T' }], claims: [{ id: 'no-exports', label: 'no exports', metric: 'exports', year: 2025, qualifier: 'below', value: '1' }] });
    const c = computeCheck(ds).checks[0]!;
    expect(c.range!.low.toFixed()).toBe('0');
    expect(c.verdict).toBe('consistent');
    expect(c.within).toBe('whole-range');
  });

  it('check: a −100 % forecast takes projected exports to zero, not below', () => {
    const ds = dataset({
      years: [{ year: 2025, exports: '2.5T', imports: '1T' }],
      forecasts: [{ year: 2026, exportGrowthPct: '-100' }],
      claims: [{ id: 'gone', label: 'exports gone', metric: 'exports', year: 2026, qualifier: 'below', value: '1' }],
    });
    const c = computeCheck(ds).checks[0]!;
    expect(c.range!.low.toFixed()).toBe('0');
    expect(c.range!.high.isNegative()).toBe(false);
  });
});

describe('check uses a forecast for what it states', () => {
  const ds = dataset({
    years: [{ year: 2025, exports: '3.77T', imports: '2.58T' }],
    forecasts: [{ year: 2026, importGrowthPct: '5' }],
    claims: [
      { id: 'imports-2026', label: 'imports grow to about $2.7T', metric: 'imports', year: 2026, qualifier: 'about', value: '2.7T' },
      { id: 'balance-2026', label: 'surplus above $1T', metric: 'balance', year: 2026, qualifier: 'above', value: '1T' },
      { id: 'exports-2026', label: 'exports about $3.77T', metric: 'exports', year: 2026, qualifier: 'about', value: '3.77T' },
    ],
  });

  it('an import-only forecast grows imports and holds exports flat, exactly as project does', () => {
    const r = computeCheck(ds);
    for (const c of r.checks) {
      expect(c.verdict, c.claim.id).toBe('consistent');
      expect(c.basis).toMatchObject({ kind: 'projected', year: 2026, from: 2025, exportGrowthPct: null });
    }
    const proj = computeProjection(ds, { exportGrowthPct: [d(0)], importGrowthPct: [d(5)], threshold: d(0) }).path[0]!;
    const byId = new Map(r.checks.map((c) => [c.claim.id, c]));
    expect(byId.get('imports-2026')!.value!.toFixed()).toBe(proj.imports.toFixed());
    expect(byId.get('balance-2026')!.value!.toFixed()).toBe(proj.balance.toFixed());
    expect(byId.get('exports-2026')!.value!.toFixed()).toBe('3770000000000');
    // Exports held flat exactly: their range is the 2025 rounding, not widened by a rate.
    expect(byId.get('exports-2026')!.range!.low.toFixed()).toBe('3765000000000');
  });

  it('an export-only forecast holds imports flat (as before)', () => {
    const e = dataset({ years: [{ year: 2025, exports: '3.77T', imports: '2.58T' }], forecasts: [{ year: 2026, exportGrowthPct: '3' }], claims: [{ id: 'b', label: 'b', metric: 'balance', year: 2026, qualifier: 'above', value: '1T' }] });
    expect(computeCheck(e).checks[0]!.basis).toMatchObject({ kind: 'projected', importGrowthPct: null });
  });

  it('a year whose forecast states neither growth cannot be checked, and says so', () => {
    const n = dataset({ years: [{ year: 2025, exports: '3.77T', imports: '2.58T' }], forecasts: [{ year: 2026, balance: '1T' }], claims: [{ id: 'b', label: 'b', metric: 'balance', year: 2026, qualifier: 'above', value: '1T' }] });
    const c = computeCheck(n).checks[0]!;
    expect(c.verdict).toBe('unchecked');
    expect(c.unchecked).toEqual({ code: 'no-forecast-growth', year: 2026 });
  });

  it('the words and the JSON say which flow was held flat', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'tradecalc-import-only-')), 'import-only.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, id: 'x', title: 'X', reporter: 'X', currency: 'USD', years: [{ year: 2025, exports: '3.77T', imports: '2.58T' }], forecasts: [{ year: 2026, importGrowthPct: '5' }], claims: [{ id: 'b', label: 'b', metric: 'balance', year: 2026, qualifier: 'above', value: '1T' }] }));
    const text = await cli(['check', '--data', file, '--no-color'], { env: { COLUMNS: '200' } });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('from 2025 compounded to 2026 with the forecast: exports held flat, imports 5%');
    const json = JSON.parse((await cli(['check', '--data', file, '--json'])).stdout) as { claims: { basis: object; status: string }[] };
    expect(json.claims[0]!.basis).toEqual({ kind: 'projected', year: 2026, baseYear: 2025, exportGrowthPct: null, exportGrowthQualifier: null, importGrowthPct: 5 });
    expect(json.claims[0]!.status).toBe('consistent');
  });
});
