// Pieces shared by the text views of every report.
import type { DatasetDoc } from '../reports/document.js';
import { Decimal } from '../core/decimal.js';
import type { OriginDoc, ProjectionDocument, ScenarioOriginDoc, SimulationDocument } from '../reports/schemas.js';
import { formatCount, formatMoney, formatPct } from './format.js';
import { displayWidth } from './wrap.js';

/** "China, 2025 — China's record 2025 trade surplus (NextFin News, 2026-01-14)"; "China with USA, 2024 — …" for a bilateral view; a period may be a label ("January–November 2025"). */
export function datasetLine(info: DatasetDoc, year: number | string): string {
  const src = [info.source.publisher, info.source.published].filter(Boolean).join(', ');
  const who = info.partner && info.partner !== 'World' ? `${info.reporter} with ${info.partner}` : info.reporter;
  // An imported dataset's title already names its publisher: say it once.
  const said = src !== '' && info.source.publisher !== undefined && info.title.includes(info.source.publisher) && !info.source.published;
  return `${who}, ${year} — ${info.title}${src && !said ? ` (${src})` : ''}`;
}

/**
 * Where imported figures come from, under any report: the publisher and files, what was summed and
 * what left out (with the biggest reasons), the valuation, and what the figures cover.
 */
export function importedLines(info: DatasetDoc): string[] {
  const p = info.imported;
  if (!p) return [];
  const files = p.files.length === 1 ? p.files[0]!.name : `${p.files.length} files`;
  const lines = [`Imported from ${p.publisher} (${files}): ${formatCount(p.rowCount)} rows read, ${formatCount(p.usedRowCount)} summed; values in ${p.unit}; exports ${p.exportValuation}, imports ${p.importValuation}.`];
  // Each reason names its rows ("rows without a value …"), so the count leads and "rows" is said once.
  const reasons = p.excluded.slice(0, 4).map((e) => `${formatCount(e.rowCount)} ${e.reason.replace(/^rows /, '')}`);
  if (p.excluded.length > 4) reasons.push(`and ${p.excluded.length - 4} more kind${p.excluded.length === 5 ? '' : 's'} (tradecalc import shows them all)`);
  if (reasons.length > 0) lines.push(`Rows left out: ${reasons.join('; ')}.`);
  for (const n of p.notes) lines.push(n);
  return lines;
}

/**
 * A chart's legend: its parts ("● at or above $1T", "○ below", ...) three spaces apart under the
 * plot, as many to a line as the width allows, and without the indent when even that is too wide.
 */
export function legendLines(parts: readonly string[], indent: number, width: number): string[] {
  const lead = parts.every((p) => indent + displayWidth(p) <= width) ? ' '.repeat(indent) : '';
  const lines: string[] = [];
  let current = '';
  for (const part of parts) {
    const candidate = current === '' ? `${lead}${part}` : `${current}   ${part}`;
    if (current !== '' && displayWidth(candidate) > width) {
      lines.push(current);
      current = `${lead}${part}`;
    } else current = candidate;
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** An assumption's origin as the note beside it: "2026 forecast: around 3%", "default"; null for an option. */
export function originText(origin: OriginDoc, what: 'growth' | 'threshold' | 'other' = 'other'): string | null {
  switch (origin.source) {
    case 'option':
      return null;
    case 'forecast':
      return `${origin.forecastYear} forecast: ${origin.qualifier ? `${origin.qualifier} ` : ''}${origin.stated}${what === 'growth' ? '%' : ''}`;
    default:
      if (origin.rule === 'built-in' || origin.rule === 'latest-year') return 'default';
      if (origin.rule === 'latest-complete-year') return `the latest complete year; ${passedOverText(origin.passedOver)}`;
      if (what === 'threshold') return 'the dataset forecasts no balance: zero';
      return origin.rule === 'not-in-forecast' ? `not in the ${origin.forecastYear} forecast: held flat` : 'no forecast in the dataset: held flat';
  }
}

/** "2025 is a year to date, not a year" for the later years a default year passed over. */
export function passedOverText(passedOver: readonly { year: number; reason: 'year-to-date' | 'missing-flow' }[]): string {
  return passedOver.map((p) => `${p.year} ${p.reason === 'year-to-date' ? 'is a year to date' : 'has a flow missing'}, not a year`).join('; ');
}

/** What a projection's markdown table needs beside it: where it starts, and the verdict. */
export function projectionNotes(doc: ProjectionDocument): string[] {
  const c = doc.dataset.currency;
  const a = doc.assumptions;
  return [
    `${datasetLine(doc.dataset, a.baseYear)}: exports ${formatMoney(doc.base.exports, { currency: c })}, imports ${formatMoney(doc.base.imports, { currency: c })}, threshold ${formatMoney(a.threshold, { currency: c, trim: true })}.`,
    doc.verdict.text,
  ];
}

/** "+3.00% a year" for a constant rate, "+3.00%, +2.50%, +2.00%" for a path of rates. */
export function rateList(rates: readonly Decimal[]): string {
  const distinct = new Set(rates.map((d) => d.toString()));
  if (distinct.size === 1) return `${formatPct(rates[0]!, { sign: true })} a year`;
  return rates.map((d) => formatPct(d, { sign: true })).join(', ');
}

/** A rate as a grid's column or row heading: "+3%", "-2.5%", "+0.25%", with the digits it was given. */
export function rateHead(pct: Decimal): string {
  return formatPct(pct, { sign: true, decimals: pct.decimalPlaces() > 2 ? pct.decimalPlaces() : pct.isInteger() ? 0 : 2 });
}

/** The simulation's answer for its horizon year: "Chance the balance is at or above $1T in 2026: 89.62% (±0.22 pp, one standard error)." */
export function simulationChanceText(r: SimulationDocument): string {
  const c = r.dataset.currency;
  const threshold = r.assumptions.threshold;
  const t = formatMoney(threshold, { currency: c, trim: true });
  const tAbs = formatMoney(threshold.abs(), { currency: c, trim: true });
  const last = r.path[r.path.length - 1]!;
  const chance = last.probabilityStandardError.isZero()
    ? `${formatPct(last.probabilityAboveThreshold.times(100))} of the runs; the 95 % interval of the chance is ${formatPct(last.probabilityInterval95.low.times(100), { rounding: 'floor' })} to ${formatPct(last.probabilityInterval95.high.times(100), { rounding: 'ceil' })}`
    : `${formatPct(last.probabilityAboveThreshold.times(100))} (±${last.probabilityStandardError.times(100).toFixed(2, Decimal.ROUND_HALF_UP)} pp, one standard error)`;
  return `${threshold.isZero() ? 'Chance of a surplus' : threshold.isNegative() ? `Chance the deficit is at most ${tAbs}` : `Chance the balance is at or above ${t}`} in ${last.year}: ${chance}.`;
}

/** Where a scenario's rates come from, in words: "2026 forecast", "baseline, exports +3 pp, imports −3 pp". */
export function scenarioOriginText(o: ScenarioOriginDoc): string {
  switch (o.source) {
    case 'baseline':
      return o.forecastYear === null ? 'no forecast: flat' : `${o.forecastYear} forecast`;
    case 'spread': {
      const pp = (d: Decimal) => `${d.isNegative() ? '−' : '+'}${d.abs().toFixed()} pp`;
      return `baseline, exports ${pp(o.exportSpreadPp)}, imports ${pp(o.importSpreadPp)}`;
    }
    default:
      return 'dataset';
  }
}
