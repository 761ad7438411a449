// Rounding ranges (`--ranges`): for every value a report derives, the interval it can take when
// each stated figure lies anywhere within its rounding. Pure: a dataset and a report in, intervals
// out. Values the user gives as options are exact; so is a reading of a word ("relatively flat" = 0).
import { type Decimal, HUNDRED, ONE, ZERO } from './decimal.js';
import { type Interval, containsZero, factorInterval, flowInterval, interval, point, rangeOf, rateInterval, sub } from './interval.js';
import type { ProjectionReport } from './project.js';
import { previousYear, selectYear } from './select.js';
import type { SummaryReport } from './summary.js';
import type { Dataset, Figure } from './types.js';

export interface MomentumRanges {
  earlierPct: Interval;
  laterPct: Interval;
  changePp: Interval;
}

export interface SummaryRanges {
  exports: Interval;
  imports: Interval;
  balance: Interval;
  totalTrade: Interval;
  coverageRatio: Interval | null;
  balanceShareOfTradePct: Interval | null;
  exportGrowthPct: Interval | null;
  importGrowthPct: Interval | null;
  prior: { exports: Interval; imports: Interval; balance: Interval; totalTrade: Interval; coverageRatio: Interval | null; balanceShareOfTradePct: Interval | null } | null;
  balanceChange: Interval | null;
  balanceChangePct: Interval | null;
  totalTradeChange: Interval | null;
  momentum: { exports?: MomentumRanges | undefined; imports?: MomentumRanges | undefined } | null;
}

const pct = (x: Decimal) => x.times(HUNDRED);
const factor = (p: Decimal) => ONE.plus(p.div(HUNDRED));
/** a ÷ b, undefined (null) for b = 0. */
const ratio = (a: Decimal, b: Decimal) => (b.isZero() ? null : a.div(b));

export function computeSummaryRanges(dataset: Dataset, report: SummaryReport): SummaryRanges {
  const record = selectYear(dataset, report.current.year);
  // Flows never below zero, rates never below −100 %, however the figures were rounded.
  const E = flowInterval(record.exports);
  const M = flowInterval(record.imports);
  const both = [E, M];
  const balance = sub(E, M);
  const totalTrade = { low: E.low.plus(M.low), high: E.high.plus(M.high) };

  // The prior year's figures and the functions that give them from the independent inputs, so
  // every value that depends on both years is ranged over one box of inputs.
  let inputs: Interval[] = both;
  let priorOf: ((xs: Decimal[]) => { pe: Decimal; pm: Decimal } | null) | null = null;
  const before = previousYear(dataset, record);
  if (report.prior?.basis === 'reported' && before) {
    inputs = [E, M, flowInterval(before.exports), flowInterval(before.imports)];
    priorOf = (xs) => ({ pe: xs[2]!, pm: xs[3]! });
  } else if (report.prior?.basis === 'implied' && record.exportGrowthPct && record.importGrowthPct) {
    inputs = [E, M, rateInterval(record.exportGrowthPct), rateInterval(record.importGrowthPct)];
    priorOf = (xs) => {
      const fe = factor(xs[2]!);
      const fm = factor(xs[3]!);
      return fe.gt(0) && fm.gt(0) ? { pe: xs[0]!.div(fe), pm: xs[1]!.div(fm) } : null;
    };
  }
  const onPrior = (f: (e: Decimal, m: Decimal, pe: Decimal, pm: Decimal) => Decimal | null) =>
    priorOf
      ? rangeOf(inputs, (xs) => {
          const p = priorOf!(xs);
          return p ? f(xs[0]!, xs[1]!, p.pe, p.pm) : null;
        })
      : null;

  const prior = priorOf
    ? {
        exports: onPrior((_e, _m, pe) => pe),
        imports: onPrior((_e, _m, _pe, pm) => pm),
        balance: onPrior((_e, _m, pe, pm) => pe.minus(pm)),
        totalTrade: onPrior((_e, _m, pe, pm) => pe.plus(pm)),
        // A ratio over a range that reaches zero has no bound: null, as for this year's.
        coverageRatio: onPrior((_e, _m, pe, pm) => ratio(pe, pm)),
        balanceShareOfTradePct: onPrior((_e, _m, pe, pm) => {
          const q = ratio(pe.minus(pm), pe.plus(pm));
          return q && pct(q);
        }),
      }
    : null;
  const priorComplete = prior && prior.exports && prior.imports && prior.balance && prior.totalTrade ? (prior as SummaryRanges['prior']) : null;

  let exportGrowthPct: Interval | null = null;
  let importGrowthPct: Interval | null = null;
  if (report.growth?.basis === 'derived') {
    exportGrowthPct = onPrior((e, _m, pe) => (pe.isZero() ? null : pct(e.div(pe).minus(ONE))));
    importGrowthPct = onPrior((_e, m, _pe, pm) => (pm.isZero() ? null : pct(m.div(pm).minus(ONE))));
  } else if (report.growth?.basis === 'stated' && record.exportGrowthPct && record.importGrowthPct) {
    exportGrowthPct = rateInterval(record.exportGrowthPct);
    importGrowthPct = rateInterval(record.importGrowthPct);
  }

  const priorBalance = priorComplete?.balance;
  // A change relative to a prior balance that may be zero has no bound.
  const changePctDefined = priorBalance ? !containsZero(priorBalance) : false;

  return {
    exports: E,
    imports: M,
    balance,
    totalTrade,
    coverageRatio: containsZero(M) ? null : rangeOf(both, ([e, m]) => ratio(e!, m!)),
    balanceShareOfTradePct: containsZero(totalTrade) ? null : rangeOf(both, ([e, m]) => {
      const q = ratio(e!.minus(m!), e!.plus(m!));
      return q && pct(q);
    }),
    exportGrowthPct,
    importGrowthPct,
    prior: priorComplete,
    balanceChange: onPrior((e, m, pe, pm) => e.minus(m).minus(pe.minus(pm))),
    totalTradeChange: onPrior((e, m, pe, pm) => e.plus(m).minus(pe.plus(pm))),
    balanceChangePct: changePctDefined
      ? onPrior((e, m, pe, pm) => {
          const pb = pe.minus(pm);
          return pb.isZero() ? null : pct(e.minus(m).minus(pb).div(pb.abs()));
        })
      : null,
    momentum: momentumRanges(dataset, report),
  };
}

