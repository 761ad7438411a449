// The claim check as text, JSON and grid: for each claim what was stated, what it accepts, what the
// figures give (with their rounding range) and the verdict, with the reason when it cannot be checked.
import type { CheckReport, ClaimCheck, Region, UncheckedReason } from '../core/check.js';
import type { Decimal } from '../core/decimal.js';
import type { Cell, Grid } from './grid.js';
import { formatMoney, formatMoneyRange, formatPct, formatPctRange, formatPp, formatRateCompact } from './format.js';
import { JSON_SCHEMA_VERSION, type JsonValue } from './json.js';
import { datasetJson, intervalJson } from './json-reports.js';
import type { TextContext } from './style.js';
import { datasetLine } from './text-common.js';
import type { DisplayUnit } from './format.js';

const VERDICT_WORDS = { consistent: 'consistent', inconsistent: 'inconsistent', unchecked: 'cannot be checked' } as const;

interface Fmt {
  value(d: Decimal, sign?: boolean): string;
  range(low: Decimal, high: Decimal, around: Decimal): string;
}

function formatterFor(c: ClaimCheck, currency: string, unit: DisplayUnit = 'auto'): Fmt {
  if (c.measure === 'money') {
    return {
      value: (d, sign = false) => formatMoney(d, { currency, unit, sign }),
      range: (low, high, around) => formatMoneyRange(low, high, { currency, unit, around }),
    };
  }
  if (c.measure === 'pp') return { value: (d) => formatPp(d), range: (low, high) => `${formatPp(low)} to ${formatPp(high)}` };
  return { value: (d, sign = true) => formatPct(d, { sign }), range: (low, high) => formatPctRange(low, high, { sign: true }) };
}

/** What the source said, in words: "nearly $1.2T", "5.5%", "relatively flat", "a record". */
export function statedText(c: ClaimCheck, currency: string): string {
  const { claim } = c;
  if (claim.qualifier === 'record') {
    const what = claim.metric !== 'balance' ? claim.metric : c.value?.isNegative() ? 'deficit' : 'surplus';
    return `a record ${what} in ${claim.year}`;
  }
  if (claim.qualifier === 'relatively flat') return 'relatively flat';
  if (claim.qualifier === 'accelerated') return `growth in ${claim.to} above ${claim.from}`;
  const v = claim.value;
  if (!v) return claim.qualifier;
  const value = c.measure === 'money' ? formatMoney(v.value, { currency, trim: true }) : formatRateCompact(v.value);
  return claim.qualifier === 'exactly' ? value : `${claim.qualifier} ${value}`;
}

/** The region a qualifier accepts, in words. */
export function acceptsText(c: ClaimCheck, currency: string): string | null {
  const r: Region | null = c.accepts;
  if (!r) return null;
  const f = c.measure === 'money' ? (d: Decimal) => formatMoney(d, { currency, trim: true }) : c.measure === 'pp' ? formatPp : (d: Decimal) => formatRateCompact(d);
  if (c.claim.qualifier === 'record') return r.low ? `above every earlier year (highest: ${f(r.low)})` : r.high ? `below every earlier year (largest deficit: ${f(r.high)})` : null;
  if (c.claim.qualifier === 'accelerated') return 'a rise of more than 0 pp';
  if (r.low && r.high) {
    // Enough decimals to show the bounds as they are: "nearly $1.2T" accepts $1.176T–$1.200T.
    if (r.lowInclusive && r.highInclusive) return c.measure === 'money' ? formatMoneyRange(r.low, r.high, { currency, around: c.claim.value?.value }) : formatPctRange(r.low, r.high);
    return `more than ${f(r.low)} and less than ${f(r.high)}`;
  }
  if (r.low) return `${r.lowInclusive ? 'at least' : 'above'} ${f(r.low)}`;
  if (r.high) return `${r.highInclusive ? 'at most' : 'below'} ${f(r.high)}`;
  return null;
}

function basisText(c: ClaimCheck, currency: string): string {
  const b = c.basis;
  if (!b) return '';
  switch (b.kind) {
    case 'reported':
      return `the ${b.year} figures`;
    case 'derived':
      return `the ${b.from} and ${b.year} figures`;
    case 'months':
      return `${b.from} to ${b.to}`;
    case 'record':
      return `the ${b.year} figures against ${b.earlierYears.join(', ')} (furthest earlier: ${b.highestEarlierYear}, ${formatMoneyRange(b.highestEarlier.low, b.highestEarlier.high, { currency })})`;
    case 'projected': {
      const g = b.exportGrowthPct;
      const imports = b.importGrowthPct ? `imports ${formatRateCompact(b.importGrowthPct.value)}` : 'imports held flat';
      return `${b.from} compounded to ${b.year} with the forecast: exports ${g.qualifier ? `${g.qualifier} ` : ''}${formatRateCompact(g.value)}, ${imports}`;
    }
  }
}

