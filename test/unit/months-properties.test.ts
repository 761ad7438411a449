// Invariants of the monthly series over random monthly data (fast-check), issue 12:
//   - the year to date of December is the year's total, for data with all twelve months;
//   - momentum is the difference of consecutive year-on-year growths (across a year end too);
//   - a month's year-on-year growth is (this ÷ the same month a year earlier − 1) · 100, exactly
//     in decimal;
// and every random document fits its published schema and renders in every view.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { computeMonths } from '../../src/core/months.js';
import type { Dataset } from '../../src/core/types.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import { renderGridAsCsv, renderGridAsMarkdown } from '../../src/render/grid.js';
import { stringifyJson } from '../../src/render/json.js';
import { renderMonthsChart } from '../../src/render/months-chart.js';
import { defaultTextContext } from '../../src/render/style.js';
import { gridOf } from '../../src/reports/columns.js';
import { type MonthsOptions, monthsSpec } from '../../src/reports/months.js';
import type { MonthsDocument } from '../../src/reports/schemas.js';
import { documentOf, schemaValidator } from '../helpers.js';

const RUNS = { numRuns: 150 };

/** An amount as a source states it: up to 12 integer digits and one or two decimals, never negative. */
const amountText = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: 99 }))
  .map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`);
/** A month's figures: each flow there or not (missing is not zero), sometimes a stated growth rate. */
const monthFigures = fc.record(
  {
    exports: fc.option(amountText, { nil: undefined, freq: 6 }),
    imports: fc.option(amountText, { nil: undefined, freq: 6 }),
    exportGrowthPct: fc.option(fc.integer({ min: -999, max: 999 }).map((n) => (n / 10).toFixed(1)), { nil: undefined, freq: 2 }),
  },
  { requiredKeys: [] },
);

function datasetOf(months: { month: string; [k: string]: unknown }[]): Dataset {
  const clean = months.map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)));
  return datasetFromJson({ schemaVersion: 2, id: 'prop', title: 'Property', reporter: 'Anyland', currency: 'USD', years: [], months: clean }, 'property');
}

const monthKey = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** Three years of months (2028–2030), each month there or not, its flows there or not. */
const threeYears = fc.array(fc.option(monthFigures, { nil: null, freq: 8 }), { minLength: 36, maxLength: 36 }).map((list) =>
  list.flatMap((f, i) => (f === null ? [] : [{ month: monthKey(2028 + Math.floor(i / 12), (i % 12) + 1), ...f }])).filter((m) => Object.keys(m).length > 1),
);

describe('properties of the monthly series', () => {
  it('the year to date of December equals the annual total, for data with all twelve months', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amountText, amountText), { minLength: 12, maxLength: 12 }), (pairs) => {
        const ds = datasetOf(pairs.map(([e, m], i) => ({ month: monthKey(2030, i + 1), exports: e, imports: m })));
        const year = ds.years.find((y) => y.year === 2030)!;
        const december = computeMonths(ds, { year: 2030 }).rows[11]!;
        expect(december.exports.yearToDate!.eq(year.exports.value)).toBe(true);
        expect(december.imports.yearToDate!.eq(year.imports.value)).toBe(true);
        expect(december.balance.yearToDate!.eq(year.exports.value.minus(year.imports.value))).toBe(true);
        // And each month's year to date is the one before plus the month.
        const rows = computeMonths(ds, { year: 2030 }).rows;
        for (let k = 1; k < 12; k++) expect(rows[k]!.exports.yearToDate!.eq(rows[k - 1]!.exports.yearToDate!.plus(rows[k]!.exports.value!))).toBe(true);
      }),
      RUNS,
    );
  });

  it('momentum is this month’s year-on-year growth minus the previous month’s, January against December', () => {
    fc.assert(
      fc.property(threeYears, (list) => {
        fc.pre(list.length > 0);
        const ds = datasetOf(list);
        const growth = new Map<string, { e: Decimal | null; m: Decimal | null }>();
        const rows = [2028, 2029, 2030].flatMap((year) => (ds.months.some((m) => m.month.startsWith(`${year}-`)) ? computeMonths(ds, { year }).rows : []));
        for (const r of rows) growth.set(r.month, { e: r.exports.growthPct, m: r.imports.growthPct });
        for (const r of rows) {
          const [y, mo] = r.month.split('-').map(Number) as [number, number];
          const before = growth.get(mo === 1 ? monthKey(y - 1, 12) : monthKey(y, mo - 1));
          for (const [flow, key] of [['exports', 'e'], ['imports', 'm']] as const) {
            const now = r[flow].growthPct;
            const prev = before?.[key] ?? null;
            if (now === null || prev === null) expect(r[flow].momentumPp).toBeNull();
            else expect(r[flow].momentumPp!.eq(now.minus(prev))).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('a month’s year-on-year growth is (this ÷ the same month a year earlier − 1) · 100, exactly', () => {
    // This month's amount is last year's times (1000 + k) / 1000, so the growth is k/10 %, exactly:
    // any rounding in the division would show.
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: -1000, max: 20000 }), fc.integer({ min: 1, max: 12 }), (n, k, mo) => {
        const before = new Decimal(n.toString()).times(1000);
        const now = new Decimal(n.toString()).times(1000 + k);
        const ds = datasetOf([
          { month: monthKey(2029, mo), exports: before.toFixed(), imports: '1' },
          { month: monthKey(2030, mo), exports: now.toFixed(), imports: '1' },
        ]);
        const row = computeMonths(ds, { year: 2030 }).rows[0]!;
        expect(row.exports.growthPct!.eq(new Decimal(k).div(10))).toBe(true);
        expect(row.exports.growthBasis).toBe('derived');
        expect(row.imports.growthPct!.isZero()).toBe(true);
      }),
      RUNS,
    );
  });

  it('and for any two amounts: growth × earlier = (this − earlier) × 100, to the 40 digits carried', () => {
    fc.assert(
      fc.property(amountText.filter((a) => !new Decimal(a).isZero()), amountText, (a, b) => {
        const ds = datasetOf([
          { month: '2029-06', exports: a },
          { month: '2030-06', exports: b },
        ]);
        const g = computeMonths(ds, { year: 2030 }).rows[0]!.exports.growthPct!;
        const exact = new Decimal(b).minus(a).times(100);
        const err = g.times(a).minus(exact).abs();
        expect(err.lte(Decimal.max(exact.abs(), new Decimal(a).times(100)).times('1e-38'))).toBe(true);
      }),
      RUNS,
    );
  });

  it('every document fits the published schema and renders as text, chart, CSV and markdown', async () => {
    const validate = await schemaValidator('months');
    await fc.assert(
      fc.asyncProperty(threeYears, fc.constantFrom(undefined, 'exports', 'imports', 'balance'), async (list, flow) => {
        fc.pre(list.length > 0);
        const ds = datasetOf(list);
        const { doc, opts } = await documentOf<MonthsDocument>(monthsSpec, flow ? { flow } : {}, ds);
        const read = JSON.parse(stringifyJson(doc));
        expect(validate(read), JSON.stringify(validate.errors)).toBe(true);
        expect(read.months).toHaveLength(doc.period.monthCount);
        expect((await monthsSpec.text(doc, { ...defaultTextContext, interactive: true }, opts as MonthsOptions)).length).toBeGreaterThan(0);
        const chart = renderMonthsChart(doc, { ...defaultTextContext, width: 60 });
        if (chart) for (const line of chart.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
        const csv = [...renderGridAsCsv(gridOf(doc, monthsSpec.columns(doc)))].join('').split('\r\n');
        expect(csv.filter((l) => l !== '')).toHaveLength(doc.months.length + 1);
        expect(renderGridAsMarkdown(gridOf(doc, monthsSpec.columns(doc), monthsSpec.notes?.(doc)))).toContain('| month |');
      }),
      { numRuns: 60 },
    );
  });
});
