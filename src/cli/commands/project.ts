// `tradecalc project`: compound the base year forward under growth assumptions and test the balance
// against a threshold. Defaults come from the dataset's forecast for the following year.
import type { Decimal } from '../../core/decimal.js';
import { computeProjection, type ProjectionAssumptions } from '../../core/project.js';
import type { Dataset } from '../../core/types.js';
import { forecastRate, resolveHorizon } from '../assumptions.js';
import { resolveDataset, type DatasetOptions } from '../dataset.js';
import type { IO } from '../io.js';
import { UsageError } from '../../errors.js';
import { parseGrowthList } from '../options.js';
import { emit, type OutputOptions } from '../output.js';

export interface ProjectRawOptions extends DatasetOptions {
  growth?: string | undefined;
  importGrowth?: string | undefined;
  years?: string | undefined;
  threshold?: string | undefined;
  year?: number | undefined;
  /** true: --chart, false: --no-chart, undefined: a chart on a terminal only. */
  chart?: boolean | undefined;
}

/** Options and dataset forecast combined into the core's assumptions, each with its origin. */
export function resolveProjection(dataset: Dataset, opts: ProjectRawOptions): ProjectionAssumptions {
  const h = resolveHorizon(dataset, opts);
  const rate = (key: 'exportGrowthPct' | 'importGrowthPct', option: string, raw: string | undefined): Decimal[] => {
    if (raw !== undefined) {
      h.origins[key] = 'option';
      return parseGrowthList(option, raw, h.years);
    }
    const value = forecastRate(h, key);
    return Array.from({ length: h.years }, () => value);
  };
  const exportGrowthPct = rate('exportGrowthPct', '--growth', opts.growth);
  const importGrowthPct = rate('importGrowthPct', '--import-growth', opts.importGrowth);
  // Growth first, threshold last: the order the JSON "origins" object has always had.
  const { threshold: thresholdOrigin, ...rest } = h.origins;
  const origins = { ...rest, threshold: thresholdOrigin! };
  return { exportGrowthPct, importGrowthPct, threshold: h.threshold, baseYear: h.baseYear, origins };
}

export async function runProject(opts: ProjectRawOptions, output: OutputOptions, io: IO): Promise<number> {
  if (opts.chart === true && output.format !== 'table') {
    throw new UsageError(`--chart draws under the table and cannot go with --format ${output.format} (leave out one of them)`);
  }
  // By default a person at a terminal gets the chart; a pipe gets it only when asked.
  const chart = output.format === 'table' && (opts.chart ?? io.stdout.isTTY === true);
  const dataset = await resolveDataset(opts);
  const report = computeProjection(dataset, resolveProjection(dataset, opts));
  await emit(io, output, {
    json: () => import('../../render/json-reports.js').then((m) => m.projectionToJson(report)),
    grid: () => import('../../render/grid-reports.js').then((m) => m.projectionToGrid(report)),
    text: async (ctx) => {
      const table = (await import('../../render/projection-text.js')).renderProjectionAsText(report, ctx);
      if (!chart) return table;
      const { renderProjectionChart } = await import('../../render/projection-chart.js');
      return `${table}\n${renderProjectionChart(report, ctx)}`;
    },
  });
  return 0;
}