function momentumRanges(dataset: Dataset, report: SummaryReport): SummaryRanges['momentum'] {
  const m = report.momentum;
  if (!m) return null;
  const earlier = dataset.months.find((x) => x.month === m.earlier);
  const later = dataset.months.find((x) => x.month === m.later);
  const series = (a: Figure | undefined, b: Figure | undefined): MomentumRanges | undefined => {
    if (!a || !b) return undefined;
    const e = rateInterval(a);
    const l = rateInterval(b);
    return { earlierPct: e, laterPct: l, changePp: sub(l, e) };
  };
  return {
    exports: series(earlier?.exportGrowthPct, later?.exportGrowthPct),
    imports: series(earlier?.importGrowthPct, later?.importGrowthPct),
  };
}

export interface ProjectionPointRanges {
  year: number;
  exports: Interval;
  imports: Interval;
  balance: Interval;
  margin: Interval;
  /** "yes" when the whole range is at or above the threshold, "no" when none of it is, else "maybe". */
  aboveThreshold: 'yes' | 'no' | 'maybe';
}

export interface ProjectionRanges {
  base: { exports: Interval; imports: Interval; balance: Interval };
  path: ProjectionPointRanges[];
}

/** Where each year's growth rate may lie: a point for an option, the rounding of a forecast figure. */
export interface GrowthRanges {
  exportGrowthPct: Interval[];
  importGrowthPct: Interval[];
}

export function pointGrowthRanges(report: ProjectionReport): GrowthRanges {
  return {
    exportGrowthPct: report.assumptions.exportGrowthPct.map(point),
    importGrowthPct: report.assumptions.importGrowthPct.map(point),
  };
}

/** Compounds the rounding ranges of the base year and of each rate: exports·∏(1+gᵢ) etc. */
export function computeProjectionRanges(dataset: Dataset, report: ProjectionReport, growth: GrowthRanges = pointGrowthRanges(report)): ProjectionRanges {
  const record = selectYear(dataset, report.base.year);
  let exports = flowInterval(record.exports);
  let imports = flowInterval(record.imports);
  const base = { exports, imports, balance: sub(exports, imports) };
  const threshold = point(report.threshold);
  const path = report.path.map((p, i) => {
    const fg = factorInterval(growth.exportGrowthPct[i] ?? point(p.exportGrowthPct));
    const fh = factorInterval(growth.importGrowthPct[i] ?? point(p.importGrowthPct));
    // Exports, imports and growth factors are all at least zero (a factor stops at zero: −100 %
    // takes a flow to nothing, not below), so the bounds compound directly.
    exports = interval(exports.low.times(fg.low), exports.high.times(fg.high));
    imports = interval(imports.low.times(fh.low), imports.high.times(fh.high));
    const balance = sub(exports, imports);
    const margin = sub(balance, threshold);
    const aboveThreshold: ProjectionPointRanges['aboveThreshold'] = !margin.low.lt(ZERO) ? 'yes' : margin.high.lt(ZERO) ? 'no' : 'maybe';
    return { year: p.year, exports, imports, balance, margin, aboveThreshold };
  });
  return { base, path };
}
