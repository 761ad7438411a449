// Which dataset a command works on: a built-in one by id (--dataset, default the article) or a
// file (--data, "-" for stdin), narrowed to one reporter (--reporter) when a file holds several.
import type { Dataset } from '../core/types.js';
import { DEFAULT_DATASET_ID, builtinDatasetIds, loadBuiltinDataset } from './builtin.js';
import type { LoadedDatasets } from './load-file.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';

export interface DatasetSelection {
  dataset?: string | undefined;
  data?: string | undefined;
  reporter?: string | undefined;
}

export interface ReadContext {
  cwd: string;
  stdin?: AsyncIterable<string | Uint8Array> | undefined;
}

/** The built-in datasets, as a listing. */
export function builtinListing(): LoadedDatasets {
  return { name: 'built-in', format: 'json', builtIn: true, datasets: builtinDatasetIds().map((id) => loadBuiltinDataset(id)!) };
}

/** Every dataset the selection points at: the built-in one, or each reporter of a file. */
export async function loadSelection(sel: DatasetSelection, ctx: ReadContext): Promise<LoadedDatasets> {
  if (sel.data !== undefined) {
    const { loadDatasetFile } = await import('./load-file.js');
    return loadDatasetFile(sel.data, ctx);
  }
  const id = sel.dataset ?? DEFAULT_DATASET_ID;
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
