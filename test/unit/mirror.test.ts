// Mirror statistics: the gaps worked by hand from test/fixtures/partners-mirror.csv (Examplia and
// Northland report each other, USD bn) and from the publisher fixtures (China from Comtrade, the
// United States from the Census Bureau; BACI, whose flows are one record seen from both sides), the
// CIF/FOB adjustment, how reporters are found in each other's data, and the property: the
// view from B is the exact negative of the view from A.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO } from '../../src/core/decimal.js';
import { type FlowComparison, cifFobFactor, computeMirror, valuedCif } from '../../src/core/mirror.js';
import type { DatasetInfo, Figure, PartnerSeries, YearGap } from '../../src/core/types.js';
import type { LoadedDatasets } from '../../src/data/load.js';
import { loadData } from '../../src/data/load.js';
import { matchParty, matchStrength } from '../../src/data/match.js';
import { DataError, UsageError } from '../../src/errors.js';
import { computeMirrorReport, mirrorDocument, parseCifFob, resolveMirror } from '../../src/reports/mirror.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const publishers = `${fixtures}publishers/`;
const B = (x: string | number) => new Decimal(x).times('1e9');
const eq = (d: Decimal | null | undefined, expected: Decimal | string | number) => expect(d?.eq(expected), `${d?.toFixed()} = ${new Decimal(expected).toFixed()}`).toBe(true);
const near = (d: Decimal | null | undefined, expected: Decimal) => expect(d!.minus(expected).abs().lt('1e-25'), `${d?.toFixed()} ≈ ${expected.toFixed()}`).toBe(true);

async function load(...data: string[]): Promise<LoadedDatasets> {
  return loadData({ data }, { cwd: fixtures });
}

const opts = (reporter: string, partner: string, more: { year?: number; cifFobPct?: Decimal } = {}) => ({ reporter, partner, cifFobOrigin: null, ...more });

describe('mirror, worked by hand: Examplia and Northland (test/fixtures/partners-mirror.csv)', () => {
  it("Examplia's view: each flow from both sides, the gap in money and in percent of the importer's figure", async () => {
    const a = resolveMirror(opts('Examplia', 'Northland'), await load(`${fixtures}partners-mirror.csv`));
    const r = computeMirrorReport(a);
    expect(r.path.map((p) => p.year)).toEqual([2024, 2025]);
    const [y2024, y2025] = r.path;
    // 2025 exports: Examplia says 300, Northland's imports from it 320: gap −20, −20 ÷ 320 = −6.25 %.
    eq(y2025!.exportsToPartner!.reported, B(300));
    eq(y2025!.exportsToPartner!.mirror, B(320));
    eq(y2025!.exportsToPartner!.gap, B(-20));
    eq(y2025!.exportsToPartner!.gapPct, '-6.25');
    // 2025 imports: Examplia says 200, Northland's exports to it 190: gap +10, 10 ÷ 200 (Examplia's own imports) = 5 %.
    eq(y2025!.importsFromPartner!.gap, B(10));
    eq(y2025!.importsFromPartner!.gapPct, 5);
    // The balance: 300 − 200 = 100 as Examplia reports; 320 − 190 = 130 as Northland's figures give it; gap −30.
    eq(y2025!.balanceWithPartner!.reported, B(100));
    eq(y2025!.balanceWithPartner!.mirror, B(130));
    eq(y2025!.balanceWithPartner!.gap, B(-30));
    // 2024: 280 against 294 (−14, −14 ÷ 294 = −4.7619…%); 210 against 205 (+5, 5 ÷ 210 = 2.3809…%); balance 70 against 89.
    eq(y2024!.exportsToPartner!.gap, B(-14));
    near(y2024!.exportsToPartner!.gapPct, new Decimal(-1400).div(294));
    near(y2024!.importsFromPartner!.gapPct, new Decimal(500).div(210));
    eq(y2024!.balanceWithPartner!.gap, B(-19));
    // Examplia has January and February 2026 with Northland, Northland nothing: a year to date is not compared.
    expect(r.notCompared).toEqual([{ year: 2026, reason: 'year-to-date' }]);
    expect(y2025!.exportsToPartner!.adjusted).toBeNull();
  });

  it('found by code, whatever the names: Northland is "Northland" (XNL) to Examplia, Examplia "Republic of Examplia" (XEX) to Northland', async () => {
    const a = resolveMirror(opts('Examplia', 'xnl'), await load(`${fixtures}partners-mirror.csv`));
    const doc = mirrorDocument(computeMirrorReport(a), a);
    expect(doc.matching).toEqual({
      partnerInReporterData: { partner: 'Northland', partnerCode: 'XNL', by: 'code' },
      reporterInPartnerData: { partner: 'Republic of Examplia', partnerCode: 'XEX', by: 'code' },
    });
    expect(doc.partnerDataset.reporter).toBe('Northland');
    expect(doc).toMatchObject({ reporterImportValuation: null, partnerImportValuation: null });
    expect(doc).not.toHaveProperty('valuations');
  });

  it('--cif-fob 6: the importer\'s figure ÷ 1.06, stated beside the gap, never in its place', async () => {
    const a = resolveMirror(opts('Examplia', 'Northland', { year: 2025, cifFobPct: new Decimal(6) }), await load(`${fixtures}partners-mirror.csv`));
    const r = computeMirrorReport(a);
    expect(r.path).toHaveLength(1);
    const x = r.path[0]!.exportsToPartner!;
    // Unchanged: the gap as reported.
    eq(x.gap, B(-20));
    // Northland's imports 320 ÷ 1.06 = 301.886792452830…; gap 300 − 301.8867… = −1.8867…;
    // in percent of the adjusted imports: (300 × 1.06 − 320) ÷ 320 = (318 − 320) ÷ 320 = −0.625 %.
    near(x.adjusted!.mirror, B(320).div('1.06'));
    near(x.adjusted!.gap, B(300).minus(B(320).div('1.06')));
    eq(x.adjusted!.gapPct, '-0.625');
    eq(x.adjusted!.reported, B(300));
    // Examplia's own imports 200 ÷ 1.06 = 188.679…, against Northland's exports 190: (200 − 190 × 1.06) ÷ 200 = −1.4 ÷ 200 = −0.7 %.
    const m = r.path[0]!.importsFromPartner!;
    near(m.adjusted!.reported, B(200).div('1.06'));
    eq(m.adjusted!.mirror, B(190));
    eq(m.adjusted!.gapPct, '-0.7');
    expect(cifFobFactor(new Decimal(6)).toFixed()).toBe('1.06');
  });
});

