// Choosing a view of a report and writing it: the one path from a computed report to stdout or to
// an --output file. Table code and chalk are loaded only when a person will read the result.
import type { Grid } from '../render/grid.js';
import type { JsonValue } from '../render/json.js';
import type { DisplayUnit } from '../render/format.js';
import type { Style, TextContext } from '../render/style.js';
import type { CommonOptions, Format } from '../reports/common.js';
import { batched, type IO, writeAll } from './io.js';

export interface OutputOptions {
  format: Format;
  color: boolean;
  unit: DisplayUnit;
  /** An absolute path to write to instead of stdout (--output), atomically. */
  output?: string | undefined;
  /** The --output value as given, for messages. */
  outputName?: string | undefined;
}

export interface Views {
  json: () => unknown;
  text: (ctx: TextContext) => string | Promise<string>;
  /** Whether prose is wrapped to the width (not for a SQL query, which is copied as it is). */
  wrap?: boolean | undefined;
  /** The rows CSV and markdown are drawn from. */
  grid: () => Grid | Promise<Grid>;
  /** The chart as an SVG picture; absent for a report that draws none (the runner refuses svg then). */
  svg?: (() => string | Promise<string>) | undefined;
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
  // The terminal's width; when not a terminal, COLUMNS if it is set (as ls and others honour it),
  // else 80. Tables are not squeezed to it; charts and prose are.
  const envColumns = Number(io.env.COLUMNS);
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : Number.isInteger(envColumns) && envColumns >= 20 ? envColumns : 80;
  // A person reads this at a terminal (not a pipe, not a file): charts are drawn by default.
  const interactive = options.output === undefined && io.stdout.isTTY === true;
  return { style, width, unit: options.unit, interactive };
}

/** The common options completed against the terminal and the file system, before any work is done. */
export async function resolveOutput(io: IO, common: CommonOptions): Promise<OutputOptions> {
  if (common.output === undefined) return { format: common.format, color: colorEnabled(io, common.color), unit: common.unit };
  const path = await checkOutputPath(io, common.output);
  // A file is not a terminal: no colour in it, whatever the terminal would get.
  return { format: common.format, color: false, unit: common.unit, output: path, outputName: common.output };
}

/** The text of the chosen view, as chunks (CSV streams row by row). */
async function render(io: IO, options: OutputOptions, views: Views): Promise<Iterable<string>> {
  if (options.format === 'json') {
    const { jsonChunks } = await import('../render/json.js');
    const doc = (await views.json()) as JsonValue;
    // Produced as written: a large document (a million grid cells) never sits in memory whole.
    return (function* () {
      yield* jsonChunks(doc);
      yield '\n';
    })();
  }
  if (options.format === 'csv' || options.format === 'markdown') {
    const { renderGridAsCsv, renderGridAsMarkdown } = await import('../render/grid.js');
    const grid = await views.grid();
    return options.format === 'csv' ? renderGridAsCsv(grid) : [renderGridAsMarkdown(grid)];
  }
  if (options.format === 'svg') {
    if (!views.svg) throw new Error('an SVG was asked of a report that draws no chart');
    return [await views.svg()];
  }
  const ctx = await textContext(io, options);
  const { wrapProse } = await import('../render/wrap.js');
  const text = await views.text(ctx);
  return [views.wrap === false ? text : wrapProse(text, ctx.width)];
}

export async function emit(io: IO, options: OutputOptions, views: Views): Promise<void> {
  const chunks = batched(await render(io, options, views));
  if (options.output) {
    // Ctrl-C while a large file is written: stop between blocks and remove the temporary file.
    let interrupted = false;
    const unsubscribe = io.onInterrupt?.(() => {
      interrupted = true;
    });
    try {
      await writeFileAtomically(options.output, options.outputName ?? options.output, chunks, () => interrupted);
    } finally {
      unsubscribe?.();
    }
    return;
  }
  await writeAll(io.stdout, chunks);
}

/**
 * Writes to a temporary file beside the target, then renames it over the target: a reader sees the
 * old file or the whole new one, never half of it, and a run that fails leaves the old file as it was.
 */
export async function writeFileAtomically(path: string, name: string, chunks: Iterable<string>, interrupted: () => boolean = () => false): Promise<void> {
  const { open, rename, unlink } = await import('node:fs/promises');
  const { basename, dirname, join } = await import('node:path');
  const { randomBytes } = await import('node:crypto');
  const { InterruptedError, UsageError } = await import('../errors.js');
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(tmp, 'wx', 0o666);
    for (const chunk of chunks) {
      if (interrupted()) throw new InterruptedError();
      await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, path);
  } catch (err) {
    await handle?.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    if (err instanceof InterruptedError) throw err;
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(`--output ${JSON.stringify(name)} cannot be written (${reason}); nothing was written`);
  }
}

/** Checks an --output path before any work is done: its directory must exist, it must not be one. */
export async function checkOutputPath(io: IO, raw: string): Promise<string> {
  const { stat } = await import('node:fs/promises');
  const { dirname, resolve } = await import('node:path');
  const { UsageError } = await import('../errors.js');
  const path = resolve(io.cwd, raw);
  const kind = await stat(path).then(
    (s) => (s.isDirectory() ? 'directory' : 'file'),
    () => 'none',
  );
  if (kind === 'directory') throw new UsageError(`--output ${JSON.stringify(raw)} is a directory (expected a file name)`);
  const dirKind = await stat(dirname(path)).then(
    (s) => (s.isDirectory() ? 'directory' : 'file'),
    () => 'none',
  );
  if (dirKind !== 'directory') throw new UsageError(`--output ${JSON.stringify(raw)}: the directory ${JSON.stringify(dirname(raw))} does not exist`);
  return path;
}
