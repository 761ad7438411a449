// Choosing the year a report is about, and the year before it when the dataset has one. A year the
// data holds only in part (year-to-date, or with a flow missing) is never a year: asking for one
// says what the data has instead.
import { DataError } from '../errors.js';
import type { Dataset, YearGap, YearRecord } from './types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A gap in words: "2025 has January–November only (year to date)". */
export function gapText(g: Pick<YearGap, 'year' | 'reason'> & ({ reason: 'year-to-date'; months: readonly number[] } | { reason: 'missing-flow'; missing: readonly string[] })): string {
  if (g.reason === 'year-to-date') {
    const first = MONTHS[g.months[0]! - 1];
    const last = MONTHS[g.months[g.months.length - 1]! - 1];
    const span = g.months.length === 1 ? first : `${first}–${last}`;
    return `${g.year} has ${span} only (${g.months.length} month${g.months.length === 1 ? '' : 's'}: year to date, not a year)`;
  }
  return `${g.year} has no ${g.missing.join(' or ')} figure (missing, which is not zero)`;
}

/** What a dataset with no complete year has instead, for messages. */
function instead(dataset: Dataset): string {
  const parts: string[] = [];
  if (dataset.gaps.length > 0) parts.push(dataset.gaps.map(gapText).join('; '));
  if (dataset.partners.length > 0 && dataset.years.length === 0 && dataset.months.length === 0) {
    const names = dataset.partners.map((p) => p.partner);
    parts.push(`the data has no world total for ${dataset.reporter}, only partners: choose one with --partner (${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''})`);
  }
  return parts.length > 0 ? `: ${parts.join('; ')}` : '';
}

/** "Examplia's trade with Farland has", "China has": the figures as the user chose them, not an internal id. */
function whose(dataset: Dataset): string {
  return dataset.partner === 'World' ? `${dataset.reporter} has` : `${dataset.reporter}'s trade with ${dataset.partner} has`;
}

/** The record for `year`, or the latest year when none is asked for. */
export function selectYear(dataset: Dataset, year?: number): YearRecord {
  if (year === undefined) {
    const latest = dataset.years[dataset.years.length - 1];
    if (!latest) throw new DataError(`${whose(dataset)} no complete year of figures${instead(dataset)}`);
    return latest;
  }
  const found = dataset.years.find((r) => r.year === year);
  if (!found) {
    const gap = dataset.gaps.find((g) => g.year === year);
    if (gap) throw new DataError(`dataset "${dataset.id}": ${gapText(gap)}`);
    const have = dataset.years.map((r) => r.year).join(', ');
    throw new DataError(`dataset "${dataset.id}" has no figures for ${year} (it has: ${have})`);
  }
  return found;
}

export function previousYear(dataset: Dataset, record: YearRecord): YearRecord | undefined {
  return dataset.years.find((r) => r.year === record.year - 1);
}
