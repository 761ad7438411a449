// The intermediate grid (columns + rows of raw values) that CSV and markdown are drawn from, so
// the machine formats show the same numbers as JSON: plain digits, 15 significant at most.
import { type Decimal, isDecimal } from '../core/decimal.js';
import { jsonNumber } from './json.js';

export type Cell = string | number | boolean | null | Decimal;

export interface Grid {
  columns: string[];
  /** Any iterable, so a large report can be streamed row by row. */
  rows: Iterable<Cell[]>;
  /**
   * Sentences that belong with the table in a document (the assumptions, the verdict): markdown
   * prints them under it; CSV, being data, leaves them out.
   */
  notes?: string[];
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (isDecimal(cell)) return jsonNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return String(cell);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: a header row, CRLF line ends, fields quoted only when they must be. */
export function* renderGridAsCsv(grid: Grid): Generator<string> {
  yield `${grid.columns.map(csvField).join(',')}\r\n`;
  let batch = '';
  for (const row of grid.rows) {
    batch += `${row.map((c) => csvField(cellText(c))).join(',')}\r\n`;
    // Hand over text in blocks of ~64 KiB: few writes, bounded memory.
    if (batch.length >= 65536) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

function mdField(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A paragraph of markdown: characters that would start markup are escaped. */
function mdProse(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^([#+-]|\d+\.)(?=\s)/, '\\$1');
}

/** A GitHub-flavoured pipe table; numeric columns right-aligned. */
export function renderGridAsMarkdown(grid: Grid): string {
  const rows = [...grid.rows];
  const isNumber = (c: Cell | undefined) => typeof c === 'number' || isDecimal(c);
  // Right-aligned when every cell is a number or empty, and at least one is a number.
  const numeric = grid.columns.map((_, i) => rows.some((r) => isNumber(r[i])) && rows.every((r) => r[i] === null || isNumber(r[i])));
  const lines = [
    `| ${grid.columns.map(mdField).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => mdField(cellText(c))).join(' | ')} |`),
  ];
  // Each note its own paragraph: markdown joins lines that no blank line separates.
  for (const note of grid.notes ?? []) lines.push('', mdProse(note));
  return `${lines.join('\n')}\n`;
}
