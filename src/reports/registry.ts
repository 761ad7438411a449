// Every command, declared once: its name, description, options, arguments and examples, and where
// its spec lives (loaded only when the command runs). Help, completion and the docs come from here;
// adding a command is adding an entry. Plain data, so that building the program stays cheap.
import { DEFAULT_RUNS, DEFAULT_SEED, RUNS_MAX } from '../core/limits.js';
import { builtinDatasetIds } from '../data/builtin.js';
import { ENGINES } from '../data/formats/layout.js';
import { formatCount } from '../render/format.js';
import { BUILTIN_SCENARIOS, CIF_FOB_DEFAULT_PCT, MONTH_FLOWS, PARTNER_MEASURES, PARTNERS_TOP_DEFAULT, SCENARIO_EXPORT_RANGE, SCENARIO_IMPORT_RANGE, SHELLS, SIMULATE_SD_PCT } from './defaults.js';
import type { AnySpec, ArgumentDecl, OptionDecl } from './spec.js';

export interface CommandDecl {
  /** ["summary"], or ["data", "show"] for a command of a group. */
  readonly path: readonly string[];
  readonly description: string;
  readonly options: readonly OptionDecl[];
  readonly arguments?: readonly ArgumentDecl[] | undefined;
  readonly examples: readonly string[];
  /** Whether the common options (--format, --data, --output, …) apply: all, only the output ones, or none. */
  readonly common: 'all' | 'output' | 'none';
  /** The command draws a chart, which --format svg writes as a picture (its spec has `svg`). */
  readonly chart?: boolean | undefined;
  /** Common options that do not apply to this command: left out of its help and completion; the spec refuses them with a reason. */
  readonly omit?: readonly string[] | undefined;
  /** What a common option means for this command, where that differs from the usual ("--partner": reporter B). */
  readonly meaning?: Readonly<Record<string, string>> | undefined;
  /** The formats it writes, when not the usual ones (table, json, csv, markdown, and svg for a chart). */
  readonly formats?: readonly string[] | undefined;
  readonly load: () => Promise<AnySpec>;
}

/** The formats a command writes: the usual four, svg for a chart, or its own list. */
export function commandFormats(decl: Pick<CommandDecl, 'chart' | 'formats'>): readonly string[] {
  return decl.formats ?? (decl.chart ? ['table', 'json', 'csv', 'markdown', 'svg'] : ['table', 'json', 'csv', 'markdown']);
}

export interface GroupDecl {
  readonly name: string;
  readonly description: string;
  readonly examples: readonly string[];
}

const YEAR: OptionDecl = { flags: '--year <year>', description: 'the base year to project from (default: the latest in the data)' };
const YEARS = (what: string): OptionDecl => ({ flags: '--years <n>', description: `${what}, 1 to 100 (default: 1)` });
const THRESHOLD = (what: string): OptionDecl => ({ flags: '--threshold <amount>', description: `${what} (default: the forecast claim)` });

export const GROUPS: readonly GroupDecl[] = [
  {
    name: 'data',
    description: 'datasets: list the built-in ones, show one, validate a file, print the JSON Schema',
    examples: ['tradecalc data list', 'tradecalc data show china-2025', 'tradecalc data validate trade.csv', 'tradecalc data schema > dataset.schema.json'],
  },
];

