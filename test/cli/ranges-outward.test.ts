// `--ranges` (and check's ranges) are rounded outward: the exact interval, computed in decimal by
// the core, lies inside the one printed, in JSON (15 significant digits) and in the tables (human
// units). And not needlessly wider: a printed end is within one unit of its last digit.
import { describe, expect, it } from 'vitest';
import { computeCheck } from '../../src/core/check.js';
import { Decimal } from '../../src/core/decimal.js';
import type { Interval } from '../../src/core/interval.js';
import { computeProjection } from '../../src/core/project.js';
import { type ProjectionRanges, type SummaryRanges, computeProjectionRanges, computeSummaryRanges } from '../../src/core/ranges.js';
import { computeSummary } from '../../src/core/summary.js';
import type { Dataset } from '../../src/core/types.js';
import { loadDatasetFile } from '../../src/data/load-file.js';
import { article, cli, d } from '../helpers.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const csvFile = `${fixtures}trade-multi.csv`;
const deficit = `${fixtures}deficit.json`;

async function reporter(file: string, name: string): Promise<Dataset> {
  const loaded = await loadDatasetFile(file, { cwd: '/' });
  return loaded.datasets.find((x) => x.reporter === name)!;
}

/** A JSON number as the decimal it was written from (a double reads back ≤ 15 digits exactly). */
const dec = (n: number) => new Decimal(String(n));

/** One unit in the 15th significant digit of x: how far outward rounding may move an end. */
const ulp15 = (x: Decimal) => (x.isZero() ? new Decimal(0) : new Decimal(10).pow(x.abs().log(10).floor().minus(14)));

/** The printed interval contains the exact one, and each end is within one 15-digit unit of it. */
function expectOutward(printed: { low: number; high: number } | null | undefined, exact: Interval | null | undefined, what: string) {
  expect(exact, what).toBeTruthy();
  expect(printed, what).toBeTruthy();
  const low = dec(printed!.low);
  const high = dec(printed!.high);
  expect(low.lte(exact!.low), `${what}: printed low ${low} is above the exact ${exact!.low}`).toBe(true);
  expect(high.gte(exact!.high), `${what}: printed high ${high} is below the exact ${exact!.high}`).toBe(true);
  expect(exact!.low.minus(low).lte(ulp15(exact!.low)), `${what}: low rounded too far`).toBe(true);
  expect(high.minus(exact!.high).lte(ulp15(exact!.high)), `${what}: high rounded too far`).toBe(true);
}

/** The summary's ranges as the document lays them out, with the exact interval of each. */
function summaryPairs(doc: any, x: SummaryRanges): [string, { low: number; high: number } | null, Interval | null][] {
  const r = doc.ranges;
  const pairs: [string, any, Interval | null][] = [
    ['exports', r.exports, x.exports],
    ['imports', r.imports, x.imports],
    ['balance', r.balance, x.balance],
    ['totalTrade', r.totalTrade, x.totalTrade],
    ['coverageRatio', r.coverageRatio, x.coverageRatio],
    ['balanceShareOfTradePct', r.balanceShareOfTradePct, x.balanceShareOfTradePct],
    ['exportGrowthPct', r.exportGrowthPct, x.exportGrowthPct],
    ['importGrowthPct', r.importGrowthPct, x.importGrowthPct],
    ['balanceChange', r.balanceChange, x.balanceChange],
    ['balanceChangePct', r.balanceChangePct, x.balanceChangePct],
  ];
  if (x.prior) for (const k of ['exports', 'imports', 'balance'] as const) pairs.push([`prior.${k}`, r.prior[k], x.prior[k]]);
  for (const f of ['exports', 'imports'] as const) {
    const m = x.momentum?.[f];
    if (m) pairs.push([`momentum.${f}.fromPct`, r.momentum[f].fromPct, m.earlierPct], [`momentum.${f}.toPct`, r.momentum[f].toPct, m.laterPct], [`momentum.${f}.changePp`, r.momentum[f].changePp, m.changePp]);
  }
  return pairs;
}

// ------------------------------------------------------------------------------------------------
// Text: the tables' ranges, parsed back.

/** "$1,004.9B", "-$1.0310T", "+5.45%", "+0.60 pp", "1.4564×" → the decimal it shows, in the document's units. */
function shown(text: string): Decimal {
  const m = /^([+-]?)(?:\$|€|£|CHF )?([\d,]+(?:\.\d+)?)([TBMK]?)(%| pp|×)?$/.exec(text.trim());
  if (!m) throw new Error(`not a value: ${text}`);
  const scale = { T: '1e12', B: '1e9', M: '1e6', K: '1e3', '': '1' }[m[3] as 'T' | 'B' | 'M' | 'K' | '']!;
  const v = new Decimal(m[2]!.replace(/,/g, '')).times(scale);
  return m[1] === '-' ? v.neg() : v;
}

