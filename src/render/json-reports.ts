// Reports as JSON documents: the stable contract scripts read (documented in the README).
// Fields are only ever added within a schema version.
import type { Interval } from '../core/interval.js';
import type { MomentumRanges, ProjectionRanges, SummaryRanges } from '../core/ranges.js';
import type { BreakevenReport, BreakevenResult } from '../core/breakeven.js';
import { Decimal } from '../core/decimal.js';
import type { ProjectionReport } from '../core/project.js';
import type { DecimalRange } from '../core/range.js';
import { type ScenarioComparisonReport, type ScenarioGridReport, gridCells } from '../core/scenarios.js';
import type { SimulationReport } from '../core/simulate.js';
import type { SummaryReport } from '../core/summary.js';
import type { DatasetInfo } from '../core/types.js';
import { JSON_SCHEMA_VERSION, JsonLazyArray, type JsonValue } from './json.js';
import { breakevenExportText, breakevenImportText, projectionVerdictText } from './verdict.js';

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
          totalTrade: r.prior.totalTrade,
          coverageRatio: r.prior.coverageRatio,
          balanceShareOfTradePct: r.prior.balanceShareOfTradePct,
        }
      : null,
    balanceChange: r.balanceChange,
    balanceChangePct: r.balanceChangePct,
    totalTradeChange: r.totalTradeChange,
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
      startsAbove: r.verdict.startsAbove,
      firstYearAbove: r.verdict.firstYearAbove,
      aboveFrom: r.verdict.aboveFrom,
      bestYear: r.verdict.bestYear,
      bestMargin: r.verdict.bestMargin,
      text: projectionVerdictText(r),
    },
    ranges: ranges ? projectionRangesJson(ranges) : undefined,
  };
}

function rangeJson(r: DecimalRange): JsonValue {
  return { start: r.start, stop: r.stop, step: r.step };
}

function crossingJson(res: BreakevenResult): Decimal | null {
  return res.found ? res.solution.growthPct : null;
}

export function scenarioGridToJson(r: ScenarioGridReport): JsonValue {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    kind: 'scenario-grid',
    dataset: datasetJson(r.dataset),
    assumptions: {
      baseYear: r.base.year,
      years: r.assumptions.years,
      horizonYear: r.horizonYear,
      exportGrowthPctRange: rangeJson(r.assumptions.exportGrowth),
      importGrowthPctRange: rangeJson(r.assumptions.importGrowth),
      threshold: r.threshold,
      origins: { ...(r.assumptions.origins ?? {}) },
    },
    base: { year: r.base.year, exports: r.base.exports, imports: r.base.imports, balance: r.base.balance },
    threshold: r.threshold,
    horizonYear: r.horizonYear,
    exportGrowthPct: r.exportGrowthPct,
    importGrowthPct: r.importGrowthPct,
    // Where each row and column crosses the threshold: the break-even rate of the other flow.
    crossings: {
      rows: r.importGrowthPct.map((h, i) => ({ importGrowthPct: h, exportGrowthPct: crossingJson(r.rowCrossings[i]!) })),
      columns: r.exportGrowthPct.map((g, i) => ({ exportGrowthPct: g, importGrowthPct: crossingJson(r.columnCrossings[i]!) })),
    },
    cells: new JsonLazyArray(
      (function* () {
        for (const c of gridCells(r)) {
          yield { exportGrowthPct: c.exportGrowthPct, importGrowthPct: c.importGrowthPct, balance: c.balance, aboveThreshold: c.aboveThreshold };
        }
      })(),
    ),
  };
}

export function scenarioComparisonToJson(r: ScenarioComparisonReport): JsonValue {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    kind: 'scenario-comparison',
    dataset: datasetJson(r.dataset),
    assumptions: { baseYear: r.base.year, years: r.years, threshold: r.threshold, origins: { ...r.origins } },
    base: { year: r.base.year, exports: r.base.exports, imports: r.base.imports, balance: r.base.balance },
    threshold: r.threshold,
    scenarios: r.outcomes.map((o) => {
      const p = projectionToJson(o.projection) as { path: JsonValue; verdict: JsonValue };
      return {
        id: o.scenario.id,
        label: o.scenario.label,
        origin: o.scenario.origin,
        description: o.scenario.description ?? null,
        exportGrowthPct: o.scenario.exportGrowthPct,
        importGrowthPct: o.scenario.importGrowthPct,
        path: p.path,
        verdict: p.verdict,
      };
    }),
  };
}

