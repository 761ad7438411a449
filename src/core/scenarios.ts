// Scenario analysis: a sensitivity grid of the horizon-year balance over export × import growth,
// and named scenarios (baseline, optimistic, pessimistic, or a dataset's own) side by side.
// The grid compounds each column's exports and each row's imports once (the same year-by-year
// multiplications projectPath does, so a cell equals `project` exactly); a cell is then one
// subtraction. Cells are produced lazily, so a million-cell grid streams instead of piling up.
import { Decimal, HUNDRED, ZERO, factorOf } from './decimal.js';
import { type BreakevenResult, solveExportGrowth, solveImportGrowth } from './breakeven.js';
import { computeProjection, forecastAfter, type ProjectionReport } from './project.js';
import { type DecimalRange, rangeValues } from './range.js';
import { selectYear } from './select.js';
import { type Dataset, type DatasetInfo, datasetInfo } from './types.js';

/**
 * The largest grid computed: 1001 × 1001 cells. The issue asks for "at most 1,000,000 cells" and
 * also for a 1001 × 1001 grid (1,002,001 cells, e.g. 0:10:0.01 on both axes) to stream to CSV; the
 * limit is set so the second holds, which is the 1,000-steps-a-side grid people actually ask for.
 */
export const GRID_MAX_CELLS = 1001 * 1001;

export interface ScenarioGridAssumptions {
  years: number;
  threshold: Decimal;
  exportGrowth: DecimalRange;
  importGrowth: DecimalRange;
  baseYear?: number | undefined;
}

export interface ScenarioCell {
  exportGrowthPct: Decimal;
  importGrowthPct: Decimal;
  balance: Decimal;
  aboveThreshold: boolean;
}

export interface ScenarioGridReport {
  kind: 'scenario-grid';
  dataset: DatasetInfo;
  base: { year: number; exports: Decimal; imports: Decimal; balance: Decimal };
  assumptions: ScenarioGridAssumptions;
  horizonYear: number;
  threshold: Decimal;
  /** Columns: export growth rates, and exports in the horizon year at each. */
  exportGrowthPct: Decimal[];
  exportsAtHorizon: Decimal[];
  /** Rows: import growth rates, and imports in the horizon year at each. */
  importGrowthPct: Decimal[];
  importsAtHorizon: Decimal[];
}

/** amount·(1+r)^n by n year-by-year multiplications, exactly as projectPath compounds. */
function compound(amount: Decimal, ratePct: Decimal, years: number): Decimal {
  const f = factorOf(ratePct);
  let v = amount;
  for (let i = 0; i < years; i++) v = v.times(f);
  return v;
}

export function computeScenarioGrid(dataset: Dataset, a: ScenarioGridAssumptions): ScenarioGridReport {
  const record = selectYear(dataset, a.baseYear);
  const base = { year: record.year, exports: record.exports.value, imports: record.imports.value };
  const exportGrowthPct = rangeValues(a.exportGrowth);
  const importGrowthPct = rangeValues(a.importGrowth);
  if (exportGrowthPct.length * importGrowthPct.length > GRID_MAX_CELLS) {
    throw new RangeError(`a grid of ${exportGrowthPct.length} × ${importGrowthPct.length} cells exceeds ${GRID_MAX_CELLS}`);
  }
  return {
    kind: 'scenario-grid',
    dataset: datasetInfo(dataset),
    base: { ...base, balance: base.exports.minus(base.imports) },
    assumptions: a,
    horizonYear: base.year + a.years,
    threshold: a.threshold,
    exportGrowthPct,
    exportsAtHorizon: exportGrowthPct.map((g) => compound(base.exports, g, a.years)),
    importGrowthPct,
    importsAtHorizon: importGrowthPct.map((h) => compound(base.imports, h, a.years)),
  };
}

/**
 * Where a row (a fixed import growth) crosses the threshold: the export growth that puts the
 * balance on it. Computed on demand: for N > 1 years each is a 40-digit root (about a millisecond),
 * which a CSV of cells never shows.
 */
export function rowCrossing(r: ScenarioGridReport, row: number): BreakevenResult {
  return solveExportGrowth(r.base, r.importGrowthPct[row]!, r.assumptions.years, r.threshold);
}

/** Where a column (a fixed export growth) crosses the threshold: the import growth that does. */
export function columnCrossing(r: ScenarioGridReport, col: number): BreakevenResult {
  return solveImportGrowth(r.base, r.exportGrowthPct[col]!, r.assumptions.years, r.threshold);
}

export function gridCell(r: ScenarioGridReport, row: number, col: number): ScenarioCell {
  const balance = r.exportsAtHorizon[col]!.minus(r.importsAtHorizon[row]!);
  return {
    exportGrowthPct: r.exportGrowthPct[col]!,
    importGrowthPct: r.importGrowthPct[row]!,
    balance,
    aboveThreshold: balance.gte(r.threshold),
  };
}

