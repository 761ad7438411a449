// The datasets that ship with tradecalc, embedded at build time so they load without file I/O.
import china2025 from '../../fixtures/china-2025.json' with { type: 'json' };
import type { Dataset } from '../core/types.js';
import { datasetFromJson } from './dataset.js';

const BUILTIN: Record<string, unknown> = {
  'china-2025': china2025,
};

export const DEFAULT_DATASET_ID = 'china-2025';

export function builtinDatasetIds(): string[] {
  return Object.keys(BUILTIN);
}

/** A built-in dataset by id, validated like any file; undefined when there is no such id. */
export function loadBuiltinDataset(id: string = DEFAULT_DATASET_ID): Dataset | undefined {
  const doc = BUILTIN[id];
  if (doc === undefined) return undefined;
  return datasetFromJson(doc, `built-in dataset "${id}"`);
}
