// Choosing a view of a report and writing it: the one path from a computed report to stdout or to
// an --output file. Table code and chalk are loaded only when a person will read the result.
import type { Grid } from '../render/grid.js';
import type { JsonValue } from '../render/json.js';
import type { DisplayUnit } from '../render/format.js';
import type { Style, TextContext } from '../render/style.js';
import type { CommonOptions, Format } from '../reports/common.js';
import { InterruptedError, OutputError, type StopSignal, UsageError, writeFailureText } from '../errors.js';
import { batched, type IO, workingDirectory, writeAll } from './io.js';

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

/**
 * The common options completed against the terminal and the file system, before any work is done.
 * `inputs` are the data files the run will read (--data, or a command's file argument): the
 * output may not be one of them.
 */
export async function resolveOutput(io: IO, common: CommonOptions, inputs: readonly string[] = []): Promise<OutputOptions> {
  if (common.output === undefined) return { format: common.format, color: colorEnabled(io, common.color), unit: common.unit };
  const path = await checkOutputPath(io, common.output, inputs);
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
    const terminal = options.output === undefined && io.stdout.isTTY === true;
    return options.format === 'csv' ? renderGridAsCsv(grid, { terminal }) : [renderGridAsMarkdown(grid)];
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
    // A signal while a large file is written (Ctrl-C, SIGTERM, SIGHUP): stop between blocks and
    // remove the temporary file; the run exits 128 + the signal's number.
    let stopped: StopSignal | null = null;
    const unsubscribe = io.onInterrupt?.((signal) => {
      stopped ??= signal;
    });
    try {
      await writeFileAtomically(options.output, options.outputName ?? options.output, chunks, () => stopped);
    } finally {
      unsubscribe?.();
    }
    return;
  }
  await writeAll(io.stdout, chunks);
}

/** A failed system call of the write, as the error that says so (exit 5); anything else as it was. */
function writeFailure(err: unknown, name: string, existed: boolean): unknown {
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.syscall !== 'string') return err;
  return new OutputError(`--output ${JSON.stringify(name)}`, e.code, writeFailureText(e.code, e.message), existed ? 'the file was left as it was' : 'nothing was written');
}

/**
 * Writes to a temporary file beside the target, then renames it over the target: a reader sees the
 * old file or the whole new one, never half of it, and a run that fails leaves the old file as it
 * was. The new file gets the old one's permissions (a mode-600 file stays 600) and, where the
 * system allows, its owner. `stopped` is polled between blocks: once it names a signal, the
 * temporary file is removed and an InterruptedError thrown.
 */
export async function writeFileAtomically(
  path: string,
  name: string,
  chunks: Iterable<string>,
  stopped: () => StopSignal | boolean | null = () => null,
): Promise<void> {
  const { lstat, open, rename, unlink } = await import('node:fs/promises');
  const { basename, dirname, join } = await import('node:path');
  const { randomBytes } = await import('node:crypto');
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // What is at the path now: checked before the work began, but a long run leaves time to change it.
  const before = await lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw writeFailure(err, name, false);
  });
  if (before && !before.isFile()) throw new OutputError(`--output ${JSON.stringify(name)}`, undefined, 'it is no longer a regular file', 'nothing was written');
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(tmp, 'wx', 0o666);
    if (before) {
      await handle.chmod(before.mode & 0o7777);
      // Only root, or an owner keeping its own group, may do this; otherwise the file is the writer's.
      await handle.chown(before.uid, before.gid).catch(() => {});
    }
    for (const chunk of chunks) {
      const signal = stopped();
      if (signal) throw new InterruptedError(signal === true ? 'SIGINT' : signal);
      await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    const signal = stopped();
    if (signal) throw new InterruptedError(signal === true ? 'SIGINT' : signal);
    await rename(tmp, path);
  } catch (err) {
    await handle?.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw writeFailure(err, name, before !== null);
  }
}

/** What a non-regular file is, in words, and whether a shell could redirect stdout into it instead. */
function kindOf(st: import('node:fs').Stats): { what: string; redirect: boolean } {
  if (st.isCharacterDevice()) return { what: 'a device', redirect: true };
  if (st.isBlockDevice()) return { what: 'a block device', redirect: true };
  if (st.isFIFO()) return { what: 'a named pipe (FIFO)', redirect: true };
  if (st.isSocket()) return { what: 'a socket', redirect: false };
  return { what: 'not a regular file', redirect: false };
}

