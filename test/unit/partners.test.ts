// Trade by partner: every number worked by hand from test/fixtures/partners-mirror.csv (Examplia,
// in billions of dollars), the year rules, and the properties: the partner rows and the
// unallocated row add up to the world exactly; when the partners are the whole world, nothing is
// unallocated; each side of the balance shares sums to 100 %.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO } from '../../src/core/decimal.js';
import { type PartnerMeasure, type PartnerRow, computePartners, partnerYears, sortValue } from '../../src/core/partners.js';
import type { Dataset, Figure, PartnerSeries, YearGap } from '../../src/core/types.js';
import { loadData } from '../../src/data/load.js';
import { partnersCheckText } from '../../src/render/partners-words.js';
import { partnersDocument, resolvePartners } from '../../src/reports/partners.js';
import { UsageError } from '../../src/errors.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const B = (x: string | number) => new Decimal(x).times('1e9');

async function examplia(): Promise<Dataset> {
  const { datasets } = await loadData({ data: [`${fixtures}partners-mirror.csv`] }, { cwd: fixtures });
  return datasets.find((d) => d.reporter === 'Examplia')!;
}

const fig = (v: Decimal | string | number): Figure => {
  const value = new Decimal(v);
  return { value, stated: value.toFixed(), halfWidth: ZERO };
};
function series(partner: string, years: { year: number; x: Decimal | string; m: Decimal | string }[], gaps: YearGap[] = [], code?: string): PartnerSeries {
  return { partner, partnerCode: code, years: years.map((y) => ({ year: y.year, exports: fig(y.x), imports: fig(y.m) })), months: [], gaps };
}
function dataset(partners: PartnerSeries[], world?: { year: number; x: Decimal | string; m: Decimal | string }[], gaps: YearGap[] = []): Dataset {
  return {
    id: 'test',
    title: 'Test',
    reporter: 'Testland',
    partner: 'World',
    currency: 'USD',
    source: {},
    years: (world ?? []).map((y) => ({ year: y.year, exports: fig(y.x), imports: fig(y.m) })),
    months: [],
    gaps,
    forecasts: [],
    claims: [],
    scenarios: [],
    partners,
  };
}

const row = (rows: PartnerRow[], kind: PartnerRow['row'], name?: string) => rows.find((r) => r.row === kind && (name === undefined || r.partner === name))!;
const eq = (d: Decimal | null | undefined, expected: Decimal | string | number) => expect(d?.eq(expected), `${d?.toFixed()} = ${new Decimal(expected).toFixed()}`).toBe(true);
/** Equal to 40 significant digits (a repeating decimal). */
const near = (d: Decimal | null | undefined, expected: Decimal) => expect(d!.minus(expected).abs().lt('1e-30'), `${d?.toFixed()} ≈ ${expected.toFixed()}`).toBe(true);

