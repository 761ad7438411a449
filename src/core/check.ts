// `check`: tests each claim a dataset records against the dataset's own figures, allowing for the
// rounding of every stated figure. A qualifier defines the region of values a claim accepts
// (documented in the README); the figures give a range; the verdict compares the two:
//   consistent   — some value within the figures' rounding range satisfies the claim
//                  ("whole-range" when every value does, "part-of-range" when only some do);
//   inconsistent — no value within the range satisfies it;
//   unchecked    — the dataset lacks what the claim needs (a record needs earlier years, growth
//                  needs the previous year's figures: a stated rate cannot be checked against itself).
import { Decimal, HUNDRED, ONE, ZERO } from './decimal.js';
import { type Interval, factorInterval, figureInterval, flowInterval, interval, point, rangeOf, rateInterval, sub } from './interval.js';
import { derivedMonthlyGrowth, indexMonths } from './months.js';
import type { Claim, Dataset, Figure, YearRecord } from './types.js';
import { type DatasetInfo, datasetInfo } from './types.js';

/** The values a claim accepts; a missing bound is unbounded. */
export interface Region {
  low: Decimal | null;
  high: Decimal | null;
  lowInclusive: boolean;
  highInclusive: boolean;
}

export type Verdict = 'consistent' | 'inconsistent' | 'unchecked';

export type UncheckedReason =
  | { code: 'record-needs-earlier-years'; year: number }
  | { code: 'growth-needs-previous-year'; year: number; metric: 'exports' | 'imports' }
  | { code: 'no-figures-for-year'; year: number; have: number[] }
  /** The forecast for `year` states neither export nor import growth (or there is none). */
  | { code: 'no-forecast-growth'; year: number }
  | { code: 'months-missing'; months: string[] }
  | { code: 'month-growth-needs-amounts'; month: string; metric: 'exports' | 'imports' }
  | { code: 'no-figures-for-month'; month: string }
  | { code: 'undefined-value'; why: string };

/**
 * How the figures were obtained: as reported, derived from two years, projected, from the growth
 * rates of two months as stated ("months"), or from monthly amounts: a month as reported, a month's
 * growth on the same month a year earlier, and two months' such growth compared.
 */
export type FiguresBasis =
  | { kind: 'reported'; year: number }
  | { kind: 'derived'; year: number; from: number }
  /** A rate is null where the forecast does not state it: that flow was held flat, as `project` holds it. */
  | { kind: 'projected'; year: number; from: number; exportGrowthPct: Figure | null; importGrowthPct: Figure | null }
  | { kind: 'months'; from: string; to: string }
  | { kind: 'reported-month'; month: string }
  | { kind: 'derived-month'; month: string; from: string }
  | { kind: 'derived-months'; from: string; to: string; fromGrowthPct: Decimal; toGrowthPct: Decimal }
  | { kind: 'record'; year: number; earlierYears: number[]; highestEarlierYear: number; highestEarlier: Interval };

export interface ClaimCheck {
  claim: Claim;
  /** "money" for amounts, "pct" for rates, "pp" for a change of a rate (accelerated). */
  measure: 'money' | 'pct' | 'pp';
  accepts: Region | null;
  /** What the figures give: the value at the stated figures and its rounding range. */
  value: Decimal | null;
  range: Interval | null;
  basis: FiguresBasis | null;
  verdict: Verdict;
  within: 'whole-range' | 'part-of-range' | null;
  /** True when the claim holds at the figures as stated (ignoring rounding). */
  holdsAsStated: boolean | null;
  unchecked: UncheckedReason | null;
}

export interface CheckReport {
  kind: 'check';
  dataset: DatasetInfo;
  /** The latest year of figures in the dataset, for headings. */
  latestYear: number;
  checks: ClaimCheck[];
  counts: { consistent: number; inconsistent: number; unchecked: number };
}

/** Tolerances of the qualifiers, as fractions of the stated value or in percentage points. */
export const NEARLY_BELOW = new Decimal('0.02');
export const AROUND_EITHER_SIDE = new Decimal('0.1');
export const FLAT_PP = new Decimal('1');