/** The number of decimals a shown value has: its last digit is the rounding unit. */
function unitOf(text: string): Decimal {
  const m = /^[+-]?(?:\$|€|£|CHF )?[\d,]+(?:\.(\d+))?([TBMK]?)/.exec(text.trim())!;
  const scale = { T: '1e12', B: '1e9', M: '1e6', K: '1e3', '': '1' }[m[2] as 'T' | 'B' | 'M' | 'K' | '']!;
  return new Decimal(10).pow(-(m[1]?.length ?? 0)).times(scale);
}

/** "A–B" or "A to B" (a single value when both ends round alike). */
function shownRange(text: string): { low: string; high: string } {
  const t = text.trim();
  const [low, high] = t.includes(' to ') ? t.split(' to ') : t.includes('–') ? t.split('–') : [t, t];
  return { low: low!, high: high! };
}

function expectShownOutward(text: string, exact: Interval, what: string) {
  const { low, high } = shownRange(text);
  if (low === high) {
    // A range narrower than the digits shown is printed as one value: read as a stated figure is
    // ("1.04×" is 1.035 to 1.045), it must hold the exact range, and be exact when the range is a point.
    const half = unitOf(low).div(2);
    expect(shown(low).minus(half).lte(exact.low) && shown(low).plus(half).gte(exact.high), `${what}: ${text} does not hold ${exact.low}–${exact.high}`).toBe(true);
    expect(exact.high.minus(exact.low).lt(unitOf(low)), `${what}: a range as wide as a digit printed as one value`).toBe(true);
    return;
  }
  expect(shown(low).lte(exact.low), `${what}: ${text} starts above ${exact.low}`).toBe(true);
  expect(shown(high).gte(exact.high), `${what}: ${text} ends below ${exact.high}`).toBe(true);
  // Outward by less than the last digit shown.
  expect(exact.low.minus(shown(low)).lt(unitOf(low)), `${what}: ${text} low is more than one digit out`).toBe(true);
  expect(shown(high).minus(exact.high).lt(unitOf(high)), `${what}: ${text} high is more than one digit out`).toBe(true);
}

/** Rows of the boxed table whose first cell is `header`: label → the last cell. */
function tableRows(out: string, header: string): Map<string, string> {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`│ ${header}`));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('│')) break;
    const cells = line.split('│').slice(1, -1).map((c) => c.trim());
    rows.set(cells[0]!, cells[cells.length - 1]!);
  }
  return rows;
}

/** Which exact interval a row of "Given the rounding" shows. */
function summaryRowRange(label: string, year: number, x: SummaryRanges): Interval | null {
  const y = /(\d{4})/.exec(label)?.[1];
  const which = y !== undefined && Number(y) !== year ? x.prior : x;
  if (/^Exports \d{4}/.test(label)) return which!.exports;
  if (/^Imports \d{4}/.test(label)) return which!.imports;
  if (/^Trade (surplus|deficit|balance) \d{4}/.test(label)) return which!.balance;
  if (/^Total trade/.test(label)) return x.totalTrade;
  if (/^Export\/import coverage/.test(label)) return x.coverageRatio;
  if (/share of trade/.test(label)) return x.balanceShareOfTradePct;
  if (/^Export growth/.test(label)) return x.exportGrowthPct;
  if (/^Import growth/.test(label)) return x.importGrowthPct;
  if (label === 'Balance change, %') return x.balanceChangePct;
  if (label === 'Balance change') return x.balanceChange;
  if (label === 'Export momentum') return x.momentum!.exports!.changePp;
  if (label === 'Import momentum') return x.momentum!.imports!.changePp;
  throw new Error(`an unexpected row: ${label}`);
}

describe('summary --ranges', () => {
  const cases: [string, string[], () => Promise<Dataset>][] = [
    ['the article (a prior year implied by stated growth)', [], async () => article()],
    ['a deficit with a reported prior year', ['--data', csvFile, '--reporter', 'Examplia'], () => reporter(csvFile, 'Examplia')],
    ['EUR thousands', ['--data', csvFile, '--reporter', 'Northland'], () => reporter(csvFile, 'Northland')],
    ['a JSON dataset', ['--data', deficit], () => reporter(deficit, 'Examplia')],
  ];

  it.each(cases)('%s: JSON ranges contain the exact ones', async (_name, args, load) => {
    const ds = await load();
    const x = computeSummaryRanges(ds, computeSummary(ds));
    const doc = JSON.parse((await cli(['summary', '--ranges', ...args, '--json'])).stdout);
    expect(doc.assumptions.withRanges).toBe(true);
    const pairs = summaryPairs(doc, x);
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    for (const [what, printed, exact] of pairs) {
      if (exact === null) expect(printed, what).toBeNull();
      else expectOutward(printed, exact, what);
    }
  });

  it.each(cases)('%s: the table ranges contain the exact ones', async (_name, args, load) => {
    const ds = await load();
    const report = computeSummary(ds);
    const x = computeSummaryRanges(ds, report);
    const out = (await cli(['summary', '--ranges', ...args], { env: { COLUMNS: '1000' } })).stdout;
    const rows = tableRows(out, 'Given the rounding');
    expect(rows.size).toBeGreaterThanOrEqual(9);
    for (const [label, text] of rows) expectShownOutward(text, summaryRowRange(label, report.current.year, x)!, label);
  });

  it('the article: rounding to nearest would have left the exact range outside (the case that changed)', async () => {
    const ds = article();
    const x = computeSummaryRanges(ds, computeSummary(ds));
    // 3.765/2.585 = 1.456479…, 3.775/2.575 = 1.466019…: to four places, nearest gives 1.4565–1.4660,
    // which leaves out both ends; outward gives 1.4564–1.4661.
    expect(x.coverageRatio!.low.toFixed(4)).toBe('1.4565');
    expect(x.coverageRatio!.high.toFixed(4)).toBe('1.4660');
    const rows = tableRows((await cli(['summary', '--ranges'])).stdout, 'Given the rounding');
    expect(rows.get('Export/import coverage')).toBe('1.4564×–1.4661×');
    expect(rows.get('Balance change')).toBe('+$194.5B to +$198.5B');
  });
});