describe('mirror on publisher files', () => {
  it('China from Comtrade, the United States from the Census Bureau: 2024 worked by hand', async () => {
    const loaded = await load(`${publishers}comtrade/TradeData_2024.csv`, `${publishers}census/2024`);
    const a = resolveMirror(opts('China', 'United States'), loaded);
    const doc = mirrorDocument(computeMirrorReport(a), a);
    // China's partner is "USA" (ISO USA = the Census reporter's code); the Census partner "CHINA"
    // has Census code 5700, so it is found by name.
    expect(doc.matching).toEqual({
      partnerInReporterData: { partner: 'USA', partnerCode: 'USA', by: 'code' },
      reporterInPartnerData: { partner: 'CHINA', partnerCode: '5700', by: 'name' },
    });
    const y = doc.path.find((p) => p.year === 2024)!;
    // Exports: 524.7B (Comtrade, China) against 436.5B (the sum of the Census months): gap 88.2B, 88.2 ÷ 436.5 = 20.2061…%.
    eq(y.exportsToPartner!.gap, B('88.2'));
    near(y.exportsToPartner!.gapPct, new Decimal('8820').div('436.5'));
    // Imports: 163.6B (the C00 total; the C01 part is not added) against 138.6B: 25.0B, 25 ÷ 163.6 = 15.2811…%.
    eq(y.importsFromPartner!.gap, B(25));
    near(y.importsFromPartner!.gapPct, new Decimal('2500').div('163.6'));
    // Balance: 524.7 − 163.6 = 361.1 against 436.5 − 138.6 = 297.9: 63.2.
    eq(y.balanceWithPartner!.gap, B('63.2'));
    // The US has 2025 as a year to date (January, February): not compared.
    expect(doc.notCompared).toEqual([{ year: 2025, reason: 'year-to-date' }]);
  });

  it('BACI reconciles each flow once for both sides: every gap is zero; France reports exports to the USA, the USA no exports to France', async () => {
    const loaded = await load(`${publishers}baci`);
    const china = computeMirrorReport(resolveMirror(opts('China', 'USA'), loaded));
    expect(china.path.map((p) => p.year)).toEqual([2022, 2023]);
    for (const p of china.path) {
      expect(p.exportsToPartner!.gap.isZero() && p.importsFromPartner!.gap.isZero()).toBe(true);
    }
    // 2022: China → USA 1161.234 + 2338.766 = 3500 thousand dollars.
    eq(china.path[0]!.exportsToPartner!.reported, 3500000);
    const france = computeMirrorReport(resolveMirror(opts('France', 'USA'), loaded));
    expect(france.path).toHaveLength(1);
    eq(france.path[0]!.exportsToPartner!.reported, 600000);
    expect(france.path[0]!.importsFromPartner).toBeNull();
    expect(france.path[0]!.balanceWithPartner).toBeNull();
  });

  it('--cif-fob divides only imports valued CIF: BACI (FOB on both sides) keeps its zero gaps; US customs value is not divided, China\'s CIF imports are', async () => {
    const baci = computeMirrorReport(resolveMirror(opts('China', 'USA', { cifFobPct: new Decimal(6) }), await load(`${publishers}baci`)));
    for (const p of baci.path) {
      expect(p.exportsToPartner!.adjusted).toBeNull();
      expect(p.importsFromPartner!.adjusted).toBeNull();
    }
    const loaded = await load(`${publishers}comtrade/TradeData_2024.csv`, `${publishers}census/2024`);
    const y = computeMirrorReport(resolveMirror(opts('China', 'United States', { cifFobPct: new Decimal(6) }), loaded)).path.find((p) => p.year === 2024)!;
    // China's exports against US imports (customs value, not CIF): compared as they are.
    expect(y.exportsToPartner!.adjusted).toBeNull();
    // China's imports (CIF) from the US: 163.6 ÷ 1.06 against the US's 138.6.
    near(y.importsFromPartner!.adjusted!.reported, B('163.6').div('1.06'));
  });

  it('valuedCif reads a provenance\'s valuation; no valuation stated is taken as CIF', () => {
    expect(['CIF', 'cif', ' CIF (FOB where a file gives only FOB imports: see warnings)', undefined].map(valuedCif)).toEqual([true, true, true, true]);
    expect(['FOB', 'customs value (general imports)', 'FOB (reconciled by BACI: estimated CIF costs removed)', 'CIFOB'].map(valuedCif)).toEqual([false, false, false, false]);
  });

  it('both reporters are needed: one missing, one unknown, the same twice, different currencies', async () => {
    const comtrade = await load(`${publishers}comtrade/TradeData_2024.csv`);
    expect(() => resolveMirror(opts('China', 'USA'), comtrade)).toThrow(DataError);
    expect(() => resolveMirror(opts('China', 'USA'), comtrade)).toThrow(/^mirror needs USA as a reporter too: .*TradeData_2024\.csv has only China's figures for their trade/);
    expect(() => resolveMirror(opts('China', 'Mars'), comtrade)).toThrow(UsageError);
    expect(() => resolveMirror(opts('China', 'CHN'), comtrade)).toThrow('are the same reporter, China (mirror compares two)');
    const mixed = await load(`${publishers}comtrade/TradeData_2024.csv`, `${publishers}comext`);
    expect(() => resolveMirror(opts('China', 'DE'), mixed)).toThrow('China reports in USD and Germany in EUR: nothing is converted, so their figures cannot be compared (load both in one currency)');
    const comext = await load(`${publishers}comext`);
    expect(() => resolveMirror(opts('DE', 'FR'), comext)).toThrow("Germany's data has no partner that is France (code FR)");
  });

  it('no year in common: a data error that says what each side has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradecalc-mirror-'));
    const f = join(dir, 'apart.csv');
    writeFileSync(f, 'reporter,partner,period,exports,imports\nA,B,2024,3,1\nB,A,2025,1,3\nB,A,2026-01,1,1\n');
    const loaded = await loadData({ data: [f] }, { cwd: dir });
    expect(() => resolveMirror(opts('A', 'B'), loaded)).toThrow(
      new DataError("A and B report no year of their trade in common that can be compared (A's figures with B: 2024; B's with A: 2025, 2026; a year to date is not a year)"),
    );
  });

  it('--year must be a year both report', async () => {
    const loaded = await load(`${fixtures}partners-mirror.csv`);
    expect(() => resolveMirror(opts('Examplia', 'Northland', { year: 2026 }), loaded)).toThrow(
      '--year 2026 is not a year both Examplia and Northland report (a year to date on one side or both, not a year); years compared: 2024, 2025',
    );
    expect(() => resolveMirror(opts('Examplia', 'Northland', { year: 2019 }), loaded)).toThrow('--year 2019 is not a year both Examplia and Northland report; years compared: 2024, 2025');
  });

  it('--cif-fob takes a percentage', () => {
    eq(parseCifFob('--cif-fob', '6'), 6);
    eq(parseCifFob('--cif-fob', '4.5%'), '4.5');
    expect(() => parseCifFob('--cif-fob', 'x')).toThrow('--cif-fob "x" is not a number');
    expect(() => parseCifFob('--cif-fob', '-1')).toThrow('--cif-fob "-1" is out of range');
    expect(() => parseCifFob('--cif-fob', '101')).toThrow('--cif-fob "101" is out of range');
  });
});

