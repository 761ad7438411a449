// Helpers shared by the publisher-layout tests: loading files from the repository's root, temp
// files, a figure as text, and a load that must fail with a DataError.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Dataset, Figure } from '../../../src/core/types.js';
import type { FromChoice } from '../../../src/data/formats/layout.js';
import { type LoadedDatasets, loadData } from '../../../src/data/load.js';
import { DataError } from '../../../src/errors.js';

export const root = new URL('../../../', import.meta.url).pathname;

/** Loads --data paths relative to the repository's root, as the CLI run from there would. */
export function load(data: string[], req: { from?: FromChoice; reporter?: string; partner?: string } = {}): Promise<LoadedDatasets> {
  return loadData({ data, ...req }, { cwd: root });
}

/** The error of a load that must fail. */
export async function failure(data: string[]): Promise<DataError> {
  const err = await load(data).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

/** Writes files into a fresh temp folder: write(name, text) returns the path. */
export function tempFiles(prefix: string): (name: string, content: string | Buffer) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

export const text = (f: Figure | undefined) => f?.value.toFixed();
export const partnerOf = (ds: Dataset, name: string) => ds.partners.find((p) => p.partner === name)!;
/** Partners come in the order first read, which splitting a file may change: compared by name. */
export const byName = (partners: Dataset['partners']) => [...partners].sort((a, b) => a.partner.localeCompare(b.partner));
export const MISSING = 'rows without a value (missing, which is not zero)';
