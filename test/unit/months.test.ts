// The monthly series against values worked by hand: the invented China months of 2024 and 2025
// (test/fixtures/china-months.json; its README gives every amount), the same data cut to a
// year-to-date, the article's stated rates alone, and the Census fixtures (a publisher download,
// bilateral, with a missing month). The arithmetic is in the comments.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMonths, derivedMonthlyGrowth, indexMonths, monthOffset, monthYears, yearToDate } from '../../src/core/months.js';
import type { Dataset } from '../../src/core/types.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import { loadData } from '../../src/data/load.js';
import { bilateralView } from '../../src/data/select.js';
import { monthsDocument, resolveMonths } from '../../src/reports/months.js';
import type { MonthsDocument } from '../../src/reports/schemas.js';
import { article } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const raw = () => JSON.parse(readFileSync(`${root}test/fixtures/china-months.json`, 'utf8'));
const months = (): Dataset => datasetFromJson(raw(), 'china-months.json');
const fixed = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());
const sig = (d: { toSignificantDigits(n: number): { toFixed(): string } } | null) => (d === null ? null : d.toSignificantDigits(15).toFixed());

function doc(ds: Dataset, year?: number, flow?: 'exports' | 'imports' | 'balance'): MonthsDocument {
  const a = resolveMonths({ year, flow, chart: undefined }, ds);
  return monthsDocument(computeMonths(ds, { year: a.year }), a);
}

describe('calendar months', () => {
  it('moves across year ends', () => {
    expect(monthOffset('2025-01', -1)).toBe('2024-12');
    expect(monthOffset('2025-12', -12)).toBe('2024-12');
    expect(monthOffset('2024-12', 1)).toBe('2025-01');
    expect(monthOffset('2025-03', -14)).toBe('2024-01');
  });
  it('the years with months', () => {
    expect(monthYears(months().months)).toEqual([2024, 2025]);
    expect(monthYears(article().months)).toEqual([2025]);
  });
});

