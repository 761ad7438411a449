// `tradecalc scenarios`: a sensitivity grid of the horizon-year balance over ranges of export and
// import growth, or (with --scenario) named scenarios side by side.
import type { BreakevenResult } from '../core/breakeven.js';
import { type DecimalRange, rangeCount } from '../core/range.js';
import {
  GRID_MAX_CELLS,
  type ScenarioComparisonReport,
  type ScenarioDefinition,
  type ScenarioGridReport,
  columnCrossing,
  compareScenarios,
  computeScenarioGrid,
  gridCells,
  namedScenarios,
  rowCrossing,
} from '../core/scenarios.js';
import type { Dataset } from '../core/types.js';
import { UsageError } from '../errors.js';
import { formatCount } from '../render/format.js';
import type { Columns } from './columns.js';
import type { CommonOptions } from './common.js';
import { SCENARIO_EXPORT_RANGE, SCENARIO_IMPORT_RANGE } from './defaults.js';
import { BUILT_IN, LazyList, OPTION, SCHEMA_VERSION, datasetDoc, flowsDoc } from './document.js';
import { type Horizon, type HorizonOptions, parseHorizon, resolveHorizon } from './horizon.js';
import { checkGridSize, parseRange, parseScenarioNames } from './parse.js';
import { pathPointDoc, verdictDoc } from './project.js';
import type { ScenarioComparisonDocument, ScenarioGridDocument, ScenarioOriginDoc } from './schemas.js';
import type { RawOptions, ReportSpec } from './spec.js';

/** A table is for reading: past this many cells, ask for CSV or JSON. */
export const TABLE_MAX_CELLS = 2500;

export type ScenariosOptions = HorizonOptions &
  (
    | { mode: 'grid'; exportGrowth: DecimalRange; importGrowth: DecimalRange; exportGiven: boolean; importGiven: boolean }
    | { mode: 'named'; names: readonly string[] }
  );

export type ScenariosAssumptions =
  | { mode: 'grid'; horizon: Horizon; exportGrowth: DecimalRange; importGrowth: DecimalRange; exportGiven: boolean; importGiven: boolean }
  | { mode: 'named'; horizon: Horizon; scenarios: ScenarioDefinition[] };

export type ScenariosResult = { mode: 'grid'; report: ScenarioGridReport } | { mode: 'named'; report: ScenarioComparisonReport };
export type ScenariosDocument = ScenarioGridDocument | ScenarioComparisonDocument;

export function parseScenarios(raw: RawOptions, _args: unknown, common: CommonOptions): ScenariosOptions {
  const h = parseHorizon(raw);
  const growth = typeof raw.growth === 'string' ? raw.growth : undefined;
  const importGrowth = typeof raw.importGrowth === 'string' ? raw.importGrowth : undefined;
  if (raw.scenario !== undefined) {
    if (growth !== undefined || importGrowth !== undefined) {
      throw new UsageError(`--scenario compares named scenarios and ${growth !== undefined ? '--growth' : '--import-growth'} makes a grid (give one or the other)`);
    }
    const names = (raw.scenario as readonly string[]).flatMap((s) => s.split(',')).map((s) => s.trim());
    return { ...h, mode: 'named', names };
  }
  const exportGrowth = parseRange('--growth', growth ?? SCENARIO_EXPORT_RANGE);
  const importGrowthRange = parseRange('--import-growth', importGrowth ?? SCENARIO_IMPORT_RANGE);
  checkGridSize(exportGrowth, importGrowthRange, GRID_MAX_CELLS);
  const cells = rangeCount(exportGrowth) * rangeCount(importGrowthRange);
  if ((common.format === 'table' || common.format === 'markdown' || common.format === 'svg') && cells > TABLE_MAX_CELLS) {
    throw new UsageError(
      `a grid of ${formatCount(cells)} cells is too large for ${common.format === 'svg' ? 'an SVG picture' : `a ${common.format} view`} (at most ${formatCount(TABLE_MAX_CELLS)}; use --format csv or --json, or a larger step)`,
    );
  }
  return { ...h, mode: 'grid', exportGrowth, importGrowth: importGrowthRange, exportGiven: growth !== undefined, importGiven: importGrowth !== undefined };
}

export function resolveScenarios(opts: ScenariosOptions, dataset: Dataset): ScenariosAssumptions {
  const horizon = resolveHorizon(dataset, opts);
  if (opts.mode === 'grid') return { ...opts, horizon };
  const known = namedScenarios(dataset, horizon.baseYear);
  const names = parseScenarioNames('--scenario', opts.names, known.map((s) => s.id));
  return { mode: 'named', horizon, scenarios: names.map((n) => known.find((s) => s.id === n)!) };
}

export function computeScenarios(a: ScenariosAssumptions): ScenariosResult {
  const h = a.horizon;
  if (a.mode === 'grid') {
    return { mode: 'grid', report: computeScenarioGrid(h.dataset, { years: h.yearCount, threshold: h.threshold, exportGrowth: a.exportGrowth, importGrowth: a.importGrowth, baseYear: h.baseYear }) };
  }
  return { mode: 'named', report: compareScenarios(h.dataset, a.scenarios, { years: h.yearCount, threshold: h.threshold, baseYear: h.baseYear }) };
}

const crossingPct = (res: BreakevenResult) => (res.found ? res.solution.growthPct : null);
const rangeDoc = (r: DecimalRange) => ({ start: r.start, stop: r.stop, step: r.step });

