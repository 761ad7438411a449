// Choosing a view of a report and writing it: the one path from a computed report to stdout.
// Table code and chalk are loaded only when a person will read the result.
import type { Grid } from '../render/grid.js';
import type { JsonValue } from '../render/json.js';
import type { DisplayUnit } from '../render/format.js';
import type { Style, TextContext } from '../render/style.js';
import { type IO, writeAll } from './io.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputOptions {
  format: Format;
  color: boolean;
  unit: DisplayUnit;
}

export interface Views {
  json: () => JsonValue | Promise<JsonValue>;
  text: (ctx: TextContext) => string | Promise<string>;
  /** The rows CSV and markdown are drawn from. */
  grid: () => Grid | Promise<Grid>;
}

/** Colour only on a TTY, never with NO_COLOR or --no-color, always with FORCE_COLOR (not 0). */
export function colorEnabled(io: IO, flag: boolean): boolean {
  if (!flag) return false;
  const force = io.env.FORCE_COLOR;
  if (io.env.NO_COLOR) return false;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true;
}

async function colorStyle(): Promise<Style> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    heading: (t) => chalk.bold(t),
    good: (t) => chalk.green(t),
    bad: (t) => chalk.red(t),
    dim: (t) => chalk.dim(t),
  };
}

export async function textContext(io: IO, options: OutputOptions): Promise<TextContext> {
  const { plainStyle } = await import('../render/style.js');
  const style = options.color ? await colorStyle() : plainStyle;
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80;
  return { style, width, unit: options.unit };
}

export async function emit(io: IO, options: OutputOptions, views: Views): Promise<void> {
  if (options.format === 'json') {
    const { jsonChunks } = await import('../render/json.js');
    // Written as produced: a large document (a million grid cells) never sits in memory whole.
    await writeAll(io.stdout, (function* (doc) {
      yield* jsonChunks(doc);
      yield '\n';
    })(await views.json()));
    return;
  }
  if (options.format === 'csv' || options.format === 'markdown') {
    const { renderGridAsCsv, renderGridAsMarkdown } = await import('../render/grid.js');
    const grid = await views.grid();
    await writeAll(io.stdout, options.format === 'csv' ? renderGridAsCsv(grid) : [renderGridAsMarkdown(grid)]);
    return;
  }
  const text = await views.text(await textContext(io, options));
  await writeAll(io.stdout, [text]);
}
