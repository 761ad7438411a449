// Invariants over random datasets and assumptions (fast-check): exact balances, closed forms,
// every view renders, JSON reads back to the same values and validates against its published
// schema, derived growth inverts a projection.
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
import { renderGridAsCsv, renderGridAsMarkdown } from '../../src/render/grid.js';
import { jsonNumber, stringifyJson } from '../../src/render/json.js';
import { defaultTextContext } from '../../src/render/style.js';
import { breakevenSpec } from '../../src/reports/breakeven.js';
import { gridOf } from '../../src/reports/columns.js';
import type { Document } from '../../src/reports/document.js';
import { projectSpec } from '../../src/reports/project.js';
import { scenariosSpec } from '../../src/reports/scenarios.js';
import type { DocumentKind } from '../../src/reports/schemas.js';
import { simulateSpec } from '../../src/reports/simulate.js';
import type { AnySpec, RawOptions } from '../../src/reports/spec.js';
import { summarySpec } from '../../src/reports/summary.js';
import { documentOf, schemaValidator } from '../helpers.js';

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

  it('every report renders in every format, JSON reads back to the same values and fits its schema', async () => {
    const summarySchema = await schemaValidator('summary');
    const projectionSchema = await schemaValidator('projection');
    await fc.assert(
      fc.asyncProperty(amount, amount, rate, fc.integer({ min: 1, max: 5 }), decimalText(13, 0, true), fc.boolean(), async (x, m, g, n, t, ranges) => {
        const ds = dataset([{ year: 2030, exports: x, imports: m, exportGrowthPct: g, importGrowthPct: '0' } as never]);
        const flag = ranges ? { ranges: true } : {};
        const s = await documentOf(summarySpec, flag, ds);
        const p = await documentOf(projectSpec, { growth: g, importGrowth: '0', years: String(n), threshold: t, ...flag }, ds);
        const exact = computeProjection(ds, { exportGrowthPct: Array(n).fill(new Decimal(g)), importGrowthPct: Array(n).fill(new Decimal(0)), threshold: new Decimal(t) });
        for (const [spec, run] of [
          [summarySpec, s],
          [projectSpec, p],
        ] as [AnySpec, { opts: unknown; doc: Document }][]) {
          expect((await spec.text(run.doc, defaultTextContext, run.opts)).length).toBeGreaterThan(0);
          const csv = [...renderGridAsCsv(gridOf(run.doc, spec.columns(run.doc)))].join('');
          expect(csv.split('\r\n')[0]).toEqual(spec.columns(run.doc).kind === 'metrics' ? (ranges ? 'metric,value,low,high' : 'metric,value') : expect.stringMatching(/^year,/));
          expect(renderGridAsMarkdown(gridOf(run.doc, spec.columns(run.doc), spec.notes?.(run.doc)))).toContain('|');
        }
        const doc = JSON.parse(stringifyJson(p.doc));
        expect(projectionSchema(doc), JSON.stringify(projectionSchema.errors)).toBe(true);
        expect(doc.path).toHaveLength(n);
        // The value read back is the decimal itself to within half a unit of its 15th digit.
        const close = (read: number, exact: Decimal) => {
          if (exact.isZero()) return expect(read).toBe(0);
          const unit = new Decimal(10).pow(exact.abs().log(10).floor().minus(14));
          expect(new Decimal(read).minus(exact).abs().lte(unit.div(2).times(1 + 1e-9))).toBe(true);
        };
        exact.path.forEach((pt, i) => {
          close(doc.path[i].balance, pt.balance);
          close(doc.path[i].exports, pt.exports);
          expect(doc.path[i].aboveThreshold).toBe(pt.aboveThreshold);
        });
        const summary = JSON.parse(stringifyJson(s.doc));
        expect(summarySchema(summary), JSON.stringify(summarySchema.errors)).toBe(true);
        close(summary.balance, computeSummary(ds).current.balance);
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

  it('every analysis report renders in every format, and its JSON fits its schema', async () => {
    const kinds: [AnySpec, DocumentKind, (g: string) => RawOptions][] = [
      [scenariosSpec, 'scenario-grid', (g) => ({ growth: `${g}:${new Decimal(g).plus(2).toFixed()}:1`, importGrowth: '-1:1:1' })],
      [breakevenSpec, 'breakeven', (g) => ({ growth: g, importGrowth: '0' })],
      [simulateSpec, 'simulation', (g) => ({ growth: g, growthSd: '2', importGrowth: '0', importGrowthSd: '1', runs: '50', seed: '1' })],
    ];
    const validators = await Promise.all(kinds.map(([, kind]) => schemaValidator(kind)));
    await fc.assert(
      fc.asyncProperty(amount, amount, smallRate, fc.integer({ min: 1, max: 4 }), decimalText(13, 0, true), async (x, m, g, years, t) => {
        const ds = dataset([{ year: 2030, exports: x, imports: m }]);
        for (const [i, [spec, kind, raw]] of kinds.entries()) {
          const { opts, doc } = await documentOf(spec, { ...raw(g), years: String(years), threshold: t }, ds);
          const json = JSON.parse(stringifyJson(doc));
          expect(json.kind).toBe(kind);
          expect(validators[i]!(json), JSON.stringify(validators[i]!.errors)).toBe(true);
          const columns = spec.columns(doc);
          const grid = gridOf(doc, columns, spec.notes?.(doc));
          expect([...renderGridAsCsv(grid)].join('').split('\r\n')[0]).toBe(grid.columns.join(','));
          expect(renderGridAsMarkdown(gridOf(doc, columns, spec.notes?.(doc)))).toContain('|');
          expect(await spec.text(doc, defaultTextContext, opts)).not.toMatch(/NaN|Infinity|undefined/);
        }
      }),
      { numRuns: 60 },
    );
  });
});