function breakevenResultJson(r: BreakevenReport, res: BreakevenResult, solved: 'exportGrowthPct' | 'importGrowthPct', text: string): JsonValue {
  const held = solved === 'exportGrowthPct' ? 'importGrowthPct' : 'exportGrowthPct';
  const cumulativeKey = solved === 'exportGrowthPct' ? 'cumulativeExportGrowthPct' : 'cumulativeImportGrowthPct';
  if (res.found) {
    return {
      found: true,
      [held]: r.assumptions[held],
      [solved]: res.solution.growthPct,
      [cumulativeKey]: res.solution.cumulativeGrowthPct,
      year: r.horizonYear,
      exports: res.solution.exports,
      imports: res.solution.imports,
      balance: res.solution.balance,
      threshold: r.threshold,
      reason: null,
      text,
    };
  }
  return {
    found: false,
    [held]: r.assumptions[held],
    [solved]: null,
    [cumulativeKey]: null,
    year: r.horizonYear,
    reason: res.reason,
    // The balance the flow cannot get past (out-of-reach) or the fixed balance (zero flow).
    boundBalance: res.reason === 'out-of-reach' ? res.bound : res.balance,
    threshold: r.threshold,
    text,
  };
}

export function breakevenToJson(r: BreakevenReport): JsonValue {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    kind: 'breakeven',
    dataset: datasetJson(r.dataset),
    assumptions: {
      baseYear: r.base.year,
      years: r.assumptions.years,
      horizonYear: r.horizonYear,
      exportGrowthPct: r.assumptions.exportGrowthPct,
      importGrowthPct: r.assumptions.importGrowthPct,
      threshold: r.threshold,
      origins: { ...(r.assumptions.origins ?? {}) },
    },
    base: { year: r.base.year, exports: r.base.exports, imports: r.base.imports, balance: r.base.balance },
    threshold: r.threshold,
    balanceAtAssumptions: r.balanceAtAssumptions,
    exportGrowth: breakevenResultJson(r, r.exportGrowth, 'exportGrowthPct', breakevenExportText(r)),
    importGrowth: breakevenResultJson(r, r.importGrowth, 'importGrowthPct', breakevenImportText(r)),
  };
}

/** A double from the simulation as a Decimal, so the serializer writes it (finite, ≤ 15 digits). */
function floatJson(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`cannot write ${x} as a JSON number`);
  return new Decimal(x.toString());
}

export function simulationToJson(r: SimulationReport): JsonValue {
  const a = r.assumptions;
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    kind: 'simulation',
    dataset: datasetJson(r.dataset),
    assumptions: {
      baseYear: r.base.year,
      years: a.years,
      exportGrowthPct: a.exportGrowthPct,
      exportGrowthSdPct: a.exportGrowthSdPct,
      importGrowthPct: a.importGrowthPct,
      importGrowthSdPct: a.importGrowthSdPct,
      correlation: a.correlation,
      threshold: a.threshold,
      origins: { ...(a.origins ?? {}) },
    },
    runs: r.runs,
    seed: r.seed,
    method: { ...r.method },
    base: { year: r.base.year, exports: r.base.exports, imports: r.base.imports, balance: r.base.balance },
    threshold: a.threshold,
    years: r.years.map((y) => {
      return {
        year: y.year,
        probabilityAboveThreshold: y.probability,
        probabilityStandardError: y.standardError,
        probabilityInterval95: { low: y.interval95.low, high: y.interval95.high },
        mean: floatJson(y.mean),
        p5: floatJson(y.p5),
        p50: floatJson(y.p50),
        p95: floatJson(y.p95),
        min: floatJson(y.min),
        max: floatJson(y.max),
      };
    }),
    histogram: { year: r.histogram.year, min: floatJson(r.histogram.min), max: floatJson(r.histogram.max), counts: r.histogram.counts },
  };
}
