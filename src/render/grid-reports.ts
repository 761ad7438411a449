// Reports as grids for CSV and markdown: one row per observation, plain values.
import type { Interval } from '../core/interval.js';
import type { ProjectionRanges, SummaryRanges } from '../core/ranges.js';
import type { BreakevenReport, BreakevenResult } from '../core/breakeven.js';
import { type Decimal, Decimal as DecimalValue } from '../core/decimal.js';
import type { ProjectionReport } from '../core/project.js';
import { type ScenarioComparisonReport, type ScenarioGridReport, gridCells } from '../core/scenarios.js';
import type { SimulationReport } from '../core/simulate.js';
import type { SummaryReport } from '../core/summary.js';
import { formatMoney } from './format.js';
import type { Cell, Grid } from './grid.js';
import { datasetLine } from './text-common.js';
import { breakevenExportText, breakevenImportText, projectionVerdictText } from './verdict.js';

/** The summary in long form: one metric per row, so every value has a name; with ranges, low and high columns. */
export function summaryToGrid(r: SummaryReport, ranges?: SummaryRanges): Grid {
  const rows: Cell[][] = [
    ['year', r.current.year],
    ['exports', r.current.exports],
    ['imports', r.current.imports],
    ['balance', r.current.balance],
    ['balanceKind', r.balanceKind],
    ['totalTrade', r.totalTrade],
    ['coverageRatio', r.coverageRatio],
    ['balanceShareOfTradePct', r.balanceShareOfTradePct],
    ['exportGrowthPct', r.growth?.exportGrowthPct ?? null],
    ['importGrowthPct', r.growth?.importGrowthPct ?? null],
    ['growthBasis', r.growth?.basis ?? null],
  ];
  if (r.prior) {
    rows.push(
      ['prior.year', r.prior.year],
      ['prior.exports', r.prior.exports],
      ['prior.imports', r.prior.imports],
      ['prior.balance', r.prior.balance],
      ['prior.basis', r.prior.basis],
      ['prior.totalTrade', r.prior.totalTrade],
      ['prior.coverageRatio', r.prior.coverageRatio],
      ['prior.balanceShareOfTradePct', r.prior.balanceShareOfTradePct],
      ['balanceChange', r.balanceChange],
      ['balanceChangePct', r.balanceChangePct],
      ['totalTradeChange', r.totalTradeChange],
    );
  }
  const m = r.momentum;
  if (m) {
    rows.push(['momentum.from', m.earlier], ['momentum.to', m.later]);
    if (m.exports) rows.push(['momentum.exports.fromPct', m.exports.earlierPct], ['momentum.exports.toPct', m.exports.laterPct], ['momentum.exports.changePp', m.exports.changePp]);
    if (m.imports) rows.push(['momentum.imports.fromPct', m.imports.earlierPct], ['momentum.imports.toPct', m.imports.laterPct], ['momentum.imports.changePp', m.imports.changePp]);
  }
  if (!ranges) return { columns: ['metric', 'value'], rows };
  const byMetric: Record<string, Interval | null | undefined> = {
    exports: ranges.exports,
    imports: ranges.imports,
    balance: ranges.balance,
    totalTrade: ranges.totalTrade,
    coverageRatio: ranges.coverageRatio,
    balanceShareOfTradePct: ranges.balanceShareOfTradePct,
    exportGrowthPct: ranges.exportGrowthPct,
    importGrowthPct: ranges.importGrowthPct,
    'prior.exports': ranges.prior?.exports,
    'prior.imports': ranges.prior?.imports,
    'prior.balance': ranges.prior?.balance,
    balanceChange: ranges.balanceChange,
    balanceChangePct: ranges.balanceChangePct,
    'momentum.exports.fromPct': ranges.momentum?.exports?.earlierPct,
    'momentum.exports.toPct': ranges.momentum?.exports?.laterPct,
    'momentum.exports.changePp': ranges.momentum?.exports?.changePp,
    'momentum.imports.fromPct': ranges.momentum?.imports?.earlierPct,
    'momentum.imports.toPct': ranges.momentum?.imports?.laterPct,
    'momentum.imports.changePp': ranges.momentum?.imports?.changePp,
  };
  return {
    columns: ['metric', 'value', 'low', 'high'],
    rows: rows.map(([metric, value]) => {
      const iv = byMetric[String(metric)];
      return [metric!, value!, iv?.low ?? null, iv?.high ?? null];
    }),
  };
}

