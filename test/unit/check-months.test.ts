// Claims about months, checked against monthly amounts when the data has them (the invented China
// months, test/fixtures/china-months*.json) and against the stated rates when it does not (the
// article, as before). Every range is worked by hand from amounts of ±0.05B (stated to 0.1B).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCheck } from '../../src/core/check.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import { DataError } from '../../src/errors.js';
import { article } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const json = (name: string) => JSON.parse(readFileSync(`${root}test/fixtures/${name}`, 'utf8'));
const byId = (r: ReturnType<typeof computeCheck>) => Object.fromEntries(r.checks.map((c) => [c.claim.id, c]));
const ends = (c: { range: { low: { toFixed(n: number): string }; high: { toFixed(n: number): string } } | null }, n = 6) => [c.range!.low.toFixed(n), c.range!.high.toFixed(n)];

describe('china-months.json: the article’s monthly claims hold against the amounts', () => {
  const r = computeCheck(datasetFromJson(json('china-months.json'), 'china-months.json'));
  const c = byId(r);

  it('every claim is consistent', () => {
    expect(r.counts).toEqual({ consistent: 10, inconsistent: 0, unchecked: 0 });
  });

  it('December exports grew faster than November’s: +0.7 pp from the amounts, +0.636 to +0.764 pp given their rounding', () => {
    const k = c['december-exports-faster']!;
    // November: 317.7/300.0 − 1 = 5.9 %; December: 373.1/350.0 − 1 = 6.6 %; 6.6 − 5.9 = 0.7.
    expect(k.basis).toMatchObject({ kind: 'derived-months', from: '2025-11', to: '2025-12' });
    expect(k.value!.toFixed()).toBe('0.7');
    // Lowest: December at its lowest, 373.05/350.05 − 1 = 6.570489930…%, less November at its
    // highest, 317.75/299.95 − 1 = 5.934322387…%: 0.636167543 pp. Highest: 373.15/349.95 − 1 =
    // 6.629518503…% less 317.65/300.05 − 1 = 5.865689052…%: 0.763829451 pp.
    expect(ends(k)).toEqual(['0.636168', '0.763829']);
    expect(k).toMatchObject({ verdict: 'consistent', within: 'whole-range', holdsAsStated: true, measure: 'pp' });
  });

  it('December imports accelerated: 5.7 − 1.9 = +3.8 pp, +3.715 to +3.885 pp', () => {
    const k = c['december-imports-accelerated']!;
    expect(k.value!.toFixed()).toBe('3.8');
    // 317.05/300.05 − 1 = 5.665722380…% less 203.85/199.95 − 1 = 1.950487622…%: 3.715234758;
    // 317.15/299.95 − 1 = 5.734289048…% less 203.75/200.05 − 1 = 1.849537616…%: 3.884751433.
    expect(ends(k)).toEqual(['3.715235', '3.884751']);
  });

  it('a month’s growth claim is checked against that month and the same month a year earlier', () => {
    const k = c['december-exports-6-6']!;
    expect(k.basis).toEqual({ kind: 'derived-month', month: '2025-12', from: '2024-12' });
    expect(k.value!.toFixed()).toBe('6.6');
    expect(ends(k)).toEqual(['6.570490', '6.629519']);
    // "6.6" accepts 6.55–6.65 %: the whole range is inside.
    expect(k).toMatchObject({ verdict: 'consistent', within: 'whole-range' });
    expect(k.claim.month).toBe('2025-12');
    expect(k.claim.year).toBeUndefined();
  });

  it('November imports up 1.9 %: 1.8495–1.9505 % given the rounding, wider than 1.85–1.95 %: holds as stated, within rounding', () => {
    const k = c['november-imports-1-9']!;
    expect(ends(k)).toEqual(['1.849538', '1.950488']);
    expect(k).toMatchObject({ verdict: 'consistent', within: 'part-of-range', holdsAsStated: true });
  });

  it('a month’s amount: the December surplus, 373.1B − 317.1B = 56.0B (55.9B–56.1B), above $50B', () => {
    const k = c['december-surplus-above-50b']!;
    expect(k.basis).toEqual({ kind: 'reported-month', month: '2025-12' });
    expect([k.value!.toFixed(), k.range!.low.toFixed(), k.range!.high.toFixed()]).toEqual(['56000000000', '55900000000', '56100000000']);
  });

  it('the year’s claims use the years summed from the months: 3,713.6B against 3,520.0B is +5.5 %', () => {
    const k = c['exports-growth-2025']!;
    expect(k.basis).toEqual({ kind: 'derived', year: 2025, from: 2024 });
    expect(k.value!.toFixed()).toBe('5.5');
    // Each year is 12 months of ±0.05B: ±0.6B. 3,713.0/3,520.6 − 1 = 5.464977561…%; 3,714.2/3,519.4 − 1 = 5.535034381…%.
    expect(ends(k)).toEqual(['5.464978', '5.535034']);
  });
});