describe('matching a reporter among the other side\'s partners', () => {
  it('by code, by name, by the country table; codes that disagree rule a match out', () => {
    expect(matchStrength({ name: 'United States', code: 'USA' }, { name: 'USA', code: 'usa' })).toBe('code');
    // A Comtrade numeric code is M49: 842 is the USA. The Census Bureau's numbers are not.
    expect(matchStrength({ name: 'United States', code: 'USA' }, { name: 'Etats-Unis', code: '842', scheme: 'comtrade-csv' })).toBe('code');
    expect(matchStrength({ name: 'United States', code: 'USA' }, { name: 'Etats-Unis', code: '842', scheme: 'census' })).toBeNull();
    // The IMF's 136 is Italy, M49's 136 the Cayman Islands: only M49 layouts read numbers as M49.
    expect(matchStrength({ name: 'Cayman Islands', code: 'CYM' }, { name: 'Italy', code: '136', scheme: 'dots-wide' })).toBeNull();
    expect(matchStrength({ name: 'China', code: 'CHN' }, { name: 'CHINA', code: '5700', scheme: 'census' })).toBe('name');
    expect(matchStrength({ name: 'United States', code: 'USA' }, { name: 'USA' })).toBe('country-table');
    expect(matchStrength({ name: 'China', code: 'CHN' }, { name: 'China', code: 'TWN' })).toBeNull();
    expect(matchStrength({ name: 'Korea', code: '542', scheme: 'dots-wide' }, { name: 'Korea', code: '543', scheme: 'dots-wide' })).toBeNull();
    expect(matchStrength({ name: 'Korea', code: '0542', scheme: 'dots-wide' }, { name: 'Korea, Rep. of', code: '542', scheme: 'dots-wide' })).toBe('code');
  });

  it('the strongest evidence wins; two candidates at it is an ambiguity, not a guess', () => {
    const partners = [
      { name: 'North Land', code: 'XNL' },
      { name: 'Northland', code: 'XNO' },
    ];
    expect(matchParty({ name: 'Northland', code: 'XNL' }, partners, (p) => p)).toEqual({ found: partners[0], by: 'code' });
    const twins = [
      { name: 'Northland', code: 'XNL' },
      { name: 'Northland (old)', code: 'XNL' },
    ];
    expect(matchParty({ name: 'Northland', code: 'XNL' }, twins, (p) => p)).toEqual({ found: null, candidates: twins, by: 'code' });
    expect(matchParty({ name: 'Southia' }, twins, (p) => p)).toEqual({ found: null, candidates: [], by: null });
  });
});

