// Runs one report command: raw options → typed options (exit 2 before any file is opened) → the
// input → resolve → compute → the document → one view of it, written to stdout or --output.
// The same path for every command; what differs is the spec.
import type { Dataset } from '../core/types.js';
import type { LoadedDatasets } from '../data/load-file.js';
import { DataError, InterruptedError, UsageError } from '../errors.js';
import { gridOf } from '../reports/columns.js';
import { parseCommon } from '../reports/common.js';
import { COMMANDS, type CommandDecl } from '../reports/registry.js';
import type { AnySpec, Control, RawOptions } from '../reports/spec.js';
import type { IO } from './io.js';
import { type OutputOptions, checkOutputPath, emit, resolveOutput, writeFileAtomically } from './output.js';

async function loadInput(spec: AnySpec, opts: unknown, common: ReturnType<typeof parseCommon>, io: IO): Promise<Dataset | LoadedDatasets | null> {
  if (spec.input === 'none') return null;
  const selection = spec.source?.(opts, common) ?? common.selection;
  const { bilateralView, builtinListing, loadSelection, pickReporter } = await import('../data/select.js');
  const read = { cwd: io.cwd, stdin: io.stdin };
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
  let interrupted = false;
  const unsubscribe = io.onInterrupt?.(() => {
    interrupted = true;
  });
  return {
    control: {
      pause: async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (interrupted) throw new InterruptedError();
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

/** Why a command without a chart cannot give an SVG, naming the ones that can. */
function noChart(decl: CommandDecl, raw: RawOptions): string {
  const name = `tradecalc ${decl.path.join(' ')}`;
  const charts = COMMANDS.filter((c) => c.chart).map((c) => c.path.join(' ')).sort();
  const which = `the commands that do: ${charts.join(', ')}`;
  return raw.format === 'svg'
    ? `--format svg: ${name} draws no chart (${which}; use table, json, csv or markdown)`
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
  // A report that makes a file (import's datasets) prints its view and writes the file to --output.
  const output: OutputOptions = await resolveOutput(io, spec.outputIsArtifact ? { ...common, output: undefined } : common);
  const artifactPath = spec.outputIsArtifact && common.output !== undefined ? await checkOutputPath(io, common.output) : undefined;
  let input: Dataset | LoadedDatasets | null;
  try {
    input = await loadInput(spec, opts, common, io);
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
  await emit(io, output, {
    json: () => doc,
    grid: () => gridOf(doc, spec.columns(doc), spec.notes?.(doc)),
    text: (ctx) => spec.text(doc, ctx, opts),
    svg: spec.svg ? () => spec.svg!(doc, { unit: common.unit }) : undefined,
    wrap: spec.wrap?.(doc) ?? true,
  });
  return spec.exitCode?.(doc) ?? 0;
}
