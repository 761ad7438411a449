// Choosing the year a report is about, and the year before it when the dataset has one.
import { DataError } from '../errors.js';
import type { Dataset, YearRecord } from './types.js';

/** The record for `year`, or the latest year when none is asked for. */
export function selectYear(dataset: Dataset, year?: number): YearRecord {
  if (year === undefined) {
    const latest = dataset.years[dataset.years.length - 1];
    if (!latest) throw new DataError(`dataset "${dataset.id}" has no yearly figures`);
    return latest;
  }
  const found = dataset.years.find((r) => r.year === year);
  if (!found) {
    const have = dataset.years.map((r) => r.year).join(', ');
    throw new DataError(`dataset "${dataset.id}" has no figures for ${year} (it has: ${have})`);
  }
  return found;
}

export function previousYear(dataset: Dataset, record: YearRecord): YearRecord | undefined {
  return dataset.years.find((r) => r.year === record.year - 1);
}
