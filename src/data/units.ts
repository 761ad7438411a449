// Strict parsing of numbers, percentages and amounts with units ("3.77T", "$1.2 trillion",
// "800bn", "USD thousand") into Decimals. Every figure enters the program through here, as text:
// decimal.js alone would accept NaN, Infinity, hex and underscores, so those are refused first.
import { Decimal } from '../core/decimal.js';

/** A plain decimal literal: optional sign, digits with an optional fraction, optional exponent. */
const DECIMAL_RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * The most decimal places a figure may carry. Anything finer is no trade statistic, and a value
 * such as 1e-9999 would otherwise come out as ten thousand digits of JSON.
 */
export const MAX_DECIMAL_PLACES = 20;

export interface ParsedNumber {
  value: Decimal;
  /** Half a unit in the last stated digit: "3.77" → 0.005, "1e12" → 0.5e12. */
  halfWidth: Decimal;
  /** The currency the text names ("$" is USD, "EUR 3.77T" is EUR); undefined when it names none. */
  currency?: string | undefined;
}

/** Parses a strict decimal literal; returns null for anything else (NaN, Infinity, hex, "1_000", ""). */
export function parseDecimal(text: string): ParsedNumber | null {
  if (text.length > 400) return null;
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  if (m[3] && Math.abs(Number(m[3])) > 1000) return null;
  const mantissa = m[2]!;
  const exponent = m[3] ? Number(m[3]) : 0;
  const dot = mantissa.indexOf('.');
  const decimals = dot === -1 ? 0 : mantissa.length - dot - 1;
  const value = new Decimal(`${m[1]}${mantissa}e${exponent}`);
  // Normalise -0 to 0 so no output ever shows "-0".
  const normalised = value.isZero() ? new Decimal(0) : value;
  const halfWidth = new Decimal(5).times(new Decimal(10).pow(exponent - decimals - 1));
  return { value: normalised, halfWidth };
}

export const UNIT_FACTORS = {
  '1': new Decimal(1),
  K: new Decimal('1e3'),
  M: new Decimal('1e6'),
  B: new Decimal('1e9'),
  T: new Decimal('1e12'),
} as const;
export type UnitSymbol = keyof typeof UNIT_FACTORS;

const UNIT_WORDS: Record<string, UnitSymbol> = {
  '': '1',
  '1': '1',
  unit: '1',
  units: '1',
  k: 'K',
  thousand: 'K',
  thousands: 'K',
  m: 'M',
  mn: 'M',
  mln: 'M',
  million: 'M',
  millions: 'M',
  b: 'B',
  bn: 'B',
  billion: 'B',
  billions: 'B',
  t: 'T',
  tn: 'T',
  trillion: 'T',
  trillions: 'T',
};

/** Words of every unit, looked up without touching Object.prototype ("constructor" is no unit). */
const UNITS = new Map<string, UnitSymbol>(Object.entries(UNIT_WORDS));

/**
 * A unit as written in a dataset or an option: "T", "trillion", "USD bn", "$ thousand". A leading
 * currency code or "$" may name the currency: `unitCurrency` says which.
 */
export function parseUnit(text: string): UnitSymbol | null {
  const cleaned = text
    .trim()
    .replace(/^(?:\$|US\$|[A-Z]{3}\b)\s*/, '')
    .trim()
    .toLowerCase();
  return UNITS.get(cleaned) ?? null;
}

/** The currency a unit names: "USD bn" → USD, "$ thousand" → USD, "bn" → undefined. */
export function unitCurrency(text: string): string | undefined {
  const m = /^\s*(\$|US\$|[A-Z]{3}\b)/.exec(text);
  if (!m) return undefined;
  return m[1] === '$' || m[1] === 'US$' ? 'USD' : m[1];
}

/** Describes what an amount should look like, for error messages. */
export const AMOUNT_EXPECTED = 'an amount such as 1T, 800B, 250M, 1e12 or "$1.2 trillion"';

/**
 * An amount with an optional sign, currency prefix and unit suffix: "1T", "-500B", "$1.2 trillion",
 * "800bn", "1e12", "USD 3.77 tn". Returns the value in base units, or null when it is not one.
 */
export function parseAmount(text: string): ParsedNumber | null {
  if (text.length > 200) return null;
  // A currency before the number: $ or US$ (USD), € (EUR), £ (GBP), or an ISO code and a space.
  // (¥ is left out: it is the yen's sign and the yuan's.)
  const m = /^\s*([+-]?)\s*(\$|US\$|€|£|[A-Z]{3}\s)?\s*([0-9.eE+-]+?)\s*([A-Za-z]*)\s*$/.exec(text);
  if (!m) return null;
  const num = parseDecimal(`${m[1]}${m[3]}`);
  if (!num) return null;
  const unit = parseUnit(m[4] ?? '');
  if (!unit) return null;
  const factor = UNIT_FACTORS[unit];
  const value = num.value.times(factor);
  const cur = m[2]?.trim();
  const currency = cur === undefined ? undefined : cur === '$' || cur === 'US$' ? 'USD' : cur === '€' ? 'EUR' : cur === '£' ? 'GBP' : cur;
  return { value: value.isZero() ? new Decimal(0) : value, halfWidth: num.halfWidth.times(factor), currency };
}
