// The one place that draws boxed tables (cli-table3). Cells are always strings: a Decimal handed
// to cli-table3 renders as an empty cell, silently.
import Table from 'cli-table3';
import type { Style } from './style.js';
import { displayWidth } from './wrap.js';

export type Align = 'left' | 'right' | 'center';

export interface TableSpec {
  head: string[];
  rows: string[][];
  align?: Align[];
  /**
   * The terminal's width: a table wider than it wraps its widest left-aligned (text) columns, at
   * word boundaries where it can, down to a floor; numbers are never wrapped.
   */
  width?: number | undefined;
}

/** Text columns are not narrowed below this, so a wrapped name stays readable. */
const MIN_TEXT_COLUMN = 16;
/** A cell's padding and its share of the borders. */
const CELL_CHROME = 3;

/** A cell's lines at most `width` columns wide: words kept whole where they fit, a long one broken after a "/" or at the width. */
export function wrapCell(cell: string, width: number): string {
  const out: string[] = [];
  for (const paragraph of cell.split('\n')) {
    let line = '';
    const pieces = paragraph.split(' ').flatMap((word) => {
      const parts: string[] = [];
      let rest = word;
      while (displayWidth(rest) > width) {
        // The longest start that fits (wide characters take two columns), then its last "/".
        const chars = [...rest];
        let fits = 0;
        for (let w = 0; fits < chars.length && w + displayWidth(chars[fits]!) <= width; fits++) w += displayWidth(chars[fits]!);
        const head = chars.slice(0, Math.max(fits, 1)).join('');
        const slash = head.lastIndexOf('/');
        const cut = slash > 0 ? slash + 1 : head.length;
        parts.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      return [...parts, rest];
    });
    for (const [k, piece] of pieces.entries()) {
      // A piece of a broken word follows on without a space; a new word needs one.
      const joined = line === '' ? piece : `${line}${paragraph.split(' ').includes(piece) || k === 0 ? ' ' : ''}${piece}`;
      if (displayWidth(joined) <= width) line = joined;
      else {
        out.push(line);
        line = piece;
      }
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Column widths (with padding) that fit `width`, or undefined when the table fits as it is. */
function fittedWidths(spec: TableSpec, align: Align[]): number[] | undefined {
  if (spec.width === undefined) return undefined;
  // A loop, not Math.max(...cells): a table of a few hundred thousand rows would overflow the stack.
  const widest = (cell: string) => cell.split('\n').reduce((w, line) => Math.max(w, displayWidth(line)), 0);
  const natural = spec.head.map((h, i) => spec.rows.reduce((w, r) => Math.max(w, widest(r[i] ?? '')), widest(h)));
  const total = () => natural.reduce((a, w) => a + w + CELL_CHROME, 1);
  if (total() <= spec.width) return undefined;
  const text = natural.map((_, i) => i).filter((i) => align[i] === 'left');
  // Take one character at a time from the widest text column until the table fits or none can give.
  while (total() > spec.width) {
    const widest = text.filter((i) => natural[i]! > MIN_TEXT_COLUMN).sort((a, b) => natural[b]! - natural[a]!)[0];
    if (widest === undefined) break;
    natural[widest]!--;
  }
  return natural.map((w) => w + 2);
}

export function drawTable(spec: TableSpec, style: Style): string {
  const align = spec.align ?? spec.head.map((_, i): Align => (i === 0 ? 'left' : 'right'));
  const colWidths = fittedWidths(spec, align);
  const table = new Table({
    head: spec.head.map((h) => style.heading(h)),
    colAligns: align,
    ...(colWidths ? { colWidths } : {}),
    // cli-table3 colours head and border itself unless these are emptied; colour is our call.
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    // No rule between body rows: the tables are short and read better dense.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  // Narrowed columns are wrapped here, not by cli-table3, which cuts a word longer than its column
  // (a file's path) short with an ellipsis: a path breaks after a "/", anything else where it must.
  const fit = (cell: string, i: number) => (colWidths && align[i] === 'left' ? wrapCell(cell, colWidths[i]! - 2) : cell);
  for (const row of spec.rows) table.push(row.map(fit));
  return table.toString();
}
