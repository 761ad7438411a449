// `tradecalc breakeven`: the export growth (imports held) and the import growth (exports held) at
// which the horizon-year balance lands exactly on the threshold, in closed form.
import { type BreakevenReport, type BreakevenResult, computeBreakeven } from '../core/breakeven.js';
import type { Decimal } from '../core/decimal.js';
import type { Dataset } from '../core/types.js';
import { breakevenText } from '../render/verdict.js';
import type { Columns } from './columns.js';
import { type Origin, SCHEMA_VERSION, datasetDoc, flowsDoc } from './document.js';
import { type Horizon, type HorizonOptions, growthRate, parseHorizon, resolveHorizon } from './horizon.js';
import { parseGrowth } from './parse.js';
import type { BreakevenDocument } from './schemas.js';
import type { RawOptions, ReportSpec } from './spec.js';

export interface BreakevenOptions extends HorizonOptions {
  exportGrowthPct?: Decimal | undefined;
  importGrowthPct?: Decimal | undefined;
}

export interface BreakevenAssumptionsResolved {
  horizon: Horizon;
  exportGrowthPct: { value: Decimal; origin: Origin };
  importGrowthPct: { value: Decimal; origin: Origin };
}

/** --growth and --import-growth as single rates (breakeven and simulate). */
export function parseRates(raw: RawOptions): { exportGrowthPct?: Decimal | undefined; importGrowthPct?: Decimal | undefined } {
  return {
    exportGrowthPct: typeof raw.growth === 'string' ? parseGrowth('--growth', raw.growth) : undefined,
    importGrowthPct: typeof raw.importGrowth === 'string' ? parseGrowth('--import-growth', raw.importGrowth) : undefined,
  };
}

export function resolveBreakevenAssumptions(opts: BreakevenOptions, dataset: Dataset): BreakevenAssumptionsResolved {
  const horizon = resolveHorizon(dataset, opts);
  return { horizon, exportGrowthPct: growthRate(horizon, 'exportGrowthPct', opts.exportGrowthPct), importGrowthPct: growthRate(horizon, 'importGrowthPct', opts.importGrowthPct) };
}

export function computeBreakevenReport(a: BreakevenAssumptionsResolved): BreakevenReport {
  const h = a.horizon;
  return computeBreakeven(h.dataset, { years: h.yearCount, threshold: h.threshold, exportGrowthPct: a.exportGrowthPct.value, importGrowthPct: a.importGrowthPct.value, baseYear: h.baseYear });
}

function solutionDoc(r: BreakevenReport, solveFor: 'exports' | 'imports', res: BreakevenResult) {
  const found = res.found ? res.solution : null;
  const doc = {
    solveFor,
    found: res.found,
    breakevenGrowthPct: found?.growthPct ?? null,
    cumulativeGrowthPct: found?.cumulativeGrowthPct ?? null,
    horizonFlows: found ? { exports: found.exports, imports: found.imports, balance: found.balance } : null,
    balanceAtRoundedRate: found?.balanceAtRoundedRate ?? null,
    reason: res.found ? null : res.reason,
    // The balance the flow cannot get past (out-of-reach), or the one it is fixed at (a zero flow).
    boundBalance: res.found ? null : res.reason === 'out-of-reach' ? res.bound : res.balance,
  };
  return {
    ...doc,
    text: breakevenText(doc, {
      threshold: r.threshold,
      baseBalance: r.base.balance,
      horizonYear: r.horizonYear,
      yearCount: r.assumptions.years,
      heldGrowthPct: solveFor === 'exports' ? r.assumptions.importGrowthPct : r.assumptions.exportGrowthPct,
      currency: r.dataset.currency,
    }),
  };
}

export function breakevenDocument(r: BreakevenReport, a: BreakevenAssumptionsResolved): BreakevenDocument {
  const h = a.horizon;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'breakeven',
    dataset: datasetDoc(r.dataset),
    assumptions: {
      baseYear: h.baseYear,
      yearCount: h.yearCount,
      exportGrowthPct: a.exportGrowthPct.value,
      importGrowthPct: a.importGrowthPct.value,
      threshold: h.threshold,
      origins: { baseYear: h.origins.baseYear, yearCount: h.origins.yearCount, exportGrowthPct: a.exportGrowthPct.origin, importGrowthPct: a.importGrowthPct.origin, threshold: h.origins.threshold },
    },
    base: flowsDoc(r.base),
    horizonYear: r.horizonYear,
    balanceAtAssumptions: r.balanceAtAssumptions,
    solutions: [solutionDoc(r, 'exports', r.exportGrowth), solutionDoc(r, 'imports', r.importGrowth)],
  };
}

export const breakevenSpec: ReportSpec<BreakevenOptions, BreakevenAssumptionsResolved, BreakevenReport, BreakevenDocument, 'dataset'> = {
  input: 'dataset',
  parse: (raw) => ({ ...parseHorizon(raw), ...parseRates(raw) }),
  resolve: resolveBreakevenAssumptions,
  compute: computeBreakevenReport,
  toDocument: breakevenDocument,
  columns: (): Columns => ({
    kind: 'rows',
    rows: 'solutions',
    columns: [
      ['solveFor', 'solveFor'],
      ['year', '$.horizonYear'],
      ['exportGrowthPct', '$.assumptions.exportGrowthPct'],
      ['importGrowthPct', '$.assumptions.importGrowthPct'],
      ['found', 'found'],
      ['breakevenGrowthPct', 'breakevenGrowthPct'],
      ['cumulativeGrowthPct', 'cumulativeGrowthPct'],
      ['exports', 'horizonFlows.exports'],
      ['imports', 'horizonFlows.imports'],
      ['balance', 'horizonFlows.balance'],
      ['balanceAtRoundedRate', 'balanceAtRoundedRate'],
      ['threshold', '$.assumptions.threshold'],
      ['reason', 'reason'],
      ['boundBalance', 'boundBalance'],
    ],
  }),
  notes: (doc) => doc.solutions.map((s) => s.text),
  text: async (doc, ctx) => (await import('../render/breakeven-text.js')).renderBreakevenAsText(doc, ctx),
};
