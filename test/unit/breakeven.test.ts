// Break-even closed forms against brute force (bisection over projectPath) and the article's figures.
import { describe, expect, it } from 'vitest';
import { computeBreakeven, nthRoot, solveExportGrowth, solveImportGrowth } from '../../src/core/breakeven.js';
import { Decimal } from '../../src/core/decimal.js';
import { projectPath } from '../../src/core/project.js';
import { jsonNumber } from '../../src/render/json.js';
import { article, d } from '../helpers.js';

const base = { year: 2025, exports: d('3.77e12'), imports: d('2.58e12') };
const T = d('1e12');

function horizonBalance(g: Decimal, h: Decimal, years: number): Decimal {
  const path = projectPath(base, { exportGrowthPct: Array(years).fill(g), importGrowthPct: Array(years).fill(h), threshold: T });
  return path[path.length - 1]!.balance;
}

/** Bisection on a rate in [-100, 1000] until the bracket is narrower than 1e-30 percent. */
function bisect(balanceAt: (r: Decimal) => Decimal, increasing: boolean): Decimal {
  let lo = d(-100);
  let hi = d(1000);
  for (let i = 0; i < 120; i++) {
    const mid = lo.plus(hi).div(2);
    const above = balanceAt(mid).gte(T);
    if (above === increasing) hi = mid;
    else lo = mid;
  }
  return lo.plus(hi).div(2);
}

describe('break-even export growth', () => {
  it('article: with imports flat, exports could fall 5.0398 % in 2026 before the surplus drops to $1T', () => {
    const r = solveExportGrowth(base, d(0), 1, T);
    if (!r.found) throw new Error('expected a solution');
    expect(r.solution.growthPct.toFixed(4)).toBe('-5.0398');
    // (1T + 2.58T) / 3.77T − 1 = −0.19/3.77: exact to all 40 digits
    expect(r.solution.growthPct.minus(d(-19).div('3.77')).abs().lt('1e-36')).toBe(true);
    expect(r.solution.balance.eq(T)).toBe(true);
  });

  it.each([1, 2, 5, 17])('over %i years matches bisection and lands on the threshold to the last digit kept', (years) => {
    for (const h of [d(0), d(4), d('-2.5')]) {
      const r = solveExportGrowth(base, h, years, T);
      if (!r.found) throw new Error('expected a solution');
      const brute = bisect((g) => horizonBalance(g, h, years), true);
      expect(r.solution.growthPct.minus(brute).abs().lt('1e-25')).toBe(true);
      // The balance kept is the threshold; the solved rate, compounded by projection, lands on it too.
      expect(r.solution.balance.eq(T)).toBe(true);
      expect(r.solution.exports.minus(r.solution.imports).eq(T)).toBe(true);
      expect(horizonBalance(r.solution.growthPct, h, years).minus(T).abs().lt('1e-20')).toBe(true);
      // Beside it, the balance at the rate as printed (15 significant digits), projected the ordinary way.
      const printed = r.solution.growthPct.toSignificantDigits(15, Decimal.ROUND_HALF_UP);
      expect(r.solution.balanceAtRoundedRate.eq(horizonBalance(printed, h, years))).toBe(true);
      // A 15-digit rate moves each year's factor by at most 5e-15 of itself: over N years the balance
      // moves by at most N·5e-15 of the horizon flows.
      const flows = Decimal.max(r.solution.exports.abs(), r.solution.imports.abs());
      expect(r.solution.balanceAtRoundedRate.minus(T).abs().lte(flows.times(years).times('5e-15'))).toBe(true);
      // cumulative growth is the annual rate compounded over the horizon
      const cumulative = d(1).plus(r.solution.growthPct.div(100)).pow(years).minus(1).times(100);
      expect(r.solution.cumulativeGrowthPct.minus(cumulative).abs().lt('1e-30')).toBe(true);
    }
  });
});

