// CSV and markdown are read off the JSON document by paths, so a flat view cannot disagree with the
// document: a column is a name and a path. Two shapes:
//   rows    — one row per item of an array ("path", or "scenarios[].path" for nested items);
//   metrics — the document in long form, one row per named value, optionally with its range.
// Paths are dot-separated keys relative to the row's item; "$." starts at the document, "^." at the
// enclosing item, and "[#]" takes the element at the row's own index ("$.assumptions.xByYear[#]").
import type { Cell, Grid } from '../render/grid.js';

export type Columns =
  | { kind: 'rows'; rows: string; columns: readonly (readonly [name: string, path: string])[] }
  | { kind: 'metrics'; metrics: readonly (readonly [name: string, path: string])[]; ranges?: string | undefined };

interface Frame {
  item: unknown;
  index: number;
}

type Obj = Record<string, unknown>;

function step(value: unknown, key: string, index: number): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return undefined;
  const at = /^(.*)\[(#|\d+)\]$/.exec(key);
  if (!at) return Object.hasOwn(value, key) ? (value as Obj)[key] : undefined;
  const list = at[1] === '' ? value : step(value, at[1]!, index);
  if (!Array.isArray(list)) return undefined;
  return list[at[2] === '#' ? index : Number(at[2])];
}

/** The value at `path` from the innermost frame (or "$." the document, "^." the enclosing frame). */
export function valueAt(doc: unknown, frames: readonly Frame[], path: string): unknown {
  let depth = frames.length - 1;
  let keys = path.split('.');
  let value: unknown;
  if (keys[0] === '$') {
    value = doc;
    keys = keys.slice(1);
  } else {
    while (keys[0] === '^') {
      depth--;
      keys = keys.slice(1);
    }
    value = depth >= 0 ? frames[depth]!.item : doc;
  }
  const index = depth >= 0 ? frames[depth]!.index : 0;
  for (const key of keys) value = step(value, key, index);
  return value;
}

function cell(value: unknown, path: string): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !('toFixed' in value)) throw new TypeError(`column path ${path} reaches an object, not a value`);
  return value as Cell;
}

function* iterate(doc: unknown, segments: readonly string[], frames: Frame[]): Generator<Frame[]> {
  if (segments.length === 0) {
    yield frames;
    return;
  }
  const [first, ...rest] = segments;
  const list = valueAt(doc, frames, first!);
  if (list === null || list === undefined) return;
  let index = 0;
  for (const item of list as Iterable<unknown>) {
    yield* iterate(doc, rest, [...frames, { item, index: index++ }]);
  }
}

/** The grid of a document: rows as the columns say, read lazily so a million-row grid streams. */
export function gridOf(doc: unknown, columns: Columns, notes: string[] = []): Grid {
  if (columns.kind === 'metrics') {
    const ranges = columns.ranges;
    return {
      columns: ranges ? ['metric', 'value', 'low', 'high'] : ['metric', 'value'],
      rows: columns.metrics.map(([name, path]) => {
        const row: Cell[] = [name, cell(valueAt(doc, [], path), path)];
        if (ranges) row.push(cell(valueAt(doc, [], `${ranges}.${path}.low`), path), cell(valueAt(doc, [], `${ranges}.${path}.high`), path));
        return row;
      }),
      notes,
    };
  }
  const segments = columns.rows.split('[].');
  return {
    columns: columns.columns.map(([name]) => name),
    rows: (function* () {
      for (const frames of iterate(doc, segments, [])) yield columns.columns.map(([, path]) => cell(valueAt(doc, frames, path), path));
    })(),
    notes,
  };
}
