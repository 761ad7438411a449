// Raw option strings become typed, validated values here and nowhere else ("low args" to "high
// args", before any file is opened). Each failure is a UsageError naming the option, the value and
// what was expected.
import { Decimal } from '../core/decimal.js';
import { AMOUNT_MAX_ABS, GROWTH_MAX_PCT, GROWTH_MIN_PCT, SD_MAX_PCT, YEARS_MAX, YEARS_MIN } from '../core/limits.js';
import { type DecimalRange, rangeCount, singleRange } from '../core/range.js';
import { gapText } from '../core/select.js';
import type { YearGap } from '../core/types.js';
import { AMOUNT_EXPECTED, MAX_DECIMAL_PLACES, parseAmount, parseDecimal, parseUnit } from '../data/units.js';
import { UsageError } from '../errors.js';
import { formatCount } from '../render/format.js';
import { DISPLAY_UNITS } from './defaults.js';
import { didYouMean } from '../suggest.js';

const PCT_EXPECTED = `a percentage such as 3 or -1.5, from ${GROWTH_MIN_PCT} to ${GROWTH_MAX_PCT}`;

const grouped = formatCount;

function quoted(raw: string): string {
  return JSON.stringify(raw);
}

function tooPrecise(option: string, raw: string, value: Decimal): void {
  if (value.decimalPlaces() > MAX_DECIMAL_PLACES) {
    throw new UsageError(`${option} ${quoted(raw)} has more than ${MAX_DECIMAL_PLACES} decimal places`);
  }
}

/** A growth rate in percent: "3", "-2", "2.5". */
export function parseGrowth(option: string, raw: string): Decimal {
  const parsed = parseDecimal(raw);
  if (!parsed) throw new UsageError(`${option} ${quoted(raw)} is not a number (expected ${PCT_EXPECTED})`);
  const v = parsed.value;
  if (v.lt(GROWTH_MIN_PCT)) {
    throw new UsageError(`${option} ${quoted(raw)} is below ${GROWTH_MIN_PCT} (nothing falls by more than all of it; expected ${PCT_EXPECTED})`);
  }
  if (v.gt(GROWTH_MAX_PCT)) throw new UsageError(`${option} ${quoted(raw)} is out of range (expected ${PCT_EXPECTED})`);
  tooPrecise(option, raw, v);
  return v;
}

/**
 * One rate, or one per year ("3,2.5,2"). A single rate applies to every year; a list must cover
 * every year (extra rates are refused too, since they would be silently ignored).
 */
export function parseGrowthList(option: string, raw: string, years: number): Decimal[] {
  const rates = raw.split(',').map((part) => parseGrowth(option, part));
  if (rates.length === 1) return Array.from({ length: years }, () => rates[0]!);
  if (rates.length !== years) {
    throw new UsageError(`${option} ${quoted(raw)} gives ${rates.length} rates for ${years} year${years === 1 ? '' : 's'} (give one rate, or one per year)`);
  }
  return rates;
}

/** A whole number within [min, max]; `expected` says what, for the message. */
function wholeNumber(option: string, raw: string, min: number, max: number, expected: string): number {
  const parsed = parseDecimal(raw);
  if (!parsed) throw new UsageError(`${option} ${quoted(raw)} is not a number (expected ${expected})`);
  if (!parsed.value.isInteger()) throw new UsageError(`${option} ${quoted(raw)} is not a whole number (expected ${expected})`);
  if (parsed.value.lt(min) || parsed.value.gt(max)) throw new UsageError(`${option} ${quoted(raw)} is out of range (expected ${expected})`);
  return parsed.value.toNumber();
}

/** Whole number of years within limits. */
export function parseYears(option: string, raw: string, min = YEARS_MIN, max = YEARS_MAX): number {
  return wholeNumber(option, raw, min, max, `a whole number of years from ${min} to ${max}`);
}

/** A calendar year: 1000 to 9999. */
export function parseCalendarYear(option: string, raw: string): number {
  const parsed = parseDecimal(raw);
  if (!parsed || !parsed.value.isInteger() || parsed.value.lt(1000) || parsed.value.gt(9999)) {
    throw new UsageError(`${option} ${quoted(raw)} is not a year (expected a four-digit year such as 2025)`);
  }
  return parsed.value.toNumber();
}