/** The projection path, one row per year; the threshold repeats so each row stands alone. */
/** What a projection's table needs beside it in a document: where it starts, and the verdict. */
function projectionNotes(r: ProjectionReport): string[] {
  const c = r.dataset.currency;
  return [
    `${datasetLine(r.dataset, r.base.year)}: exports ${formatMoney(r.base.exports, { currency: c })}, imports ${formatMoney(r.base.imports, { currency: c })}, threshold ${formatMoney(r.threshold, { currency: c, trim: true })}.`,
    projectionVerdictText(r),
  ];
}

export function projectionToGrid(r: ProjectionReport, ranges?: ProjectionRanges): Grid {
  const columns = ['year', 'exportGrowthPct', 'importGrowthPct', 'exports', 'imports', 'balance', 'threshold', 'margin', 'aboveThreshold'];
  const rows: Cell[][] = r.path.map((p) => [p.year, p.exportGrowthPct, p.importGrowthPct, p.exports, p.imports, p.balance, r.threshold, p.margin, p.aboveThreshold]);
  const notes = projectionNotes(r);
  if (!ranges) return { columns, rows, notes };
  return {
    notes,
    columns: [...columns, 'exportsLow', 'exportsHigh', 'importsLow', 'importsHigh', 'balanceLow', 'balanceHigh', 'marginLow', 'marginHigh', 'aboveThresholdInRange'],
    rows: rows.map((row, i) => {
      const x = ranges.path[i]!;
      return [...row, x.exports.low, x.exports.high, x.imports.low, x.imports.high, x.balance.low, x.balance.high, x.margin.low, x.margin.high, x.aboveThreshold];
    }),
  };
}

/** One row per cell, streamed: a million-cell grid is never held as rows or text. */
export function scenarioGridToGrid(r: ScenarioGridReport): Grid {
  return {
    columns: ['exportGrowthPct', 'importGrowthPct', 'balance', 'aboveThreshold'],
    rows: (function* () {
      for (const c of gridCells(r)) yield [c.exportGrowthPct, c.importGrowthPct, c.balance, c.aboveThreshold];
    })(),
  };
}

/** One row per scenario and year. */
export function scenarioComparisonToGrid(r: ScenarioComparisonReport): Grid {
  const rows: Cell[][] = [];
  for (const o of r.outcomes) {
    for (const p of o.projection.path) {
      rows.push([o.scenario.id, p.year, p.exportGrowthPct, p.importGrowthPct, p.exports, p.imports, p.balance, r.threshold, p.margin, p.aboveThreshold]);
    }
  }
  return { columns: ['scenario', 'year', 'exportGrowthPct', 'importGrowthPct', 'exports', 'imports', 'balance', 'threshold', 'margin', 'aboveThreshold'], rows };
}

/** One row per solved flow: what was held, what was solved, the balance recomputed there. */
export function breakevenToGrid(r: BreakevenReport): Grid {
  const row = (solve: string, res: BreakevenResult, held: Decimal): Cell[] =>
    res.found
      ? [solve, r.horizonYear, held, res.solution.growthPct, res.solution.cumulativeGrowthPct, res.solution.balance, r.threshold, null]
      : [solve, r.horizonYear, held, null, null, null, r.threshold, res.reason];
  return {
    columns: ['solveFor', 'year', 'heldGrowthPct', 'growthPct', 'cumulativeGrowthPct', 'balance', 'threshold', 'noSolutionReason'],
    rows: [row('exportGrowthPct', r.exportGrowth, r.assumptions.importGrowthPct), row('importGrowthPct', r.importGrowth, r.assumptions.exportGrowthPct)],
    notes: [breakevenExportText(r), breakevenImportText(r)],
  };
}

/** One row per simulated year; floats are written through Decimal like every other number. */
export function simulationToGrid(r: SimulationReport): Grid {
  const f = (x: number) => new DecimalValue(x.toString());
  return {
    columns: ['year', 'probabilityAboveThreshold', 'mean', 'p5', 'p50', 'p95', 'min', 'max', 'threshold', 'runs', 'seed'],
    rows: r.years.map((y) => [
      y.year,
      y.probability,
      f(y.mean),
      f(y.p5),
      f(y.p50),
      f(y.p95),
      f(y.min),
      f(y.max),
      r.assumptions.threshold,
      r.runs,
      r.seed,
    ]),
  };
}
