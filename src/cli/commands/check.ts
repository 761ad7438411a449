// `tradecalc check`: every claim the dataset records, tested against its own figures. Exit 1 when
// any claim is inconsistent: the command ran, and its verdict is negative.
import { computeCheck } from '../../core/check.js';
import { EXIT } from '../../errors.js';
import { resolveDataset, type DatasetOptions } from '../dataset.js';
import type { IO } from '../io.js';
import { emit, type OutputOptions } from '../output.js';

export async function runCheck(opts: DatasetOptions, output: OutputOptions, io: IO): Promise<number> {
  const dataset = await resolveDataset(opts, io);
  const report = computeCheck(dataset);
  await emit(io, output, {
    json: () => import('../../render/check-views.js').then((m) => m.checkToJson(report)),
    grid: () => import('../../render/check-views.js').then((m) => m.checkToGrid(report)),
    text: async (ctx) => (await import('../../render/check-views.js')).renderCheckAsText(report, ctx),
  });
  return report.counts.inconsistent > 0 ? EXIT.negativeVerdict : EXIT.ok;
}