/** The region a qualifier accepts around the claim's stated value X. */
export function regionOf(claim: Claim): Region | null {
  const x = claim.value?.value;
  const closed = (a: Decimal, b: Decimal): Region => {
    const iv = interval(a, b);
    return { low: iv.low, high: iv.high, lowInclusive: true, highInclusive: true };
  };
  switch (claim.qualifier) {
    case 'exactly':
      // As stated, to its rounding: 5.5 accepts 5.45–5.55.
      return x ? closed(x.minus(claim.value!.halfWidth), x.plus(claim.value!.halfWidth)) : null;
    case 'nearly':
      // Short of X by up to 2 % of its size, on the side of zero: "nearly -$1.2T" is -$1.176T to -$1.2T.
      return x ? closed(x.minus(x.times(NEARLY_BELOW)), x) : null;
    case 'around':
    case 'about':
    case 'approximately':
      return x ? closed(x.minus(x.abs().times(AROUND_EITHER_SIDE)), x.plus(x.abs().times(AROUND_EITHER_SIDE))) : null;
    case 'relatively flat':
      return { low: FLAT_PP.neg(), high: FLAT_PP, lowInclusive: false, highInclusive: false };
    case 'above':
      return x ? { low: x, high: null, lowInclusive: false, highInclusive: false } : null;
    case 'below':
      return x ? { low: null, high: x, lowInclusive: false, highInclusive: false } : null;
    case 'accelerated':
      // Later minus earlier growth, in percentage points, must be positive.
      return { low: ZERO, high: null, lowInclusive: false, highInclusive: false };
    case 'record':
      return null;
  }
}

function inRegion(v: Decimal, r: Region): boolean {
  if (r.low && (r.lowInclusive ? v.lt(r.low) : v.lte(r.low))) return false;
  if (r.high && (r.highInclusive ? v.gt(r.high) : v.gte(r.high))) return false;
  return true;
}

/** Whether every, some or no value of the range lies in the region. */
function overlap(range: Interval, r: Region): 'whole-range' | 'part-of-range' | 'none' {
  if (inRegion(range.low, r) && inRegion(range.high, r)) return 'whole-range';
  const belowAll = r.low && (r.lowInclusive ? range.high.lt(r.low) : range.high.lte(r.low));
  const aboveAll = r.high && (r.highInclusive ? range.low.gt(r.high) : range.low.gte(r.high));
  return belowAll || aboveAll ? 'none' : 'part-of-range';
}

const pct = (x: Decimal) => x.times(HUNDRED);

function measureOf(claim: Claim): ClaimCheck['measure'] {
  if (claim.qualifier === 'accelerated') return 'pp';
  return claim.metric === 'exportGrowthPct' || claim.metric === 'importGrowthPct' ? 'pct' : 'money';
}

interface Figures {
  value: Decimal;
  range: Interval;
  basis: FiguresBasis;
}

function amountOf(record: YearRecord, metric: 'balance' | 'exports' | 'imports'): { value: Decimal; range: Interval } {
  // A flow's range stops at zero: a figure stated as 0 is 0 to 0.5, never below.
  const e = flowInterval(record.exports);
  const m = flowInterval(record.imports);
  if (metric === 'exports') return { value: record.exports.value, range: e };
  if (metric === 'imports') return { value: record.imports.value, range: m };
  return { value: record.exports.value.minus(record.imports.value), range: sub(e, m) };
}

/** The figures a claim about an amount or a growth rate of one year is tested against. */
function figuresFor(dataset: Dataset, claim: Claim): Figures | UncheckedReason {
  const year = claim.year!;
  const record = dataset.years.find((r) => r.year === year);
  const have = dataset.years.map((r) => r.year);
  if (claim.metric === 'exportGrowthPct' || claim.metric === 'importGrowthPct') {
    const flow = claim.metric === 'exportGrowthPct' ? 'exports' : 'imports';
    const before = dataset.years.find((r) => r.year === year - 1);
    if (!record || !before) return { code: 'growth-needs-previous-year', year, metric: flow };
    const now = record[flow];
    const then = before[flow];
    if (then.value.isZero()) return { code: 'undefined-value', why: `${flow} were zero in ${year - 1}` };
    const range = rangeOf([flowInterval(then), flowInterval(now)], ([a, b]) => (a!.isZero() ? null : pct(b!.div(a!).minus(ONE))));
    if (!range) return { code: 'undefined-value', why: `the ${year - 1} ${flow} may be zero within their rounding` };
    return { value: pct(now.value.div(then.value).minus(ONE)), range, basis: { kind: 'derived', year, from: year - 1 } };
  }
  const metric = claim.metric;
  if (record) return { ...amountOf(record, metric), basis: { kind: 'reported', year } };
  const latest = dataset.years[dataset.years.length - 1]!;
  if (year <= latest.year) return { code: 'no-figures-for-year', year, have };
  // A future year: compound the latest year with the dataset's forecast for every year between. A
  // forecast is used for what it states: a flow whose growth it does not state is held flat,
  // exactly, as `project` holds it by default, and the basis says which (a null rate). A year whose
  // forecast states neither cannot be projected.
  let exports = { value: latest.exports.value, range: flowInterval(latest.exports) };
  let imports = { value: latest.imports.value, range: flowInterval(latest.imports) };
  let lastGrowth: { g: Figure | null; h: Figure | null } | null = null;
  const grow = (flow: { value: Decimal; range: Interval }, rate: Figure | null) => {
    if (!rate) return flow;
    const f = factorInterval(rateInterval(rate));
    return { value: flow.value.times(ONE.plus(rate.value.div(HUNDRED))), range: interval(flow.range.low.times(f.low), flow.range.high.times(f.high)) };
  };
  for (let y = latest.year + 1; y <= year; y++) {
    const f = dataset.forecasts.find((x) => x.year === y);
    const g = f?.exportGrowthPct ?? null;
    const h = f?.importGrowthPct ?? null;
    if (!g && !h) return { code: 'no-forecast-growth', year: y };
    exports = grow(exports, g);
    imports = grow(imports, h);
    lastGrowth = { g, h };
  }
  const basis: FiguresBasis = { kind: 'projected', year, from: latest.year, exportGrowthPct: lastGrowth!.g, importGrowthPct: lastGrowth!.h };
  if (metric === 'exports') return { ...exports, basis };
  if (metric === 'imports') return { ...imports, basis };
  return { value: exports.value.minus(imports.value), range: sub(exports.range, imports.range), basis };
}

