// Projection: compound this year's exports and imports forward year by year and test the balance
// against a threshold. Rates may differ from year to year; a single rate is a constant path.
import { type Decimal, factorOf } from './decimal.js';
import { selectYear } from './select.js';
import { type Dataset, type DatasetInfo, datasetInfo } from './types.js';

export interface ProjectionAssumptions {
  /** One export growth rate per projected year, in percent. */
  exportGrowthPct: Decimal[];
  /** One import growth rate per projected year, in percent. */
  importGrowthPct: Decimal[];
  threshold: Decimal;
  /** The year projected from; the dataset's latest year when absent. */
  baseYear?: number | undefined;
}

export interface ProjectionPoint {
  year: number;
  exportGrowthPct: Decimal;
  importGrowthPct: Decimal;
  exports: Decimal;
  imports: Decimal;
  balance: Decimal;
  /** Balance minus threshold: how far above (positive) or below (negative) the line. */
  margin: Decimal;
  aboveThreshold: boolean;
}

/**
 * What a threshold asks of a projection. Where the base year is at or above the line the question
 * is whether the balance stays there in every projected year ("stays-above"); where it starts below,
 * whether it gets there by the horizon and stays ("reaches").
 */
export type ThresholdQuestion = 'stays-above' | 'reaches';

export interface ProjectionVerdict {
  question: ThresholdQuestion;
  /**
   * The answer to `question`: for "stays-above", every projected year is at or above the threshold;
   * for "reaches", every year from some year to the horizon is (`aboveFrom` is that year).
   */
  answer: boolean;
  /** The first projected year below the threshold, if any. */
  firstYearBelow: number | null;
  /** The year with the smallest margin, and that margin (negative when below). */
  tightestYear: number;
  tightestMargin: Decimal;
  horizonYear: number;
  horizonMargin: Decimal;
  /** The first projected year at or above the threshold, if any. */
  firstYearAbove: number | null;
  /** The year from which every projected year is at or above the threshold; null when the horizon is below. */
  aboveFrom: number | null;
  /** The year with the largest margin, and that margin. */
  bestYear: number;
  bestMargin: Decimal;
}

export interface ProjectionReport {
  kind: 'projection';
  dataset: DatasetInfo;
  base: { year: number; exports: Decimal; imports: Decimal; balance: Decimal };
  assumptions: ProjectionAssumptions;
  years: number;
  threshold: Decimal;
  path: ProjectionPoint[];
  verdict: ProjectionVerdict;
}

/** Exports·∏(1+gᵢ), imports·∏(1+hᵢ), balance and margin for each year ahead. */
export function projectPath(
  base: { year: number; exports: Decimal; imports: Decimal },
  assumptions: ProjectionAssumptions,
): ProjectionPoint[] {
  const { exportGrowthPct: g, importGrowthPct: h, threshold } = assumptions;
  if (g.length === 0 || g.length !== h.length) {
    throw new RangeError(`projectPath needs one export and one import rate per year (got ${g.length} and ${h.length})`);
  }
  const path: ProjectionPoint[] = [];
  let exports = base.exports;
  let imports = base.imports;
  for (let i = 0; i < g.length; i++) {
    const gi = g[i]!;
    const hi = h[i]!;
    exports = exports.times(factorOf(gi));
    imports = imports.times(factorOf(hi));
    const balance = exports.minus(imports);
    const margin = balance.minus(threshold);
    path.push({
      year: base.year + i + 1,
      exportGrowthPct: gi,
      importGrowthPct: hi,
      exports,
      imports,
      balance,
      margin,
      aboveThreshold: !margin.lt(0),
    });
  }
  return path;
}

export function verdictOf(path: readonly ProjectionPoint[], baseMargin: Decimal): ProjectionVerdict {
  const last = path[path.length - 1];
  if (!last) throw new RangeError('verdictOf needs a non-empty path');
  let tightest = path[0]!;
  let best = path[0]!;
  for (const p of path) {
    if (p.margin.lt(tightest.margin)) tightest = p;
    if (p.margin.gt(best.margin)) best = p;
  }
  const firstBelow = path.find((p) => !p.aboveThreshold);
  const firstAbove = path.find((p) => p.aboveThreshold);
  let aboveFrom: number | null = null;
  for (let i = path.length - 1; i >= 0 && path[i]!.aboveThreshold; i--) aboveFrom = path[i]!.year;
  const question: ThresholdQuestion = baseMargin.lt(0) ? 'reaches' : 'stays-above';
  return {
    question,
    answer: question === 'stays-above' ? firstBelow === undefined : aboveFrom !== null,
    firstYearBelow: firstBelow ? firstBelow.year : null,
    tightestYear: tightest.year,
    tightestMargin: tightest.margin,
    horizonYear: last.year,
    horizonMargin: last.margin,
    firstYearAbove: firstAbove ? firstAbove.year : null,
    aboveFrom,
    bestYear: best.year,
    bestMargin: best.margin,
  };
}

export function computeProjection(dataset: Dataset, assumptions: ProjectionAssumptions): ProjectionReport {
  const record = selectYear(dataset, assumptions.baseYear);
  const base = { year: record.year, exports: record.exports.value, imports: record.imports.value };
  const path = projectPath(base, assumptions);
  return {
    kind: 'projection',
    dataset: datasetInfo(dataset),
    base: { ...base, balance: base.exports.minus(base.imports) },
    assumptions,
    years: path.length,
    threshold: assumptions.threshold,
    path,
    verdict: verdictOf(path, base.exports.minus(base.imports).minus(assumptions.threshold)),
  };
}

/** The dataset's own forecast for the year after `year`, used for default assumptions. */
export function forecastAfter(dataset: Dataset, year: number) {
  return dataset.forecasts.find((f) => f.year === year + 1);
}
