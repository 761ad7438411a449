// Projection against hand-worked compounding and the closed form.
import { describe, expect, it } from 'vitest';
import { computeProjection, projectPath } from '../../src/core/project.js';
import { article, d } from '../helpers.js';

const flat = (n: number, pct: string) => Array.from({ length: n }, () => d(pct));

describe('computeProjection', () => {
  it('article at 3 %: 2026 exports 3.8831T, balance 1.3031T, $303.1B above $1T', () => {
    const r = computeProjection(article(), { exportGrowthPct: flat(1, '3'), importGrowthPct: flat(1, '0'), threshold: d('1e12') });
    const p = r.path[0]!;
    expect(p.year).toBe(2026);
    expect(p.exports.toFixed()).toBe('3883100000000');
    expect(p.imports.toFixed()).toBe('2580000000000');
    expect(p.balance.toFixed()).toBe('1303100000000');
    expect(p.margin.toFixed()).toBe('303100000000');
    expect(p.aboveThreshold).toBe(true);
    // The base year (1.19T) is above the line: the question is whether it stays there.
    expect(r.verdict.question).toBe('stays-above');
    expect(r.verdict.answer).toBe(true);
    expect(r.verdict.firstYearBelow).toBeNull();
    expect(r.verdict.aboveFrom).toBe(2026);
  });

  it('compounds: three years at 3 % is 3.77T × 1.092727', () => {
    const path = projectPath({ year: 2025, exports: d('3.77e12'), imports: d('2.58e12') }, { exportGrowthPct: flat(3, '3'), importGrowthPct: flat(3, '0'), threshold: d(0) });
    expect(path.map((p) => p.year)).toEqual([2026, 2027, 2028]);
    // 1.03^3 = 1.092727
    expect(path[2]!.exports.toFixed()).toBe('4119580790000');
  });

  it('per-year rates multiply in order', () => {
    const path = projectPath({ year: 2025, exports: d(100), imports: d(100) }, { exportGrowthPct: [d(10), d(-10)], importGrowthPct: [d(0), d(50)], threshold: d(0) });
    expect(path[0]!.exports.toFixed()).toBe('110');
    expect(path[1]!.exports.toFixed()).toBe('99');
    expect(path[1]!.imports.toFixed()).toBe('150');
    expect(path[1]!.balance.toFixed()).toBe('-51');
    expect(path[1]!.aboveThreshold).toBe(false);
  });

  it('a balance exactly on the threshold counts as at or above', () => {
    const path = projectPath({ year: 2025, exports: d(200), imports: d(100) }, { exportGrowthPct: [d(0)], importGrowthPct: [d(0)], threshold: d(100) });
    expect(path[0]!.margin.isZero()).toBe(true);
    expect(path[0]!.aboveThreshold).toBe(true);
  });

  it('verdict names the first year below and the tightest margin', () => {
    const r = computeProjection(article(), { exportGrowthPct: flat(4, '-4'), importGrowthPct: flat(4, '0'), threshold: d('1e12') });
    // 3.77T × 0.96 = 3.6192T → 1.0392T (above); × 0.96² = 3.474432T → 0.894432T (below)
    expect(r.path[0]!.balance.toFixed()).toBe('1039200000000');
    expect(r.path[1]!.balance.toFixed()).toBe('894432000000');
    expect(r.verdict.question).toBe('stays-above');
    expect(r.verdict.answer).toBe(false);
    expect(r.verdict.firstYearBelow).toBe(2027);
    expect(r.verdict.tightestYear).toBe(2029);
    // Still below at the horizon: no year from which it stays above.
    expect(r.verdict.aboveFrom).toBeNull();
    expect(r.verdict.firstYearAbove).toBe(2026);
  });

  it('a base year below the line asks whether the balance reaches it (and stays to the horizon)', () => {
    // 1.19T with exports +1 % a year against 1.25T: 1.2277T (2026), 1.265777T (2027), 1.30423477T (2028).
    const r = computeProjection(article(), { exportGrowthPct: flat(3, '1'), importGrowthPct: flat(3, '0'), threshold: d('1.25e12') });
    expect(r.path.map((p) => p.balance.toFixed())).toEqual(['1227700000000', '1265777000000', '1304234770000']);
    expect(r.verdict.question).toBe('reaches');
    expect(r.verdict.answer).toBe(true);
    expect(r.verdict.firstYearBelow).toBe(2026);
    expect(r.verdict.firstYearAbove).toBe(2027);
    expect(r.verdict.aboveFrom).toBe(2027);
    expect(r.verdict.horizonMargin.toFixed()).toBe('54234770000');
    // Reaching it and falling back is not a yes.
    const back = computeProjection(article(), { exportGrowthPct: [d(5), d(5), d(-10)], importGrowthPct: flat(3, '0'), threshold: d('1.5e12') });
    expect(back.verdict.question).toBe('reaches');
    expect(back.verdict.firstYearAbove).toBe(2027);
    expect(back.verdict.aboveFrom).toBeNull();
    expect(back.verdict.answer).toBe(false);
  });

  it('refuses mismatched rate lists (a programming error, not a user one)', () => {
    expect(() => projectPath({ year: 2025, exports: d(1), imports: d(1) }, { exportGrowthPct: [d(1)], importGrowthPct: [], threshold: d(0) })).toThrow(RangeError);
  });
});
