// Validating a parsed dataset document against the schema, naming the JSON path of every problem,
// then converting it (src/data/convert.ts) into the core's typed Dataset.
import * as v from 'valibot';
import type { Dataset } from '../core/types.js';
import { DataError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { capped, datasetFromValidated } from './convert.js';
import { DatasetCollectionSchema, DatasetSchema, type RawDataset } from './schema.js';

export { MAX_AMOUNT, MAX_RATE, amountFigure, rateFigure } from './convert.js';

/** Validates a parsed JSON document and converts it; throws one DataError listing every problem. */
export function datasetFromJson(doc: unknown, source: string): Dataset {
  const result = v.safeParse(DatasetSchema, doc);
  if (!result.success) {
    const problems = result.issues.map((issue) => `${jsonPath(issue)}: ${describe(issue)}`);
    // The checks a schema cannot make (units, duplicate years, what a claim needs) run too, as far
    // as the document's shape allows, so one run lists every problem rather than the shape's first.
    try {
      datasetFromValidated(doc as RawDataset, source);
    } catch (err) {
      if (err instanceof DataError) problems.push(...err.problems);
    }
    throw new DataError(`${source}: invalid dataset`, capped(dedupe(problems)));
  }
  return datasetFromValidated(result.output, source);
}

/** A dataset document, or a collection of them (`{"schemaVersion": 2, "datasets": [...]}`). */
export function datasetsFromJson(doc: unknown, source: string): Dataset[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    const what = Array.isArray(doc) ? 'an array' : doc === null ? 'null' : `a ${typeof doc}`;
    throw new DataError(`${source}: invalid dataset`, [`$: expected an object such as {"schemaVersion": 2, "id": …} (the file holds ${what})`]);
  }
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc) && 'datasets' in doc && !('reporter' in doc)) {
    const result = v.safeParse(DatasetCollectionSchema, doc);
    if (!result.success) {
      throw new DataError(`${source}: invalid dataset`, capped(dedupe(result.issues.map((issue) => `${jsonPath(issue)}: ${describe(issue)}`))));
    }
    const problems: string[] = [];
    const out: Dataset[] = [];
    result.output.datasets.forEach((d, i) => {
      try {
        out.push(datasetFromValidated({ ...d, schemaVersion: result.output.schemaVersion }, source));
      } catch (err) {
        if (!(err instanceof DataError)) throw err;
        problems.push(...err.problems.map((p) => p.replace(/^\$/, `$.datasets[${i}]`)));
      }
    });
    if (problems.length > 0) throw new DataError(`${source}: invalid dataset`, capped(problems));
    return out;
  }
  return [datasetFromJson(doc, source)];
}

/** Every field name the format knows, for "did you mean" on an unknown one. */
const FIELD_NAMES = [
  'schemaVersion', 'id', 'title', 'reporter', 'reporterCode', 'currency', 'source', 'years', 'months', 'partners', 'partner', 'partnerCode', 'provenance', 'datasets', 'forecasts', 'claims', 'scenarios',
  'year', 'exports', 'imports', 'exportGrowthPct', 'importGrowthPct', 'month', 'balance', 'gdpGrowthPct', 'value', 'unit',
  'qualifier', 'label', 'metric', 'from', 'to', 'publisher', 'published', 'basis', 'place', 'url', 'note', 'description',
];

/** valibot's own words for a missing or unknown field are for programmers; these are for people. */
function describe(issue: v.BaseIssue<unknown>): string {
  const key = issue.path?.[issue.path.length - 1]?.key;
  if (issue.kind === 'schema' && (issue.type === 'strict_object' || issue.type === 'object') && typeof key === 'string') {
    if (issue.received === 'undefined') return `missing field "${key}"`;
    if (issue.expected === 'never') {
      return `unknown field "${key}"${didYouMean(key, FIELD_NAMES)}`;
    }
  }
  return issue.message;
}

function jsonPath(issue: v.BaseIssue<unknown>): string {
  let path = '$';
  for (const item of issue.path ?? []) {
    path += typeof item.key === 'number' ? `[${item.key}]` : /^[A-Za-z_$][\w$]*$/.test(String(item.key)) ? `.${String(item.key)}` : `[${JSON.stringify(item.key)}]`;
  }
  return path;
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}

