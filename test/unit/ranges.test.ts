// Interval arithmetic and rounding ranges against values worked by hand from the article.
import { describe, expect, it } from 'vitest';
import { containsZero, figureInterval, rangeOf, sub } from '../../src/core/interval.js';
import { computeProjection } from '../../src/core/project.js';
import { computeProjectionRanges, computeSummaryRanges } from '../../src/core/ranges.js';
import { computeSummary } from '../../src/core/summary.js';
import { article, d } from '../helpers.js';

const iv = (a: string | number, b: string | number) => ({ low: d(a), high: d(b) });
const fixed = (x: { low: { toFixed(n?: number): string }; high: { toFixed(n?: number): string } } | null, n = 2) => (x ? [x.low.toFixed(n), x.high.toFixed(n)] : null);

describe('interval arithmetic', () => {
  it('subtracts crosswise', () => {
    expect(fixed(sub(iv(3.765, 3.775), iv(2.575, 2.585)), 3)).toEqual(['1.180', '1.200']);
  });
  it('knows when a range reaches zero', () => {
    expect(containsZero(iv(-1, 1))).toBe(true);
    expect(containsZero(iv(0, 1))).toBe(true);
    expect(containsZero(iv(4, 8))).toBe(false);
  });
  it('rangeOf does not widen a value that uses one input twice', () => {
    // x − x/2 over x in [2, 4] is [1, 2]; composing interval operations would give [0, 3].
    expect(fixed(rangeOf([iv(2, 4)], ([x]) => x!.minus(x!.div(2))))).toEqual(['1.00', '2.00']);
  });
  it('a figure spans half a unit in its last stated digit', () => {
    const ex = article().years[0]!.exports;
    expect(fixed(figureInterval(ex), 0)).toEqual(['3765000000000', '3775000000000']);
    // "Relatively flat" is a word read as 0, not a rounded number: no range.
    expect(fixed(figureInterval(article().years[0]!.importGrowthPct!))).toEqual(['0.00', '0.00']);
  });
});

describe('summary ranges for the article', () => {
  const ds = article();
  const x = computeSummaryRanges(ds, computeSummary(ds));
  it('implied 2024 balance is $982.0B–$1,004.9B: 3.765T/1.0555 − 2.585T to 3.775T/1.0545 − 2.575T', () => {
    expect(x.prior!.balance.low.toFixed(2)).toBe('982029843675.98');
    expect(x.prior!.balance.high.toFixed(2)).toBe('1004895685158.84');
    expect(x.prior!.exports.low.toFixed(2)).toBe('3567029843675.98');
  });
  it('2025 balance 1.18T–1.20T, growth 5.45–5.55 %, momentum 0.6–0.8 pp', () => {
    expect(fixed(x.balance, 0)).toEqual(['1180000000000', '1200000000000']);
    expect(fixed(x.exportGrowthPct)).toEqual(['5.45', '5.55']);
    expect(fixed(x.momentum!.exports!.changePp)).toEqual(['0.60', '0.80']);
    expect(fixed(x.momentum!.imports!.changePp)).toEqual(['3.70', '3.90']);
  });
  it('the balance change is E·g/(1+g) with imports cancelling: 3.765T·0.0545/1.0545 to 3.775T·0.0555/1.0555', () => {
    expect(x.balanceChange!.low.toFixed(2)).toBe(d('3.765e12').times('0.0545').div('1.0545').toFixed(2));
    expect(x.balanceChange!.high.toFixed(2)).toBe(d('3.775e12').times('0.0555').div('1.0555').toFixed(2));
  });
  it('coverage ratio 3.765/2.585 to 3.775/2.575', () => {
    expect(x.coverageRatio!.low.toFixed(6)).toBe(d('3.765').div('2.585').toFixed(6));
    expect(x.coverageRatio!.high.toFixed(6)).toBe(d('3.775').div('2.575').toFixed(6));
  });
});

describe('projection ranges', () => {
  const ds = article();
  const report = computeProjection(ds, { exportGrowthPct: [d(3)], importGrowthPct: [d(0)], threshold: d('1e12') });
  it('with exact option rates only the base figures are uncertain', () => {
    const x = computeProjectionRanges(ds, report);
    // 3.765T·1.03 − 2.585T = 1.29295T; 3.775T·1.03 − 2.575T = 1.31325T
    expect(fixed(x.path[0]!.balance, 0)).toEqual(['1292950000000', '1313250000000']);
    expect(x.path[0]!.aboveThreshold).toBe('yes');
  });
  it('a forecast rate of "around 3" adds its rounding: 2.5–3.5 %', () => {
    const x = computeProjectionRanges(ds, report, { exportGrowthPct: [iv('2.5', '3.5')], importGrowthPct: [iv(0, 0)] });
    expect(fixed(x.path[0]!.balance, 0)).toEqual(['1274125000000', '1332125000000']);
  });
  it('says "maybe" when the threshold lies inside the range', () => {
    const r = computeProjection(ds, { exportGrowthPct: [d(3)], importGrowthPct: [d(0)], threshold: d('1.3e12') });
    expect(computeProjectionRanges(ds, r).path[0]!.aboveThreshold).toBe('maybe');
  });
});
