// Invariants over random datasets and assumptions (fast-check): exact balances, closed forms,
// every view renders, JSON reads back to the same values, derived growth inverts a projection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { computeBreakeven } from '../../src/core/breakeven.js';
import { computeProjection } from '../../src/core/project.js';
import { computeScenarioGrid } from '../../src/core/scenarios.js';
import { simulate } from '../../src/core/simulate.js';
import { computeSummary } from '../../src/core/summary.js';
import type { Dataset } from '../../src/core/types.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import { parseAmount } from '../../src/data/units.js';
import { formatMoney } from '../../src/render/format.js';
import { breakevenToGrid, projectionToGrid, scenarioGridToGrid, simulationToGrid, summaryToGrid } from '../../src/render/grid-reports.js';
import { renderBreakevenAsText } from '../../src/render/breakeven-text.js';
import { renderScenarioGridAsText } from '../../src/render/scenarios-text.js';
import { renderSimulationAsText } from '../../src/render/simulation-text.js';
import { type Grid, renderGridAsCsv, renderGridAsMarkdown } from '../../src/render/grid.js';
import { type JsonValue, jsonNumber, stringifyJson } from '../../src/render/json.js';
import { breakevenToJson, projectionToJson, scenarioGridToJson, simulationToJson, summaryToJson } from '../../src/render/json-reports.js';
import { renderProjectionAsText } from '../../src/render/projection-text.js';
import { defaultTextContext } from '../../src/render/style.js';
import { renderSummaryAsText } from '../../src/render/summary-text.js';

const RUNS = { numRuns: 200 };

/** A decimal string with up to `int` integer digits and `frac` decimals. */
const decimalText = (int: number, frac: number, signed = false) =>
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** BigInt(int) - 1n }), fc.bigInt({ min: 0n, max: 10n ** BigInt(frac) - 1n }), fc.boolean())
    .map(([i, f, neg]) => `${signed && neg ? '-' : ''}${i}${frac ? `.${f.toString().padStart(frac, '0')}` : ''}`);

const amount = decimalText(15, 2);
const rate = fc.integer({ min: -9999, max: 20000 }).map((n) => new Decimal(n).div(100).toFixed());

function dataset(years: { year: number; exports: string; imports: string }[], extra: object = {}): Dataset {
  return datasetFromJson({ schemaVersion: 1, id: 'prop', title: 'Property', reporter: 'Anyland', currency: 'USD', years, ...extra }, 'property');
}

