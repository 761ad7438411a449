// The summary against values worked by hand from the article's figures.
import { describe, expect, it } from 'vitest';
import { computeSummary } from '../../src/core/summary.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import { article } from '../helpers.js';

describe('computeSummary on the article', () => {
  const r = computeSummary(article());

  it('balance is exports minus imports, exactly 1.19T', () => {
    expect(r.current.balance.toFixed()).toBe('1190000000000');
    expect(r.balanceKind).toBe('surplus');
    expect(r.totalTrade.toFixed()).toBe('6350000000000');
  });

  it('coverage ratio and balance share of trade', () => {
    // 3.77 / 2.58 = 1.461240310077519379844961240310...
    expect(r.coverageRatio!.toFixed(12)).toBe('1.461240310078');
    // 1.19 / 6.35 = 18.740157480314960629921...%
    expect(r.balanceShareOfTradePct!.toFixed(12)).toBe('18.740157480315');
  });

  it('implies 2024 from the stated growth: exports 3.77T / 1.055, imports flat', () => {
    expect(r.prior!.basis).toBe('implied');
    expect(r.prior!.year).toBe(2024);
    expect(r.prior!.exports.toFixed(10)).toBe('3573459715639.8104265403');
    expect(r.prior!.imports.toFixed()).toBe('2580000000000');
    expect(r.prior!.balance.toFixed(2)).toBe('993459715639.81');
  });

  it('balance change against the implied year, absolute and relative', () => {
    expect(r.balanceChange!.toFixed(6)).toBe('196540284360.189573');
    expect(r.balanceChangePct!.toFixed(10)).toBe('19.7834176128');
  });

  it('monthly momentum in percentage points', () => {
    expect(r.momentum!.earlier).toBe('2025-11');
    expect(r.momentum!.later).toBe('2025-12');
    expect(r.momentum!.exports!.changePp.toFixed()).toBe('0.7');
    expect(r.momentum!.imports!.changePp.toFixed()).toBe('3.8');
  });
});

describe('computeSummary on other data', () => {
  const base = {
    schemaVersion: 1,
    id: 'test',
    title: 'Test',
    reporter: 'Testland',
    currency: 'USD',
  };

  it('calls a negative balance a deficit and derives growth from the previous year', () => {
    const ds = datasetFromJson(
      {
        ...base,
        years: [
          { year: 2023, exports: '2T', imports: '3T' },
          { year: 2024, exports: '2.1T', imports: '3.15T' },
        ],
      },
      'test',
    );
    const r = computeSummary(ds);
    expect(r.current.year).toBe(2024);
    expect(r.current.balance.toFixed()).toBe('-1050000000000');
    expect(r.balanceKind).toBe('deficit');
    expect(r.growth!.basis).toBe('derived');
    expect(r.growth!.exportGrowthPct.toFixed()).toBe('5');
    expect(r.growth!.importGrowthPct.toFixed()).toBe('5');
    expect(r.prior!.basis).toBe('reported');
    expect(r.balanceChange!.toFixed()).toBe('-50000000000');
    // -50B against a -1T deficit: 5 % worse, measured on the magnitude.
    expect(r.balanceChangePct!.toFixed()).toBe('-5');
    expect(r.momentum).toBeNull();
  });

  it('leaves what cannot be known as null instead of dividing by zero', () => {
    const ds = datasetFromJson({ ...base, years: [{ year: 2024, exports: '0', imports: '0' }] }, 'test');
    const r = computeSummary(ds);
    expect(r.coverageRatio).toBeNull();
    expect(r.balanceShareOfTradePct).toBeNull();
    expect(r.prior).toBeNull();
    expect(r.growth).toBeNull();
    expect(r.balanceKind).toBe('balanced');
  });

  it('momentum belongs to the year summarised: none for a year whose months the data lacks', () => {
    const doc = {
      ...base,
      years: [{ year: 2024, exports: '3.58T', imports: '2.59T' }, { year: 2025, exports: '3.77T', imports: '2.58T' }],
      months: [
        { month: '2024-12', exportGrowthPct: '10.7' },
        { month: '2025-01', exportGrowthPct: '2.3' },
        { month: '2025-11', exportGrowthPct: '5.9' },
        { month: '2025-12', exportGrowthPct: '6.6' },
      ],
    };
    const ds = datasetFromJson(doc, 'test');
    expect(computeSummary(ds).momentum).toMatchObject({ earlier: '2025-11', later: '2025-12' });
    // 2024 has only December: the month before it is missing, so there is no momentum to show.
    expect(computeSummary(ds, { year: 2024 }).momentum).toBeNull();
    // Months with a gap between them are not momentum: 2025-01 against 2025-12 is eleven months.
    const sparse = datasetFromJson({ ...doc, months: [{ month: '2024-12', exportGrowthPct: '1' }, { month: '2025-01', exportGrowthPct: '2' }, { month: '2025-12', exportGrowthPct: '6.6' }] }, 'test');
    expect(computeSummary(sparse).momentum).toBeNull();
    // January pairs with the December before it.
    const january = datasetFromJson({ ...doc, months: [{ month: '2024-12', exportGrowthPct: '10.7' }, { month: '2025-01', exportGrowthPct: '2.3' }] }, 'test');
    expect(computeSummary(january).momentum).toMatchObject({ earlier: '2024-12', later: '2025-01' });
    const only2023 = datasetFromJson({ ...doc, months: [{ month: '2023-11', exportGrowthPct: '1' }, { month: '2023-12', exportGrowthPct: '2' }] }, 'test');
    expect(computeSummary(only2023).momentum).toBeNull();
  });

  it('selects a requested year', () => {
    const ds = datasetFromJson(
      { ...base, years: [{ year: 2023, exports: '1T', imports: '1T' }, { year: 2024, exports: '2T', imports: '1T' }] },
      'test',
    );
    expect(computeSummary(ds, { year: 2023 }).current.balance.toFixed()).toBe('0');
    expect(() => computeSummary(ds, { year: 2019 })).toThrow(/no figures for 2019/);
  });
});