// ------------------------------------------------------------------------------------------------
// The property: the mirror gap of A→B is the negative of B→A's reverse view.

const fig = (v: Decimal): Figure => ({ value: v, stated: v.toFixed(), halfWidth: ZERO });
const info = (reporter: string): DatasetInfo => ({ id: reporter.toLowerCase(), title: reporter, reporter, partner: 'World', currency: 'USD', source: {} });
const amount = fc.bigInt({ min: 0n, max: 10n ** 13n }).chain((i) => fc.integer({ min: 0, max: 3 }).map((s) => new Decimal(i.toString()).div(10 ** s)));
/** One side's figures for a year: both flows, one flow, a year to date, or nothing. */
const yearEntry = fc.oneof(
  fc.record({ kind: fc.constant('year' as const), x: amount, m: amount }),
  fc.record({ kind: fc.constant('one' as const), x: fc.option(amount, { nil: undefined }), m: fc.option(amount, { nil: undefined }) }),
  fc.constant({ kind: 'ytd' as const }),
  fc.constant({ kind: 'none' as const }),
);
const sideOf = (partner: string, entries: { kind: string; x?: Decimal | undefined; m?: Decimal | undefined }[]): PartnerSeries => {
  const s: PartnerSeries = { partner, years: [], months: [], gaps: [] };
  entries.forEach((e, i) => {
    const year = 2000 + i;
    if (e.kind === 'year') s.years.push({ year, exports: fig(e.x!), imports: fig(e.m!) });
    else if (e.kind === 'ytd') s.gaps.push({ year, reason: 'year-to-date', months: [1], exports: null, imports: null });
    else if (e.kind === 'one' && (e.x === undefined) !== (e.m === undefined)) {
      const gap: YearGap = { year, reason: 'missing-flow', missing: e.x ? ['imports'] : ['exports'], exports: e.x ? fig(e.x) : undefined, imports: e.m ? fig(e.m) : undefined };
      s.gaps.push(gap);
    }
  });
  return s;
};
const cif = fc.option(fc.integer({ min: 0, max: 2000 }).map((n) => new Decimal(n).div(100)), { nil: null });