describe('china-months-weak-december.json: December exports +5.0 %, so December did not grow faster', () => {
  const r = computeCheck(datasetFromJson(json('china-months-weak-december.json'), 'weak'));
  const c = byId(r);

  it('one claim fails, the others hold', () => {
    expect(r.counts).toEqual({ consistent: 3, inconsistent: 1, unchecked: 0 });
    expect(r.checks.filter((k) => k.verdict === 'inconsistent').map((k) => k.claim.id)).toEqual(['december-exports-faster']);
  });

  it('the amounts overrule the stated rates (which would give +0.7 pp): 5.0 − 5.9 = −0.9 pp', () => {
    const k = c['december-exports-faster']!;
    // December 367.5/350.0 − 1 = 0.05 exactly. The stated 5.9 and 6.6 in the file are not used.
    expect(k.basis).toMatchObject({ kind: 'derived-months', from: '2025-11', to: '2025-12' });
    expect(k.value!.toFixed()).toBe('-0.9');
    // 367.45/350.05 − 1 = 4.970718469…% less 5.934322387…%: −0.963603918;
    // 367.55/349.95 − 1 = 5.029289899…% less 5.865689052…%: −0.836399153.
    expect(ends(k)).toEqual(['-0.963604', '-0.836399']);
    expect(k).toMatchObject({ verdict: 'inconsistent', within: null, holdsAsStated: false });
  });

  it('October was raised by what December lost (304.8B → 310.4B), so the year still grows 5.5 %', () => {
    expect(c['exports-growth-2025']!.value!.toFixed()).toBe('5.5');
  });
});

describe('without the amounts, as before', () => {
  it('the article: accelerated claims against the rounding of the stated rates', () => {
    const c = byId(computeCheck(article()));
    expect(c['december-exports-faster']!.basis).toEqual({ kind: 'months', from: '2025-11', to: '2025-12' });
    expect(ends(c['december-exports-faster']!, 2)).toEqual(['0.60', '0.80']);
  });

  it('amounts for 2025 but not for 2024: the stated rates are compared', () => {
    const doc = json('china-months-weak-december.json');
    doc.months = doc.months.filter((m: { month: string }) => m.month.startsWith('2025'));
    const c = byId(computeCheck(datasetFromJson(doc, 'no-2024')));
    // The file's stated rates: 6.6 − 5.9 = +0.7 pp, the ends 6.55 − 5.95 and 6.65 − 5.85.
    expect(c['december-exports-faster']).toMatchObject({ verdict: 'consistent', basis: { kind: 'months', from: '2025-11', to: '2025-12' } });
    expect(ends(c['december-exports-faster']!, 2)).toEqual(['0.60', '0.80']);
  });

  it('a month’s growth claim without the amounts cannot be checked: a stated rate is not checked against itself', () => {
    const doc = json('china-months.json');
    doc.months = doc.months.filter((m: { month: string }) => m.month.startsWith('2025')).map((m: object) => ({ ...m, exportGrowthPct: '6.6' }));
    doc.claims = doc.claims.filter((k: { id: string }) => ['december-exports-6-6', 'december-surplus-above-50b'].includes(k.id));
    const c = byId(computeCheck(datasetFromJson(doc, 'no-2024')));
    expect(c['december-exports-6-6']).toMatchObject({ verdict: 'unchecked', unchecked: { code: 'month-growth-needs-amounts', month: '2025-12', metric: 'exports' } });
    // The December amounts are there, so the surplus claim still holds.
    expect(c['december-surplus-above-50b']!.verdict).toBe('consistent');
  });

  it('a month the data does not have cannot be checked', () => {
    const doc = json('china-months.json');
    doc.claims = [{ id: 'jan-2026', label: 'January 2026 exports above $300B', metric: 'exports', month: '2026-01', qualifier: 'above', value: '300B' }];
    expect(computeCheck(datasetFromJson(doc, 'x')).checks[0]).toMatchObject({ verdict: 'unchecked', unchecked: { code: 'no-figures-for-month', month: '2026-01' } });
  });

  it('a dataset of months alone (no complete year) still names its latest year', () => {
    const doc = json('china-months.json');
    doc.months = doc.months.filter((m: { month: string }) => m.month < '2024-06');
    doc.claims = [];
    expect(computeCheck(datasetFromJson(doc, 'x')).latestYear).toBe(2024);
  });
});

describe('the shape of a claim about a month', () => {
  const problems = (claim: object) => {
    const doc = json('china-months.json');
    doc.claims = [{ id: 'c', label: 'c', metric: 'exportGrowthPct', ...claim }];
    try {
      datasetFromJson(doc, 'x');
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      return (e as DataError).problems;
    }
  };
  it('a month instead of a year', () => expect(problems({ month: '2025-12', value: '6.6' })).toEqual([]));
  it('not both', () => expect(problems({ month: '2025-12', year: 2025, value: '6.6' })).toEqual(['$.claims[0]: give the year or the month the claim is about, not both']));
  it('neither', () => expect(problems({ value: '6.6' })).toEqual(['$.claims[0].year: a "exactly" claim needs the year (or the month) it is about']));
  it('a record is about years', () => expect(problems({ metric: 'balance', month: '2025-12', qualifier: 'record' })).toEqual(['$.claims[0].month: "record" compares years (expected "year")']));
  it('accelerated compares from and to', () =>
    expect(problems({ qualifier: 'accelerated', month: '2025-12', from: '2025-11', to: '2025-12' })).toEqual(['$.claims[0]: "accelerated" compares the months "from" and "to" (leave out "year" and "month")']));
  it('a month is YYYY-MM', () => expect(problems({ month: '2025-13', value: '6.6' })[0]).toMatch(/\$\.claims\[0\]\.month: expected a month as YYYY-MM/));
});
