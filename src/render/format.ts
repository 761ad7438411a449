// Number formatting for people: money with units ($3.77T, -$190.0B), percentages, percentage
// points. Rounding here is half away from zero (decimal.js ROUND_HALF_UP), the way people round.
import { Decimal } from '../core/decimal.js';

export type DisplayUnit = 'auto' | 'T' | 'B' | 'M' | 'K' | '1';

const SCALE: Record<Exclude<DisplayUnit, 'auto'>, { factor: Decimal; decimals: number }> = {
  T: { factor: new Decimal('1e12'), decimals: 2 },
  B: { factor: new Decimal('1e9'), decimals: 1 },
  M: { factor: new Decimal('1e6'), decimals: 1 },
  K: { factor: new Decimal('1e3'), decimals: 1 },
  '1': { factor: new Decimal(1), decimals: 2 },
};

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: 'CN¥', INR: '₹' };

export function currencyPrefix(currency: string): string {
  return SYMBOLS[currency] ?? `${currency} `;
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

function groupThousands(digits: string): string {
  const [int, frac] = digits.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

export interface MoneyOptions {
  currency?: string;
  unit?: DisplayUnit;
  /** Drop trailing zeros ("$1T" rather than "$1.00T"), for round figures such as thresholds. */
  trim?: boolean;
  /** Always show a sign ("+$196.5B"), for changes. */
  sign?: boolean;
}

/** "$3.77T", "-$190.0B", "$1,004.9B" (unit B), "+$196.5B" (sign). */
export function formatMoney(value: Decimal, options: MoneyOptions = {}): string {
  const unit = !options.unit || options.unit === 'auto' ? autoUnit(value) : options.unit;
  const { factor, decimals } = SCALE[unit];
  let digits = value.abs().div(factor).toFixed(decimals, Decimal.ROUND_HALF_UP);
  if (options.trim && digits.includes('.')) digits = digits.replace(/\.?0+$/, '');
  const roundsToZero = /^[0.]+$/.test(digits);
  const sign = value.isNegative() && !roundsToZero ? '-' : options.sign && !roundsToZero ? '+' : '';
  const suffix = unit === '1' ? '' : unit;
  return `${sign}${currencyPrefix(options.currency ?? 'USD')}${groupThousands(digits)}${suffix}`;
}

/** "5.50%", or "+5.50%" with sign; `decimals` defaults to 2. A value that rounds to zero is unsigned. */
export function formatPct(value: Decimal, options: { sign?: boolean; decimals?: number } = {}): string {
  const digits = value.abs().toFixed(options.decimals ?? 2, Decimal.ROUND_HALF_UP);
  const sign = /^[0.]+$/.test(digits) ? '' : value.isNegative() ? '-' : options.sign ? '+' : '';
  return `${sign}${groupThousands(digits)}%`;
}

/** A change in percentage points: "+0.70 pp". */
export function formatPp(value: Decimal): string {
  return `${formatPct(value, { sign: true }).slice(0, -1)} pp`;
}

/** A ratio: "1.46×". */
export function formatRatio(value: Decimal): string {
  return `${value.toFixed(2, Decimal.ROUND_HALF_UP)}×`;
}

/** A rate stated as written, without trailing zeros: "3", "-1.5", "5.5". */
export function formatRateCompact(value: Decimal): string {
  return `${value.toFixed()}%`;
}

/** The digits of an amount in a fixed unit, without currency or unit: "1.30" (T), "-190.0" (B). */
export function formatScaled(value: Decimal, unit: Exclude<DisplayUnit, 'auto'>): string {
  const { factor, decimals } = SCALE[unit];
  const digits = value.abs().div(factor).toFixed(decimals, Decimal.ROUND_HALF_UP);
  const sign = value.isNegative() && !/^[0.]+$/.test(digits) ? '-' : '';
  return `${sign}${groupThousands(digits)}`;
}

/** The name of a unit for a heading: "$T" → "trillions of $". */
export function unitHeading(unit: Exclude<DisplayUnit, 'auto'>, currency: string): string {
  const names = { T: 'trillions', B: 'billions', M: 'millions', K: 'thousands', '1': 'units' } as const;
  return `${names[unit]} of ${currencyPrefix(currency).trim()}`;
}
