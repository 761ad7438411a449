// Runs one report command: raw options → typed options (exit 2 before any file is opened) → the
// input → resolve → compute → the document → one view of it, written to stdout or --output.
// The same path for every command; what differs is the spec.
import { isAbsolute } from 'node:path';
import type { Dataset } from '../core/types.js';
import type { LoadedDatasets } from '../data/load-file.js';
import { DataError, InterruptedError, type StopSignal } from '../errors.js';
import { terminalSafe } from '../render/safe-text.js';
import { gridOf } from '../reports/columns.js';
import { type DatasetSelection, parseCommon } from '../reports/common.js';
import type { CommandDecl } from '../reports/registry.js';
import type { AnySpec, Control, RawOptions } from '../reports/spec.js';
import { type IO, workingDirectory } from './io.js';
import { type OutputOptions, emit, resolveOutput } from './output.js';

/** The files a selection reads (--data, or a command's file argument): "-" is standard input. */
function inputPaths(selection: DatasetSelection): string[] {
  // One path today; a list once --data is repeatable.
  return ([] as string[]).concat(selection.data ?? []);
}

/**
 * Where relative paths are read from. A working directory that was deleted (the shell still
 * stands in it) leaves nothing for a relative path to name: that is a data error naming the file;
 * a run that needs no relative path (built-in data, a full path, stdin) goes on without one.
 */
function readContext(io: IO, selection: DatasetSelection): { cwd: string; stdin: IO['stdin'] } {
  const cwd = workingDirectory(io);
  if (cwd === undefined) {
    const relative = inputPaths(selection).find((p) => p !== '-' && !isAbsolute(p));
    if (relative !== undefined) {
      throw new DataError(`${relative}: cannot be found: the working directory no longer exists (it was deleted or moved); give a full path or cd to a directory that exists`);
    }
  }
  return { cwd: cwd ?? '/', stdin: io.stdin };
}

async function loadInput(spec: AnySpec, selection: DatasetSelection, io: IO): Promise<Dataset | LoadedDatasets | null> {
  if (spec.input === 'none') return null;
  const { builtinListing, loadSelection, pickReporter } = await import('../data/select.js');
  const read = readContext(io, selection);
  if (spec.input === 'datasets') return selection.data === undefined && selection.dataset === undefined ? builtinListing() : loadSelection(selection, read);
  return pickReporter(await loadSelection(selection, read), selection.reporter);
}

/** Ctrl-C and progress for a long computation, wired to the process (or to the test's IO). */
function controlOf(io: IO): { control: Control; release: () => void } {
  // Ctrl-C, SIGTERM or SIGHUP: the computation stops at its next pause, and its progress display
  // is stopped on the way out (which shows the cursor and turns line wrapping back on).
  let stopped: StopSignal | null = null;
  const unsubscribe = io.onInterrupt?.((signal) => {
    stopped ??= signal;
  });
  return {
    control: {
      pause: async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (stopped) throw new InterruptedError(stopped);
      },
      progress: async (total, label) => {
        if (io.stderr.isTTY !== true) return null;
        const mod = await import('cli-progress');
        const cp = (mod as unknown as { default?: typeof mod }).default ?? mod;
        const bar = new cp.SingleBar(
          {
            stream: io.stderr as unknown as NodeJS.WritableStream,
            format: `${label} [{bar}] {percentage}% | ETA {eta_formatted}`,
            hideCursor: true,
            clearOnComplete: true,
            barsize: 30,
          },
          cp.Presets.shades_classic,
        );
        bar.start(total, 0);
        return { update: (done) => bar.update(done), stop: () => bar.stop() };
      },
    },
    release: () => unsubscribe?.(),
  };
}

export async function runReport(decl: CommandDecl, raw: RawOptions, args: readonly (string | undefined)[], io: IO): Promise<number> {
  const spec = await decl.load();
  const parsed = parseCommon(raw);
  const common = spec.jsonOnly && parsed.format === 'table' ? { ...parsed, format: 'json' as const } : parsed;
  const opts = spec.parse(raw, args, common);
  const selection: DatasetSelection = spec.input === 'none' ? {} : (spec.source?.(opts, common) ?? common.selection);
  const output: OutputOptions = await resolveOutput(io, spec.jsonOnly ? { ...common, format: 'json' } : common, inputPaths(selection));
  let input: Dataset | LoadedDatasets | null;
  try {
    input = await loadInput(spec, selection, io);
  } catch (err) {
    // A validation document says what is wrong to a script; it goes to stdout, never to --output:
    // a failing run leaves an existing file as it was.
    if (err instanceof DataError && spec.failureDocument && output.format === 'json' && output.output === undefined) {
      const { jsonChunks } = await import('../render/json.js');
      const { writeAll } = await import('./io.js');
      await writeAll(io.stdout, [...jsonChunks(spec.failureDocument(err, opts) as never), '\n']);
    }
    throw err;
  }
  const assumptions = spec.resolve(opts, input);
  const { control, release } = controlOf(io);
  let report: unknown;
  try {
    report = await spec.compute(assumptions, control);
  } finally {
    release();
  }
  const doc = spec.toDocument(report, assumptions);
  await emit(io, output, {
    json: () => doc,
    grid: () => gridOf(doc, spec.columns(doc), spec.notes?.(doc)),
    // The view people read: every string from the data with its control characters escaped.
    text: (ctx) => spec.text(terminalSafe(doc), ctx, opts),
  });
  return spec.exitCode?.(doc) ?? 0;
}
