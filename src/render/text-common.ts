// Pieces shared by the text views of every report.
import type { DatasetInfo } from '../core/types.js';

/** "China, 2025 — China's record 2025 trade surplus (NextFin News, 2026-01-14)" */
export function datasetLine(info: DatasetInfo, year: number): string {
  const src = [info.source.publisher, info.source.published].filter(Boolean).join(', ');
  return `${info.reporter}, ${year} — ${info.title}${src ? ` (${src})` : ''}`;
}