describe('China by month, 2025 against 2024 (complete years of invented amounts)', () => {
  const r = computeMonths(months(), { year: 2025 });
  const row = (m: number) => r.rows[m - 1]!;

  it('twelve months, both flows: a complete year', () => {
    expect(r.rows.map((x) => x.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(r.complete).toBe(true);
  });

  it('growth on the same month a year earlier, from the amounts', () => {
    // January exports 295.0B against 280.0B: 15/280 = 3/56 = 0.0535714285714…, so +5.35714285714286 %.
    expect(sig(row(1).exports.growthPct)).toBe('5.35714285714286');
    expect(row(1).exports.growthBasis).toBe('derived');
    // November 317.7B / 300.0B = 1.059 and December 373.1B / 350.0B = 1.066, exactly.
    expect(fixed(row(11).exports.growthPct)).toBe('5.9');
    expect(fixed(row(12).exports.growthPct)).toBe('6.6');
    // Imports: 203.8 / 200.0 = 1.019 and 317.1 / 300.0 = 1.057; January 195.0 / 200.0 = 0.975.
    expect(fixed(row(11).imports.growthPct)).toBe('1.9');
    expect(fixed(row(12).imports.growthPct)).toBe('5.7');
    expect(fixed(row(1).imports.growthPct)).toBe('-2.5');
  });

  it('momentum: this month’s growth minus last month’s, in percentage points', () => {
    // December: 6.6 − 5.9 = +0.7 pp (exports); 5.7 − 1.9 = +3.8 pp (imports).
    expect(fixed(row(12).exports.momentumPp)).toBe('0.7');
    expect(fixed(row(12).imports.momentumPp)).toBe('3.8');
    // November exports: 5.9 − October's (304.8/290 − 1)·100 = 5.9 − 14.8/2.9 = 5.9 − 5.10344827586206896…
    // = 0.79655172413793103… pp.
    expect(sig(row(11).exports.momentumPp)).toBe('0.796551724137931');
    // January's momentum needs December 2024's growth, which needs December 2023: the data has none.
    expect(row(1).exports.momentumPp).toBeNull();
  });

  it('year to date against the same months a year earlier', () => {
    // November: 2025 Jan–Nov exports 3,340.5B (3,713.6B − 373.1B); 2024 Jan–Nov 3,170.0B (3,520.0B − 350.0B).
    // 3,340.5 / 3,170 − 1 = 170.5 / 3,170 = 0.05378548895899053627…, so +5.37854889589905 %.
    expect(fixed(row(11).exports.yearToDate)).toBe('3340500000000');
    expect(fixed(row(11).exports.yearToDateYearEarlier)).toBe('3170000000000');
    expect(sig(row(11).exports.yearToDateGrowthPct)).toBe('5.37854889589905');
    // December: the year. 3,713.6B against 3,520.0B is 3,713.6 / 3,520 = 1.055: +5.5 %, exactly.
    expect(fixed(row(12).exports.yearToDate)).toBe('3713600000000');
    expect(fixed(row(12).exports.yearToDateGrowthPct)).toBe('5.5');
    // Imports 2,580.0B both years: 0 %.
    expect(fixed(row(12).imports.yearToDateGrowthPct)).toBe('0');
  });

  it('the balance: exports − imports, its change on a year earlier, in money', () => {
    // December: 373.1B − 317.1B = 56.0B; a year earlier 350.0B − 300.0B = 50.0B; change +6.0B.
    expect(fixed(row(12).balance.value)).toBe('56000000000');
    expect(fixed(row(12).balance.yearEarlier)).toBe('50000000000');
    expect(fixed(row(12).balance.change)).toBe('6000000000');
    // The year: 3,713.6B − 2,580.0B = 1,133.6B against 3,520.0B − 2,580.0B = 940.0B: +193.6B.
    expect(fixed(row(12).balance.yearToDate)).toBe('1133600000000');
    expect(fixed(row(12).balance.yearToDateYearEarlier)).toBe('940000000000');
    expect(fixed(row(12).balance.yearToDateChange)).toBe('193600000000');
  });

  it('the December year to date is the dataset’s own year, summed from the months', () => {
    const ds = months();
    const y2025 = ds.years.find((y) => y.year === 2025)!;
    expect(y2025.basis).toBe('months');
    expect(row(12).exports.yearToDate!.eq(y2025.exports.value)).toBe(true);
    expect(row(12).imports.yearToDate!.eq(y2025.imports.value)).toBe(true);
  });

  it('2024: amounts and year to date, no growth (the data has no 2023)', () => {
    const r24 = computeMonths(months(), { year: 2024 });
    expect(r24.rows.every((x) => x.exports.growthPct === null && x.exports.yearEarlier === null)).toBe(true);
    expect(fixed(r24.rows[11]!.exports.yearToDate)).toBe('3520000000000');
  });

  it('the growth derived for check: its range given the rounding of both amounts (±0.05B each)', () => {
    const g = derivedMonthlyGrowth(indexMonths(months().months), '2025-11', 'exports')!;
    // Low: 317.65 / 300.05 − 1 = 0.0586568905…; high: 317.75 / 299.95 − 1 = 0.0593432238…
    expect(g.from).toBe('2024-11');
    expect(g.range!.low.toFixed(10)).toBe('5.8656890518');
    expect(g.range!.high.toFixed(10)).toBe('5.9343223871');
  });
});

describe('a year to date: China’s months to November 2025', () => {
  const cut = () => {
    const r = raw();
    r.months = r.months.filter((m: { month: string }) => m.month !== '2025-12');
    return datasetFromJson(r, 'cut');
  };
  it('is labelled by its months, never as the year, and compared with the same months of 2024', () => {
    const d = doc(cut());
    expect(d.period).toEqual({ year: 2025, from: '2025-01', to: '2025-11', monthCount: 11, complete: false });
    const last = d.months[d.months.length - 1]!;
    // As above: 3,340.5B against 3,170.0B, +5.37854889589905 %.
    expect(fixed(last.yearToDate.exports)).toBe('3340500000000');
    expect(fixed(last.yearToDate.yearEarlier.exports)).toBe('3170000000000');
  });
  it('the latest year with months is the default, even when it is not a complete year', () => {
    expect(doc(cut()).assumptions).toMatchObject({ year: 2025, flow: 'all', origins: { year: { source: 'default', rule: 'latest-year' }, flow: { source: 'default', rule: 'built-in' } } });
    expect(cut().years.map((y) => y.year)).toEqual([2024]);
  });
  it('a month missing inside the year is a row of nothing, and the year to date stops there', () => {
    const r = raw();
    r.months = r.months.filter((m: { month: string }) => m.month !== '2025-07');
    const d = doc(datasetFromJson(r, 'hole'));
    const july = d.months.find((m) => m.month === '2025-07')!;
    expect([july.exports, july.exportGrowthPct, july.yearToDate.exports]).toEqual([null, null, null]);
    // August has its own growth (327.0/310.0), but no year to date, and no momentum (July has no growth).
    const august = d.months.find((m) => m.month === '2025-08')!;
    expect(august.exportGrowthPct).not.toBeNull();
    expect([august.exportMomentumPp, august.yearToDate.exports]).toEqual([null, null]);
    expect(d.period.complete).toBe(false);
  });
});

describe('the article: two months of stated growth, no amounts', () => {
  const d = doc(article());
  it('the stated rates, marked as stated, and the momentum between them', () => {
    expect(d.period).toEqual({ year: 2025, from: '2025-11', to: '2025-12', monthCount: 2, complete: false });
    const [nov, dec] = d.months;
    expect([fixed(nov!.exportGrowthPct), nov!.exportGrowthBasis, fixed(dec!.exportGrowthPct), dec!.exportGrowthBasis]).toEqual(['5.9', 'stated', '6.6', 'stated']);
    // 6.6 − 5.9 = +0.7 pp; 5.7 − 1.9 = +3.8 pp.
    expect([fixed(dec!.exportMomentumPp), fixed(dec!.importMomentumPp)]).toEqual(['0.7', '3.8']);
    // November's momentum needs October's growth: none.
    expect(nov!.exportMomentumPp).toBeNull();
  });
  it('no amounts: values, balance and year to date are null, not zero', () => {
    for (const m of d.months) expect([m.exports, m.imports, m.balance, m.yearToDate.exports, m.balanceChange]).toEqual([null, null, null, null, null]);
  });
});

describe('a publisher download: the Census fixtures (US, January 2024 to February 2025)', () => {
  const census = async () => (await loadData({ data: ['test/fixtures/publishers/census/2024'] }, { cwd: root })).datasets[0]!;

  it('2025 has two months: January and February against 2024', async () => {
    const d = doc(await census());
    expect(d.period).toMatchObject({ from: '2025-01', to: '2025-02', complete: false });
    const [jan, feb] = d.months;
    // Exports 175.0B against 170.1B: 4.9/170.1 = 7/243 = 0.028806584362139917…: +2.88065843621399 %.
    expect(sig(jan!.exportGrowthPct)).toBe('2.88065843621399');
    // February 168.0B against 170.6B: −2.6/170.6 = −0.015240328253223915…: −1.52403282532239 %.
    expect(sig(feb!.exportGrowthPct)).toBe('-1.52403282532239');
    // Momentum −1.5240328253223915… − 2.8806584362139917… = −4.4046912615363832… pp.
    expect(sig(feb!.exportMomentumPp)).toBe('-4.40469126153638');
    // Year to date 343.0B against 340.7B: 2.3/340.7 = 0.0067508071617258…: +0.675080716172586 %.
    expect(sig(feb!.yearToDate.exportGrowthPct)).toBe('0.675080716172586');
    // The deficit: 175.0 − 270.0 = −95.0B in January against 170.1 − 260.2 = −90.1B: −4.9B.
    expect(fixed(jan!.balance)).toBe('-95000000000');
    expect(fixed(jan!.balanceChange)).toBe('-4900000000');
  });

  it('with a partner: Mexico’s July 2024 imports are missing, so imports have no year to date from July', async () => {
    const d = doc(bilateralView(await census(), 'Mexico'), 2024, 'imports');
    const july = d.months[6]!;
    expect([july.month, july.imports, july.yearToDate.imports]).toEqual(['2024-07', null, null]);
    // June: imports 39.0B + 0.3B a month: 39.0 + 39.3 + 39.6 + 39.9 + 40.2 + 40.5 = 238.5B.
    expect(fixed(d.months[5]!.yearToDate.imports)).toBe('238500000000');
    expect(d.months[11]!.yearToDate.imports).toBeNull();
    expect(d.period.complete).toBe(false);
  });
});

describe('year to date needs every month from January', () => {
  it('data that starts in March has no year to date that year', () => {
    const r = raw();
    r.months = r.months.filter((m: { month: string }) => !['2024-01', '2024-02'].includes(m.month));
    const ds = datasetFromJson(r, 'from-march');
    const index = indexMonths(ds.months);
    expect(yearToDate(index, '2024-12', 'exports')).toBeNull();
    const r24 = computeMonths(ds, { year: 2024 });
    expect(r24.rows[0]!.month).toBe('2024-03');
    expect(r24.rows.every((x) => x.exports.yearToDate === null)).toBe(true);
    // 2025 keeps its months' own growth against 2024 where both exist, but not January's or February's.
    const r25 = computeMonths(ds, { year: 2025 });
    expect(r25.rows[0]!.exports.growthPct).toBeNull();
    expect(fixed(r25.rows[11]!.exports.growthPct)).toBe('6.6');
    expect(r25.rows[11]!.exports.yearToDateGrowthPct).toBeNull();
  });
});