describe('partners, worked by hand: Examplia 2025 (test/fixtures/partners-mirror.csv, USD bn)', () => {
  it('the rows, largest balance first (surplus or deficit alike), then all partners, world and unallocated', async () => {
    const r = computePartners(await examplia(), { year: 2025, top: 10, sort: 'balance' });
    // |balance|: Eastland 150 − 350 = −200, Southia 250 − 100 = 150, Northland 300 − 200 = 100, Westmark 100 − 50 = 50.
    expect(r.rows.map((x) => x.partner ?? x.row)).toEqual(['Eastland', 'Southia', 'Northland', 'Westmark', 'all-partners', 'world', 'unallocated']);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, 3, 4, null, null, null]);
    expect(r).toMatchObject({ year: 2025, priorYear: 2024, partnerCount: 4, worldStatus: 'complete', shareBasis: 'world' });
  });

  it('each partner: flows, shares of the world total, its share of its side, the change on 2024', async () => {
    const r = computePartners(await examplia(), { year: 2025, top: 10, sort: 'balance' });
    // World 2025: exports 1100, imports 900, total trade 2000.
    // Surpluses: Southia 150 + Northland 100 + Westmark 50 = 300 (3 partners); deficits: Eastland −200 (1).
    expect(r.surpluses.partnerCount).toBe(3);
    eq(r.surpluses.balance, B(300));
    expect(r.deficits.partnerCount).toBe(1);
    eq(r.deficits.balance, B(-200));

    const east = row(r.rows, 'partner', 'Eastland');
    eq(east.exports, B(150));
    eq(east.imports, B(350));
    eq(east.balance, B(-200));
    eq(east.totalTrade, B(500));
    near(east.shareOfExportsPct, new Decimal(150).div(1100).times(100)); // 13.6363…
    near(east.shareOfImportsPct, new Decimal(350).div(900).times(100)); // 38.8888…
    eq(east.shareOfTradePct, 25); // 500 ÷ 2000
    eq(east.shareOfSurplusesPct, 0); // no surplus of its own
    eq(east.shareOfDeficitsPct, 100); // −200 ÷ −200
    // 2024: 160, 300, −140. Exports 150 ÷ 160 − 1 = −6.25 %; imports 350 ÷ 300 − 1 = 16.666… %;
    // balance −200 − (−140) = −60; total trade 500 − 460 = +40.
    eq(east.change!.prior.balance, B(-140));
    eq(east.change!.exportGrowthPct, '-6.25');
    near(east.change!.importGrowthPct, new Decimal(50).div(3));
    eq(east.change!.balanceChange, B(-60));
    eq(east.change!.totalTradeChange, B(40));

    const south = row(r.rows, 'partner', 'Southia');
    eq(south.shareOfTradePct, '17.5'); // 350 ÷ 2000
    eq(south.shareOfSurplusesPct, 50); // 150 ÷ 300
    eq(south.shareOfDeficitsPct, 0);
    eq(south.change!.exportGrowthPct, 25); // 250 ÷ 200 − 1
    near(south.change!.importGrowthPct, new Decimal(-50).div(3)); // 100 ÷ 120 − 1
    eq(south.change!.balanceChange, B(70)); // 150 − 80

    const north = row(r.rows, 'partner', 'Northland');
    eq(north.shareOfTradePct, 25); // 500 ÷ 2000
    near(north.shareOfSurplusesPct, new Decimal(100).div(3)); // 100 ÷ 300
    near(north.change!.exportGrowthPct, new Decimal(20).div(280).times(100)); // 300 ÷ 280 − 1 = 7.142857…
    near(north.change!.importGrowthPct, new Decimal(-10).div(210).times(100)); // 200 ÷ 210 − 1 = −4.7619…
    eq(north.change!.balanceChange, B(30)); // 100 − 70
    eq(north.change!.totalTradeChange, B(10)); // 500 − 490

    const west = row(r.rows, 'partner', 'Westmark');
    eq(west.shareOfTradePct, '7.5'); // 150 ÷ 2000
    near(west.shareOfSurplusesPct, new Decimal(50).div(3)); // 50 ÷ 300
    expect(west.change).toBeNull(); // no 2024
    expect(west.partnerCode).toBe('XWE');
  });

  it('all partners, the world total, and what is unallocated (world − partners)', async () => {
    const r = computePartners(await examplia(), { year: 2025, top: 10, sort: 'balance' });
    const all = row(r.rows, 'all-partners');
    // 150 + 250 + 300 + 100 = 800; 350 + 100 + 200 + 50 = 700.
    expect(all.partnerCount).toBe(4);
    eq(all.exports, B(800));
    eq(all.imports, B(700));
    eq(all.balance, B(100));
    eq(all.shareOfTradePct, 75); // 1500 ÷ 2000
    eq(all.shareOfSurplusesPct, 100);
    eq(all.shareOfDeficitsPct, 100);
    expect(all.change).toBeNull(); // Westmark has no 2024

    const world = row(r.rows, 'world');
    eq(world.balance, B(200));
    eq(world.shareOfTradePct, 100);
    expect(world.shareOfSurplusesPct).toBeNull();
    // 2024: 940, 850. Exports 1100 ÷ 940 − 1 = 17.02…%; balance 200 − 90 = +110; total 2000 − 1790 = +210.
    near(world.change!.exportGrowthPct, new Decimal(160).div(940).times(100));
    eq(world.change!.balanceChange, B(110));
    eq(world.change!.totalTradeChange, B(210));

    const u = row(r.rows, 'unallocated');
    // 1100 − 800 = 300; 900 − 700 = 200; balance 100; total 500: 25 % of the world's trade.
    eq(u.exports, B(300));
    eq(u.imports, B(200));
    eq(u.balance, B(100));
    eq(u.totalTrade, B(500));
    eq(u.shareOfTradePct, 25);
    near(u.shareOfExportsPct, new Decimal(300).div(1100).times(100));
    expect(u.change).toBeNull();
    expect(u.partnerCount).toBeNull();
  });

  it('Farland has exports only in 2025: listed apart, not in the rows (a missing value is not zero)', async () => {
    const r = computePartners(await examplia(), { year: 2025, top: 10, sort: 'balance' });
    expect(r.incomplete).toHaveLength(1);
    expect(r.incomplete[0]).toMatchObject({ partner: 'Farland', partnerCode: 'XFA', reason: 'missing-flow', missing: ['imports'], imports: null });
    eq(r.incomplete[0]!.exports, B(40));
  });

  it('--top 2: Northland and Westmark become one row (300 + 100, 200 + 50), half of the surpluses', async () => {
    const r = computePartners(await examplia(), { year: 2025, top: 2, sort: 'balance' });
    expect(r.rows.map((x) => x.partner ?? x.row)).toEqual(['Eastland', 'Southia', 'other-partners', 'all-partners', 'world', 'unallocated']);
    const other = row(r.rows, 'other-partners');
    expect(other.partnerCount).toBe(2);
    eq(other.exports, B(400));
    eq(other.imports, B(250));
    eq(other.balance, B(150));
    eq(other.shareOfTradePct, '32.5'); // 650 ÷ 2000
    eq(other.shareOfSurplusesPct, 50); // (100 + 50) ÷ 300
    eq(other.shareOfDeficitsPct, 0);
    expect(other.change).toBeNull(); // Westmark has no 2024
  });

  it.each([
    ['exports', ['Northland', 'Southia', 'Eastland', 'Westmark']], // 300, 250, 150, 100
    ['imports', ['Eastland', 'Northland', 'Southia', 'Westmark']], // 350, 200, 100, 50
    ['total', ['Eastland', 'Northland', 'Southia', 'Westmark']], // 500, 500 (by name), 350, 150
  ] as const)('--sort %s', async (sort, order) => {
    const r = computePartners(await examplia(), { year: 2025, top: 10, sort });
    expect(r.rows.filter((x) => x.row === 'partner').map((x) => x.partner)).toEqual(order);
  });

  it('2024: three partners; changes need 2023, which the data does not have', async () => {
    const r = computePartners(await examplia(), { year: 2024, top: 10, sort: 'balance' });
    // Eastland 160 − 300 = −140, Southia 200 − 120 = 80, Northland 280 − 210 = 70.
    expect(r.rows.filter((x) => x.row === 'partner').map((x) => [x.partner, x.balance.div('1e9').toNumber()])).toEqual([
      ['Eastland', -140],
      ['Southia', 80],
      ['Northland', 70],
    ]);
    // World 940, 850; partners 640, 630: unallocated 300 and 220.
    eq(row(r.rows, 'unallocated').exports, B(300));
    eq(row(r.rows, 'unallocated').imports, B(220));
    expect(r.rows.every((x) => x.change === null || x.row === 'world')).toBe(true);
    expect(row(r.rows, 'world').change).toBeNull();
  });

  it('the document: the check is a verdict whose text is built from its answer', async () => {
    const ds = await examplia();
    const a = resolvePartners({ chart: true }, ds);
    expect(a).toMatchObject({ year: 2025, top: 10, sort: 'balance', flow: 'balance' });
    expect(a.origins.year).toEqual({ source: 'default', rule: 'latest-year' });
    const doc = partnersDocument(computePartners(ds, { year: 2025, top: 10, sort: 'balance' }), a);
    expect(doc.check).toEqual({
      question: 'partners-sum-to-world',
      answer: false,
      text: 'The 4 partners add up to the world total of 2025: no, unallocated (world − partners): $300.0B of exports and $200.0B of imports',
    });
    // --flow exports: rows by exports unless --sort says otherwise.
    expect(resolvePartners({ chart: true, flow: 'exports' }, ds)).toMatchObject({ sort: 'exports', flow: 'exports' });
    expect(resolvePartners({ chart: true, flow: 'exports', sort: 'imports' }, ds)).toMatchObject({ sort: 'imports', flow: 'exports' });
  });
});

