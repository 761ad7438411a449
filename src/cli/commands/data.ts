// `tradecalc data list|show|validate|schema`: what datasets there are, what one holds, whether a
// file is a valid dataset (every problem at once, exit 3 if any), and the JSON Schema of the format.
import { builtinDatasetIds, loadBuiltinDataset } from '../../data/builtin.js';
import { DataError, UsageError } from '../../errors.js';
import { type DatasetOptions, pickReporter, resolveDatasets } from '../dataset.js';
import type { IO } from '../io.js';
import { parsePath } from '../options.js';
import { emit, type OutputOptions } from '../output.js';
import { didYouMean } from '../../suggest.js';

const views = () => import('../../render/data-views.js');

export async function runDataList(opts: DatasetOptions, output: OutputOptions, io: IO): Promise<number> {
  if (opts.reporter !== undefined) throw new UsageError('data list lists every reporter of a file; leave out --reporter (or use data show --reporter)');
  const listing =
    opts.data !== undefined
      ? await resolveDatasets(opts, io).then((l) => ({ origin: l.name, datasets: l.datasets }))
      : { origin: 'built-in', datasets: builtinDatasetIds().map((id) => loadBuiltinDataset(id)!) };
  await emit(io, output, {
    json: async () => (await views()).datasetListToJson(listing),
    grid: async () => (await views()).datasetListToGrid(listing),
    text: async (ctx) => (await views()).renderDatasetListAsText(listing, ctx),
  });
  return 0;
}

export async function runDataShow(id: string | undefined, opts: DatasetOptions, output: OutputOptions, io: IO): Promise<number> {
  if (id !== undefined && (opts.data !== undefined || opts.dataset !== undefined)) {
    throw new UsageError(`data show ${JSON.stringify(id)} names a built-in dataset, and ${opts.data !== undefined ? '--data' : '--dataset'} names another (give one)`);
  }
  if (id !== undefined && !builtinDatasetIds().includes(id)) {
    throw new UsageError(`data show ${JSON.stringify(id)}: there is no built-in dataset of that id${didYouMean(id, builtinDatasetIds())} (expected one of: ${builtinDatasetIds().join(', ')}; for a file, use --data)`);
  }
  const loaded = await resolveDatasets(id !== undefined ? { dataset: id } : opts, io);
  const dataset = pickReporter(loaded, opts.reporter);
  await emit(io, output, {
    json: async () => (await views()).datasetToJson(dataset),
    grid: async () => (await views()).datasetToGrid(dataset),
    text: async (ctx) => (await views()).renderDatasetAsText(dataset, ctx),
  });
  return 0;
}

export async function runDataValidate(file: string, opts: DatasetOptions, output: OutputOptions, io: IO): Promise<number> {
  if (opts.data !== undefined || opts.dataset !== undefined) {
    throw new UsageError(`data validate takes the file as its argument; leave out ${opts.data !== undefined ? '--data' : '--dataset'}`);
  }
  const { loadDatasetFile } = await import('../../data/load-file.js');
  // Any problem is a DataError listing every one of them: exit 3, the problems on stderr. With
  // --json the verdict is also a document on stdout, valid or not, for scripts that check files.
  const path = parsePath('file', file);
  let loaded;
  try {
    loaded = await loadDatasetFile(path, { cwd: io.cwd, stdin: io.stdin });
  } catch (err) {
    if (err instanceof DataError && output.format === 'json') {
      const { JSON_SCHEMA_VERSION } = await import('../../render/json.js');
      await emit(io, output, {
        json: () => ({ schemaVersion: JSON_SCHEMA_VERSION, kind: 'validation', valid: false, file: path === '-' ? '<stdin>' : path, error: err.message, problems: [...err.problems] }),
        grid: () => ({ columns: [], rows: [] }),
        text: () => '',
      });
    }
    throw err;
  }
  // With --reporter, the file must also hold that reporter.
  if (opts.reporter !== undefined) pickReporter(loaded, opts.reporter);
  const listing = { origin: loaded.name, datasets: loaded.datasets };
  await emit(io, output, {
    json: async () => (await views()).datasetListToJson(listing, 'validation', { valid: true, file: loaded.name, format: loaded.format }),
    grid: async () => (await views()).datasetListToGrid(listing),
    text: async () => (await views()).validationText(listing, loaded.format),
  });
  return 0;
}

export async function runDataSchema(output: OutputOptions, io: IO): Promise<number> {
  const [{ toJsonSchema }, { DatasetSchema }] = await Promise.all([import('@valibot/to-json-schema'), import('../../data/schema.js')]);
  // Checks valibot cannot express in JSON Schema (decimal strings parsed as numbers, units) are
  // left out rather than failing; the schema describes the shape, `data validate` the rest.
  const schema = toJsonSchema(DatasetSchema, { errorMode: 'ignore' });
  const doc = {
    $schema: schema.$schema,
    title: 'tradecalc dataset',
    description: 'A trade dataset for tradecalc: yearly exports and imports as stated, monthly growth, forecasts and claims. Validate with `tradecalc data validate <file>`.',
    ...schema,
  };
  await emit(io, { ...output, format: 'json' }, {
    json: () => doc as never,
    grid: () => {
      throw new UsageError('data schema prints a JSON Schema: only --format json applies');
    },
    text: () => `${JSON.stringify(doc, null, 2)}\n`,
  });
  return 0;
}
