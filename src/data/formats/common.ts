// Pieces every importer needs: finding columns by name, reading a publisher's number (thousands
// separators, a scale, "-" or "" for missing), and reading periods in the publishers' spellings.
import { Decimal } from '../../core/decimal.js';
import { AMOUNT_MAX_ABS } from '../../core/limits.js';
import { MAX_DECIMAL_PLACES, parseDecimal } from '../units.js';
import type { ValueReading } from './layout.js';

/** Header names compared without case, spaces or punctuation: "Trade Value (US$)" ~ "tradevalueus"; letters of any script are kept ("贸易伙伴"). */
export function headerKey(name: string): string {
  return name.replace(/^\uFEFF/, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The index of each wanted column (-1 when absent), matched by headerKey against any of its spellings. */
export function columnIndexes<K extends string>(header: readonly string[], wanted: Record<K, readonly string[]>): Record<K, number> {
  const keys = header.map(headerKey);
  const out = {} as Record<K, number>;
  for (const name of Object.keys(wanted) as K[]) out[name] = keys.findIndex((k) => wanted[name].some((w) => headerKey(w) === k));
  return out;
}

/** Whether the header has every one of the names (as headerKey spells them). */
export function hasColumns(header: readonly string[] | undefined, names: readonly string[]): boolean {
  if (!header) return false;
  const keys = new Set(header.map(headerKey));
  return names.every((n) => keys.has(headerKey(n)));
}

/**
 * A code table's entry for a publisher's cell, own entries only: a cell that reads "constructor" or
 * "__proto__" is an unknown code, never a property every object has.
 */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Why rows are left out, worded once: the streaming reader and the bulk engine say the same. */
export const REASONS = {
  missingValue: 'rows without a value (missing, which is not zero)',
  otherReporters: 'other reporters (not selected)',
  otherPartners: 'other partners (not selected)',
} as const;

/** Markers publishers use for a value they do not have: never read as zero. */
const MISSING = new Set(['', '-', '..', '...', 'na', 'n/a', 'nan', 'null', 'x', ':', '?']);

/**
 * A value as a publisher writes it: "123456", "1,161" (with `thousands`), "-12.5", in units of
 * `scale` (1000 for thousands). "missing" for an empty cell or a marker; null for text that is no number.
 */
const MAX_VALUE = new Decimal(AMOUNT_MAX_ABS);

/** What a publisher's value must be, for the message that refuses one. */
export const VALUE_RULE = `a decimal number, at most ${AMOUNT_MAX_ABS} in size and ${MAX_DECIMAL_PLACES} decimal places`;

export function readValue(text: string | undefined, scale: Decimal, options: { thousands?: boolean } = {}): ValueReading | 'missing' | null {
  if (text === undefined) return 'missing';
  let t = text.trim();
  if (MISSING.has(t.toLowerCase())) return 'missing';
  if (options.thousands) {
    if (!/^[+-]?\d{1,3}(,\d{3})*(\.\d+)?$/.test(t) && !/^[+-]?\d+(\.\d+)?$/.test(t)) return null;
    t = t.replace(/,/g, '');
  }
  const parsed = parseDecimal(t);
  // The bounds of every amount tradecalc reads: a dataset it writes must read back.
  if (!parsed || parsed.value.abs().gt(MAX_VALUE) || parsed.value.decimalPlaces() > MAX_DECIMAL_PLACES) return null;
  return { value: parsed.value.times(scale), halfWidth: parsed.halfWidth.times(scale) };
}

/** A running sum of a publisher's values, for an importer that sums parts before it adds them. */
export interface PartSum {
  value: Decimal;
  halfWidth: Decimal;
  /** The rows with a value summed. */
  rows: number;
  /** A part had no value: the sum is not the total (a missing value is not zero). */
  missing: boolean;
}

/** Adds one reading to a sum; a missing one marks the sum as unknown rather than adding zero. */
export function addPart(sum: PartSum, reading: ValueReading | 'missing'): void {
  if (reading === 'missing') {
    sum.missing = true;
    return;
  }
  sum.value = sum.value.plus(reading.value);
  sum.halfWidth = sum.halfWidth.plus(reading.halfWidth);
  sum.rows++;
}

export const ONE = new Decimal(1);
export const THOUSAND = new Decimal(1000);
export const MILLION = new Decimal(1e6);

/**
 * A period as "YYYY" or "YYYY-MM" from the publishers' spellings: 2024, "2024", "202401",
 * "2024-01", "2024-M01", "2024M01", "2024-M1". A quarter ("2024-Q1") or anything else: null.
 */
export function readPeriod(text: string | number | undefined): string | null {
  if (text === undefined || text === null) return null;
  const t = String(text).trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return m[1]!;
  m = /^(\d{4})-?M?(\d{1,2})$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return `${m[1]}-${String(month).padStart(2, '0')}`;
  }
  return null;
}

/** Whether a period string is a quarter ("2024-Q1", "2024Q1"): read but not summed into years. */
export function isQuarter(text: string): boolean {
  return /^\d{4}-?Q[1-4]$/i.test(text.trim());
}

/** A row cap warning, when a file's data rows number exactly a known download cap. */
export function capWarning(file: string, rows: number, caps: readonly number[] | undefined, what: string): string | null {
  if (!caps?.includes(rows)) return null;
  return `${file} has exactly ${rows} rows, the ${what} download cap: it is probably cut short (download it in parts)`;
}

/** One dimension in which a row is a part of a total (a chapter of all commodities, a district of all districts). */
export interface PartOf {
  /** Distinct per dimension (and per level within one), so that rows split by different dimensions never share a rank. */
  weight: number;
  /** What the parts are, for the provenance: "commodity codes". */
  what: string;
}

/** A row's rank (0: a total in every dimension) and the reason its rows are left out beside a better rank. */
export function partsRank(parts: readonly PartOf[]): { rank: number; reason: string } {
  let rank = 0;
  for (const p of parts) rank += p.weight;
  const what = parts.map((p) => p.what).join(', ') || 'part';
  return { rank, reason: `rows by ${what} beside the totals they make up: the totals are used, the parts not summed` };
}

/** Reasons every importer gives in the same words, so that the provenance adds them up across files. */
export const MISSING_VALUE = REASONS.missingValue;
export const OTHER_REPORTERS = REASONS.otherReporters;
export const OTHER_PARTNERS = REASONS.otherPartners;