export function scenarioGridDocument(r: ScenarioGridReport, a: Extract<ScenariosAssumptions, { mode: 'grid' }>): ScenarioGridDocument {
  const h = a.horizon;
  const cols = r.exportGrowthPct.length;
  const rows = r.importGrowthPct.length;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'scenario-grid',
    dataset: datasetDoc(r.dataset),
    assumptions: {
      baseYear: h.baseYear,
      yearCount: h.yearCount,
      exportGrowthPctRange: rangeDoc(a.exportGrowth),
      importGrowthPctRange: rangeDoc(a.importGrowth),
      threshold: h.threshold,
      origins: {
        baseYear: h.origins.baseYear,
        yearCount: h.origins.yearCount,
        exportGrowthPctRange: a.exportGiven ? OPTION : BUILT_IN,
        importGrowthPctRange: a.importGiven ? OPTION : BUILT_IN,
        threshold: h.origins.threshold,
      },
    },
    base: flowsDoc(r.base),
    horizonYear: r.horizonYear,
    cellCount: cols * rows,
    // Each axis entry carries where its column or row crosses the threshold: the break-even rate of
    // the other flow, solved on demand (a CSV of cells never asks).
    exportAxis: new LazyList(cols, function* () {
      for (let c = 0; c < cols; c++) yield { exportGrowthPct: r.exportGrowthPct[c]!, exports: r.exportsAtHorizon[c]!, breakevenImportGrowthPct: crossingPct(columnCrossing(r, c)) };
    }),
    importAxis: new LazyList(rows, function* () {
      for (let i = 0; i < rows; i++) yield { importGrowthPct: r.importGrowthPct[i]!, imports: r.importsAtHorizon[i]!, breakevenExportGrowthPct: crossingPct(rowCrossing(r, i)) };
    }),
    cells: new LazyList(cols * rows, function* () {
      for (const c of gridCells(r)) yield { exportGrowthPct: c.exportGrowthPct, importGrowthPct: c.importGrowthPct, balance: c.balance, aboveThreshold: c.aboveThreshold };
    }),
  };
}

function scenarioOriginDoc(s: ScenarioDefinition): ScenarioOriginDoc {
  return s.origin.source === 'spread' ? { source: 'spread', exportSpreadPp: s.origin.exportSpreadPp, importSpreadPp: s.origin.importSpreadPp } : s.origin;
}

export function scenarioComparisonDocument(r: ScenarioComparisonReport, a: Extract<ScenariosAssumptions, { mode: 'named' }>): ScenarioComparisonDocument {
  const h = a.horizon;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'scenario-comparison',
    dataset: datasetDoc(r.dataset),
    assumptions: {
      baseYear: h.baseYear,
      yearCount: h.yearCount,
      threshold: h.threshold,
      scenarioIds: a.scenarios.map((s) => s.id),
      origins: { baseYear: h.origins.baseYear, yearCount: h.origins.yearCount, threshold: h.origins.threshold, scenarioIds: OPTION },
    },
    base: flowsDoc(r.base),
    scenarios: r.outcomes.map((o) => ({
      id: o.scenario.id,
      label: o.scenario.label,
      definition: scenarioOriginDoc(o.scenario),
      description: o.scenario.description ?? null,
      exportGrowthPct: o.scenario.exportGrowthPct,
      importGrowthPct: o.scenario.importGrowthPct,
      path: o.projection.path.map((p) => pathPointDoc(p)),
      verdict: verdictDoc(o.projection),
    })),
  };
}

export const scenariosSpec: ReportSpec<ScenariosOptions, ScenariosAssumptions, ScenariosResult, ScenariosDocument, 'dataset'> = {
  input: 'dataset',
  parse: parseScenarios,
  resolve: resolveScenarios,
  compute: computeScenarios,
  toDocument: (res, a) =>
    res.mode === 'grid' ? scenarioGridDocument(res.report, a as Extract<ScenariosAssumptions, { mode: 'grid' }>) : scenarioComparisonDocument(res.report, a as Extract<ScenariosAssumptions, { mode: 'named' }>),
  columns: (doc): Columns =>
    doc.kind === 'scenario-grid'
      ? { kind: 'rows', rows: 'cells', columns: [['exportGrowthPct', 'exportGrowthPct'], ['importGrowthPct', 'importGrowthPct'], ['balance', 'balance'], ['aboveThreshold', 'aboveThreshold']] }
      : {
          kind: 'rows',
          rows: 'scenarios[].path',
          columns: [
            ['scenario', '^.id'],
            ['year', 'year'],
            ['exportGrowthPct', '^.exportGrowthPct'],
            ['importGrowthPct', '^.importGrowthPct'],
            ['exports', 'exports'],
            ['imports', 'imports'],
            ['balance', 'balance'],
            ['threshold', '$.assumptions.threshold'],
            ['margin', 'margin'],
            ['aboveThreshold', 'aboveThreshold'],
          ],
        },
  notes: (doc) => (doc.kind === 'scenario-comparison' ? doc.scenarios.map((s) => `${s.label}: ${s.verdict.text}`) : []),
  text: async (doc, ctx) => {
    const m = await import('../render/scenarios-text.js');
    return doc.kind === 'scenario-grid' ? m.renderScenarioGridAsText(doc, ctx) : m.renderScenarioComparisonAsText(doc, ctx);
  },
  svg: async (doc, ctx) => {
    const m = await import('../render/svg/scenarios.js');
    return doc.kind === 'scenario-grid' ? m.scenarioGridSvg(doc, ctx) : m.scenarioComparisonSvg(doc, ctx);
  },
};
