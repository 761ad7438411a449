// Runs one report command: raw options → typed options (exit 2 before any file is opened) → the
// input → resolve → compute → the document → one view of it, written to stdout or --output.
// The same path for every command; what differs is the spec.
import { isAbsolute } from 'node:path';
import type { Dataset } from '../core/types.js';
import type { LoadedDatasets } from '../data/load-file.js';
import { DataError, InterruptedError, type StopSignal, UsageError } from '../errors.js';
import { terminalSafe } from '../render/safe-text.js';
import { gridOf } from '../reports/columns.js';
import { type DatasetSelection, parseCommon } from '../reports/common.js';
import { COMMANDS, type CommandDecl, commandFormats } from '../reports/registry.js';
import type { DatasetDoc } from '../reports/document.js';
import type { AnySpec, Control, RawOptions } from '../reports/spec.js';
import { type IO, workingDirectory } from './io.js';
import { type OutputOptions, checkOutputPath, emit, resolveOutput, writeFileAtomically } from './output.js';

/** The files a selection reads (--data, or a command's file argument): "-" is standard input. */
function inputPaths(selection: DatasetSelection): string[] {
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
  // A getter, as IO's own: process.stdin is costly to create (some 5 ms of start-up) and only
  // `--data -` reads it.
  return {
    cwd: cwd ?? '/',
    get stdin() {
      return io.stdin;
    },
  };
}

async function loadInput(spec: AnySpec, selection: DatasetSelection, io: IO): Promise<Dataset | LoadedDatasets | null> {
  if (spec.input === 'none') return null;
  const { bilateralView, builtinListing, loadSelection, pickReporter } = await import('../data/select.js');
  const read = readContext(io, selection);
  const progress = readingProgress(io);
  try {
    if (spec.input === 'datasets') return selection.data === undefined && selection.dataset === undefined ? builtinListing() : await loadSelection(selection, read, { progress: progress.update });
    const dataset = pickReporter(await loadSelection(selection, read, { one: true, progress: progress.update }), selection.reporter);
    return selection.partner === undefined ? dataset : bilateralView(dataset, selection.partner);
  } finally {
    progress.stop();
  }
}

/** Below this many bytes a file is read too quickly for a progress bar to help. */
const PROGRESS_MIN_BYTES = 64 * 1024 * 1024;

/** A progress bar on a terminal's stderr for reading large inputs, drawn once they prove large. */
function readingProgress(io: IO): { update: (done: number, total: number | null) => void; stop: () => void } {
  if (io.stderr.isTTY !== true) return { update: () => {}, stop: () => {} };
  let bar: { update(n: number): void; stop(): void; setTotal(n: number): void } | null = null;
  let starting = false;
  let last = 0;
  return {
    update: (done, total) => {
      last = done;
      if (bar) {
        if (total !== null) bar.update(done);
        return;
      }
      if (starting || total === null || total < PROGRESS_MIN_BYTES) return;
      starting = true;
      void import('cli-progress').then((mod) => {
        const cp = (mod as unknown as { default?: typeof mod }).default ?? mod;
        const b = new cp.SingleBar(
          { stream: io.stderr as unknown as NodeJS.WritableStream, format: 'reading [{bar}] {percentage}% | ETA {eta_formatted}', hideCursor: true, clearOnComplete: true, barsize: 30 },
          cp.Presets.shades_classic,
        );
        b.start(total, last);
        bar = b as unknown as typeof bar;
      });
    },
    stop: () => (bar as { stop(): void } | null)?.stop(),
  };
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

const orList = (words: readonly string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`);

/** Why a command without a chart cannot give an SVG, naming the ones that can. */
function noChart(decl: CommandDecl, raw: RawOptions): string {
  const name = `tradecalc ${decl.path.join(' ')}`;
  const charts = COMMANDS.filter((c) => c.chart).map((c) => c.path.join(' ')).sort();
  const which = `the commands that do: ${charts.join(', ')}`;
  return raw.format === 'svg'
    ? `--format svg: ${name} draws no chart (${which}; use ${orList(commandFormats(decl))})`
    : `--output ${JSON.stringify(raw.output)} asks for an SVG picture, and ${name} draws no chart (${which}; give --format to write another format to that file)`;
}

export async function runReport(decl: CommandDecl, raw: RawOptions, args: readonly (string | undefined)[], io: IO): Promise<number> {
  const spec = await decl.load();
  let common = parseCommon(raw);
  if (spec.jsonOnly && common.format === 'table') common = { ...common, format: 'json' };
  // --output names the report's file, not its view: the view's format is not taken from its extension.
  if (spec.outputIsArtifact && raw.format === undefined && raw.json !== true) common = { ...common, format: 'table' };
  if (common.format === 'svg' && !spec.svg) throw new UsageError(noChart(decl, raw));
  const opts = spec.parse(raw, args, common);
  const selection: DatasetSelection = spec.input === 'none' ? {} : (spec.source?.(opts, common) ?? common.selection);
  // A report that makes a file (import's datasets) prints its view and writes the file to --output.
  const output: OutputOptions = await resolveOutput(io, spec.outputIsArtifact ? { ...common, output: undefined } : spec.jsonOnly ? { ...common, format: 'json' } : common, inputPaths(selection));
  const artifactPath = spec.outputIsArtifact && common.output !== undefined ? await checkOutputPath(io, common.output, inputPaths(selection)) : undefined;
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
  if (artifactPath !== undefined) {
    const chunks = await spec.artifact?.(report, assumptions);
    if (chunks) await writeFileAtomically(artifactPath, common.output!, chunks);
  }
  const doc = spec.toDocument(report, assumptions);
  // A publisher file's warnings (a row count at a download cap, a scale reading) are messages: stderr.
  const warned = (doc as { dataset?: DatasetDoc | null }).dataset?.imported?.warnings ?? [];
  for (const w of warned) io.stderr.write(`tradecalc: warning: ${w}\n`);
  await emit(io, output, {
    json: () => doc,
    grid: () => gridOf(doc, spec.columns(doc), spec.notes?.(doc)),
    // Imported figures say where they come from under every report; every string from the data is
    // shown with its control characters escaped.
    text: async (ctx) => {
      const safe = spec.terminalSafe ? spec.terminalSafe(doc) : terminalSafe(doc);
      const text = await spec.text(safe, ctx, opts);
      const dataset = (safe as { dataset?: DatasetDoc | null }).dataset;
      if (!dataset?.imported) return text;
      const { importedLines } = await import('../render/text-common.js');
      return `${text}\n${importedLines(dataset).map((l) => ctx.style.dim(l)).join('\n')}\n`;
    },
    svg: spec.svg ? () => spec.svg!(doc, { unit: common.unit }) : undefined,
    wrap: spec.wrap?.(doc) ?? true,
  });
  return spec.exitCode?.(doc) ?? 0;
}