/** A year the dataset has figures for: --year must name one of them (the latest is the default). */
export function checkDatasetYear(option: string, year: number, dataset: { id: string; years: readonly { year: number }[]; gaps?: readonly YearGap[] }): void {
  if (!dataset.years.some((r) => r.year === year)) {
    const gap = dataset.gaps?.find((g) => g.year === year);
    if (gap) throw new UsageError(`${option} ${quoted(String(year))}: ${gapText(gap)}`);
    const have = dataset.years.map((r) => r.year);
    const list = have.length > 12 ? `${have[0]}–${have[have.length - 1]}, not every year` : have.join(', ');
    throw new UsageError(`${option} ${quoted(String(year))} is not a year of dataset "${dataset.id}" (it has: ${list})`);
  }
}

/**
 * parseAmount, with any failure inside it read as "not an amount". It looks its unit word up in a
 * table; until that table is a Map (the loader rewrite), a word only Object.prototype knows
 * ("1constructor") makes it throw instead of returning null.
 */
function amountOrNull(raw: string): ReturnType<typeof parseAmount> {
  try {
    return parseAmount(raw);
  } catch {
    return null;
  }
}

/**
 * An amount with an optional unit ("1T", "800B", "1e12", "$1.2 trillion", "-500B"), with the currency it states ("EUR 1T", "€1T", "$1T"), if any: checked against the
 * data's currency once the data is read (nothing is converted).
 */
export function parseAmountWithCurrency(option: string, raw: string): { value: Decimal; currency: string | undefined } {
  const parsed = amountOrNull(raw);
  if (!parsed) throw new UsageError(`${option} ${quoted(raw)} is not an amount (expected ${AMOUNT_EXPECTED})`);
  if (parsed.value.abs().gt(new Decimal(AMOUNT_MAX_ABS))) {
    throw new UsageError(`${option} ${quoted(raw)} is out of range (expected an amount of at most ${AMOUNT_MAX_ABS} in magnitude)`);
  }
  tooPrecise(option, raw, parsed.value);
  return { value: parsed.value, currency: parsed.currency };
}

/** A usage error when an option's amount is in another currency than the data's. */
export function checkOptionCurrency(option: string, raw: string, currency: string | undefined, dataCurrency: string): void {
  if (currency !== undefined && currency !== dataCurrency) {
    throw new UsageError(`${option} ${quoted(raw)} is in ${currency}, but the data is in ${dataCurrency} (nothing is converted: give it in ${dataCurrency}, or without a currency)`);
  }
}

/** One of a fixed set of words. */
export function parseChoice<T extends string>(option: string, raw: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === raw);
  if (found === undefined) throw new UsageError(`${option} ${quoted(raw)} is not one of ${choices.join(', ')}${didYouMean(raw, choices)}`);
  return found;
}

export type DisplayUnitChoice = (typeof DISPLAY_UNITS)[number];
export { DISPLAY_UNITS };

/** The display unit of tables: T, B, M, K or 1 (case does not matter), or auto. */
export function parseDisplayUnit(option: string, raw: string): DisplayUnitChoice {
  const wanted = raw.trim().toUpperCase();
  // The unit words amounts take name the same units: "bn", "billion", "million", "thousand".
  const symbol = parseUnit(raw);
  const found = DISPLAY_UNITS.find((u) => u.toUpperCase() === wanted) ?? DISPLAY_UNITS.find((u) => u === symbol);
  if (found === undefined) throw new UsageError(`${option} ${quoted(raw)} is not a display unit${didYouMean(raw, DISPLAY_UNITS)} (expected T, B, M, K, 1 or auto)`);
  return found;
}

/** The format a file name asks for by its extension, or undefined when it does not say. */
export function formatFromExtension(path: string): 'json' | 'csv' | 'markdown' | 'table' | 'svg' | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  switch (ext) {
    case 'json':
      return 'json';
    case 'csv':
      return 'csv';
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'txt':
    case 'text':
      return 'table';
    case 'svg':
      return 'svg';
    default:
      return undefined;
  }
}

/** A non-empty file path for an option such as --data or --output. */
/**
 * --chart (true), --no-chart (false) or neither (undefined), against the format: the chart is drawn
 * under the table(s) or is the SVG itself, so --chart goes with those two (the picture is the chart)
 * and with no other; --no-chart contradicts svg.
 */
export function parseChartFlag(raw: { chart?: unknown }, format: string, under: 'table' | 'tables'): boolean | undefined {
  const chart = raw.chart === undefined ? undefined : raw.chart === true;
  if (chart === true && format !== 'table' && format !== 'svg') {
    throw new UsageError(`--chart draws under the ${under} and cannot go with --format ${format} (leave out one of them)`);
  }
  if (chart === false && format === 'svg') throw new UsageError('--no-chart leaves out the chart, and an SVG is the chart (leave out one of them)');
  return chart;
}

