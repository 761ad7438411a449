// The options every report command takes, declared once: the output format and where it goes, the
// dataset and reporter, the display unit, colour and --debug; and their parsing (pure, no I/O).
import { builtinDatasetIds } from '../data/builtin.js';
import { FROM_CHOICES } from '../data/formats/layout.js';
import { UsageError } from '../errors.js';
import type { DisplayUnit } from '../render/format.js';
import { DISPLAY_UNITS } from './defaults.js';
import { formatFromExtension, parseChoice, parseDisplayUnit, parsePath } from './parse.js';
import type { OptionDecl, RawOptions } from './spec.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown', 'svg'] as const;
export type Format = (typeof FORMATS)[number];

export const COMMON_OPTIONS: readonly OptionDecl[] = [
  { flags: '--format <format>', description: 'output format: table, json, csv, markdown, or svg for a command that draws a chart (default: table, or from the --output extension)', hints: FORMATS },
  { flags: '--json', description: 'print the result as JSON, the same as --format json' },
  { flags: '--data <file>', description: 'data to read: a tradecalc dataset (JSON or CSV), a publisher download, a directory, or "-" for standard input; repeat for several', file: true, repeatable: true },
  { flags: '--reporter <name>', description: 'the reporter to use when the data holds several (a name, an id or a code)' },
  { flags: '--partner <name>', description: "a bilateral view: the reporter's trade with this partner (default: the world total)" },
  { flags: '--from <publisher>', description: 'the layout of --data: auto, tradecalc, comtrade, imts, census, comext, china-customs or baci (default: auto)', hints: FROM_CHOICES },
  { flags: '--dataset <id>', description: 'built-in dataset to use (default: china-2025)', hints: builtinDatasetIds() },
  { flags: '--unit <unit>', description: 'display unit of amounts in tables and charts: T, B, M, K, 1 or auto (default: auto)', hints: DISPLAY_UNITS },
  { flags: '--output <file>', description: 'write the result to a file (atomically) instead of stdout ("-"); .json .csv .md .txt .svg set the format', file: true },
  { flags: '--no-color', description: 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)' },
  { flags: '--debug', description: 'show stack traces for internal errors' },
];

import type { DatasetSelection } from '../data/select.js';
export type { DatasetSelection };

export interface CommonOptions {
  format: Format;
  unit: DisplayUnit;
  /** The --output value as given; undefined for stdout. */
  output?: string | undefined;
  /** False with --no-color; the terminal and the environment decide the rest. */
  color: boolean;
  debug: boolean;
  selection: DatasetSelection;
}

const list = (raw: RawOptions, key: string): readonly string[] | undefined => {
  const v = raw[key];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? (v as readonly string[]) : undefined;
};

const text = (raw: RawOptions, key: string): string | undefined => {
  const v = raw[key];
  return typeof v === 'string' ? v : undefined;
};

/** The common options, typed; a command without them (schema, completion) gets the defaults. */
export function parseCommon(raw: RawOptions): CommonOptions {
  let format = raw.format === undefined ? undefined : parseChoice('--format', text(raw, 'format')!, FORMATS);
  if (raw.json === true) {
    if (format !== undefined && format !== 'json') throw new UsageError(`--json and --format ${format} ask for different formats (give one of them)`);
    format = 'json';
  }
  const unit = raw.unit === undefined ? 'auto' : parseDisplayUnit('--unit', text(raw, 'unit')!);
  // "-" is standard output, as "--data -" is standard input.
  const outputRaw = text(raw, 'output');
  const output = outputRaw === undefined || outputRaw === '-' ? undefined : parsePath('--output', outputRaw);
  if (output !== undefined) format ??= formatFromExtension(output);
  const data = list(raw, 'data')?.map((d) => parsePath('--data', d));
  const dataset = text(raw, 'dataset');
  if (data !== undefined && dataset !== undefined) {
    throw new UsageError('--data and --dataset both name a dataset (give one: --data for files, --dataset for a built-in)');
  }
  const from = raw.from === undefined ? undefined : parseChoice('--from', text(raw, 'from')!, FROM_CHOICES);
  return {
    format: format ?? 'table',
    unit,
    output,
    color: raw.color !== false,
    debug: raw.debug === true,
    selection: { data, dataset, reporter: text(raw, 'reporter'), partner: text(raw, 'partner'), from },
  };
}
