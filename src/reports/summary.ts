// `tradecalc summary`: the figures of one year and what they imply, optionally with the range each
// value can take given the rounding of the stated figures (--ranges).
import type { Interval } from '../core/interval.js';
import { type SummaryRanges, computeSummaryRanges } from '../core/ranges.js';
import { type MomentumSeries, type SummaryReport, computeSummary } from '../core/summary.js';
import type { Dataset } from '../core/types.js';
import type { Columns } from './columns.js';
import { OPTION, type Origin, SCHEMA_VERSION, datasetDoc, intervalDoc, latestYearOrigin } from './document.js';
import { checkDatasetYear, parseCalendarYear } from './parse.js';
import type { SummaryDocument } from './schemas.js';
import type { RawOptions, ReportSpec } from './spec.js';

export interface SummaryOptions {
  year?: number | undefined;
  ranges: boolean;
}

export interface SummaryAssumptions {
  dataset: Dataset;
  year: number | undefined;
  ranges: boolean;
  origins: { year: Origin };
}

export interface SummaryResult {
  report: SummaryReport;
  ranges: SummaryRanges | undefined;
}

export function parseSummary(raw: RawOptions): SummaryOptions {
  return { year: typeof raw.year === 'string' ? parseCalendarYear('--year', raw.year) : undefined, ranges: raw.ranges === true };
}

export function resolveSummary(opts: SummaryOptions, dataset: Dataset): SummaryAssumptions {
  if (opts.year !== undefined) checkDatasetYear('--year', opts.year, dataset);
  return { dataset, year: opts.year, ranges: opts.ranges, origins: { year: opts.year === undefined ? latestYearOrigin(dataset) : OPTION } };
}

export function computeSummaryResult(a: SummaryAssumptions): SummaryResult {
  const report = computeSummary(a.dataset, { year: a.year });
  return { report, ranges: a.ranges ? computeSummaryRanges(a.dataset, report) : undefined };
}

const momentumDoc = (m: MomentumSeries | undefined) => (m ? { fromPct: m.earlierPct, toPct: m.laterPct, changePp: m.changePp } : null);
const momentumRangesDoc = (m: { earlierPct: Interval; laterPct: Interval; changePp: Interval } | undefined) =>
  m ? { fromPct: intervalDoc(m.earlierPct), toPct: intervalDoc(m.laterPct), changePp: intervalDoc(m.changePp) } : null;

export function summaryDocument({ report: r, ranges: x }: SummaryResult, a: SummaryAssumptions): SummaryDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'summary',
    dataset: datasetDoc(r.dataset),
    assumptions: { year: r.current.year, withRanges: a.ranges, origins: a.origins },
    exports: r.current.exports,
    imports: r.current.imports,
    balance: r.current.balance,
    balanceKind: r.balanceKind,
    totalTrade: r.totalTrade,
    coverageRatio: r.coverageRatio,
    balanceShareOfTradePct: r.balanceShareOfTradePct,
    exportGrowthPct: r.growth?.exportGrowthPct ?? null,
    importGrowthPct: r.growth?.importGrowthPct ?? null,
    growthBasis: r.growth?.basis ?? null,
    prior: r.prior
      ? {
          year: r.prior.year,
          basis: r.prior.basis,
          exports: r.prior.exports,
          imports: r.prior.imports,
          balance: r.prior.balance,
          totalTrade: r.prior.totalTrade,
          coverageRatio: r.prior.coverageRatio,
          balanceShareOfTradePct: r.prior.balanceShareOfTradePct,
        }
      : null,
    balanceChange: r.balanceChange,
    balanceChangePct: r.balanceChangePct,
    totalTradeChange: r.totalTradeChange,
    momentum: r.momentum ? { from: r.momentum.earlier, to: r.momentum.later, exports: momentumDoc(r.momentum.exports), imports: momentumDoc(r.momentum.imports) } : null,
    ranges: x
      ? {
          exports: intervalDoc(x.exports),
          imports: intervalDoc(x.imports),
          balance: intervalDoc(x.balance),
          totalTrade: intervalDoc(x.totalTrade),
          coverageRatio: intervalDoc(x.coverageRatio),
          balanceShareOfTradePct: intervalDoc(x.balanceShareOfTradePct),
          exportGrowthPct: intervalDoc(x.exportGrowthPct),
          importGrowthPct: intervalDoc(x.importGrowthPct),
          prior: x.prior
            ? {
                exports: intervalDoc(x.prior.exports),
                imports: intervalDoc(x.prior.imports),
                balance: intervalDoc(x.prior.balance),
                totalTrade: intervalDoc(x.prior.totalTrade),
                coverageRatio: intervalDoc(x.prior.coverageRatio),
                balanceShareOfTradePct: intervalDoc(x.prior.balanceShareOfTradePct),
              }
            : null,
          balanceChange: intervalDoc(x.balanceChange),
          balanceChangePct: intervalDoc(x.balanceChangePct),
          totalTradeChange: intervalDoc(x.totalTradeChange),
          momentum: x.momentum ? { exports: momentumRangesDoc(x.momentum.exports), imports: momentumRangesDoc(x.momentum.imports) } : null,
        }
      : undefined,
  };
}

/** The summary in long form: one metric per row, every row always present (empty when it does not apply). */
const METRICS: readonly (readonly [string, string])[] = [
  ['year', 'assumptions.year'],
  ...['exports', 'imports', 'balance', 'balanceKind', 'totalTrade', 'coverageRatio', 'balanceShareOfTradePct', 'exportGrowthPct', 'importGrowthPct', 'growthBasis'].map((k) => [k, k] as const),
  ...['year', 'basis', 'exports', 'imports', 'balance', 'totalTrade', 'coverageRatio', 'balanceShareOfTradePct'].map((k) => [`prior.${k}`, `prior.${k}`] as const),
  ...['balanceChange', 'balanceChangePct', 'totalTradeChange', 'momentum.from', 'momentum.to'].map((k) => [k, k] as const),
  ...['exports', 'imports'].flatMap((f) => ['fromPct', 'toPct', 'changePp'].map((k) => [`momentum.${f}.${k}`, `momentum.${f}.${k}`] as const)),
];

export const summarySpec: ReportSpec<SummaryOptions, SummaryAssumptions, SummaryResult, SummaryDocument, 'dataset'> = {
  input: 'dataset',
  parse: parseSummary,
  resolve: resolveSummary,
  compute: computeSummaryResult,
  toDocument: summaryDocument,
  columns: (doc): Columns => ({ kind: 'metrics', metrics: METRICS, ranges: doc.ranges ? 'ranges' : undefined }),
  text: async (doc, ctx) => (await import('../render/summary-text.js')).renderSummaryAsText(doc, ctx),
};
