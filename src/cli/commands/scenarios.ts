// `tradecalc scenarios`: a sensitivity grid of the horizon-year balance over ranges of export and
// import growth, or (with --scenario) named scenarios side by side.
import { GRID_MAX_CELLS, type ScenarioGridAssumptions, compareScenarios, computeScenarioGrid, namedScenarios } from '../../core/scenarios.js';
import { rangeCount } from '../../core/range.js';
import type { Dataset } from '../../core/types.js';
import { UsageError } from '../../errors.js';
import { type HorizonRaw, resolveHorizon } from '../assumptions.js';
import { resolveDataset, type DatasetOptions } from '../dataset.js';
import type { IO } from '../io.js';
import { checkGridSize, parseRange, parseScenarioNames } from '../options.js';
import { emit, type OutputOptions } from '../output.js';
import { SCENARIO_EXPORT_RANGE, SCENARIO_IMPORT_RANGE } from '../defaults.js';
import { formatCount } from '../../render/format.js';

export interface ScenariosRawOptions extends DatasetOptions, HorizonRaw {
  growth?: string | undefined;
  importGrowth?: string | undefined;
  scenario?: string[] | undefined;
}

/** The default grid: export growth around the article's forecast, import growth from falling to fast. */
/** A table is for reading: past this many cells, ask for CSV or JSON. */
export const TABLE_MAX_CELLS = 2500;

export function resolveGrid(dataset: Dataset, opts: ScenariosRawOptions): ScenarioGridAssumptions {
  const h = resolveHorizon(dataset, opts);
  const exportGrowth = parseRange('--growth', opts.growth ?? SCENARIO_EXPORT_RANGE);
  const importGrowth = parseRange('--import-growth', opts.importGrowth ?? SCENARIO_IMPORT_RANGE);
  checkGridSize(exportGrowth, importGrowth, GRID_MAX_CELLS);
  const origins = {
    exportGrowthPct: opts.growth === undefined ? `default range ${SCENARIO_EXPORT_RANGE}` : 'option',
    importGrowthPct: opts.importGrowth === undefined ? `default range ${SCENARIO_IMPORT_RANGE}` : 'option',
    threshold: h.origins.threshold!,
  };
  return { years: h.years, threshold: h.threshold, exportGrowth, importGrowth, baseYear: h.baseYear, origins };
}

export async function runScenarios(opts: ScenariosRawOptions, output: OutputOptions, io: IO): Promise<number> {
  const dataset = await resolveDataset(opts, io);
  if (opts.scenario !== undefined) {
    if (opts.growth !== undefined || opts.importGrowth !== undefined) {
      const which = opts.growth !== undefined ? '--growth' : '--import-growth';
      throw new UsageError(`--scenario compares named scenarios and ${which} makes a grid (give one or the other)`);
    }
    const h = resolveHorizon(dataset, opts);
    const known = namedScenarios(dataset, h.baseYear);
    const names = parseScenarioNames('--scenario', opts.scenario, known.map((s) => s.id));
    const chosen = names.map((n) => known.find((s) => s.id === n)!);
    const report = compareScenarios(dataset, chosen, { years: h.years, threshold: h.threshold, baseYear: h.baseYear, origins: h.origins });
    await emit(io, output, {
      json: () => import('../../render/json-reports.js').then((m) => m.scenarioComparisonToJson(report)),
      grid: () => import('../../render/grid-reports.js').then((m) => m.scenarioComparisonToGrid(report)),
      text: async (ctx) => (await import('../../render/scenarios-text.js')).renderScenarioComparisonAsText(report, ctx),
    });
    return 0;
  }

  const assumptions = resolveGrid(dataset, opts);
  const cells = rangeCount(assumptions.exportGrowth) * rangeCount(assumptions.importGrowth);
  if ((output.format === 'table' || output.format === 'markdown') && cells > TABLE_MAX_CELLS) {
    throw new UsageError(
      `a grid of ${formatCount(cells)} cells is too large for a ${output.format} view (at most ${formatCount(TABLE_MAX_CELLS)}; use --format csv or --json, or a larger step)`,
    );
  }
  const report = computeScenarioGrid(dataset, assumptions, { crossings: output.format !== 'csv' });
  await emit(io, output, {
    json: () => import('../../render/json-reports.js').then((m) => m.scenarioGridToJson(report)),
    grid: () => import('../../render/grid-reports.js').then((m) => m.scenarioGridToGrid(report)),
    text: async (ctx) => (await import('../../render/scenarios-text.js')).renderScenarioGridAsText(report, ctx),
  });
  return 0;
}
