// What a report kind is made of, declared once and read by everything else: the CLI builds its
// commands and help from the declarations, runs parse → resolve → compute → toDocument, and writes
// one view of the document (JSON as is, CSV and markdown from the column paths, text for people).
import type { Dataset } from '../core/types.js';
import type { LoadedDatasets } from '../data/load-file.js';
import type { TextContext } from '../render/style.js';
import type { SvgContext } from '../render/svg/frame.js';
import type { Columns } from './columns.js';
import type { Document } from './document.js';
import type { DataError } from '../errors.js';
import type { CommonOptions, DatasetSelection } from './common.js';

/** Option values as the command line gave them: strings, lists of strings, or flags. */
export type RawValue = string | readonly string[] | boolean | undefined;
export type RawOptions = Readonly<Record<string, RawValue>>;

export interface OptionDecl {
  /** Flags as help shows them: "--growth <pct>", "--ranges", "--no-chart". */
  readonly flags: string;
  readonly description: string;
  /** Values a shell may offer for the option (the spec checks them itself). */
  readonly hints?: readonly string[] | undefined;
  /** The value names a file: shells offer files. */
  readonly file?: boolean | undefined;
  /** May be given more than once, values collected in order; otherwise a repeat is a usage error. */
  readonly repeatable?: boolean | undefined;
  /** Left out of help and completion: accepted only to be refused with a reason. */
  readonly hidden?: boolean | undefined;
}

export interface ArgumentDecl {
  /** "<file>" (required) or "[id]" (optional). */
  readonly name: string;
  readonly description: string;
  readonly hints?: readonly string[] | undefined;
  readonly file?: boolean | undefined;
}

/** A long computation's link to the world: progress for a person, and Ctrl-C. */
export interface Control {
  /** Lets the event loop turn (signals, timers); throws InterruptedError once Ctrl-C was pressed. */
  pause(): Promise<void>;
  /** A progress display for `total` units of work, or null where none is wanted. */
  progress(total: number, label: string): Promise<Progress | null>;
}

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** What a report reads: one dataset (narrowed to a reporter), every dataset of a file, or nothing. */
export type InputKind = 'dataset' | 'datasets' | 'none';
export type InputOf<K extends InputKind> = K extends 'dataset' ? Dataset : K extends 'datasets' ? LoadedDatasets : null;

export interface ReportSpec<O = unknown, A = unknown, R = unknown, D extends Document = Document, K extends InputKind = InputKind> {
  readonly input: K;
  /** The result is itself JSON (a JSON Schema): written as JSON in the table format too, never wrapped as prose. */
  readonly jsonOnly?: boolean | undefined;
  /** Raw strings to typed options, before any file is opened: every failure is a UsageError (exit 2). */
  parse(raw: RawOptions, args: readonly (string | undefined)[], common: CommonOptions): O;
  /** What to read, when it is not the common --data/--dataset/--reporter (a file argument, say). */
  source?(opts: O, common: CommonOptions): DatasetSelection;
  /** The document of a run whose input was invalid, printed (never to --output) before exit 3. */
  failureDocument?(error: DataError, opts: O): object;
  /** Defaults and forecasts from the data, each with its typed origin. */
  resolve(opts: O, input: InputOf<K>): A;
  /** The computation: a call into src/core. */
  compute(assumptions: A, control: Control): R | Promise<R>;
  /** The JSON document, schema version 2: the one thing every view is drawn from. */
  toDocument(report: R, assumptions: A): D;
  /** CSV and markdown rows, as paths into the document. */
  columns(doc: D): Columns;
  /** Sentences that go under a markdown table (the verdict); CSV, being data, leaves them out. */
  notes?(doc: D): string[];
  /** The view for people. */
  text(doc: D, ctx: TextContext, opts: O): string | Promise<string>;
  /**
   * The chart as an SVG picture (--format svg, or --output chart.svg), for a report that draws one.
   * Without it, asking for svg is a usage error before any file is read.
   */
  svg?(doc: D, ctx: SvgContext): string | Promise<string>;
  /** False when the text view must not be wrapped to the terminal (a SQL query to copy). */
  wrap?(doc: D): boolean;
  /**
   * How the document is made safe for the terminal before `text` sees it. By default every string
   * has its control characters escaped; a report whose text holds lines of its own (a SQL query)
   * escapes each line and keeps the line breaks.
   */
  terminalSafe?(doc: D): D;
  /** The exit code of a run that succeeded (1: a negative verdict); 0 when absent. */
  exitCode?(doc: D): number;
  /**
   * --output names a file the report makes besides its view (import: the datasets), rather than
   * where the view goes: the view is printed, and `artifact` is written there atomically.
   */
  readonly outputIsArtifact?: boolean | undefined;
  artifact?(report: R, assumptions: A): Iterable<string> | null | Promise<Iterable<string> | null>;
}

/** Any spec, for code that handles them all alike. */
// biome-ignore lint: the registry holds specs of every type.
export type AnySpec = ReportSpec<any, any, any, any, InputKind>;
