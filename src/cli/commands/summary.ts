// `tradecalc summary`: the figures of one year and everything derived from them.
import { computeSummary } from '../../core/summary.js';
import { resolveDataset, type DatasetOptions } from '../dataset.js';
import type { IO } from '../io.js';
import { emit, type OutputOptions } from '../output.js';

export interface SummaryOptions extends DatasetOptions {
  year?: number | undefined;
}

export async function runSummary(opts: SummaryOptions, output: OutputOptions, io: IO): Promise<number> {
  const dataset = await resolveDataset(opts);
  const report = computeSummary(dataset, { year: opts.year });
  await emit(io, output, {
    json: () => import('../../render/json-reports.js').then((m) => m.summaryToJson(report)),
    grid: () => import('../../render/grid-reports.js').then((m) => m.summaryToGrid(report)),
    text: async (ctx) => (await import('../../render/summary-text.js')).renderSummaryAsText(report, ctx),
  });
  return 0;
}
