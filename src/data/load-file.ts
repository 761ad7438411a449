// Reading a dataset file (or stdin) into datasets: size cap, directory and missing-file errors,
// UTF-8 with or without BOM, format by extension or by content. The CSV parser and the JSON error
// locator are loaded only here, only when a file is read, so start-up stays fast.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Dataset } from '../core/types.js';
import { DataError } from '../errors.js';

/** A dataset is a few kilobytes; past 64 MiB it is the wrong file, not a big dataset. */
export const MAX_DATASET_BYTES = 64 * 1024 * 1024;

export type DatasetFormat = 'json' | 'csv';

export interface LoadedDatasets {
  /** The file as named in messages: the path as given, or "<stdin>". */
  name: string;
  format: DatasetFormat;
  /** One per reporter: a JSON file holds one, a CSV file one for each reporter in it. */
  datasets: Dataset[];
  /** True for the listing of the built-in datasets (no file was read). */
  builtIn?: boolean | undefined;
}

export interface LoadOptions {
  cwd: string;
  stdin?: AsyncIterable<string | Uint8Array> | undefined;
  maxBytes?: number;
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function tooLarge(name: string, max: number): DataError {
  return new DataError(`${name}: the file is larger than ${mib(max)} (a dataset is at most ${mib(max)}; is this the right file?)`);
}

async function readStdin(stream: AsyncIterable<string | Uint8Array>, name: string, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.from(chunk);
    size += buf.length;
    if (size > max) throw tooLarge(name, max);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function readPath(path: string, name: string, max: number): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new DataError(`${name}: is a directory (expected a JSON or CSV dataset file)`);
    if (info.size > max) throw tooLarge(name, max);
    const buf = await readFile(path);
    // A pipe or a growing file has no size up front: check what was read.
    if (buf.length > max) throw tooLarge(name, max);
    return buf;
  } catch (err) {
    if (err instanceof DataError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError(`${name}: no such file (expected a JSON or CSV dataset file)`);
    if (code === 'EISDIR') throw new DataError(`${name}: is a directory (expected a JSON or CSV dataset file)`);
    if (code === 'EACCES' || code === 'EPERM') throw new DataError(`${name}: permission denied (the file cannot be read)`);
    throw new DataError(`${name}: cannot be read (${(err as Error).message})`);
  }
}

function decode(buf: Buffer, name: string): string {
  try {
    // TextDecoder drops a leading UTF-8 BOM by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new DataError(`${name}: is not UTF-8 text (expected a JSON or CSV file saved as UTF-8)`);
  }
}

/** By extension when it says; otherwise by content: a JSON dataset starts with "{". */
export function detectFormat(name: string, text: string): DatasetFormat {
  const ext = extname(name).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  return /^\s*[{[]/.test(text) ? 'json' : 'csv';
}

/** Datasets from text already read; `name` is used in messages and to pick the format. */
export async function datasetsFromText(text: string, name: string, format: DatasetFormat = detectFormat(name, text)): Promise<LoadedDatasets> {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') {
    throw new DataError(`${name}: the file is empty (expected a JSON dataset or a CSV with a header row such as reporter,year,exports,imports)`);
  }
  if (format === 'csv') {
    const { datasetsFromCsv } = await import('./csv-dataset.js');
    return { name, format, datasets: datasetsFromCsv(clean, name) };
  }
  const { parseJsonText } = await import('./json-text.js');
  const { datasetFromJson } = await import('./dataset.js');
  const doc = await parseJsonText(clean, name);
  return { name, format, datasets: [datasetFromJson(doc, name)] };
}

/** Reads `path` ("-" for stdin) and returns its datasets; every failure is a DataError naming the file. */
export async function loadDatasetFile(path: string, options: LoadOptions): Promise<LoadedDatasets> {
  const max = options.maxBytes ?? MAX_DATASET_BYTES;
  if (path === '-') {
    const name = '<stdin>';
    if (!options.stdin) throw new DataError(`${name}: no standard input to read`);
    return datasetsFromText(decode(await readStdin(options.stdin, name, max), name), name);
  }
  const buf = await readPath(resolve(options.cwd, path), path, max);
  return datasetsFromText(decode(buf, path), path);
}
