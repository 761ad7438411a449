// Which dataset a command works on. Today: the built-in datasets, by id; the default is the article.
import type { Dataset } from '../core/types.js';
import { DEFAULT_DATASET_ID, builtinDatasetIds, loadBuiltinDataset } from '../data/builtin.js';
import { UsageError } from '../errors.js';

export interface DatasetOptions {
  dataset?: string | undefined;
}

export async function resolveDataset(opts: DatasetOptions): Promise<Dataset> {
  const id = opts.dataset ?? DEFAULT_DATASET_ID;
  const ds = loadBuiltinDataset(id);
  if (!ds) throw new UsageError(`--dataset ${JSON.stringify(id)} is not a built-in dataset (expected one of: ${builtinDatasetIds().join(', ')})`);
  return ds;
}
