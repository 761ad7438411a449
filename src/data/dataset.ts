// Validating a parsed dataset document against the schema, naming the JSON path of every problem,
// then converting it (src/data/convert.ts) into the core's typed Dataset.
import * as v from 'valibot';
import type { Dataset } from '../core/types.js';
import { DataError } from '../errors.js';
import { datasetFromValidated } from './convert.js';
import { DatasetSchema } from './schema.js';

export { MAX_AMOUNT, MAX_RATE, amountFigure, rateFigure } from './convert.js';

/** Validates a parsed JSON document and converts it; throws one DataError listing every problem. */
export function datasetFromJson(doc: unknown, source: string): Dataset {
  const result = v.safeParse(DatasetSchema, doc);
  if (!result.success) {
    const problems = result.issues.map((issue) => `${jsonPath(issue)}: ${issue.message}`);
    throw new DataError(`${source}: invalid dataset`, dedupe(problems));
  }
  return datasetFromValidated(result.output, source);
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