export function uncheckedText(r: UncheckedReason): string {
  switch (r.code) {
    case 'record-needs-earlier-years':
      return `a record needs the figures of earlier years, and the data has none before ${r.year}`;
    case 'growth-needs-previous-year':
      return `growth needs the ${r.year - 1} and ${r.year} ${r.metric} to derive it; a stated rate cannot be checked against itself`;
    case 'no-figures-for-year':
      return `the data has no figures for ${r.year} (it has ${r.have.join(', ')})`;
    case 'no-forecast-growth':
      return `${r.year} is after the data, and the data has no export growth forecast for ${r.year}`;
    case 'months-missing':
      return `the data has no monthly growth for ${r.months.join(' and ')}`;
    case 'undefined-value':
      return r.why;
  }
}

/** The one-line reason behind a verdict. */
export function reasonText(c: ClaimCheck, currency: string): string {
  if (c.unchecked) return uncheckedText(c.unchecked);
  if (c.verdict === 'inconsistent') return 'no value within the rounding of the figures satisfies the claim';
  if (c.within === 'whole-range') return 'holds across the whole rounding range of the figures';
  return c.holdsAsStated
    ? 'holds at the figures as stated, but not across their whole rounding range'
    : `holds only within rounding: at the figures as stated (${c.value ? formatterFor(c, currency).value(c.value) : ''}) it does not`;
}

export function checkToJson(r: CheckReport): JsonValue {
  const currency = r.dataset.currency;
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    kind: 'check',
    dataset: datasetJson(r.dataset),
    consistent: r.counts.inconsistent === 0,
    counts: { ...r.counts },
    claims: r.checks.map((c) => ({
      id: c.claim.id,
      label: c.claim.label,
      metric: c.claim.metric,
      qualifier: c.claim.qualifier,
      year: c.claim.year ?? null,
      from: c.claim.from ?? null,
      to: c.claim.to ?? null,
      stated: statedText(c, currency),
      claimValue: c.claim.value?.value ?? null,
      accepts: c.accepts ? { low: c.accepts.low, high: c.accepts.high, lowInclusive: c.accepts.lowInclusive, highInclusive: c.accepts.highInclusive } : null,
      value: c.value,
      range: intervalJson(c.range),
      basis: c.basis?.kind ?? null,
      verdict: c.verdict,
      within: c.within,
      holdsAsStated: c.holdsAsStated,
      reason: reasonText(c, currency),
    })),
  };
}

export function checkToGrid(r: CheckReport): Grid {
  const currency = r.dataset.currency;
  return {
    columns: ['id', 'label', 'metric', 'qualifier', 'year', 'from', 'to', 'stated', 'claimValue', 'acceptsLow', 'acceptsHigh', 'value', 'low', 'high', 'basis', 'verdict', 'within', 'holdsAsStated', 'reason'],
    rows: r.checks.map((c): Cell[] => [
      c.claim.id,
      c.claim.label,
      c.claim.metric,
      c.claim.qualifier,
      c.claim.year ?? null,
      c.claim.from ?? null,
      c.claim.to ?? null,
      statedText(c, currency),
      c.claim.value?.value ?? null,
      c.accepts?.low ?? null,
      c.accepts?.high ?? null,
      c.value,
      c.range?.low ?? null,
      c.range?.high ?? null,
      c.basis?.kind ?? null,
      c.verdict,
      c.within,
      c.holdsAsStated,
      reasonText(c, currency),
    ]),
  };
}

export function countsText(r: CheckReport): string {
  const n = r.counts;
  if (r.checks.length === 0) return 'The dataset records no claims to check.';
  return `${n.consistent} consistent, ${n.inconsistent} inconsistent, ${n.unchecked} cannot be checked`;
}

export function renderCheckAsText(r: CheckReport, ctx: TextContext): string {
  const { style } = ctx;
  const currency = r.dataset.currency;
  const out: string[] = [datasetLine(r.dataset, r.latestYear), ''];
  const pad = ' '.repeat(21);
  for (const c of r.checks) {
    const fmt = formatterFor(c, currency, ctx.unit);
    const word = VERDICT_WORDS[c.verdict];
    const mark = c.verdict === 'consistent' ? style.good(`✔ ${word}`) : c.verdict === 'inconsistent' ? style.bad(`✘ ${word}`) : style.dim(`? ${word}`);
    const width = `✔ ${word}`.length;
    out.push(`${mark}${' '.repeat(Math.max(1, 21 - width))}${c.claim.label}`);
    const accepts = acceptsText(c, currency);
    out.push(`${pad}stated:  ${statedText(c, currency)}${accepts ? ` (accepts ${accepts})` : ''}`);
    if (c.value && c.range) {
      out.push(`${pad}figures: ${fmt.value(c.value)} from ${basisText(c, currency)}`);
      out.push(`${pad}range:   ${fmt.range(c.range.low, c.range.high, c.value)} given the rounding of the figures`);
    }
    out.push(`${pad}${c.verdict === 'unchecked' ? 'why:     ' : 'so:      '}${reasonText(c, currency)}`);
  }
  const summary = countsText(r);
  if (r.checks.length > 0) out.push('');
  out.push(r.counts.inconsistent > 0 ? style.bad(summary) : style.good(summary));
  return `${out.join('\n')}\n`;
}
