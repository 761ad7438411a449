// Reports as JSON documents: the stable contract scripts read (documented in the README).
// Fields are only ever added within a schema version.
import type { ProjectionReport } from '../core/project.js';
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

export function summaryToJson(r: SummaryReport): JsonValue {
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
  };
}

export function projectionToJson(r: ProjectionReport): JsonValue {
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
  };
}
