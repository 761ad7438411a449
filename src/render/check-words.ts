// A checked claim in words: what the source said, what that accepts, what the figures give and why
// the verdict is what it is. Built from the claim's document, so the JSON's `stated` and `reason`
// and the table say the same thing.
import type { Decimal } from '../core/decimal.js';
import type { CheckClaimDoc } from '../reports/schemas.js';
import { type DisplayUnit, formatMoney, formatMoneyRange, formatPct, formatPctRange, formatPp, formatPpRange, formatRateCompact } from './format.js';

/** The claim's fields the sentences read (everything but the sentences themselves). */
export type ClaimFacts = Omit<CheckClaimDoc, 'stated' | 'reason'>;

export interface Fmt {
  value(d: Decimal, sign?: boolean): string;
  range(low: Decimal, high: Decimal, around: Decimal): string;
}

export function formatterFor(c: ClaimFacts, currency: string, unit: DisplayUnit = 'auto'): Fmt {
  if (c.measure === 'money') {
    return {
      value: (d, sign = false) => formatMoney(d, { currency, unit, sign }),
      range: (low, high, around) => formatMoneyRange(low, high, { currency, unit, around }),
    };
  }
  if (c.measure === 'pp') return { value: (d) => formatPp(d), range: (low, high) => formatPpRange(low, high) };
  return { value: (d, sign = true) => formatPct(d, { sign }), range: (low, high) => formatPctRange(low, high, { sign: true }) };
}

/** What the source said, in words: "nearly $1.2T", "5.5%", "relatively flat", "a record". */
export function statedText(c: ClaimFacts, currency: string): string {
  if (c.qualifier === 'record') {
    const what = c.metric !== 'balance' ? c.metric : c.value?.isNegative() ? 'deficit' : 'surplus';
    return `a record ${what} in ${c.year}`;
  }
  if (c.qualifier === 'relatively flat') return 'relatively flat';
  if (c.qualifier === 'accelerated') return `growth in ${c.to} above ${c.from}`;
  const v = c.claimValue;
  if (!v) return c.qualifier;
  const value = c.measure === 'money' ? formatMoney(v, { currency, trim: true }) : formatRateCompact(v);
  return c.qualifier === 'exactly' ? value : `${c.qualifier} ${value}`;
}

/** The region a qualifier accepts, in words. */
export function acceptsText(c: ClaimFacts, currency: string): string | null {
  const r = c.accepts;
  if (!r) return null;
  const f = c.measure === 'money' ? (d: Decimal) => formatMoney(d, { currency, trim: true }) : c.measure === 'pp' ? (d: Decimal) => formatPp(d) : (d: Decimal) => formatRateCompact(d);
  if (c.qualifier === 'record') return r.low ? `above every earlier year (highest: ${f(r.low)})` : r.high ? `below every earlier year (largest deficit: ${f(r.high)})` : null;
  if (c.qualifier === 'accelerated') return 'a rise of more than 0 pp';
  if (r.low && r.high) {
    // Enough decimals to show the bounds as they are: "nearly $1.2T" accepts $1.176T–$1.200T.
    if (r.lowInclusive && r.highInclusive) return c.measure === 'money' ? formatMoneyRange(r.low, r.high, { currency, around: c.claimValue ?? undefined }) : formatPctRange(r.low, r.high);
    return `more than ${f(r.low)} and less than ${f(r.high)}`;
  }
  if (r.low) return `${r.lowInclusive ? 'at least' : 'above'} ${f(r.low)}`;
  if (r.high) return `${r.highInclusive ? 'at most' : 'below'} ${f(r.high)}`;
  return null;
}

/** Where the figures come from, in words. */
export function basisText(c: ClaimFacts, currency: string): string {
  const b = c.basis;
  if (!b) return '';
  switch (b.kind) {
    case 'reported':
      return `the ${b.year} figures`;
    case 'derived':
      return `the ${b.priorYear} and ${b.year} figures`;
    case 'months':
      return `${b.from} to ${b.to}`;
    case 'reported-month':
      return `the ${b.month} figures`;
    case 'derived-month':
      return `the ${b.from} and ${b.month} amounts`;
    case 'derived-months':
      return `the monthly amounts: ${b.from} ${formatPct(b.fromGrowthPct, { sign: true })} and ${b.to} ${formatPct(b.toGrowthPct, { sign: true })}, each on the same month a year earlier`;
    case 'record':
      return `the ${b.year} figures against ${b.earlierYears.join(', ')} (furthest earlier: ${b.highestEarlierYear}, ${formatMoneyRange(b.highestEarlier.low, b.highestEarlier.high, { currency })})`;
    case 'projected': {
      // A rate the forecast does not state is held flat, and said so.
      const exports = b.exportGrowthPct ? `exports ${b.exportGrowthQualifier ? `${b.exportGrowthQualifier} ` : ''}${formatRateCompact(b.exportGrowthPct)}` : 'exports held flat';
      const imports = b.importGrowthPct ? `imports ${formatRateCompact(b.importGrowthPct)}` : 'imports held flat';
      return `${b.baseYear} compounded to ${b.year} with the forecast: ${exports}, ${imports}`;
    }
  }
}

/** Why a claim cannot be checked, in words. */
export function uncheckedText(u: NonNullable<ClaimFacts['unchecked']>): string {
  switch (u.code) {
    case 'record-needs-earlier-years':
      return `a record needs the figures of earlier years, and the data has none before ${u.year}`;
    case 'growth-needs-previous-year':
      return `growth needs the ${u.year - 1} and ${u.year} ${u.metric} to derive it; a stated rate cannot be checked against itself`;
    case 'no-figures-for-year':
      return `the data has no figures for ${u.year} (it has ${u.yearList.join(', ')})`;
    case 'no-forecast-growth':
      return `${u.year} is after the data, and the data has no growth forecast for ${u.year} (neither exports nor imports)`;
    case 'months-missing':
      return `the data has no monthly growth for ${u.monthList.join(' and ')}`;
    case 'month-growth-needs-amounts':
      return `growth needs the ${u.month} ${u.metric} and those of the same month a year earlier to compute it; a stated rate cannot be checked against itself`;
    case 'no-figures-for-month':
      return `the data has no figures for ${u.month}`;
    case 'undefined-value':
      return u.why;
  }
}

/** The one-line reason behind a verdict. */
export function reasonText(c: ClaimFacts, currency: string): string {
  if (c.unchecked) return uncheckedText(c.unchecked);
  if (c.status === 'inconsistent') return 'no value within the rounding of the figures satisfies the claim';
  if (c.within === 'whole-range') return 'holds across the whole rounding range of the figures';
  return c.holdsAsStated
    ? 'holds at the figures as stated, but not across their whole rounding range'
    : `holds only within rounding: at the figures as stated (${c.value ? formatterFor(c, currency).value(c.value) : ''}) it does not`;
}
