// Number formatting for people: money with units ($3.77T, -$190.0B), percentages, percentage
// points. Rounding here is half away from zero (decimal.js ROUND_HALF_UP), the way people round.
import { Decimal } from '../core/decimal.js';

export type DisplayUnit = 'auto' | 'T' | 'B' | 'M' | 'K' | '1';

// Keyed by a DisplayUnit, never by raw text: --unit is matched against DISPLAY_UNITS first.
const SCALE: Record<Exclude<DisplayUnit, 'auto'>, { factor: Decimal; decimals: number }> = {
  T: { factor: new Decimal('1e12'), decimals: 2 },
  B: { factor: new Decimal('1e9'), decimals: 1 },
  M: { factor: new Decimal('1e6'), decimals: 1 },
  K: { factor: new Decimal('1e3'), decimals: 1 },
  '1': { factor: new Decimal(1), decimals: 2 },
};

// A Map: the currency code comes from the data, and must never find an inherited property.
const SYMBOLS = new Map<string, string>([
  ['USD', '$'],
  ['EUR', '€'],
  ['GBP', '£'],
  ['JPY', '¥'],
  ['CNY', 'CN¥'],
  ['INR', '₹'],
]);

export function currencyPrefix(currency: string): string {
  return SYMBOLS.get(currency) ?? `${currency} `;
}

/** The unit a value reads best in: the largest whose value is at least 1. */
export function autoUnit(value: Decimal): Exclude<DisplayUnit, 'auto'> {
  const a = value.abs();
  if (a.gte('1e12')) return 'T';
  if (a.gte('1e9')) return 'B';
  if (a.gte('1e6')) return 'M';
  if (a.gte('1e3')) return 'K';
  return '1';
}

/** A whole count with thousands separators: 1000000 → "1,000,000". (toLocaleString would load ICU, ~15 ms.) */
export function formatCount(n: number): string {
  return groupThousands(String(n));
}

