// `tradecalc project`: compound the base year forward under growth assumptions and test the balance
// against a threshold. Defaults come from the dataset's forecast for the following year.
import { Decimal } from '../../core/decimal.js';
import { type Interval, figureInterval, point } from '../../core/interval.js';
import { computeProjection, forecastAfter, type ProjectionAssumptions } from '../../core/project.js';
import { computeProjectionRanges, type GrowthRanges } from '../../core/ranges.js';
import { selectYear } from '../../core/select.js';
import type { Dataset, Figure } from '../../core/types.js';
import { resolveDataset, type DatasetOptions } from '../dataset.js';
import type { IO } from '../io.js';
import { parseAmountOption, parseCalendarYear, parseGrowthList, parseYears } from '../options.js';
import { emit, type OutputOptions } from '../output.js';

export interface ProjectRawOptions extends DatasetOptions {
  growth?: string | undefined;
  importGrowth?: string | undefined;
  years?: string | undefined;
  threshold?: string | undefined;
  year?: string | undefined;
  ranges?: boolean | undefined;
}

function describe(fig: Figure, forecastYear: number, suffix: string): string {
  return `${forecastYear} forecast: ${fig.qualifier ? `${fig.qualifier} ` : ''}${fig.stated}${suffix}`;
}

/**
 * Options and dataset forecast combined into the core's assumptions, each with its origin, and the
 * range of each rate for --ranges: a rate given as an option is exact, a forecast's has its rounding.
 */
export function resolveProjection(dataset: Dataset, opts: ProjectRawOptions): ProjectionAssumptions & { growthRanges: GrowthRanges } {
  const years = opts.years === undefined ? 1 : parseYears('--years', opts.years);
  const baseYear = opts.year === undefined ? undefined : parseCalendarYear('--year', opts.year);
  const base = selectYear(dataset, baseYear);
  const forecast = forecastAfter(dataset, base.year);
  const origins: Record<string, string> = {};
  const growthRanges: GrowthRanges = { exportGrowthPct: [], importGrowthPct: [] };
  const rate = (key: 'exportGrowthPct' | 'importGrowthPct', option: string, raw: string | undefined): Decimal[] => {
    if (raw !== undefined) {
      origins[key] = 'option';
      const rates = parseGrowthList(option, raw, years);
      growthRanges[key] = rates.map(point);
      return rates;
    }
    const fig = forecast?.[key];
    origins[key] = fig ? describe(fig, forecast!.year, '%') : 'no forecast in the dataset: held flat';
    const value = fig ? fig.value : new Decimal(0);
    const range: Interval = fig ? figureInterval(fig) : point(value);
    growthRanges[key] = Array.from({ length: years }, () => range);
    return Array.from({ length: years }, () => value);
  };
  const exportGrowthPct = rate('exportGrowthPct', '--growth', opts.growth);
  const importGrowthPct = rate('importGrowthPct', '--import-growth', opts.importGrowth);
  let threshold: Decimal;
  if (opts.threshold !== undefined) {
    threshold = parseAmountOption('--threshold', opts.threshold);
    origins.threshold = 'option';
  } else if (forecast?.balance) {
    threshold = forecast.balance.value;
    origins.threshold = describe(forecast.balance, forecast.year, '');
  } else {
    threshold = new Decimal(0);
    origins.threshold = 'no forecast in the dataset: zero, i.e. stays in surplus';
  }
  return { exportGrowthPct, importGrowthPct, threshold, baseYear: base.year, origins, growthRanges };
}

export async function runProject(opts: ProjectRawOptions, output: OutputOptions, io: IO): Promise<number> {
  const dataset = await resolveDataset(opts, io);
  const { growthRanges, ...assumptions } = resolveProjection(dataset, opts);
  const report = computeProjection(dataset, assumptions);
  const ranges = opts.ranges ? computeProjectionRanges(dataset, report, growthRanges) : undefined;
  await emit(io, output, {
    json: () => import('../../render/json-reports.js').then((m) => m.projectionToJson(report, ranges)),
    grid: () => import('../../render/grid-reports.js').then((m) => m.projectionToGrid(report, ranges)),
    text: async (ctx) => (await import('../../render/projection-text.js')).renderProjectionAsText(report, ctx, ranges),
  });
  return 0;
}
