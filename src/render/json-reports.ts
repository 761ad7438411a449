// Reports as JSON documents: the stable contract scripts read (documented in the README).
// Fields are only ever added within a schema version.
import type { Interval } from '../core/interval.js';
import type { ProjectionReport } from '../core/project.js';
import type { MomentumRanges, ProjectionRanges, SummaryRanges } from '../core/ranges.js';
import type { SummaryReport } from '../core/summary.js';
import type { DatasetInfo } from '../core/types.js';
import { JSON_SCHEMA_VERSION, type JsonValue } from './json.js';
import { projectionVerdictText } from './verdict.js';

export function datasetJson(info: DatasetInfo): JsonValue {
  return {
    id: info.id,
    title: info.title,
    reporter: info.reporter,
    currency: info.currency,
    source: { ...info.source },
  };
}

/** A range as {low, high}; null when it is unbounded or unknown. */
export function intervalJson(iv: Interval | null | undefined): JsonValue {
  return iv ? { low: iv.low, high: iv.high } : null;
}

function momentumRangesJson(m: MomentumRanges | undefined): JsonValue {
  return m ? { fromPct: intervalJson(m.earlierPct), toPct: intervalJson(m.laterPct), changePp: intervalJson(m.changePp) } : null;
}

/** The `ranges` key: the same names as the report's own keys, each as {low, high}. */
export function summaryRangesJson(x: SummaryRanges): JsonValue {
  return {
    exports: intervalJson(x.exports),
    imports: intervalJson(x.imports),
    balance: intervalJson(x.balance),
    totalTrade: intervalJson(x.totalTrade),
    coverageRatio: intervalJson(x.coverageRatio),
    balanceShareOfTradePct: intervalJson(x.balanceShareOfTradePct),
    exportGrowthPct: intervalJson(x.exportGrowthPct),
    importGrowthPct: intervalJson(x.importGrowthPct),
    prior: x.prior ? { exports: intervalJson(x.prior.exports), imports: intervalJson(x.prior.imports), balance: intervalJson(x.prior.balance) } : null,
    balanceChange: intervalJson(x.balanceChange),
    balanceChangePct: intervalJson(x.balanceChangePct),
    momentum: x.momentum ? { exports: momentumRangesJson(x.momentum.exports), imports: momentumRangesJson(x.momentum.imports) } : null,
  };
}

export function projectionRangesJson(x: ProjectionRanges): JsonValue {
  return {
    base: { exports: intervalJson(x.base.exports), imports: intervalJson(x.base.imports), balance: intervalJson(x.base.balance) },
    path: x.path.map((p) => ({
      year: p.year,
      exports: intervalJson(p.exports),
      imports: intervalJson(p.imports),
      balance: intervalJson(p.balance),
      margin: intervalJson(p.margin),
      aboveThreshold: p.aboveThreshold,
    })),
  };
}

export function summaryToJson(r: SummaryReport, ranges?: SummaryRanges): JsonValue {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    kind: 'summary',
    dataset: datasetJson(r.dataset),
    year: r.current.year,
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
          exports: r.prior.exports,
          imports: r.prior.imports,
          balance: r.prior.balance,
          basis: r.prior.basis,
        }
      : null,
    balanceChange: r.balanceChange,
    balanceChangePct: r.balanceChangePct,
    momentum: r.momentum
      ? {
          from: r.momentum.earlier,
          to: r.momentum.later,
          exports: r.momentum.exports
            ? { fromPct: r.momentum.exports.earlierPct, toPct: r.momentum.exports.laterPct, changePp: r.momentum.exports.changePp }
            : null,
          imports: r.momentum.imports
            ? { fromPct: r.momentum.imports.earlierPct, toPct: r.momentum.imports.laterPct, changePp: r.momentum.imports.changePp }
            : null,
        }
      : null,
    ranges: ranges ? summaryRangesJson(ranges) : undefined,
  };
}

export function projectionToJson(r: ProjectionReport, ranges?: ProjectionRanges): JsonValue {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    kind: 'projection',
    dataset: datasetJson(r.dataset),
    assumptions: {
      baseYear: r.base.year,
      years: r.years,
      exportGrowthPct: r.assumptions.exportGrowthPct,
      importGrowthPct: r.assumptions.importGrowthPct,
      threshold: r.threshold,
      origins: r.assumptions.origins ? { ...r.assumptions.origins } : {},
    },
    base: { year: r.base.year, exports: r.base.exports, imports: r.base.imports, balance: r.base.balance },
    threshold: r.threshold,
    path: r.path.map((p) => ({
      year: p.year,
      exportGrowthPct: p.exportGrowthPct,
      importGrowthPct: p.importGrowthPct,
      exports: p.exports,
      imports: p.imports,
      balance: p.balance,
      margin: p.margin,
      aboveThreshold: p.aboveThreshold,
    })),
    verdict: {
      holds: r.verdict.holds,
      firstYearBelow: r.verdict.firstYearBelow,
      tightestYear: r.verdict.tightestYear,
      tightestMargin: r.verdict.tightestMargin,
      horizonYear: r.verdict.horizonYear,
      horizonMargin: r.verdict.horizonMargin,
      text: projectionVerdictText(r),
    },
    ranges: ranges ? projectionRangesJson(ranges) : undefined,
  };
}
