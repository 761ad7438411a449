// The command-line surface: every command and option is declared here, and this is the only
// module that knows commander. Actions hand raw strings to the command modules, loaded on demand.
import { Argument, Command, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import type { IO } from './io.js';
import { DEFAULT_RUNS, DEFAULT_SEED, RUNS_MAX } from '../core/limits.js';
import { BUILTIN_SCENARIOS, DISPLAY_UNITS, SCENARIO_EXPORT_RANGE, SCENARIO_IMPORT_RANGE, SHELLS, SIMULATE_SD_PCT, fileValue, hint } from './defaults.js';
import { builtinDatasetIds } from '../data/builtin.js';
import { formatCount as grouped } from '../render/format.js';
import { FORMATS, type OutputOptions } from './output.js';

export interface CommonRaw {
  json?: boolean;
  format?: string;
  color: boolean;
  debug?: boolean;
  dataset?: string;
  data?: string;
  reporter?: string;
  unit?: string;
  output?: string;
}

/** Set by an action: what the run should exit with. */
export interface RunState {
  exitCode: number;
  debug: boolean;
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

function addCommon(cmd: Command): Command {
  return cmd
    .addOption(hint(new Option('--format <format>', 'output format: table, json, csv or markdown (default: table, or from the --output extension)'), FORMATS))
    .option('--json', 'print the result as JSON, the same as --format json')
    .addOption(fileValue(new Option('--data <file>', 'dataset file to use: JSON or CSV, "-" for standard input')))
    .option('--reporter <name>', 'the reporter to use when the data holds several')
    .addOption(hint(new Option('--dataset <id>', 'built-in dataset to use (default: china-2025)'), builtinDatasetIds()))
    .addOption(hint(new Option('--unit <unit>', 'display unit of amounts in tables: T, B, M, K, 1 or auto (default: auto)'), DISPLAY_UNITS))
    .addOption(fileValue(new Option('--output <file>', 'write the result to a file (atomically) instead of stdout ("-"); .json .csv .md .txt set the format')))
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--debug', 'show stack traces for internal errors');
}

function datasetOptions(raw: CommonRaw) {
  return { dataset: raw.dataset, data: raw.data, reporter: raw.reporter };
}

export async function outputOptions(raw: CommonRaw, io: IO): Promise<OutputOptions> {
  const { colorEnabled, checkOutputPath } = await import('./output.js');
  const { formatFromExtension, parseDisplayUnit, parsePath } = await import('./options.js');
  const { parseChoice } = await import('./options.js');
  let format = raw.format === undefined ? undefined : parseChoice('--format', raw.format, FORMATS);
  if (raw.json) {
    if (format !== undefined && format !== 'json') {
      const { UsageError } = await import('../errors.js');
      throw new UsageError(`--json and --format ${format} ask for different formats (give one of them)`);
    }
    format = 'json';
  }
  const unit = raw.unit === undefined ? 'auto' : parseDisplayUnit('--unit', raw.unit);
  // "-" is standard output, as "--data -" is standard input.
  if (raw.output !== undefined && raw.output !== '-') {
    const name = parsePath('--output', raw.output);
    const output = await checkOutputPath(io, name);
    // A file is not a terminal: no colour in it, whatever the terminal would get.
    return { format: format ?? formatFromExtension(name) ?? 'table', color: false, unit, output, outputName: name };
  }
  return { format: format ?? 'table', color: colorEnabled(io, raw.color), unit };
}

/** How to finish declaring a command: its options, help text and action. */
type Configure = (cmd: Command) => unknown;
const pending = new WeakMap<Command, Configure>();
const hooked = new WeakSet<Command>();

/**
 * Declares a command by name and description now, and its options and action only when it is the
 * one being run (or when help or completion needs them): a run builds one command's options, not
 * every command's, which keeps start-up short as commands are added.
 */
function lazily(cmd: Command, configure: Configure): void {
  pending.set(cmd, configure);
  const parent = cmd.parent!;
  if (!hooked.has(parent)) {
    hooked.add(parent);
    parent.hook('preSubcommand', (_parent, sub) => void configureNow(sub));
  }
}

function configureNow(cmd: Command): void {
  const configure = pending.get(cmd);
  if (!configure) return;
  pending.delete(cmd);
  configure(cmd);
}

/** Finishes every lazily declared command, for code that needs the whole program (completion). */
export function configureAll(cmd: Command): void {
  configureNow(cmd);
  for (const sub of cmd.commands) configureAll(sub);
}

export function buildProgram(io: IO, state: RunState): Command {
  const program = new Command('tradecalc');
  program
    .description('Trade-balance calculator: exact decimal answers from trade figures, as tables or JSON.')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Errors are reported by run(), as one line; commander's own copy is dropped.
      outputError: () => {},
    })
    .exitOverride()
    .addHelpText(
      'after',
      examples([
        'tradecalc summary',
        'tradecalc project --growth 3',
        'tradecalc project --growth 3 --json | jq .path[0].balance',
        'tradecalc check',
        'tradecalc summary --data trade.csv --reporter China --year 2025',
        'tradecalc data validate trade.csv',
      ]) +
        '\nEvery command also takes --format table|json|csv|markdown, --json, --data <file>,\n' +
        '--dataset <id>, --reporter <name>, --unit <unit>, --output <file>, --no-color and\n' +
        '--debug, before or after its name; see tradecalc <command> --help.\n',
    );

  const before = (raw: CommonRaw) => {
    state.debug = raw.debug === true;
  };

  lazily(
    program.command('summary').description('the figures of a year and what they imply: balance, total trade, prior year, momentum'),
    (cmd) =>
      addCommon(
        cmd
          .option('--year <year>', 'the year to summarise (default: the latest in the data)')
          .option('--ranges', 'add the range each value can take given the rounding of the stated figures'),
      )
        .addHelpText(
          'after',
          examples([
            'tradecalc summary',
            'tradecalc summary --ranges',
            'tradecalc summary --json | jq .balance',
            'tradecalc summary --data trade.csv --reporter China --year 2024 --unit B',
          ]),
        )
        .action(async (raw: CommonRaw & { year?: string; ranges?: boolean }) => {
          before(raw);
          const { runSummary } = await import('./commands/summary.js');
          state.exitCode = await runSummary(
            { ...datasetOptions(raw), year: raw.year, ranges: raw.ranges === true },
            await outputOptions(raw, io),
            io,
          );
        }),
  );

  lazily(
    program.command('project').description('project exports, imports and the balance forward, and test it against a threshold'),
    (cmd) =>
      addCommon(
        cmd
          .addOption(
            new Option('--growth <pct>', 'annual export growth in percent, or one per year: 3,2.5,2 (default: the dataset forecast)'),
          )
          .addOption(new Option('--import-growth <pct>', 'annual import growth in percent, or one per year (default: forecast, else 0)'))
          .addOption(new Option('--years <n>', 'years to project, 1 to 100 (default: 1)'))
          .addOption(new Option('--threshold <amount>', 'balance to test against: 1T, 800B, 1e12, -500B (default: the forecast claim)'))
          .addOption(new Option('--year <year>', 'the base year to project from (default: the latest in the data)'))
          .addOption(new Option('--ranges', 'add the range of each projected value given the rounding of the stated figures'))
          .addOption(new Option('--chart', 'draw the balance path against the threshold under the table (default: on a terminal)'))
          .addOption(new Option('--no-chart', 'never draw the chart')),
      )
        .addHelpText(
          'after',
          examples([
            'tradecalc project --growth 3',
            'tradecalc project --years 10 --growth 3 --import-growth 5 --chart',
            'tradecalc project --growth -2 --import-growth 4 --threshold 1.1T',
            'tradecalc project --years 5 --growth 3,2.5,2,2,2',
            'tradecalc project --data deficit.csv --threshold -1T',
            "tradecalc project --growth 3 --json | jq '.path[] | {year, balance}'",
          ]),
        )
        .action(
          async (
            raw: CommonRaw & {
              growth?: string;
              importGrowth?: string;
              years?: string;
              threshold?: string;
              year?: string;
              ranges?: boolean;
              chart?: boolean;
            },
          ) => {
            before(raw);
            const { runProject } = await import('./commands/project.js');
            state.exitCode = await runProject(
              { ...raw, ...datasetOptions(raw), ranges: raw.ranges === true },
              await outputOptions(raw, io),
              io,
            );
          },
        ),
  );

  lazily(
    program
      .command('check')
      .description('test every claim the dataset records against its own figures, allowing for rounding (exit 1 if any is inconsistent)'),
    (cmd) =>
      addCommon(cmd)
        .addHelpText(
          'after',
          examples([
            'tradecalc check',
            'tradecalc check --data claims.json',
            'tradecalc check --json | jq \'.claims[] | select(.verdict != "consistent")\'',
          ]),
        )
        .action(async (raw: CommonRaw) => {
          before(raw);
          const { runCheck } = await import('./commands/check.js');
          state.exitCode = await runCheck(datasetOptions(raw), await outputOptions(raw, io), io);
        }),
  );

  const data = program
    .command('data')
    .description('datasets: list the built-in ones, show one, validate a file, print the JSON Schema')
    .addHelpText(
      'after',
      examples([
        'tradecalc data list',
        'tradecalc data show china-2025',
        'tradecalc data validate trade.csv',
        'tradecalc data schema > dataset.schema.json',
      ]),
    );

  lazily(data.command('list').description('the built-in datasets, or the reporters of a file given with --data'), (cmd) =>
    addCommon(cmd)
      .addHelpText('after', examples(['tradecalc data list', 'tradecalc data list --data trade.csv --format csv']))
      .action(async (raw: CommonRaw) => {
        before(raw);
        const { runDataList } = await import('./commands/data.js');
        state.exitCode = await runDataList(datasetOptions(raw), await outputOptions(raw, io), io);
      }),
  );

  addCommon(
    data
      .command('show')
      .addArgument(hint(new Argument('[id]', 'a built-in dataset id (default: china-2025)'), builtinDatasetIds()))
      .description('the figures, forecasts and claims of a dataset'),
  )
    .addHelpText(
      'after',
      examples(['tradecalc data show', 'tradecalc data show --data trade.csv --reporter China', 'tradecalc data show --json | jq .years']),
    )
    .action(async (id: string | undefined, raw: CommonRaw) => {
      before(raw);
      const { runDataShow } = await import('./commands/data.js');
      state.exitCode = await runDataShow(id, datasetOptions(raw), await outputOptions(raw, io), io);
    });

  lazily(data.command('validate').description('check a dataset file and report every problem (exit 3 if any)'), (cmd) =>
    addCommon(cmd.addArgument(fileValue(new Argument('<file>', 'a JSON or CSV dataset file, "-" for standard input'))))
      .addHelpText('after', examples(['tradecalc data validate trade.csv', 'cat trade.csv | tradecalc data validate -']))
      .action(async (file: string, raw: CommonRaw) => {
        before(raw);
        const { runDataValidate } = await import('./commands/data.js');
        state.exitCode = await runDataValidate(file, datasetOptions(raw), await outputOptions(raw, io), io);
      }),
  );

  lazily(data.command('schema').description('print the JSON Schema of the JSON dataset format'), (cmd) =>
    cmd
      .addOption(fileValue(new Option('--output <file>', 'write the schema to a file (atomically) instead of stdout')))
          .option('--json', 'accepted for symmetry with the other commands: the schema is always JSON')
      .option('--debug', 'show stack traces for internal errors')
      .addHelpText('after', examples(['tradecalc data schema > dataset.schema.json']))
      .action(async (raw: { output?: string; debug?: boolean }) => {
        before({ color: false, ...raw });
        const { runDataSchema } = await import('./commands/data.js');
        state.exitCode = await runDataSchema(await outputOptions({ color: false, json: true, output: raw.output }, io), io);
      }),
  );

  lazily(
    program
      .command('scenarios')
      .description('sensitivity grid of the horizon-year balance over export × import growth, or named scenarios side by side'),
    (cmd) =>
      addCommon(
        cmd
          .addOption(new Option('--growth <range>', `export growth range start:stop:step in percent, or one rate (default: ${SCENARIO_EXPORT_RANGE})`))
          .addOption(new Option('--import-growth <range>', `import growth range start:stop:step, or one rate (default: ${SCENARIO_IMPORT_RANGE})`))
          .addOption(new Option('--years <n>', 'horizon in years, 1 to 100 (default: 1)'))
          .addOption(new Option('--year <year>', 'the base year (default: the latest in the data)'))
          .addOption(new Option('--threshold <amount>', 'balance to test against (default: the forecast claim)'))
          .addOption(
            hint(
              new Option(
                '--scenario <names>',
                "compare named scenarios instead: baseline, optimistic, pessimistic or a dataset's own; repeat or comma-separate",
              ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
              BUILTIN_SCENARIOS,
            ),
          ),
      )
        .addHelpText(
          'after',
          examples([
            'tradecalc scenarios',
            'tradecalc scenarios --growth -8:4:1 --import-growth 0:10:2.5 --years 3',
            'tradecalc scenarios --growth 0:10:0.01 --import-growth 0:10:0.01 --format csv > grid.csv',
            'tradecalc scenarios --scenario baseline,optimistic,pessimistic --years 5',
            "tradecalc scenarios --json | jq '[.cells[] | select(.aboveThreshold | not)] | length'",
          ]),
        )
        .action(
          async (raw: CommonRaw & { growth?: string; importGrowth?: string; years?: string; threshold?: string; scenario?: string[] }) => {
            before(raw);
            const { runScenarios } = await import('./commands/scenarios.js');
            state.exitCode = await runScenarios({ ...raw, ...datasetOptions(raw) }, await outputOptions(raw, io), io);
          },
        ),
  );

  lazily(
    program
      .command('breakeven')
      .description('the export growth, and the import growth, at which the balance lands exactly on the threshold'),
    (cmd) =>
      addCommon(
        cmd
          .addOption(new Option('--growth <pct>', 'export growth held while solving for imports (default: the dataset forecast)'))
          .addOption(new Option('--import-growth <pct>', 'import growth held while solving for exports (default: forecast, else 0)'))
          .addOption(new Option('--years <n>', 'horizon in years, 1 to 100; the answer is an annual compound rate (default: 1)'))
          .addOption(new Option('--year <year>', 'the base year (default: the latest in the data)'))
          .addOption(new Option('--threshold <amount>', 'balance to land on (default: the forecast claim)')),
      )
        .addHelpText(
          'after',
          examples([
            'tradecalc breakeven',
            'tradecalc breakeven --years 5 --import-growth 2',
            "tradecalc breakeven --json | jq '.exportGrowth.exportGrowthPct'",
          ]),
        )
        .action(async (raw: CommonRaw & { growth?: string; importGrowth?: string; years?: string; threshold?: string }) => {
          before(raw);
          const { runBreakeven } = await import('./commands/breakeven.js');
          state.exitCode = await runBreakeven({ ...raw, ...datasetOptions(raw) }, await outputOptions(raw, io), io);
        }),
  );

  lazily(
    program
      .command('simulate')
      .description('Monte Carlo: the probability that the balance stays at or above the threshold when growth is uncertain'),
    (cmd) =>
      addCommon(
        cmd
          .addOption(new Option('--growth <pct>', 'mean annual export growth in percent (default: the dataset forecast)'))
          .addOption(new Option('--growth-sd <pp>', `standard deviation of export growth, percentage points (default: ${SIMULATE_SD_PCT})`))
          .addOption(new Option('--import-growth <pct>', 'mean annual import growth (default: forecast, else 0)'))
          .addOption(new Option('--import-growth-sd <pp>', `standard deviation of import growth (default: ${SIMULATE_SD_PCT})`))
          .addOption(new Option('--correlation <rho>', 'correlation of export and import growth, -1 to 1 (default: 0)'))
          .addOption(new Option('--years <n>', 'years to simulate, 1 to 100 (default: 1)'))
          .addOption(new Option('--year <year>', 'the base year (default: the latest in the data)'))
          .addOption(new Option('--threshold <amount>', 'balance to test against (default: the forecast claim)'))
          .addOption(new Option('--runs <n>', `simulated paths, 1 to ${grouped(RUNS_MAX)} (default: ${grouped(DEFAULT_RUNS)})`))
          .addOption(
            new Option('--seed <n>', `random seed, a whole number from 0 to 2^53-1; the same seed gives the same output (default: ${DEFAULT_SEED})`),
          ),
      )
        .addHelpText(
          'after',
          examples([
            'tradecalc simulate',
            'tradecalc simulate --growth 0 --growth-sd 4 --import-growth-sd 0',
            'tradecalc simulate --years 5 --growth-sd 3 --import-growth-sd 3 --correlation 0.6 --runs 1e6',
            "tradecalc simulate --json | jq '.years[] | {year, probabilityAboveThreshold}'",
          ]),
        )
        .action(
          async (
            raw: CommonRaw & {
              growth?: string;
              growthSd?: string;
              importGrowth?: string;
              importGrowthSd?: string;
              correlation?: string;
              years?: string;
              threshold?: string;
              runs?: string;
              seed?: string;
            },
          ) => {
            before(raw);
            const { runSimulate } = await import('./commands/simulate.js');
            state.exitCode = await runSimulate({ ...raw, ...datasetOptions(raw) }, await outputOptions(raw, io), io);
          },
        ),
  );

  lazily(program.command('completion').description('print a shell completion script for bash, zsh or fish'), (cmd) =>
    cmd
      .addArgument(hint(new Argument('<shell>', 'bash, zsh or fish'), SHELLS))
      .addHelpText(
        'after',
        examples([
          'source <(tradecalc completion bash)',
          'source <(tradecalc completion zsh)',
          'tradecalc completion fish > ~/.config/fish/completions/tradecalc.fish',
        ]),
      )
      .action(async (shell: string) => {
        const { completionScript } = await import('./completion.js');
        io.stdout.write(completionScript((configureAll(program), program), shell));
      }),
  );

  return program;
}
