// Which dataset a command works on: a built-in one by id (--dataset, default the article) or a
// file (--data, "-" for stdin), narrowed to one reporter (--reporter) when a file holds several.
import type { Dataset } from '../core/types.js';
import { DEFAULT_DATASET_ID, builtinDatasetIds, loadBuiltinDataset } from '../data/builtin.js';
import type { LoadedDatasets } from '../data/load-file.js';
import { UsageError } from '../errors.js';
import type { IO } from './io.js';
import { parsePath } from './options.js';
import { didYouMean } from '../suggest.js';

export interface DatasetOptions {
  dataset?: string | undefined;
  data?: string | undefined;
  reporter?: string | undefined;
}

/** Every dataset the options point at: the built-in one, or each reporter of a file. */
export async function resolveDatasets(opts: DatasetOptions, io: IO): Promise<LoadedDatasets> {
  if (opts.data !== undefined && opts.dataset !== undefined) {
    throw new UsageError(`--data and --dataset both name a dataset (give one: --data for a file, --dataset for a built-in)`);
  }
  if (opts.data !== undefined) {
    const path = parsePath('--data', opts.data);
    const { loadDatasetFile } = await import('../data/load-file.js');
    return loadDatasetFile(path, { cwd: io.cwd, stdin: io.stdin });
  }
  const id = opts.dataset ?? DEFAULT_DATASET_ID;
  const ds = loadBuiltinDataset(id);
  if (!ds) throw new UsageError(`--dataset ${JSON.stringify(id)} is not a built-in dataset${didYouMean(id, builtinDatasetIds())} (expected one of: ${builtinDatasetIds().join(', ')})`);
  return { name: `built-in dataset "${id}"`, format: 'json', datasets: [ds] };
}

/** Picks the dataset of --reporter; a file with several reporters needs one named. */
export function pickReporter(loaded: LoadedDatasets, reporter: string | undefined): Dataset {
  const all = loaded.datasets;
  const names = all.map((d) => d.reporter);
  if (reporter !== undefined) {
    const wanted = reporter.trim().toLowerCase();
    const found = all.find((d) => d.reporter.toLowerCase() === wanted || d.id === wanted);
    if (!found) throw new UsageError(`--reporter ${JSON.stringify(reporter)} is not in ${loaded.name}${didYouMean(reporter, names)} (it has: ${names.join(', ')})`);
    return found;
  }
  if (all.length === 1) return all[0]!;
  throw new UsageError(`${loaded.name} has ${all.length} reporters (${names.join(', ')}): choose one with --reporter`);
}

export async function resolveDataset(opts: DatasetOptions, io: IO): Promise<Dataset> {
  return pickReporter(await resolveDatasets(opts, io), opts.reporter);
}
