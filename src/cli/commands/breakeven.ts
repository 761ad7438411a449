// `tradecalc breakeven`: the export growth (imports held) and the import growth (exports held) at
// which the horizon-year balance lands exactly on the threshold, in closed form.
import { type BreakevenAssumptions, computeBreakeven } from '../../core/breakeven.js';
import type { Dataset } from '../../core/types.js';
import { type HorizonRaw, horizonRate, resolveHorizon } from '../assumptions.js';
import { resolveDataset, type DatasetOptions } from '../dataset.js';
import type { IO } from '../io.js';
import { emit, type OutputOptions } from '../output.js';

export interface BreakevenRawOptions extends DatasetOptions, HorizonRaw {
  growth?: string | undefined;
  importGrowth?: string | undefined;
}

export function resolveBreakeven(dataset: Dataset, opts: BreakevenRawOptions): BreakevenAssumptions {
  const h = resolveHorizon(dataset, opts);
  const exportGrowthPct = horizonRate(h, 'exportGrowthPct', '--growth', opts.growth);
  const importGrowthPct = horizonRate(h, 'importGrowthPct', '--import-growth', opts.importGrowth);
  return { years: h.years, threshold: h.threshold, exportGrowthPct, importGrowthPct, baseYear: h.baseYear, origins: h.origins };
}

export async function runBreakeven(opts: BreakevenRawOptions, output: OutputOptions, io: IO): Promise<number> {
  const dataset = await resolveDataset(opts, io);
  const report = computeBreakeven(dataset, resolveBreakeven(dataset, opts));
  await emit(io, output, {
    json: () => import('../../render/json-reports.js').then((m) => m.breakevenToJson(report)),
    grid: () => import('../../render/grid-reports.js').then((m) => m.breakevenToGrid(report)),
    text: async (ctx) => (await import('../../render/breakeven-text.js')).renderBreakevenAsText(report, ctx),
  });
  return 0;
}
