// Pieces shared by the text views of every report.
import type { DatasetDoc } from '../reports/document.js';
import type { OriginDoc, ProjectionDocument } from '../reports/schemas.js';
import { formatCount, formatMoney } from './format.js';
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
  const lines = [`Imported from ${p.publisher} (${files}): ${formatCount(p.rowCount)} rows read, ${formatCount(p.usedRowCount)} summed; values in ${p.unit}; exports ${p.valuation.exports}, imports ${p.valuation.imports}.`];
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
      if (what === 'threshold') return 'the dataset forecasts no balance: zero';
      return origin.rule === 'not-in-forecast' ? `not in the ${origin.forecastYear} forecast: held flat` : 'no forecast in the dataset: held flat';
  }
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