describe('partners: the year', () => {
  it('the latest complete year of the partner data; a year to date is never one', async () => {
    const ds = await examplia();
    // Northland has January and February 2026 only: a year to date.
    expect(partnerYears(ds)).toEqual({ complete: [2024, 2025], yearToDate: new Map([[2026, [1, 2]]]) });
    expect(() => resolvePartners({ chart: true, year: 2026 }, ds)).toThrow(
      new UsageError("--year 2026: Examplia's partner data for 2026 is a year to date (Jan–Feb), not a year; partners compares complete years (it has: 2024, 2025)"),
    );
    expect(() => resolvePartners({ chart: true, year: 2023 }, ds)).toThrow("--year 2023 is not a year of Examplia's partner data (it has: 2024, 2025)");
  });

  it('data without partners, or with only a year to date, is a data error', () => {
    expect(() => resolvePartners({ chart: true }, dataset([], [{ year: 2025, x: '1', m: '1' }]))).toThrow(/Testland: the data has no partners, only the total trade/);
    const ytd = dataset([series('A', [], [{ year: 2025, reason: 'year-to-date', months: [1, 2, 3], exports: new Decimal(1), imports: new Decimal(1) }])]);
    expect(() => resolvePartners({ chart: true }, ytd)).toThrow('Testland: the partner data has no complete year, only a year to date: 2025 (Jan–Mar) (a year to date is never shown as a year)');
  });
});