export function parsePath(option: string, raw: string): string {
  if (raw.trim() === '') throw new UsageError(`${option} ${quoted(raw)} is empty (expected a file name)`);
  return raw;
}

/**
 * A range of growth rates, "start:stop:step" ("-4:4:0.5"), or one rate as a range of one.
 * Values are start + i·step in exact decimal; stop is included when it falls on a step.
 */
export function parseRange(option: string, raw: string): DecimalRange {
  const expected = 'a range start:stop:step such as -4:4:0.5, or a single rate such as 3';
  const parts = raw.split(':');
  if (parts.length === 1) return singleRange(parseGrowth(option, raw));
  if (parts.length !== 3) throw new UsageError(`${option} ${quoted(raw)} is not a range (expected ${expected})`);
  const [startText, stopText, stepText] = parts.map((p) => p.trim()) as [string, string, string];
  const start = parseGrowth(`${option} start`, startText);
  const stop = parseGrowth(`${option} stop`, stopText);
  const step = parseDecimal(stepText);
  if (!step) throw new UsageError(`${option} ${quoted(raw)} has a step ${quoted(stepText)} that is not a number (expected ${expected})`);
  if (!step.value.gt(0)) throw new UsageError(`${option} ${quoted(raw)} has a step of ${stepText}, which is not above zero (expected ${expected})`);
  if (stop.lt(start)) throw new UsageError(`${option} ${quoted(raw)} starts above where it stops (expected start <= stop, as in ${expected})`);
  return { start, stop, step: step.value };
}

/** Refuses a grid of more than `max` cells before anything is computed, saying how large it would be. */
export function checkGridSize(exportRange: DecimalRange, importRange: DecimalRange, max: number): void {
  const cols = rangeCount(exportRange);
  const rows = rangeCount(importRange);
  const cells = cols * rows;
  if (cells > max) {
    const n = (x: number) => (Number.isFinite(x) ? grouped(x) : 'more than 2^53');
    throw new UsageError(
      `--growth and --import-growth make a grid of ${n(cols)} × ${n(rows)} = ${n(cells)} cells (at most ${grouped(max)}; use a larger step or a narrower range)`,
    );
  }
}

/** A whole number within [min, max], written plainly or with an exponent ("1e6"). */
export function parseWholeNumber(option: string, raw: string, min: number, max: number, what: string): number {
  return wholeNumber(option, raw, min, max, `${what}, a whole number from ${grouped(min)} to ${grouped(max)}`);
}

/** A standard deviation of growth in percentage points: 0 (certain) to SD_MAX_PCT. */
export function parseSd(option: string, raw: string): Decimal {
  const expected = `a standard deviation in percentage points such as 4, from 0 to ${SD_MAX_PCT}`;
  const parsed = parseDecimal(raw);
  if (!parsed) throw new UsageError(`${option} ${quoted(raw)} is not a number (expected ${expected})`);
  if (parsed.value.isNegative()) throw new UsageError(`${option} ${quoted(raw)} is negative (expected ${expected})`);
  if (parsed.value.gt(SD_MAX_PCT)) throw new UsageError(`${option} ${quoted(raw)} is out of range (expected ${expected})`);
  return parsed.value;
}

/** A correlation coefficient from −1 to 1. */
export function parseCorrelation(option: string, raw: string): Decimal {
  const expected = 'a correlation from -1 to 1, such as 0.5';
  const parsed = parseDecimal(raw);
  if (!parsed) throw new UsageError(`${option} ${quoted(raw)} is not a number (expected ${expected})`);
  if (parsed.value.abs().gt(1)) throw new UsageError(`${option} ${quoted(raw)} is out of range (expected ${expected})`);
  return parsed.value;
}

/** Scenario names, repeated (--scenario a --scenario b) or as a comma list ("a,b"), each known. */
export function parseScenarioNames(option: string, raws: readonly string[], known: readonly string[]): string[] {
  const names: string[] = [];
  for (const raw of raws) {
    for (const part of raw.split(',')) {
      const name = part.trim();
      if (!known.includes(name)) throw new UsageError(`${option} ${quoted(name)} is not a scenario${didYouMean(name, known)} (expected one of: ${known.join(', ')})`);
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}
