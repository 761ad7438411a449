// Pieces shared by the text views of every report.
import type { DatasetDoc } from '../reports/document.js';
import type { OriginDoc, ProjectionDocument } from '../reports/schemas.js';
import { formatMoney } from './format.js';
import { displayWidth } from './wrap.js';

/** "China, 2025 — China's record 2025 trade surplus (NextFin News, 2026-01-14)"; a period may be a label ("January–November 2025"). */
export function datasetLine(info: DatasetDoc, year: number | string): string {
  const src = [info.source.publisher, info.source.published].filter(Boolean).join(', ');
  return `${info.reporter}, ${year} — ${info.title}${src ? ` (${src})` : ''}`;
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
