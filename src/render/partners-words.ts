// The sentences of the partners report: the check of the partners against the world total (the
// verdict's text, built from its answer), and the notes the table and markdown print under it.
import type { Decimal } from '../core/decimal.js';
import type { PartnersDocument } from '../reports/schemas.js';
import { formatMoney, formatPct } from './format.js';
import { MONTH_ABBREVIATIONS as MONTHS } from './months-words.js';


/** "Jan–Feb" for a run of months, "Jan, Mar, Apr" for a few others, "11 months, no Jul" for most of a year. */
export function monthsText(months: readonly number[]): string {
  if (months.length === 0) return 'no months';
  const run = months.every((m, i) => i === 0 || m === months[i - 1]! + 1);
  if (run && months.length > 1) return `${MONTHS[months[0]! - 1]}–${MONTHS[months[months.length - 1]! - 1]}`;
  if (months.length <= 6) return months.map((m) => MONTHS[m - 1]).join(', ');
  const missing = MONTHS.filter((_, i) => !months.includes(i + 1));
  return `${months.length} months, no ${missing.join(', ')}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The check of the partners against the world total, as a sentence: "The 4 partners add up to the
 * world total of 2025: yes, exactly; nothing is unallocated" or "…: no, unallocated (world −
 * partners): $300.0B of exports and $200.0B of imports". A negative amount: the partners exceed the world.
 */
export function partnersCheckText(answer: boolean, c: { year: number; partnerCount: number; currency: string; unallocated: { exports: Decimal; imports: Decimal } }): string {
  const subject = c.partnerCount === 1 ? `The one partner adds up to the world total of ${c.year}` : `The ${c.partnerCount} partners add up to the world total of ${c.year}`;
  if (answer) return `${subject}: yes, exactly; nothing is unallocated`;
  const money = (d: Decimal) => formatMoney(d, { currency: c.currency });
  const items = (['exports', 'imports'] as const)
    .filter((flow) => !c.unallocated[flow].isZero())
    .map((flow) => `${money(c.unallocated[flow])} of ${flow}${c.unallocated[flow].isNegative() ? ' (the partners exceed the world)' : ''}`);
  return `${subject}: no, unallocated (world − partners): ${items.join(' and ')}`;
}

/** Why there is no check: what the data has of the world total that year. */
export function noWorldText(doc: PartnersDocument): string | null {
  const y = doc.assumptions.year;
  switch (doc.worldStatus) {
    case 'complete':
      return null;
    case 'year-to-date':
      return `The world total of ${y} is a year to date, not a year: the partners cannot be checked against it, and shares are of the sum of the partners.`;
    case 'missing-flow':
      return `The world total of ${y} lacks a flow: the partners cannot be checked against it, and shares are of the sum of the partners.`;
    case 'none':
      return `The data has no world total for ${y}: the partners cannot be checked against it, and shares are of the sum of the partners.`;
  }
}

/** Partners that have the year but not as a complete year: left out of the rows and the sums. */
export function incompleteLines(doc: PartnersDocument, max = 6): string[] {
  const c = doc.dataset.currency;
  const y = doc.assumptions.year;
  const money = (d: Decimal | null, flow: string) => (d ? `${flow} ${formatMoney(d, { currency: c })}` : `${flow} missing`);
  const shown = doc.incompletePartners.slice(0, max).map((p) =>
    p.reason === 'year-to-date'
      ? `${p.partner} ${y}: ${monthsText(p.monthNumbers)}, a year to date, not a year: not in the rows.`
      : `${p.partner} ${y}: ${money(p.exports, 'exports')}, ${money(p.imports, 'imports')}: one flow only (a missing value is not zero), so not in the rows.`,
  );
  const more = doc.incompletePartners.length - shown.length;
  if (more > 0) shown.push(`and ${count(more, 'partner')} more with an incomplete ${y} (see --json).`);
  if (doc.incompletePartners.length > 0 && doc.worldStatus === 'complete') shown.push(`What they traded in ${y} is within the unallocated row.`);
  return shown;
}

/** The balance share explained with its two totals, and what the other partners hold of each side. */
export function balanceShareLines(doc: PartnersDocument): string[] {
  const c = doc.dataset.currency;
  const money = (d: Decimal) => formatMoney(d, { currency: c });
  const s = doc.surpluses;
  const d = doc.deficits;
  const side = (x: typeof s, what: string) => (x.partnerCount === 0 ? `no partner is in ${what}` : `${money(x.balance)} with ${count(x.partnerCount, 'partner')}`);
  const lines = [`Balance share: a surplus as a share of the surpluses with all partners (${side(s, 'surplus')}); a deficit, of all the deficits (${side(d, 'deficit')}).`];
  const other = doc.rows.find((r) => r.row === 'other-partners');
  if (other) {
    const pct = (x: Decimal | null) => (x ? formatPct(x, { decimals: 1 }) : 'none');
    lines.push(`The ${count(other.partnerCount ?? 0, 'other partner')} hold ${pct(other.shareOfSurplusesPct)} of the surpluses and ${pct(other.shareOfDeficitsPct)} of the deficits.`);
  }
  return lines;
}

/** What goes under the table in markdown (and, with the chart, under the text table). */
export function partnersNotes(doc: PartnersDocument): string[] {
  return [
    ...(doc.assumptions.flow === 'balance' ? balanceShareLines(doc) : []),
    ...(doc.check ? [`Check: ${doc.check.text}.`] : [noWorldText(doc)!]),
    ...incompleteLines(doc),
  ];
}