/** Follows symbolic links from `path` to what they finally name (which may not exist yet). */
async function followLinks(path: string, quoted: string): Promise<{ target: string; stats: import('node:fs').Stats | null }> {
  const { lstat, readlink } = await import('node:fs/promises');
  const { dirname, resolve } = await import('node:path');
  let target = path;
  for (let hops = 0; hops <= 40; hops++) {
    let st: import('node:fs').Stats;
    try {
      st = await lstat(target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { target, stats: null };
      if (code === 'ENOTDIR') throw new UsageError(`--output ${quoted}: a part of the path is not a directory`);
      throw new UsageError(`--output ${quoted} cannot be written (${writeFailureText(code, (err as Error).message)})`);
    }
    if (!st.isSymbolicLink()) return { target, stats: st };
    target = resolve(dirname(target), await readlink(target));
  }
  throw new UsageError(`--output ${quoted}: too many levels of symbolic links`);
}

/**
 * Checks an --output path before any work is done, so that a run that cannot write its results
 * fails at once (exit 2) and leaves the path as it was. Only a regular file is ever replaced: a
 * directory, a device (/dev/null, /dev/full, a terminal), a FIFO or a socket is refused, and so is
 * a read-only file or a directory that cannot be written. A symbolic link is followed: its target
 * is checked, and replaced, while the link stays. The output may not be any of the `inputs`: they
 * are compared by device and inode, so ./a.csv, a.csv, a hard link and a symlink are all the same
 * file.
 */
export async function checkOutputPath(io: IO, raw: string, inputs: readonly string[] = []): Promise<string> {
  const { access, stat } = await import('node:fs/promises');
  const { constants } = await import('node:fs');
  const { dirname, isAbsolute, resolve } = await import('node:path');
  const quoted = JSON.stringify(raw);
  const cwd = workingDirectory(io);
  if (cwd === undefined && !isAbsolute(raw)) {
    throw new UsageError(`--output ${quoted}: the working directory no longer exists (it was deleted or moved), so a relative path names nothing; give a full path or cd to a directory that exists`);
  }
  const { target, stats } = await followLinks(resolve(cwd ?? '/', raw), quoted);
  const via = target === resolve(cwd ?? '/', raw) ? '' : ` (a symbolic link to ${JSON.stringify(target)})`;
  if (stats?.isDirectory()) throw new UsageError(`--output ${quoted}${via} is a directory (expected a file name)`);
  if (stats && !stats.isFile()) {
    const { what, redirect } = kindOf(stats);
    throw new UsageError(
      `--output ${quoted}${via} is ${what}; --output only replaces a regular file${redirect ? ` (to write into it, leave out --output and redirect standard output: > ${raw})` : ''}`,
    );
  }
  if (stats) {
    const writable = (stats.mode & 0o222) !== 0 && (await access(target, constants.W_OK).then(() => true, () => false));
    if (!writable) throw new UsageError(`--output ${quoted}${via} is read-only; tradecalc does not replace a file its permissions protect (make it writable, or choose another name)`);
  }
  const dir = dirname(target);
  const dirStats = await stat(dir).catch(() => null);
  if (!dirStats?.isDirectory()) throw new UsageError(`--output ${quoted}: the directory ${JSON.stringify(dirname(raw))} does not exist`);
  if (!(await access(dir, constants.W_OK).then(() => true, () => false))) {
    throw new UsageError(`--output ${quoted}: the directory ${JSON.stringify(dir)} is not writable (the file is written beside its target, then renamed)`);
  }
  if (stats) {
    for (const input of inputs) {
      if (cwd === undefined && !isAbsolute(input) && input !== '-') continue;
      // "-" is standard input: the same file when the shell redirected it from the output (< out.csv).
      const st = input === '-' ? (io.stdinFile?.() ?? null) : await stat(resolve(cwd ?? '/', input)).catch(() => null);
      if (st && st.dev === stats.dev && st.ino === stats.ino) {
        const data = input === '-' ? 'read from standard input' : JSON.stringify(input);
        throw new UsageError(`--output ${quoted} is the same file as the data ${data}; writing the results would replace the data (choose another file name)`);
      }
    }
  }
  return target;
}
