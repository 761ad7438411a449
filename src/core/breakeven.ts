// Break-even growth in closed form: the constant annual rate at which the horizon-year balance
// lands exactly on the threshold, for exports (imports given) and for imports (exports given).
//   exports·(1+g)^N − imports·(1+h)^N = T
//   ⇒ (1+g)^N = (T + imports·(1+h)^N) / exports,   (1+h)^N = (exports·(1+g)^N − T) / imports
// The N-th root is taken in decimal (exact for N = 1; 40 significant digits otherwise). The
// horizon figures of a solution are the closed form's own (the solved flow is the threshold plus or
// minus the other), so its balance is the threshold exactly; the balance `project` gives at the
// rate as printed (15 significant digits) is kept beside it, to show how close that comes.
import { Decimal, ONE, factorOf, pctOf } from './decimal.js';
import { projectPath } from './project.js';
import { selectYear } from './select.js';
import { type Dataset, type DatasetInfo, datasetInfo } from './types.js';

export interface BreakevenAssumptions {
  years: number;
  threshold: Decimal;
  /** Export growth held fixed while solving for import growth. */
  exportGrowthPct: Decimal;
  /** Import growth held fixed while solving for export growth. */
  importGrowthPct: Decimal;
  baseYear?: number | undefined;
}

/** Why there is no solution, as data; renderers turn it into a sentence. */
export type NoSolution =
  /** Exports are zero, so export growth cannot move the balance. */
  | { reason: 'no-exports'; balance: Decimal }
  /** Imports are zero, so import growth cannot move the balance. */
  | { reason: 'no-imports'; balance: Decimal }
  /** Even at −100 % (the flow gone) the balance stays on the wrong side: `bound` is that balance. */
  | { reason: 'out-of-reach'; bound: Decimal }
  /** The threshold equals the balance whatever the rate (zero flow and T already met exactly). */
  | { reason: 'any-rate'; balance: Decimal };

export interface BreakevenSolution {
  /** The solved annual rate, in percent. */
  growthPct: Decimal;
  /** Growth over the whole horizon, (1+g)^N − 1, in percent. */
  cumulativeGrowthPct: Decimal;
  /** The horizon-year figures at the solution: exports − imports is the threshold, exactly. */
  exports: Decimal;
  imports: Decimal;
  balance: Decimal;
  /** The horizon-year balance `project` computes at the rate rounded to 15 significant digits. */
  balanceAtRoundedRate: Decimal;
}

export type BreakevenResult = { found: true; solution: BreakevenSolution } | ({ found: false } & NoSolution);

export interface BreakevenReport {
  kind: 'breakeven';
  dataset: DatasetInfo;
  base: { year: number; exports: Decimal; imports: Decimal; balance: Decimal };
  assumptions: BreakevenAssumptions;
  horizonYear: number;
  threshold: Decimal;
  /** Balance in the horizon year at the given rates (both held), for comparison. */
  balanceAtAssumptions: Decimal;
  exportGrowth: BreakevenResult;
  importGrowth: BreakevenResult;
}

/** x^(1/n) for x ≥ 0: exact for n = 1, sqrt/cbrt for 2/3, otherwise exp(ln(x)/n) at 40 digits. */
export function nthRoot(x: Decimal, n: number): Decimal {
  if (x.isNegative()) throw new RangeError('nthRoot of a negative number');
  if (n === 1 || x.isZero() || x.eq(ONE)) return x;
  if (n === 2) return x.sqrt();
  if (n === 3) return x.cbrt();
  return x.ln().div(n).exp();
}

function horizon(base: { year: number; exports: Decimal; imports: Decimal }, g: Decimal, h: Decimal, n: number, threshold: Decimal) {
  const path = projectPath(base, {
    exportGrowthPct: Array.from({ length: n }, () => g),
    importGrowthPct: Array.from({ length: n }, () => h),
    threshold,
  });
  return path[path.length - 1]!;
}

/** Solves (1+r)^N = ratio for r in percent, or says why it cannot. */
function rateFor(ratio: Decimal, n: number): Decimal | null {
  if (ratio.isNegative()) return null;
  return pctOf(nthRoot(ratio, n));
}

export function solveExportGrowth(
  base: { year: number; exports: Decimal; imports: Decimal },
  importGrowthPct: Decimal,
  years: number,
  threshold: Decimal,
): BreakevenResult {
  const importsN = base.imports.times(factorOf(importGrowthPct).pow(years));
  if (base.exports.isZero()) {
    const balance = importsN.neg();
    return balance.eq(threshold) ? { found: false, reason: 'any-rate', balance } : { found: false, reason: 'no-exports', balance };
  }
  const exportsN = threshold.plus(importsN);
  const g = rateFor(exportsN.div(base.exports), years);
  // Exports gone (g = −100 %) leave the balance at −imports: the lowest it can be.
  if (g === null) return { found: false, reason: 'out-of-reach', bound: importsN.neg() };
  const rounded = g.toSignificantDigits(15, Decimal.ROUND_HALF_UP);
  return {
    found: true,
    solution: solution(g, years, exportsN, importsN, threshold, horizon(base, rounded, importGrowthPct, years, threshold).balance),
  };
}

export function solveImportGrowth(
  base: { year: number; exports: Decimal; imports: Decimal },
  exportGrowthPct: Decimal,
  years: number,
  threshold: Decimal,
): BreakevenResult {
  const exportsN = base.exports.times(factorOf(exportGrowthPct).pow(years));
  if (base.imports.isZero()) {
    return exportsN.eq(threshold) ? { found: false, reason: 'any-rate', balance: exportsN } : { found: false, reason: 'no-imports', balance: exportsN };
  }
  const importsN = exportsN.minus(threshold);
  const h = rateFor(importsN.div(base.imports), years);
  // Imports gone (h = −100 %) leave the balance at +exports: the highest it can be.
  if (h === null) return { found: false, reason: 'out-of-reach', bound: exportsN };
  const rounded = h.toSignificantDigits(15, Decimal.ROUND_HALF_UP);
  return {
    found: true,
    solution: solution(h, years, exportsN, importsN, threshold, horizon(base, exportGrowthPct, rounded, years, threshold).balance),
  };
}

function solution(solved: Decimal, years: number, exports: Decimal, imports: Decimal, threshold: Decimal, balanceAtRoundedRate: Decimal): BreakevenSolution {
  return {
    growthPct: solved,
    cumulativeGrowthPct: pctOf(factorOf(solved).pow(years)),
    exports,
    imports,
    balance: threshold,
    balanceAtRoundedRate,
  };
}

export function computeBreakeven(dataset: Dataset, assumptions: BreakevenAssumptions): BreakevenReport {
  const record = selectYear(dataset, assumptions.baseYear);
  const base = { year: record.year, exports: record.exports.value, imports: record.imports.value };
  const { years, threshold } = assumptions;
  const atAssumptions = horizon(base, assumptions.exportGrowthPct, assumptions.importGrowthPct, years, threshold);
  return {
    kind: 'breakeven',
    dataset: datasetInfo(dataset),
    base: { ...base, balance: base.exports.minus(base.imports) },
    assumptions,
    horizonYear: base.year + years,
    threshold,
    balanceAtAssumptions: atAssumptions.balance,
    exportGrowth: solveExportGrowth(base, assumptions.importGrowthPct, years, threshold),
    importGrowth: solveImportGrowth(base, assumptions.exportGrowthPct, years, threshold),
  };
}