describe('partners: without a world total', () => {
  it('shares are of the sum of the partners, and there is nothing to check against', () => {
    // A: 30 − 10 = 20; B: 10 − 50 = −40. Partners: 40, 60, total 100.
    const ds = dataset([series('A', [{ year: 2025, x: '30', m: '10' }]), series('B', [{ year: 2025, x: '10', m: '50' }])]);
    const r = computePartners(ds, { year: 2025, top: 10, sort: 'balance' });
    expect(r).toMatchObject({ worldStatus: 'none', shareBasis: 'partners' });
    expect(r.rows.map((x) => x.row)).toEqual(['partner', 'partner', 'all-partners']);
    eq(row(r.rows, 'partner', 'A').shareOfTradePct, 40); // 40 ÷ 100
    eq(row(r.rows, 'partner', 'B').shareOfImportsPct, new Decimal(50).div(60).times(100));
    eq(row(r.rows, 'all-partners').shareOfTradePct, 100);
  });

  it('a world total that is a year to date, or lacks a flow, is said to be so', () => {
    const p = [series('A', [{ year: 2025, x: '3', m: '1' }])];
    expect(computePartners(dataset(p, [], [{ year: 2025, reason: 'year-to-date', months: [1], exports: null, imports: null }]), { year: 2025, top: 10, sort: 'balance' }).worldStatus).toBe('year-to-date');
    expect(computePartners(dataset(p, [], [{ year: 2025, reason: 'missing-flow', missing: ['imports'] }]), { year: 2025, top: 10, sort: 'balance' }).worldStatus).toBe('missing-flow');
  });

  it('a partner in balance has no side: 0 % of each; with no partner in surplus, the surplus share is null', () => {
    const r = computePartners(dataset([series('Even', [{ year: 2025, x: '5', m: '5' }]), series('Short', [{ year: 2025, x: '1', m: '4' }])]), { year: 2025, top: 10, sort: 'balance' });
    const even = row(r.rows, 'partner', 'Even');
    expect(even.shareOfSurplusesPct).toBeNull(); // no surpluses at all: 0 ÷ 0
    eq(even.shareOfDeficitsPct, 0);
    eq(row(r.rows, 'partner', 'Short').shareOfDeficitsPct, 100);
  });
});

