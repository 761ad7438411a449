// `tradecalc project`: compound the base year forward under growth assumptions and test the balance
// against a threshold. Defaults come from the dataset's forecast for the following year.
import type { Decimal } from '../../core/decimal.js';
import { figureInterval, point } from '../../core/interval.js';
import { computeProjection, type ProjectionAssumptions } from '../../core/project.js';
import { computeProjectionRanges, type GrowthRanges } from '../../core/ranges.js';
import type { Dataset } from '../../core/types.js';
import { UsageError } from '../../errors.js';
import { forecastRate, type HorizonRaw, resolveHorizon } from '../assumptions.js';
import { resolveDataset, type DatasetOptions } from '../dataset.js';
import type { IO } from '../io.js';
import { parseGrowthList } from '../options.js';
import { emit, type OutputOptions } from '../output.js';

export interface ProjectRawOptions extends DatasetOptions, HorizonRaw {
  growth?: string | undefined;
  importGrowth?: string | undefined;
  ranges?: boolean | undefined;
  /** true: --chart, false: --no-chart, undefined: a chart on a terminal only. */
  chart?: boolean | undefined;
}

/**
 * Options and dataset forecast combined into the core's assumptions, each with its origin, and the
 * range of each rate for --ranges: a rate given as an option is exact, a forecast's has its rounding.
 */
export function resolveProjection(dataset: Dataset, opts: ProjectRawOptions): ProjectionAssumptions & { growthRanges: GrowthRanges } {
  const h = resolveHorizon(dataset, opts);
  const growthRanges: GrowthRanges = { exportGrowthPct: [], importGrowthPct: [] };
  const rate = (key: 'exportGrowthPct' | 'importGrowthPct', option: string, raw: string | undefined): Decimal[] => {
    if (raw !== undefined) {
      h.origins[key] = 'option';
      const rates = parseGrowthList(option, raw, h.years);
      growthRanges[key] = rates.map(point);
      return rates;
    }
    const value = forecastRate(h, key);
    const fig = h.forecast?.[key];
    growthRanges[key] = Array.from({ length: h.years }, () => (fig ? figureInterval(fig) : point(value)));
    return Array.from({ length: h.years }, () => value);
  };
  const exportGrowthPct = rate('exportGrowthPct', '--growth', opts.growth);
  const importGrowthPct = rate('importGrowthPct', '--import-growth', opts.importGrowth);
  // Growth first, threshold last: the order the JSON "origins" object has always had.
  const { threshold: thresholdOrigin, ...rest } = h.origins;
  const origins = { ...rest, threshold: thresholdOrigin! };
  return { exportGrowthPct, importGrowthPct, threshold: h.threshold, baseYear: h.baseYear, origins, growthRanges };
}

export async function runProject(opts: ProjectRawOptions, output: OutputOptions, io: IO): Promise<number> {
  if (opts.chart === true && output.format !== 'table') {
    throw new UsageError(`--chart draws under the table and cannot go with --format ${output.format} (leave out one of them)`);
  }
  // By default a person at a terminal gets the chart; a pipe or a file gets it only when asked.
  const chart = output.format === 'table' && (opts.chart ?? (output.output === undefined && io.stdout.isTTY === true));
  const dataset = await resolveDataset(opts, io);
  const { growthRanges, ...assumptions } = resolveProjection(dataset, opts);
  const report = computeProjection(dataset, assumptions);
  const ranges = opts.ranges ? computeProjectionRanges(dataset, report, growthRanges) : undefined;
  await emit(io, output, {
    json: () => import('../../render/json-reports.js').then((m) => m.projectionToJson(report, ranges)),
    grid: () => import('../../render/grid-reports.js').then((m) => m.projectionToGrid(report, ranges)),
    text: async (ctx) => {
      const table = (await import('../../render/projection-text.js')).renderProjectionAsText(report, ctx, ranges);
      if (!chart) return table;
      const { renderProjectionChart } = await import('../../render/projection-chart.js');
      return `${table}\n${renderProjectionChart(report, ctx)}`;
    },
  });
  return 0;
}