describe('project --ranges', () => {
  const iv = (a: string | number, b: string | number): Interval => ({ low: d(a), high: d(b) });
  const cases: [string, string[], number, (n: number) => { exportGrowthPct: Interval[]; importGrowthPct: Interval[] } | undefined][] = [
    // The forecast's "around 3" is 2.5 to 3.5; imports are not in the forecast: held flat, exactly.
    ['forecast rates (their rounding counts)', ['--years', '2'], 2, (n) => ({ exportGrowthPct: Array(n).fill(iv('2.5', '3.5')), importGrowthPct: Array(n).fill(iv(0, 0)) })],
    // Rates given as options are exact.
    ['option rates, year by year', ['--years', '3', '--growth', '3,-1,2', '--import-growth', '1'], 3, () => undefined],
    ['ten years', ['--years', '10', '--growth', '2.5', '--import-growth', '3.5'], 10, () => undefined],
  ];

  it.each(cases)('%s: JSON and the table contain the exact ranges', async (_name, args, n, growth) => {
    const doc = JSON.parse((await cli(['project', '--ranges', ...args, '--json'])).stdout);
    const ds = article();
    const report = computeProjection(ds, {
      exportGrowthPct: doc.assumptions.exportGrowthPctByYear.map(dec),
      importGrowthPct: doc.assumptions.importGrowthPctByYear.map(dec),
      threshold: dec(doc.assumptions.threshold),
    });
    const x: ProjectionRanges = computeProjectionRanges(ds, report, growth(n));
    expect(doc.path).toHaveLength(n);
    for (const k of ['exports', 'imports', 'balance'] as const) expectOutward(doc.base.ranges[k], x.base[k], `base ${k}`);
    doc.path.forEach((p: any, i: number) => {
      for (const k of ['exports', 'imports', 'balance', 'margin'] as const) expectOutward(p.ranges[k], x.path[i]![k], `${p.year} ${k}`);
      expect(p.aboveThresholdInRange).toBe(x.path[i]!.aboveThreshold);
    });

    const out = (await cli(['project', '--ranges', ...args])).stdout;
    const lines = out.split('\n').filter((l) => /^│ \d{4} │/.test(l));
    expect(lines).toHaveLength(n + 1);
    for (const line of lines) {
      const cells = line.split('│').slice(1, -1).map((c) => c.trim());
      const year = Number(cells[0]);
      const exact = year === report.base.year ? x.base.balance : x.path[year - report.base.year - 1]!.balance;
      expectShownOutward(cells[4]!, exact, `${year}`);
    }
  });
});

describe('check: the range of the figures behind a claim', () => {
  it.each([
    ['the article', [] as string[], async () => article()],
    ['a deficit dataset', ['--data', deficit], () => reporter(deficit, 'Examplia')],
  ])('%s: JSON and text ranges contain the exact ones', async (_name, args, load) => {
    const exact = computeCheck(await load());
    const r = await cli(['check', ...args, '--json']);
    const doc = JSON.parse(r.stdout);
    const text = (await cli(['check', ...args], { env: { COLUMNS: '1000' } })).stdout;
    let checked = 0;
    for (const c of exact.checks) {
      const claim = doc.claims.find((x: { id: string }) => x.id === c.claim.id);
      if (!c.range) {
        expect(claim.range).toBeNull();
        continue;
      }
      expectOutward(claim.range, c.range, c.claim.id);
      // The table's "range:" line of that claim.
      const block = text.slice(text.indexOf(c.claim.label));
      const line = /range:\s+(.+?) given the rounding/.exec(block)![1]!;
      expectShownOutward(line, c.range, `${c.claim.id} (text)`);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
