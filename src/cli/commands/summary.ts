// `tradecalc summary`: the figures of one year and everything derived from them, optionally with
// the range each value can take given the rounding of the stated figures (--ranges).
import { computeSummaryRanges } from '../../core/ranges.js';
import { computeSummary } from '../../core/summary.js';
import { resolveDataset, type DatasetOptions } from '../dataset.js';
import type { IO } from '../io.js';
import { parseDatasetYear } from '../options.js';
import { emit, type OutputOptions } from '../output.js';

export interface SummaryOptions extends DatasetOptions {
  year?: string | undefined;
  ranges?: boolean | undefined;
}

export async function runSummary(opts: SummaryOptions, output: OutputOptions, io: IO): Promise<number> {
  const dataset = await resolveDataset(opts, io);
  const year = opts.year === undefined ? undefined : parseDatasetYear('--year', opts.year, dataset);
  const report = computeSummary(dataset, { year });
  const ranges = opts.ranges ? computeSummaryRanges(dataset, report) : undefined;
  await emit(io, output, {
    json: () => import('../../render/json-reports.js').then((m) => m.summaryToJson(report, ranges)),
    grid: () => import('../../render/grid-reports.js').then((m) => m.summaryToGrid(report, ranges)),
    text: async (ctx) => (await import('../../render/summary-text.js')).renderSummaryAsText(report, ctx, ranges),
  });
  return 0;
}