function unchecked(claim: Claim, reason: UncheckedReason, accepts: Region | null): ClaimCheck {
  return { claim, measure: measureOf(claim), accepts, value: null, range: null, basis: null, verdict: 'unchecked', within: null, holdsAsStated: null, unchecked: reason };
}

function judged(claim: Claim, accepts: Region, fig: Figures): ClaimCheck {
  const o = overlap(fig.range, accepts);
  return {
    claim,
    measure: measureOf(claim),
    accepts,
    value: fig.value,
    range: fig.range,
    basis: fig.basis,
    verdict: o === 'none' ? 'inconsistent' : 'consistent',
    within: o === 'none' ? null : o,
    holdsAsStated: inRegion(fig.value, accepts),
    unchecked: null,
  };
}

/**
 * "Record": above every earlier year in the data. For a balance in deficit it is a record deficit:
 * below every earlier year. Only the years in the dataset can be compared, so the basis lists them.
 */
function checkRecord(dataset: Dataset, claim: Claim): ClaimCheck {
  const year = claim.year!;
  const record = dataset.years.find((r) => r.year === year);
  if (!record) return unchecked(claim, { code: 'no-figures-for-year', year, have: dataset.years.map((r) => r.year) }, null);
  const metric = claim.metric === 'exports' || claim.metric === 'imports' ? claim.metric : 'balance';
  const earlier = dataset.years.filter((r) => r.year < year);
  if (earlier.length === 0) return unchecked(claim, { code: 'record-needs-earlier-years', year }, null);
  const now = amountOf(record, metric);
  // Compare "larger deficit" as "larger" by flipping signs; the report keeps the real values.
  const flip = metric === 'balance' && now.value.isNegative();
  const o = (iv: Interval): Interval => (flip ? { low: iv.high.neg(), high: iv.low.neg() } : iv);
  const ov = (d: Decimal) => (flip ? d.neg() : d);
  let best = earlier[0]!;
  for (const r of earlier) if (ov(amountOf(r, metric).value).gt(ov(amountOf(best, metric).value))) best = r;
  const bestValue = amountOf(best, metric).value;
  const nowR = o(now.range);
  const earlierR = earlier.map((r) => o(amountOf(r, metric).range));
  // Certain when this year's whole range beats every earlier year's whole range; impossible when
  // some earlier year is surely at least as far out as this year can be.
  const certain = earlierR.every((r) => nowR.low.gt(r.high));
  const impossible = earlierR.some((r) => !r.low.lt(nowR.high));
  const accepts: Region = flip
    ? { low: null, high: bestValue, lowInclusive: false, highInclusive: false }
    : { low: bestValue, high: null, lowInclusive: false, highInclusive: false };
  return {
    claim,
    measure: 'money',
    accepts,
    value: now.value,
    range: now.range,
    basis: { kind: 'record', year, earlierYears: earlier.map((r) => r.year), highestEarlierYear: best.year, highestEarlier: amountOf(best, metric).range },
    verdict: impossible ? 'inconsistent' : 'consistent',
    within: impossible ? null : certain ? 'whole-range' : 'part-of-range',
    holdsAsStated: ov(now.value).gt(ov(bestValue)),
    unchecked: null,
  };
}

/**
 * "Accelerated": the later month's growth above the earlier month's. With the amounts of both
 * months and of the same months a year earlier, each growth is computed from them (with the
 * rounding of all four amounts); otherwise the growth rates the source states are compared.
 */
