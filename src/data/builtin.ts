// The datasets that ship with tradecalc, embedded in the bundle so they load without file I/O.
// Each is validated against the dataset schema when the program is built (scripts/build.mjs fails,
// naming the JSON path of every problem, on an invalid one) and by the test suite; at run time it is
// converted without loading the schema library, which keeps start-up short.
import china2025 from '../../fixtures/china-2025.json' with { type: 'json' };
import type { Dataset } from '../core/types.js';
import { datasetFromValidated } from './convert.js';
import type { RawDataset } from './schema.js';

// A Map, not an object: an id the user types ("constructor", "__proto__") must find nothing, not
// a property every object inherits.
const BUILTIN = new Map<string, unknown>([['china-2025', china2025]]);

export const DEFAULT_DATASET_ID = 'china-2025';

export function builtinDatasetIds(): string[] {
  return [...BUILTIN.keys()];
}

/** The raw document of a built-in dataset, for validation and for `data show`. */
export function builtinDocument(id: string): unknown {
  return BUILTIN.get(id);
}

/** A built-in dataset by id; undefined when there is no such id. */
export function loadBuiltinDataset(id: string = DEFAULT_DATASET_ID): Dataset | undefined {
  const doc = BUILTIN.get(id);
  if (doc === undefined) return undefined;
  return datasetFromValidated(doc as RawDataset, `built-in dataset "${id}"`);
}
