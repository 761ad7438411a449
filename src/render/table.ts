// The one place that draws boxed tables (cli-table3). Cells are always strings: a Decimal handed
// to cli-table3 renders as an empty cell, silently.
import Table from 'cli-table3';
import type { Style } from './style.js';

export type Align = 'left' | 'right' | 'center';

export interface TableSpec {
  head: string[];
  rows: string[][];
  align?: Align[];
}

export function drawTable(spec: TableSpec, style: Style): string {
  const table = new Table({
    head: spec.head.map((h) => style.heading(h)),
    colAligns: spec.align ?? spec.head.map((_, i) => (i === 0 ? 'left' : 'right')),
    // cli-table3 colours head and border itself unless these are emptied; colour is our call.
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    // No rule between body rows: the tables are short and read better dense.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of spec.rows) table.push(row);
  return table.toString();
}
