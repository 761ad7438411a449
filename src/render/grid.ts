// The intermediate grid (columns + rows of raw values) that CSV and markdown are drawn from, so
// the machine formats show the same numbers as JSON: plain digits, 15 significant at most.
import { type Decimal, isDecimal } from '../core/decimal.js';
import { jsonNumber } from './json.js';
import { escapeControls } from './safe-text.js';

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

/** A plain number as text ("-1.5", "+3", "2e9"): a spreadsheet reads it as a number, not a formula. */
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage
 * return, as OWASP's CSV-injection guidance lists) gets a leading apostrophe, which spreadsheets
 * show as text. Numbers are left alone: they are written from Decimals, and even as text "-1.5" is
 * a number, not a formula.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !NUMBER_TEXT.test(text) ? `'${text}` : text;
}

/** A cell's CSV text: a string cell (data: names, labels, ids) neutralised against formulas. */
function csvCell(cell: Cell, terminal: boolean): string {
  if (typeof cell !== 'string') return cellText(cell);
  const text = neutraliseFormula(cell);
  return terminal ? escapeControls(text) : text;
}

/**
 * RFC 4180: a header row, CRLF line ends, fields quoted only when they must be. CSV is data, so a
 * file or a pipe gets every character of a cell as it is; `terminal` (the CSV is shown on one)
 * writes control characters as visible escapes instead.
 */
export function* renderGridAsCsv(grid: Grid, options: { terminal?: boolean } = {}): Generator<string> {
  const terminal = options.terminal === true;
  yield `${grid.columns.map(csvField).join(',')}\r\n`;
  let batch = '';
  for (const row of grid.rows) {
    batch += `${row.map((c) => csvField(csvCell(c, terminal))).join(',')}\r\n`;
    // Hand over text in blocks of ~64 KiB: few writes, bounded memory.
    if (batch.length >= 65536) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/**
 * A markdown table cell: line breaks as spaces, other control characters as visible escapes, and what would end the
 * cell (|) or turn text into markup where it matters (HTML tags, links, code spans) escaped.
 */
function mdField(text: string): string {
  // A cell is one line: a line break within the text (a query over several lines) reads as a space.
  return escapeControls(text.replace(/\r?\n/g, ' ')).replace(/([\\|<>[\]`])/g, '\\$1');
}

/** A paragraph of markdown: control characters escaped, and characters that would start markup. */
function mdProse(text: string): string {
  return escapeControls(text).replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^([#+-]|\d+\.)(?=\s)/, '\\$1');
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