const negated = (a: FlowComparison | null, b: FlowComparison | null) => {
  expect(a === null).toBe(b === null);
  if (!a || !b) return;
  // The same flow: the reporter's figure of one view is the partner's figure of the other.
  expect(a.reported.eq(b.mirror) && a.mirror.eq(b.reported)).toBe(true);
  expect(a.gap.eq(b.gap.neg())).toBe(true);
  expect(a.gapPct === null ? b.gapPct === null : b.gapPct !== null && a.gapPct.eq(b.gapPct.neg())).toBe(true);
  expect(a.adjusted === null).toBe(b.adjusted === null);
  if (a.adjusted && b.adjusted) {
    expect(a.adjusted.reported.eq(b.adjusted.mirror) && a.adjusted.mirror.eq(b.adjusted.reported)).toBe(true);
    expect(a.adjusted.gap.eq(b.adjusted.gap.neg())).toBe(true);
    expect(a.adjusted.gapPct === null ? b.adjusted.gapPct === null : b.adjusted.gapPct !== null && a.adjusted.gapPct.eq(b.adjusted.gapPct.neg())).toBe(true);
  }
};

describe('mirror: properties', () => {
  it("the view from B is the exact negative of the view from A: A's exports gap is minus B's imports gap, and the reverse, adjusted or not", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(yearEntry, yearEntry), { minLength: 1, maxLength: 6 }), cif, (years, cifFobPct) => {
        const aSide = sideOf('B', years.map(([a]) => a));
        const bSide = sideOf('A', years.map(([, b]) => b));
        const fromA = computeMirror(info('A'), info('B'), aSide, bSide, { cifFobPct });
        const fromB = computeMirror(info('B'), info('A'), bSide, aSide, { cifFobPct });
        expect(fromA.path.map((p) => p.year)).toEqual(fromB.path.map((p) => p.year));
        fromA.path.forEach((pa, i) => {
          const pb = fromB.path[i]!;
          negated(pa.exportsToPartner, pb.importsFromPartner);
          negated(pa.importsFromPartner, pb.exportsToPartner);
          expect(pa.balanceWithPartner === null).toBe(pb.balanceWithPartner === null);
          if (pa.balanceWithPartner && pb.balanceWithPartner) {
            // A balance turns round: B's balance with A is minus A's balance with B, on each side's figures.
            expect(pb.balanceWithPartner.reported.eq(pa.balanceWithPartner.mirror.neg())).toBe(true);
            expect(pb.balanceWithPartner.mirror.eq(pa.balanceWithPartner.reported.neg())).toBe(true);
            expect(pb.balanceWithPartner.gap.eq(pa.balanceWithPartner.gap)).toBe(true);
          }
          // Without an adjustment, a gap is the difference of the two figures, exactly.
          for (const f of [pa.exportsToPartner, pa.importsFromPartner]) if (f) expect(f.gap.eq(f.reported.minus(f.mirror))).toBe(true);
        });
        // A year is compared when both sides have a flow of it; otherwise it is listed with why.
        expect(fromA.path.length + fromA.notCompared.length).toBe(new Set([...aSide.years, ...aSide.gaps, ...bSide.years, ...bSide.gaps].map((y) => y.year)).size);
      }),
      { numRuns: 400 },
    );
  });
});