describe('break-even import growth', () => {
  it('article: with exports +3 %, imports could rise 11.7481 %', () => {
    const r = solveImportGrowth(base, d(3), 1, T);
    if (!r.found) throw new Error('expected a solution');
    expect(r.solution.growthPct.toFixed(4)).toBe('11.7481');
    // 2.8831/2.58 repeats, so the 40-digit rate misses T by less than a unit in the 28th digit when
    // projected; the balance kept is the threshold itself.
    expect(horizonBalance(d(3), r.solution.growthPct, 1).minus(T).abs().lt('1e-20')).toBe(true);
    expect(r.solution.balance.eq(T)).toBe(true);
    expect(jsonNumber(r.solution.balance)).toBe('1000000000000');
  });

  it.each([1, 3, 10])('over %i years matches bisection', (years) => {
    const r = solveImportGrowth(base, d(3), years, T);
    if (!r.found) throw new Error('expected a solution');
    const brute = bisect((h) => horizonBalance(d(3), h, years), false);
    expect(r.solution.growthPct.minus(brute).abs().lt('1e-25')).toBe(true);
    expect(r.solution.balance.eq(T)).toBe(true);
    expect(horizonBalance(d(3), r.solution.growthPct, years).minus(T).abs().lt('1e-20')).toBe(true);
    const printed = r.solution.growthPct.toSignificantDigits(15, Decimal.ROUND_HALF_UP);
    expect(r.solution.balanceAtRoundedRate.eq(horizonBalance(d(3), printed, years))).toBe(true);
  });
});

describe('the balance at a solution is the threshold itself', () => {
  it.each([['0', 3], ['0', 7], ['1e12', 5], ['-5e11', 4]])('threshold %s over %i years, both solutions', (t, years) => {
    const base = { year: 2025, exports: d('3.77e12'), imports: d('2.58e12') };
    // An N-th root leaves a residue in the 30th digit; the balance kept is exactly the threshold.
    for (const r of [solveExportGrowth(base, d('1'), years, d(t)), solveImportGrowth(base, d('2'), years, d(t))]) {
      expect(r.found).toBe(true);
      if (r.found) expect(r.solution.balance.eq(t)).toBe(true);
    }
  });
});

describe('no solution is said, not NaN', () => {
  it('a threshold below −imports cannot be reached by cutting exports: out of reach, bound = −imports', () => {
    const r = solveExportGrowth(base, d(0), 1, d('-3e12'));
    expect(r).toMatchObject({ found: false, reason: 'out-of-reach' });
    if (!r.found && r.reason === 'out-of-reach') expect(r.bound.eq(d('-2.58e12'))).toBe(true);
  });

  it('a threshold above what exports alone reach cannot be met by cutting imports', () => {
    const r = solveImportGrowth(base, d(3), 1, d('4e12'));
    expect(r).toMatchObject({ found: false, reason: 'out-of-reach' });
    if (!r.found && r.reason === 'out-of-reach') expect(r.bound.eq(d('3.8831e12'))).toBe(true);
  });

  it('zero imports: import growth cannot move the balance', () => {
    const r = solveImportGrowth({ ...base, imports: d(0) }, d(0), 1, T);
    expect(r).toMatchObject({ found: false, reason: 'no-imports' });
  });

  it('zero exports: export growth cannot move the balance', () => {
    const r = solveExportGrowth({ ...base, exports: d(0) }, d(0), 1, T);
    expect(r).toMatchObject({ found: false, reason: 'no-exports' });
  });

  it('exactly −100 % is a solution when the threshold is the balance with the flow gone', () => {
    const r = solveExportGrowth(base, d(0), 3, d('-2.58e12'));
    if (!r.found) throw new Error('expected a solution');
    expect(r.solution.growthPct.eq(-100)).toBe(true);
  });
});

describe('nthRoot and the report', () => {
  it('nthRoot inverts pow to 38 digits', () => {
    for (const n of [2, 3, 4, 7, 100]) {
      const x = d('0.949602122015915119363395225464190981432');
      expect(nthRoot(x, n).pow(n).minus(x).abs().lt('1e-37')).toBe(true);
    }
  });

  it('computeBreakeven reports both solutions and the balance at the given rates', () => {
    const r = computeBreakeven(article(), { years: 1, threshold: T, exportGrowthPct: d(3), importGrowthPct: d(0) });
    expect(r.horizonYear).toBe(2026);
    expect(r.balanceAtAssumptions.eq(d('1.3031e12'))).toBe(true);
    expect(r.exportGrowth.found && r.exportGrowth.solution.growthPct.toFixed(4)).toBe('-5.0398');
    expect(r.importGrowth.found && r.importGrowth.solution.growthPct.toFixed(4)).toBe('11.7481');
  });
});