function checkAccelerated(dataset: Dataset, claim: Claim, accepts: Region): ClaimCheck {
  const flow = claim.metric === 'importGrowthPct' ? 'imports' : 'exports';
  const index = indexMonths(dataset.months);
  const a = derivedMonthlyGrowth(index, claim.from!, flow);
  const b = derivedMonthlyGrowth(index, claim.to!, flow);
  if (a && b) {
    if (!a.range || !b.range) return unchecked(claim, { code: 'undefined-value', why: `${flow} of ${!a.range ? a.from : b.from} may be zero within their rounding` }, accepts);
    return judged(claim, accepts, {
      value: b.value.minus(a.value),
      range: sub(b.range, a.range),
      basis: { kind: 'derived-months', from: claim.from!, to: claim.to!, fromGrowthPct: a.value, toGrowthPct: b.value },
    });
  }
  const key = flow === 'imports' ? 'importGrowthPct' : 'exportGrowthPct';
  const from = index.get(claim.from!)?.[key];
  const to = index.get(claim.to!)?.[key];
  const missing = [!from ? claim.from! : null, !to ? claim.to! : null].filter((m): m is string => m !== null);
  if (!from || !to) return unchecked(claim, { code: 'months-missing', months: missing }, accepts);
  return judged(claim, accepts, {
    value: to.value.minus(from.value),
    range: sub(figureInterval(to), figureInterval(from)),
    basis: { kind: 'months', from: claim.from!, to: claim.to! },
  });
}

/**
 * The figures a claim about one month is tested against: its amounts as reported, or its growth
 * on the same month a year earlier computed from the amounts of both (a stated monthly rate cannot
 * be checked against itself).
 */
function figuresForMonth(dataset: Dataset, claim: Claim): Figures | UncheckedReason {
  const month = claim.month!;
  const index = indexMonths(dataset.months);
  if (claim.metric === 'exportGrowthPct' || claim.metric === 'importGrowthPct') {
    const flow = claim.metric === 'exportGrowthPct' ? 'exports' : 'imports';
    const g = derivedMonthlyGrowth(index, month, flow);
    if (!g) return { code: 'month-growth-needs-amounts', month, metric: flow };
    if (!g.range) return { code: 'undefined-value', why: `the ${g.from} ${flow} may be zero within their rounding` };
    return { value: g.value, range: g.range, basis: { kind: 'derived-month', month, from: g.from } };
  }
  const m = index.get(month);
  const figure = (f: Figure | undefined) => (f ? { value: f.value, range: figureInterval(f) } : null);
  const e = figure(m?.exports);
  const i = figure(m?.imports);
  const basis: FiguresBasis = { kind: 'reported-month', month };
  if (claim.metric === 'exports' && e) return { ...e, basis };
  if (claim.metric === 'imports' && i) return { ...i, basis };
  if (claim.metric === 'balance' && e && i) return { value: e.value.minus(i.value), range: sub(e.range, i.range), basis };
  return { code: 'no-figures-for-month', month };
}

export function checkClaim(dataset: Dataset, claim: Claim): ClaimCheck {
  if (claim.qualifier === 'record') return checkRecord(dataset, claim);
  const accepts = regionOf(claim);
  if (!accepts) return unchecked(claim, { code: 'undefined-value', why: `"${claim.qualifier}" needs a stated value` }, null);
  if (claim.qualifier === 'accelerated') return checkAccelerated(dataset, claim, accepts);
  const fig = claim.month !== undefined ? figuresForMonth(dataset, claim) : figuresFor(dataset, claim);
  if ('code' in fig) return unchecked(claim, fig, accepts);
  return judged(claim, accepts, fig);
}

/** The latest year with figures: of the complete years, else of the months (a dataset of months alone). */
function latestYearOf(dataset: Dataset): number {
  const year = dataset.years[dataset.years.length - 1]?.year;
  if (year !== undefined) return year;
  const month = dataset.months[dataset.months.length - 1]?.month;
  return month ? Number(month.slice(0, 4)) : Math.max(...dataset.gaps.map((g) => g.year));
}

export function computeCheck(dataset: Dataset): CheckReport {
  const checks = dataset.claims.map((c) => checkClaim(dataset, c));
  const count = (v: Verdict) => checks.filter((c) => c.verdict === v).length;
  return {
    kind: 'check',
    dataset: datasetInfo(dataset),
    latestYear: latestYearOf(dataset),
    checks,
    counts: { consistent: count('consistent'), inconsistent: count('inconsistent'), unchecked: count('unchecked') },
  };
}
