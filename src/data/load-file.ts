// Reading one dataset file (or stdin, or text already read) into datasets: the library's simple
// entry points, on the streaming loader (src/data/load.ts) the CLI uses.
import { type LoadedDatasets, loadData, loadFiles } from './load.js';
import type { ReadContext } from './stream/source.js';

export type { LoadedDatasets };
export type DatasetFormat = 'json' | 'csv';

export interface LoadOptions extends ReadContext {}

/** Reads `path` ("-" for stdin, a directory for its files) and returns its datasets; every failure is a DataError naming the file. */
export async function loadDatasetFile(path: string, options: LoadOptions): Promise<LoadedDatasets> {
  return loadData({ data: [path] }, options);
}

/** Datasets from text already read; `name` is used in messages. `format` forces our JSON or CSV format. */
export async function datasetsFromText(text: string, name: string, format?: DatasetFormat): Promise<LoadedDatasets> {
  return loadFiles([{ name, path: null, size: text.length }], { from: format === undefined ? 'auto' : 'tradecalc' }, { cwd: process.cwd(), stdin: (async function* () {
    yield Buffer.from(text);
  })() });
}