describe('properties', () => {
  it('balance is exports − imports, exactly, and total trade their sum', () => {
    fc.assert(
      fc.property(amount, amount, (x, m) => {
        const r = computeSummary(dataset([{ year: 2030, exports: x, imports: m }]));
        expect(r.current.balance.eq(new Decimal(x).minus(m))).toBe(true);
        expect(r.totalTrade.eq(new Decimal(x).plus(m))).toBe(true);
        expect(r.balanceKind).toBe(r.current.balance.isNegative() ? 'deficit' : r.current.balance.isZero() ? 'balanced' : 'surplus');
      }),
      RUNS,
    );
  });

  it('a constant-rate projection equals the closed form X·(1+g)ⁿ − M·(1+h)ⁿ', () => {
    fc.assert(
      fc.property(amount, amount, rate, rate, fc.integer({ min: 1, max: 30 }), (x, m, g, h, n) => {
        const r = computeProjection(dataset([{ year: 2030, exports: x, imports: m }]), {
          exportGrowthPct: Array(n).fill(new Decimal(g)),
          importGrowthPct: Array(n).fill(new Decimal(h)),
          threshold: new Decimal(0),
        });
        const fx = new Decimal(1).plus(new Decimal(g).div(100)).pow(n);
        const fm = new Decimal(1).plus(new Decimal(h).div(100)).pow(n);
        const closed = new Decimal(x).times(fx).minus(new Decimal(m).times(fm));
        const got = r.path[n - 1]!.balance;
        // Both sides carry 40 significant digits; they agree far beyond the 15 any output shows.
        const scale = Decimal.max(new Decimal(x).times(fx).abs(), new Decimal(m).times(fm).abs(), 1);
        expect(got.minus(closed).abs().div(scale).lt('1e-30')).toBe(true);
        expect(r.path[n - 1]!.aboveThreshold).toBe(got.gte(0));
      }),
      RUNS,
    );
  });

  it('derived growth inverts a projection: project one year, then summarise both years', () => {
    fc.assert(
      fc.property(decimalText(13, 0).filter((s) => s !== '0'), decimalText(13, 0).filter((s) => s !== '0'), rate, rate, (x, m, g, h) => {
        const base = dataset([{ year: 2030, exports: x, imports: m }]);
        const p = computeProjection(base, { exportGrowthPct: [new Decimal(g)], importGrowthPct: [new Decimal(h)], threshold: new Decimal(0) }).path[0]!;
        const both = dataset([
          { year: 2030, exports: x, imports: m },
          { year: 2031, exports: p.exports.toFixed(), imports: p.imports.toFixed() },
        ]);
        const s = computeSummary(both);
        expect(s.growth!.basis).toBe('derived');
        expect(s.growth!.exportGrowthPct.toSignificantDigits(30).eq(g)).toBe(true);
        expect(s.growth!.importGrowthPct.toSignificantDigits(30).eq(h)).toBe(true);
      }),
      RUNS,
    );
  });

  it('every report renders in every format, and JSON reads back to the same values', () => {
    fc.assert(
      fc.property(amount, amount, rate, fc.integer({ min: 1, max: 5 }), decimalText(13, 0, true), (x, m, g, n, t) => {
        const ds = dataset([{ year: 2030, exports: x, imports: m, exportGrowthPct: g, importGrowthPct: '0' } as never]);
        const s = computeSummary(ds);
        const p = computeProjection(ds, { exportGrowthPct: Array(n).fill(new Decimal(g)), importGrowthPct: Array(n).fill(new Decimal(0)), threshold: new Decimal(t) });
        for (const text of [renderSummaryAsText(s, defaultTextContext), renderProjectionAsText(p, defaultTextContext)]) expect(text.length).toBeGreaterThan(0);
        for (const grid of [summaryToGrid(s), projectionToGrid(p)]) {
          const csv = [...renderGridAsCsv(grid)].join('');
          expect(csv.split('\r\n')[0]).toBe(grid.columns.join(','));
          expect(renderGridAsMarkdown(grid)).toContain('|');
        }
        const doc = JSON.parse(stringifyJson(projectionToJson(p)));
        expect(doc.path).toHaveLength(n);
        // The value read back is the decimal itself to within half a unit of its 15th digit.
        const close = (read: number, exact: Decimal) => {
          if (exact.isZero()) return expect(read).toBe(0);
          const unit = new Decimal(10).pow(exact.abs().log(10).floor().minus(14));
          expect(new Decimal(read).minus(exact).abs().lte(unit.div(2).times(1 + 1e-9))).toBe(true);
        };
        p.path.forEach((pt, i) => {
          close(doc.path[i].balance, pt.balance);
          close(doc.path[i].exports, pt.exports);
          expect(doc.path[i].aboveThreshold).toBe(pt.aboveThreshold);
        });
        close(JSON.parse(stringifyJson(summaryToJson(s))).balance, s.current.balance);
      }),
      RUNS,
    );
  });

  it('JSON numbers are plain, at most 15 significant digits, never -0, within half a unit of the 15th digit', () => {
    fc.assert(
      fc.property(decimalText(20, 20, true), fc.integer({ min: -30, max: 30 }), (text, shift) => {
        const d = new Decimal(text).times(new Decimal(10).pow(shift));
        const out = jsonNumber(d);
        expect(out).toMatch(/^-?\d+(\.\d+)?$/);
        expect(out).not.toBe('-0');
        expect(out.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length).toBeLessThanOrEqual(15);
        if (!d.isZero()) {
          const err = new Decimal(out).minus(d).abs();
          const unit = new Decimal(10).pow(d.abs().log(10).floor().minus(14));
          expect(err.lte(unit.div(2))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('an amount formatted in a unit parses back within the rounding of that unit', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom('T', 'B', 'M', 'K') as fc.Arbitrary<'T' | 'B' | 'M' | 'K'>, (x, unit) => {
        const text = formatMoney(new Decimal(x), { unit }).replace(/,/g, '');
        const back = parseAmount(text)!;
        expect(back).not.toBeNull();
        expect(back.value.minus(x).abs().lte(back.halfWidth)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('properties of the analysis reports', () => {
  const amountNonZero = decimalText(13, 2).filter((s) => !new Decimal(s).isZero());
  const smallRate = fc.integer({ min: -5000, max: 5000 }).map((n) => new Decimal(n).div(100).toFixed());

  it('a break-even solution, when there is one, puts the balance exactly on the threshold', () => {
    fc.assert(
      fc.property(amountNonZero, amountNonZero, smallRate, smallRate, fc.integer({ min: 1, max: 10 }), decimalText(13, 0, true), (x, m, g, h, years, t) => {
        const ds = dataset([{ year: 2030, exports: x, imports: m }]);
        const r = computeBreakeven(ds, { years, threshold: new Decimal(t), exportGrowthPct: new Decimal(g), importGrowthPct: new Decimal(h) });
        for (const res of [r.exportGrowth, r.importGrowth]) {
          if (!res.found) continue;
          expect(res.solution.balance.eq(t)).toBe(true);
          // And the rate really is one: compounding it by projection gives the same balance.
          expect(res.solution.growthPct.gte(-100)).toBe(true);
        }
        // The balance at the solved export rate, projected the ordinary way, is the threshold to 15 digits.
        if (r.exportGrowth.found) {
          const p = computeProjection(ds, {
            exportGrowthPct: Array(years).fill(r.exportGrowth.solution.growthPct),
            importGrowthPct: Array(years).fill(new Decimal(h)),
            threshold: new Decimal(t),
          }).path[years - 1]!;
          const scale = Decimal.max(p.exports.abs(), p.imports.abs(), 1);
          expect(p.balance.minus(t).abs().lte(scale.times('1e-14'))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('every analysis report renders in every format, and its JSON parses', () => {
    fc.assert(
      fc.property(amount, amount, smallRate, fc.integer({ min: 1, max: 4 }), decimalText(13, 0, true), (x, m, g, years, t) => {
        const ds = dataset([{ year: 2030, exports: x, imports: m }]);
        const threshold = new Decimal(t);
        const grid = computeScenarioGrid(ds, { years, threshold, exportGrowth: { start: new Decimal(g), stop: new Decimal(g).plus(2), step: new Decimal(1) }, importGrowth: { start: new Decimal(-1), stop: new Decimal(1), step: new Decimal(1) } });
        const be = computeBreakeven(ds, { years, threshold, exportGrowthPct: new Decimal(g), importGrowthPct: new Decimal(0) });
        const sim = simulate(ds, { years, threshold, exportGrowthPct: new Decimal(g), exportGrowthSdPct: new Decimal(2), importGrowthPct: new Decimal(0), importGrowthSdPct: new Decimal(1), correlation: new Decimal(0), runs: 50, seed: 1 });
        const views: [JsonValue, Grid, string][] = [
          [scenarioGridToJson(grid), scenarioGridToGrid(grid), renderScenarioGridAsText(grid, defaultTextContext)],
          [breakevenToJson(be), breakevenToGrid(be), renderBreakevenAsText(be, defaultTextContext)],
          [simulationToJson(sim), simulationToGrid(sim), renderSimulationAsText(sim, defaultTextContext)],
        ];
        for (const [json, g2, text] of views) {
          const doc = JSON.parse(stringifyJson(json));
          expect(doc.schemaVersion).toBe(1);
          expect([...renderGridAsCsv(g2)].join('').split('\r\n')[0]).toBe(g2.columns.join(','));
          expect(renderGridAsMarkdown(g2)).toContain('|');
          expect(text).not.toMatch(/NaN|Infinity|undefined/);
        }
      }),
      { numRuns: 60 },
    );
  });
});