export const COMMANDS: readonly CommandDecl[] = [
  {
    path: ['summary'],
    description: 'the figures of a year and what they imply: balance, total trade, prior year, momentum',
    options: [
      { flags: '--year <year>', description: 'the year to summarise (default: the latest in the data)' },
      { flags: '--ranges', description: 'add the range each value can take given the rounding of the stated figures' },
    ],
    examples: ['tradecalc summary', 'tradecalc summary --ranges', 'tradecalc summary --json | jq .balance', 'tradecalc summary --data trade.csv --reporter China --year 2024 --unit B'],
    common: 'all',
    load: async () => (await import('./summary.js')).summarySpec,
  },
  {
    path: ['project'],
    description: 'project exports, imports and the balance forward, and test it against a threshold',
    options: [
      { flags: '--growth <pct>', description: 'annual export growth in percent, or one per year: 3,2.5,2 (default: the dataset forecast)' },
      { flags: '--import-growth <pct>', description: 'annual import growth in percent, or one per year (default: forecast, else 0)' },
      YEARS('years to project'),
      THRESHOLD('balance to test against: 1T, 800B, 1e12, -500B'),
      YEAR,
      { flags: '--ranges', description: 'add the range of each projected value given the rounding of the stated figures' },
      { flags: '--chart', description: 'draw the balance path against the threshold under the table (default: on a terminal)' },
      { flags: '--no-chart', description: 'never draw the chart' },
    ],
    examples: [
      'tradecalc project --growth 3',
      'tradecalc project --years 10 --growth 3 --import-growth 5 --chart',
      'tradecalc project --growth -2 --import-growth 4 --threshold 1.1T',
      'tradecalc project --years 5 --growth 3,2.5,2,2,2',
      'tradecalc project --data deficit.csv --threshold -1T',
      "tradecalc project --growth 3 --json | jq '.path[] | {year, balance}'",
    ],
    common: 'all',
    chart: true,
    load: async () => (await import('./project.js')).projectSpec,
  },
  {
    path: ['check'],
    description: 'test every claim the dataset records against its own figures, allowing for rounding (exit 1 if any is inconsistent)',
    options: [],
    examples: ['tradecalc check', 'tradecalc check --data claims.json', 'tradecalc check --json | jq \'.claims[] | select(.status != "consistent")\''],
    common: 'all',
    load: async () => (await import('./check.js')).checkSpec,
  },
  {
    path: ['months'],
    description: 'the monthly series of a year: each month against a year earlier, growth, momentum and the year to date',
    options: [
      { flags: '--year <year>', description: 'the year whose months to show (default: the latest year with months in the data)' },
      { flags: '--flow <flow>', description: 'show one flow in detail: exports, imports or balance (default: all)', hints: MONTH_FLOWS },
      { flags: '--chart', description: 'draw the series under the tables (default: on a terminal); --format svg writes it as a picture' },
      { flags: '--no-chart', description: 'never draw the chart' },
    ],
    examples: [
      'tradecalc months',
      'tradecalc months --data census/2024 --flow exports --chart',
      'tradecalc months --data census/2024 --partner China --year 2024',
      'tradecalc months --data census/2024 --flow exports --output exports.svg',
      "tradecalc months --json | jq '.months[] | {month, exportGrowthPct, exportMomentumPp}'",
    ],
    common: 'all',
    chart: true,
    load: async () => (await import('./months.js')).monthsSpec,
  },
  {
    path: ['data', 'list'],
    description: 'the built-in datasets, or the reporters of a file given with --data',
    options: [],
    examples: ['tradecalc data list', 'tradecalc data list --data trade.csv --format csv'],
    common: 'all',
    // Every reporter is listed with its partner count: --partner is refused (data.ts).
    omit: ['--partner'],
    load: async () => (await import('./data.js')).dataListSpec,
  },
  {
    path: ['data', 'show'],
    description: 'the figures, forecasts and claims of a dataset',
    options: [],
    arguments: [{ name: '[id]', description: 'a built-in dataset id (default: china-2025)', hints: builtinDatasetIds() }],
    examples: ['tradecalc data show', 'tradecalc data show --data trade.csv --reporter China', 'tradecalc data show --json | jq .years'],
    common: 'all',
    load: async () => (await import('./data.js')).dataShowSpec,
  },
  {
    path: ['data', 'validate'],
    description: 'check a dataset file and report every problem (exit 3 if any)',
    options: [],
    arguments: [{ name: '<file>', description: 'a JSON or CSV dataset file, "-" for standard input', file: true }],
    examples: ['tradecalc data validate trade.csv', 'cat trade.csv | tradecalc data validate -'],
    common: 'all',
    // The file is the argument, and every partner is checked: these are refused (data.ts).
    omit: ['--data', '--dataset', '--partner'],
    meaning: { '--from': 'the layout of the file: auto, tradecalc, comtrade, imts, census, comext, china-customs or baci (default: auto)' },
    load: async () => (await import('./data.js')).dataValidateSpec,
  },
  {
    path: ['data', 'schema'],
    description: 'print the JSON Schema of the JSON dataset format',
    options: [],
    examples: ['tradecalc data schema > dataset.schema.json'],
    common: 'output',
    formats: ['table', 'json'],
    load: async () => (await import('./data.js')).datasetFileSchemaSpec,
  },
  {
    path: ['scenarios'],
    description: 'sensitivity grid of the horizon-year balance over export × import growth, or named scenarios side by side',
    options: [
      { flags: '--growth <range>', description: `export growth range start:stop:step in percent, or one rate (default: ${SCENARIO_EXPORT_RANGE})` },
      { flags: '--import-growth <range>', description: `import growth range start:stop:step, or one rate (default: ${SCENARIO_IMPORT_RANGE})` },
      YEARS('horizon in years'),
      { flags: '--year <year>', description: 'the base year (default: the latest in the data)' },
      THRESHOLD('balance to test against'),
      {
        flags: '--scenario <names>',
        description: "compare named scenarios instead: baseline, optimistic, pessimistic or a dataset's own; repeat or comma-separate",
        hints: BUILTIN_SCENARIOS,
        repeatable: true,
      },
    ],
    examples: [
      'tradecalc scenarios',
      'tradecalc scenarios --growth -8:4:1 --import-growth 0:10:2.5 --years 3',
      'tradecalc scenarios --growth 0:10:0.01 --import-growth 0:10:0.01 --format csv > grid.csv',
      'tradecalc scenarios --scenario baseline,optimistic,pessimistic --years 5',
      "tradecalc scenarios --json | jq '[.cells[] | select(.aboveThreshold | not)] | length'",
    ],
    common: 'all',
    chart: true,
    load: async () => (await import('./scenarios.js')).scenariosSpec,
  },
  {
    path: ['breakeven'],
    description: 'the export growth, and the import growth, at which the balance lands exactly on the threshold',
    options: [
      { flags: '--growth <pct>', description: 'export growth held while solving for imports (default: the dataset forecast)' },
      { flags: '--import-growth <pct>', description: 'import growth held while solving for exports (default: forecast, else 0)' },
      { flags: '--years <n>', description: 'horizon in years, 1 to 100; the answer is an annual compound rate (default: 1)' },
      { flags: '--year <year>', description: 'the base year (default: the latest in the data)' },
      { flags: '--threshold <amount>', description: 'balance to land on (default: the forecast claim)' },
    ],
    examples: ['tradecalc breakeven', 'tradecalc breakeven --years 5 --import-growth 2', "tradecalc breakeven --json | jq '.solutions[0].breakevenGrowthPct'"],
    common: 'all',
    load: async () => (await import('./breakeven.js')).breakevenSpec,
  },
  {
    path: ['simulate'],
    description: 'Monte Carlo: the probability that the balance stays at or above the threshold when growth is uncertain',
    options: [
      { flags: '--growth <pct>', description: 'mean annual export growth in percent (default: the dataset forecast)' },
      { flags: '--growth-sd <pp>', description: `standard deviation of export growth, percentage points (default: ${SIMULATE_SD_PCT})` },
      { flags: '--import-growth <pct>', description: 'mean annual import growth (default: forecast, else 0)' },
      { flags: '--import-growth-sd <pp>', description: `standard deviation of import growth (default: ${SIMULATE_SD_PCT})` },
      { flags: '--correlation <rho>', description: 'correlation of export and import growth, -1 to 1 (default: 0)' },
      YEARS('years to simulate'),
      { flags: '--year <year>', description: 'the base year (default: the latest in the data)' },
      THRESHOLD('balance to test against'),
      { flags: '--runs <n>', description: `simulated paths, 1 to ${formatCount(RUNS_MAX)} (default: ${formatCount(DEFAULT_RUNS)})` },
      { flags: '--seed <n>', description: `random seed, a whole number from 0 to 2^53-1; the same seed gives the same output (default: ${DEFAULT_SEED})` },
    ],
    examples: [
      'tradecalc simulate',
      'tradecalc simulate --growth 0 --growth-sd 4 --import-growth-sd 0',
      'tradecalc simulate --years 5 --growth-sd 3 --import-growth-sd 3 --correlation 0.6 --runs 1e6',
      "tradecalc simulate --json | jq '.path[] | {year, probabilityAboveThreshold}'",
    ],
    common: 'all',
    chart: true,
    load: async () => (await import('./simulate.js')).simulateSpec,
  },
  {
    path: ['partners'],
    description: "one reporter's trade by partner in a year: balances, shares, change on the year before, and the check against the world total",
    options: [
      { flags: '--year <year>', description: "the year (default: the latest complete year of the reporter's partner data)" },
      { flags: '--top <n>', description: `partners with a row of their own; the rest are one row (default: ${PARTNERS_TOP_DEFAULT})` },
      { flags: '--sort <measure>', description: 'order by balance (its size, surplus or deficit alike), exports, imports or total (default: the --flow)', hints: PARTNER_MEASURES },
      { flags: '--flow <measure>', description: 'what the share column and the chart show: balance, exports, imports or total (default: balance)', hints: PARTNER_MEASURES },
      { flags: '--no-chart', description: 'leave out the bar chart under the table (--format svg writes the chart as a picture)' },
    ],
    examples: [
      'tradecalc partners --data TradeData.csv --reporter China',
      'tradecalc partners --data census/2024 --year 2024 --top 5',
      'tradecalc partners --data baci/ --reporter China --flow exports',
      'tradecalc partners --data census/2024 --year 2024 --top 8 --output partners.svg',
      "tradecalc partners --data trade.csv --reporter Examplia --json | jq '.rows[] | select(.row == \"partner\") | {partner, balance}'",
    ],
    common: 'all',
    chart: true,
    // Every partner is a row: a bilateral view has nothing to list.
    omit: ['--partner'],
    load: async () => (await import('./partners.js')).partnersSpec,
  },
  {
    path: ['mirror'],
    description: "compare what reporters A (--reporter) and B (--partner) each say of their trade: A's exports to B against B's imports from A, and the reverse",
    options: [
      { flags: '--year <year>', description: 'compare this year only (default: every year both reporters have)' },
      { flags: '--cif-fob [pct]', description: `also show the gap with the importer's figures divided by 1 + pct/100, from CIF to FOB (pct default: ${CIF_FOB_DEFAULT_PCT}, the IMF's DOTS factor)` },
    ],
    examples: [
      'tradecalc mirror --data both-reporters.csv --reporter China --partner USA',
      'tradecalc mirror --data baci/ --reporter China --partner USA --year 2023',
      'tradecalc mirror --data comtrade.csv --data census/2024 --reporter China --partner "United States" --cif-fob',
    ],
    common: 'all',
    meaning: {
      '--reporter': 'reporter A (a name, an id or a code), required when the data holds several',
      '--partner': "reporter B, whose own figures are compared with A's (a name, an id or a code); required",
    },
    load: async () => (await import('./mirror.js')).mirrorSpec,
  },
  {
    path: ['import'],
    description: "read publishers' downloads (Comtrade, IMF, Census, Comext, China customs, BACI): say what they hold, or write them as a dataset",
    options: [
      { flags: '--flow <flow>', description: 'the flow of files that do not say it (China customs): exports or imports', hints: ['exports', 'imports'] },
      { flags: '--engine <engine>', description: 'how files are read: auto (DuckDB for files over 256 MiB), stream or duckdb (default: auto)', hints: ENGINES },
      { flags: '--print-sql', description: "print the bulk engine's query for the files instead of reading them (to run on a warehouse)" },
    ],
    arguments: [{ name: '<file...>', description: 'publisher downloads (plain or gzipped), directories of them, or "-" for standard input', file: true }],
    examples: [
      'tradecalc import TradeData.csv',
      'tradecalc import TradeData.csv --reporter China --output china.json',
      'tradecalc import exports.json imports.json --output us.csv',
      'tradecalc import bulk-2024.tsv.gz --reporter 156 --partner World --print-sql',
    ],
    common: 'all',
    // The files are arguments, and nothing built in is imported.
    omit: ['--data', '--dataset'],
    meaning: {
      '--reporter': 'keep only this reporter (a name or a code; default: every reporter in the files)',
      '--partner': 'keep only this partner, e.g. World for the world totals (default: every partner)',
      '--from': 'the layout of the files: auto, comtrade, imts, census, comext, china-customs or baci (default: auto)',
    },
    load: async () => (await import('./import.js')).importSpec,
  },
  {
    path: ['schema'],
    description: 'print the JSON Schema of a --json document: summary, projection, scenario-grid, …',
    options: [],
    arguments: [
      {
        name: '<kind>',
        description: 'a document kind: summary, projection, scenario-grid, scenario-comparison, breakeven, simulation, check, months, dataset, dataset-list, validation, import, import-plan, partners, mirror',
        hints: ['summary', 'projection', 'scenario-grid', 'scenario-comparison', 'breakeven', 'simulation', 'check', 'months', 'dataset', 'dataset-list', 'validation', 'import', 'import-plan', 'partners', 'mirror'],
      },
    ],
    examples: ['tradecalc schema projection > projection.schema.json', 'tradecalc schema summary | jq .properties.balance'],
    common: 'output',
    formats: ['table', 'json'],
    load: async () => (await import('./data.js')).schemaSpec,
  },
];

/** `tradecalc completion <shell>` is not a report; it is declared here so help and completion know it. */
export const COMPLETION: Omit<CommandDecl, 'load' | 'common'> = {
  path: ['completion'],
  description: 'print a shell completion script for bash, zsh or fish',
  options: [],
  arguments: [{ name: '<shell>', description: 'bash, zsh or fish', hints: SHELLS }],
  examples: ['source <(tradecalc completion bash)', 'source <(tradecalc completion zsh)', 'tradecalc completion fish > ~/.config/fish/completions/tradecalc.fish'],
};