/** Every cell, row by row (import growth outer, export growth inner), computed as it is asked for. */
export function* gridCells(r: ScenarioGridReport): Generator<ScenarioCell> {
  for (let row = 0; row < r.importGrowthPct.length; row++) {
    for (let col = 0; col < r.exportGrowthPct.length; col++) yield gridCell(r, row, col);
  }
}

// ---------------------------------------------------------------------------------------------
// Named scenarios

/**
 * Where a scenario's rates come from: the dataset's forecast for the year after the base year
 * (`forecastYear` null when it has none: flat), the baseline moved by a spread in percentage
 * points, or the dataset's own definition.
 */
export type ScenarioOrigin =
  | { source: 'baseline'; forecastYear: number | null }
  | { source: 'spread'; exportSpreadPp: Decimal; importSpreadPp: Decimal }
  | { source: 'dataset' };

export interface ScenarioDefinition {
  id: string;
  label: string;
  exportGrowthPct: Decimal;
  importGrowthPct: Decimal;
  origin: ScenarioOrigin;
  description?: string | undefined;
}

/** How far the built-in optimistic and pessimistic scenarios move each rate from the baseline. */
export const SCENARIO_SPREAD_PP = 3;

/**
 * The built-in scenarios, then the dataset's own (a dataset scenario with a built-in id replaces it).
 * baseline: the dataset's forecast for the year after the base year (missing rates held flat);
 * optimistic: exports +3 pp and imports −3 pp from baseline (a wider balance);
 * pessimistic: exports −3 pp and imports +3 pp (a narrower one).
 */
export function namedScenarios(dataset: Dataset, baseYear?: number): ScenarioDefinition[] {
  const record = selectYear(dataset, baseYear);
  const forecast = forecastAfter(dataset, record.year);
  const g = forecast?.exportGrowthPct?.value ?? ZERO;
  const h = forecast?.importGrowthPct?.value ?? ZERO;
  const spread = new Decimal(SCENARIO_SPREAD_PP);
  // A spread never takes a rate below −100 %: that is everything gone, and no further.
  const floor = (x: Decimal) => (x.lt(-100) ? HUNDRED.neg() : x);
  const list: ScenarioDefinition[] = [
    { id: 'baseline', label: 'Baseline', exportGrowthPct: g, importGrowthPct: h, origin: { source: 'baseline', forecastYear: forecast ? forecast.year : null } },
    { id: 'optimistic', label: 'Optimistic', exportGrowthPct: g.plus(spread), importGrowthPct: floor(h.minus(spread)), origin: { source: 'spread', exportSpreadPp: spread, importSpreadPp: spread.neg() } },
    { id: 'pessimistic', label: 'Pessimistic', exportGrowthPct: floor(g.minus(spread)), importGrowthPct: h.plus(spread), origin: { source: 'spread', exportSpreadPp: spread.neg(), importSpreadPp: spread } },
  ];
  for (const s of dataset.scenarios) {
    const def: ScenarioDefinition = {
      id: s.id,
      label: s.label,
      exportGrowthPct: s.exportGrowthPct.value,
      importGrowthPct: s.importGrowthPct.value,
      origin: { source: 'dataset' },
      description: s.description,
    };
    const at = list.findIndex((x) => x.id === s.id);
    if (at >= 0) list[at] = def;
    else list.push(def);
  }
  return list;
}

export interface ScenarioOutcome {
  scenario: ScenarioDefinition;
  /** The scenario as `project` computes it: constant rates over the horizon. */
  projection: ProjectionReport;
}

export interface ScenarioComparisonReport {
  kind: 'scenario-comparison';
  dataset: DatasetInfo;
  base: { year: number; exports: Decimal; imports: Decimal; balance: Decimal };
  years: number;
  threshold: Decimal;
  outcomes: ScenarioOutcome[];
}

/** Each scenario through computeProjection (the `project` computation), with constant rates. */
export function compareScenarios(
  dataset: Dataset,
  scenarios: readonly ScenarioDefinition[],
  a: { years: number; threshold: Decimal; baseYear?: number | undefined },
): ScenarioComparisonReport {
  const record = selectYear(dataset, a.baseYear);
  const base = { year: record.year, exports: record.exports.value, imports: record.imports.value };
  const outcomes = scenarios.map((scenario) => ({
    scenario,
    projection: computeProjection(dataset, {
      exportGrowthPct: Array.from({ length: a.years }, () => scenario.exportGrowthPct),
      importGrowthPct: Array.from({ length: a.years }, () => scenario.importGrowthPct),
      threshold: a.threshold,
      baseYear: record.year,
    }),
  }));
  return {
    kind: 'scenario-comparison',
    dataset: datasetInfo(dataset),
    base: { ...base, balance: base.exports.minus(base.imports) },
    years: a.years,
    threshold: a.threshold,
    outcomes,
  };
}