describe('partners: the check sentence', () => {
  const unallocated = (x: string, m: string) => ({ exports: new Decimal(x), imports: new Decimal(m) });
  it('yes, no, and partners that exceed the world', () => {
    expect(partnersCheckText(true, { year: 2024, partnerCount: 1, currency: 'USD', unallocated: unallocated('0', '0') })).toBe('The one partner adds up to the world total of 2024: yes, exactly; nothing is unallocated');
    expect(partnersCheckText(false, { year: 2024, partnerCount: 3, currency: 'EUR', unallocated: unallocated('0', '-2e9') })).toBe(
      'The 3 partners add up to the world total of 2024: no, unallocated (world − partners): -€2.0B of imports (the partners exceed the world)',
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Properties over generated partner data.

const amount = fc.bigInt({ min: 0n, max: 10n ** 14n }).chain((i) => fc.integer({ min: 0, max: 3 }).map((scale) => new Decimal(i.toString()).div(10 ** scale)));
const partnerFlows = fc.array(fc.tuple(amount, amount), { minLength: 1, maxLength: 25 });
const measure = fc.constantFrom<PartnerMeasure>('balance', 'exports', 'imports', 'total');

function generated(flows: [Decimal, Decimal][], world?: [Decimal, Decimal]): Dataset {
  const partners = flows.map(([x, m], i) => series(`P${String(i).padStart(2, '0')}`, [{ year: 2030, x, m }]));
  return dataset(partners, world ? [{ year: 2030, x: world[0], m: world[1] }] : []);
}

const totals = (rows: readonly PartnerRow[]) => ({
  exports: rows.reduce((s, r) => s.plus(r.exports), ZERO),
  imports: rows.reduce((s, r) => s.plus(r.imports), ZERO),
});

describe('partners: properties', () => {
  it('when the data is complete (the world is the sum of its partners), the rows sum to the world total and nothing is unallocated', () => {
    fc.assert(
      fc.property(partnerFlows, fc.integer({ min: 1, max: 30 }), measure, (flows, top, sort) => {
        const world: [Decimal, Decimal] = [flows.reduce((s, f) => s.plus(f[0]), ZERO), flows.reduce((s, f) => s.plus(f[1]), ZERO)];
        const r = computePartners(generated(flows, world), { year: 2030, top, sort });
        const shown = r.rows.filter((x) => x.row === 'partner' || x.row === 'other-partners');
        const w = row(r.rows, 'world');
        const t = totals(shown);
        expect(t.exports.eq(w.exports) && t.imports.eq(w.imports)).toBe(true);
        const u = row(r.rows, 'unallocated');
        expect(u.exports.isZero() && u.imports.isZero() && u.balance.isZero()).toBe(true);
        const doc = partnersDocument(r, { dataset: generated(flows, world), year: 2030, top, sort, flow: sort, origins: {} as never });
        expect(doc.check?.answer).toBe(true);
        expect(doc.check?.text).toMatch(/: yes, exactly/);
      }),
      { numRuns: 300 },
    );
  });

  it('for any world total: the partner rows + other partners + unallocated = world, flow by flow, exactly', () => {
    fc.assert(
      fc.property(partnerFlows, amount, amount, fc.integer({ min: 1, max: 30 }), measure, (flows, wx, wm, top, sort) => {
        const r = computePartners(generated(flows, [wx, wm]), { year: 2030, top, sort });
        const parts = r.rows.filter((x) => x.row === 'partner' || x.row === 'other-partners' || x.row === 'unallocated');
        const t = totals(parts);
        expect(t.exports.eq(wx)).toBe(true);
        expect(t.imports.eq(wm)).toBe(true);
        expect(parts.reduce((s, x) => s.plus(x.balance), ZERO).eq(wx.minus(wm))).toBe(true);
        // The rows shown add up to the all-partners row too.
        const all = row(r.rows, 'all-partners');
        const shown = totals(r.rows.filter((x) => x.row === 'partner' || x.row === 'other-partners'));
        expect(shown.exports.eq(all.exports) && shown.imports.eq(all.imports)).toBe(true);
        expect(all.partnerCount).toBe(flows.length);
      }),
      { numRuns: 300 },
    );
  });

  it('rows come largest first by the sort; each side of the balance shares sums to 100 %, every share at least 0', () => {
    fc.assert(
      fc.property(partnerFlows, fc.integer({ min: 1, max: 30 }), measure, (flows, top, sort) => {
        const r = computePartners(generated(flows), { year: 2030, top, sort });
        const partners = r.rows.filter((x) => x.row === 'partner');
        expect(partners.length).toBe(Math.min(top, flows.length));
        for (let i = 1; i < partners.length; i++) expect(sortValue(partners[i - 1]!, sort).gte(sortValue(partners[i]!, sort))).toBe(true);
        const shown = r.rows.filter((x) => x.row === 'partner' || x.row === 'other-partners');
        for (const [key, side] of [['shareOfSurplusesPct', r.surpluses], ['shareOfDeficitsPct', r.deficits]] as const) {
          if (side.partnerCount === 0) {
            expect(shown.every((x) => x[key] === null)).toBe(true);
            continue;
          }
          const total = shown.reduce((s, x) => s.plus(x[key]!), ZERO);
          expect(total.minus(100).abs().lt('1e-30')).toBe(true);
          expect(shown.every((x) => !x[key]!.isNegative())).toBe(true);
        }
        // A partner's share is on its own side only.
        for (const p of partners) {
          if (p.balance.gt(0)) expect(p.shareOfDeficitsPct?.isZero() ?? true).toBe(true);
          if (p.balance.lt(0)) expect(p.shareOfSurplusesPct?.isZero() ?? true).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