function groupThousands(digits: string): string {
  const [int, frac] = digits.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

export interface MoneyOptions {
  currency?: string;
  unit?: DisplayUnit;
  /** Every significant digit and no trailing zeros ("$1T", "$1.30311T"), for figures such as thresholds. */
  trim?: boolean;
  /** Always show a sign ("+$196.5B"), for changes. */
  sign?: boolean;
  /** Decimals after the point, instead of the unit's usual 2 (T) or 1 (B, M, K). */
  decimals?: number;
  /**
   * Round toward −∞ ("floor") or +∞ ("ceil") instead of to nearest: the ends of a range are
   * rounded outward, so the range printed always contains the exact one.
   */
  rounding?: 'floor' | 'ceil' | undefined;
}

const DIRECTED = { floor: Decimal.ROUND_FLOOR, ceil: Decimal.ROUND_CEIL } as const;

/** "$3.77T", "-$190.0B", "$1,004.9B" (unit B), "+$196.5B" (sign). */
export function formatMoney(input: Decimal, options: MoneyOptions = {}): string {
  // A trimmed figure is rounded to 15 significant digits before its unit is chosen, so a value a
  // hair under $1T (999,999,999,999.9999…) reads "$1T" and not "$1,000B".
  const value = options.trim ? input.toSignificantDigits(15, Decimal.ROUND_HALF_UP) : input;
  const unit = !options.unit || options.unit === 'auto' ? autoUnit(value) : options.unit;
  const { factor } = SCALE[unit];
  const decimals = options.decimals ?? SCALE[unit].decimals;
  // A trimmed figure (a threshold the user typed) shows every digit it has, up to 15 significant:
  // "$1T", "$1.30311T", never "$1.3T" for 1.30311T.
  const directed = options.rounding && !options.trim ? value.div(factor).toDecimalPlaces(decimals, DIRECTED[options.rounding]) : null;
  const scaled = directed ? directed.abs() : value.abs().div(factor);
  let digits = options.trim ? scaled.toSignificantDigits(15, Decimal.ROUND_HALF_UP).toFixed() : scaled.toFixed(decimals, Decimal.ROUND_HALF_UP);
  if (options.trim && digits.includes('.')) digits = digits.replace(/\.?0+$/, '');
  const roundsToZero = /^[0.]+$/.test(digits);
  const negative = directed ? directed.isNegative() : value.isNegative();
  const sign = negative && !roundsToZero ? '-' : options.sign && !roundsToZero ? '+' : '';
  const suffix = unit === '1' ? '' : unit;
  return `${sign}${currencyPrefix(options.currency ?? 'USD')}${groupThousands(digits)}${suffix}`;
}

/** "5.50%", or "+5.50%" with sign; `decimals` defaults to 2. A value that rounds to zero is unsigned. */
export function formatPct(value: Decimal, options: { sign?: boolean; decimals?: number; rounding?: 'floor' | 'ceil' | undefined } = {}): string {
  const places = options.decimals ?? 2;
  const v = options.rounding ? value.toDecimalPlaces(places, DIRECTED[options.rounding]) : value;
  const digits = v.abs().toFixed(places, Decimal.ROUND_HALF_UP);
  const sign = /^[0.]+$/.test(digits) ? '' : v.isNegative() ? '-' : options.sign ? '+' : '';
  return `${sign}${groupThousands(digits)}%`;
}

/** A change in percentage points: "+0.70 pp". */
export function formatPp(value: Decimal, rounding?: 'floor' | 'ceil'): string {
  return `${formatPct(value, { sign: true, rounding }).slice(0, -1)} pp`;
}

/** A range of percentage points, the ends rounded outward: "+0.60 pp to +0.80 pp". */
export function formatPpRange(low: Decimal, high: Decimal): string {
  return `${formatPp(low, 'floor')} to ${formatPp(high, 'ceil')}`;
}

/** A ratio: "1.46×". */
export function formatRatio(value: Decimal): string {
  return `${value.toFixed(2, Decimal.ROUND_HALF_UP)}×`;
}

/** A rate stated as written, without trailing zeros: "3", "-1.5", "5.5". */
export function formatRateCompact(value: Decimal): string {
  return `${value.toFixed()}%`;
}

/**
 * Decimals enough to show a range's width with two significant digits, at least `min`: 3.765T to
 * 3.775T needs three ("$3.765T–$3.775T"), where two would show "$3.77T–$3.78T" and hide the width.
 */
function rangeDecimals(low: Decimal, high: Decimal, factor: Decimal, min: number): number {
  const w = high.minus(low).div(factor);
  if (w.isZero()) return min;
  const needed = Math.ceil(-Math.log10(w.toNumber())) + 1;
  return Math.min(Math.max(min, needed), 6);
}

/** "$982.0B–$1,004.9B": both ends in one unit, chosen from `around` (the value) or the low end. */
export function formatMoneyRange(low: Decimal, high: Decimal, options: MoneyOptions & { around?: Decimal } = {}): string {
  const unit = !options.unit || options.unit === 'auto' ? autoUnit(options.around ?? (low.abs().gt(high.abs()) ? high : low)) : options.unit;
  const decimals = rangeDecimals(low, high, SCALE[unit].factor, SCALE[unit].decimals);
  // A range narrower than any digit shown (a figure stated to the unit) is one value, not "x–x".
  const near = (d: Decimal) => formatMoney(d, { ...options, unit, decimals });
  if (near(low) === near(high)) return formatMoney(low, { ...options, unit });
  // The ends are rounded outward: the printed range contains the exact one.
  const lo = formatMoney(low, { ...options, unit, decimals, rounding: 'floor' });
  const hi = formatMoney(high, { ...options, unit, decimals, rounding: 'ceil' });
  return `${lo}${rangeJoin(low, options.sign)}${hi}`;
}

/** An en dash between ends, but "to" once a sign would stand beside it ("-$1.04T to -$1.02T"). */
function rangeJoin(low: Decimal, signed = false): string {
  return signed || low.isNegative() ? ' to ' : '–';
}

/** "5.45%–5.55%", with decimals enough to show the width, the ends rounded outward. */
export function formatPctRange(low: Decimal, high: Decimal, options: { sign?: boolean } = {}): string {
  const decimals = rangeDecimals(low, high, new Decimal(1), 2);
  if (formatPct(low, { ...options, decimals }) === formatPct(high, { ...options, decimals })) return formatPct(low, { ...options, decimals: 2 });
  const lo = formatPct(low, { ...options, decimals, rounding: 'floor' });
  const hi = formatPct(high, { ...options, decimals, rounding: 'ceil' });
  return `${lo}${options.sign || low.isNegative() ? ' to ' : '–'}${hi}`;
}

/** "1.43×–1.47×", the ends rounded outward. */
export function formatRatioRange(low: Decimal, high: Decimal): string {
  const decimals = rangeDecimals(low, high, new Decimal(1), 2);
  if (low.toFixed(decimals, Decimal.ROUND_HALF_UP) === high.toFixed(decimals, Decimal.ROUND_HALF_UP)) return formatRatio(low);
  return `${low.toFixed(decimals, Decimal.ROUND_FLOOR)}×–${high.toFixed(decimals, Decimal.ROUND_CEIL)}×`;
}

/**
 * The digits of an amount in a fixed unit, without currency or unit: "1.30" (T), "-190.0" (B);
 * `decimals` instead of the unit's usual 2 (T) or 1 (B, M, K), as a chart's axis ticks need.
 */
export function formatScaled(value: Decimal, unit: Exclude<DisplayUnit, 'auto'>, decimals = SCALE[unit].decimals): string {
  const { factor } = SCALE[unit];
  const digits = value.abs().div(factor).toFixed(decimals, Decimal.ROUND_HALF_UP);
  const sign = value.isNegative() && !/^[0.]+$/.test(digits) ? '-' : '';
  return `${sign}${groupThousands(digits)}`;
}

/** The name of a unit for a heading: "$T" → "trillions of $". */
export function unitHeading(unit: Exclude<DisplayUnit, 'auto'>, currency: string): string {
  const names = { T: 'trillions', B: 'billions', M: 'millions', K: 'thousands', '1': 'units' } as const;
  return `${names[unit]} of ${currencyPrefix(currency).trim()}`;
}

/** The factor of a display unit: 1e12 for T. */
export function unitFactor(unit: Exclude<DisplayUnit, 'auto'>): Decimal {
  return SCALE[unit].factor;
}

/** The unit of a chart's money axis: "$ trillions", "€ billions", "CHF millions", "$" (unit 1). */
export function unitLabel(unit: Exclude<DisplayUnit, 'auto'>, currency: string): string {
  const names = { T: 'trillions', B: 'billions', M: 'millions', K: 'thousands', '1': '' } as const;
  return `${currencyPrefix(currency).trim()}${names[unit] ? ` ${names[unit]}` : ''}`;
}
