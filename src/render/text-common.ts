// Pieces shared by the text views of every report.
import type { DatasetInfo } from '../core/types.js';
import { displayWidth } from './wrap.js';

/** "China, 2025 — China's record 2025 trade surplus (NextFin News, 2026-01-14)" */
export function datasetLine(info: DatasetInfo, year: number): string {
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
