// The command-line surface: every command and option is declared here, and this is the only
// module that knows commander. Actions hand raw strings to the command modules, loaded on demand.
import { Command, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import type { IO } from './io.js';
import type { OutputOptions } from './output.js';

export interface CommonRaw {
  json?: boolean;
  format?: string;
  color: boolean;
  debug?: boolean;
  dataset?: string;
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
    .option('--format <format>', 'output format: table, json, csv or markdown (default: table)')
    .option('--json', 'print the result as JSON, the same as --format json')
    .option('--dataset <id>', 'built-in dataset to use (default: china-2025)')
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--debug', 'show stack traces for internal errors');
}

export async function outputOptions(raw: CommonRaw, io: IO): Promise<OutputOptions> {
  const { colorEnabled, FORMATS } = await import('./output.js');
  const { parseChoice } = await import('./options.js');
  let format = raw.format === undefined ? undefined : parseChoice('--format', raw.format, FORMATS);
  if (raw.json) {
    if (format !== undefined && format !== 'json') {
      const { UsageError } = await import('../errors.js');
      throw new UsageError(`--json and --format ${format} ask for different formats (give one of them)`);
    }
    format = 'json';
  }
  return { format: format ?? 'table', color: colorEnabled(io, raw.color), unit: 'auto' };
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
      ]),
    );

  const before = (raw: CommonRaw) => {
    state.debug = raw.debug === true;
  };

  addCommon(
    program
      .command('summary')
      .description('the figures of a year and what they imply: balance, total trade, prior year, momentum'),
  )
    .addHelpText('after', examples(['tradecalc summary', 'tradecalc summary --json | jq .balance']))
    .action(async (raw: CommonRaw) => {
      before(raw);
      const { runSummary } = await import('./commands/summary.js');
      state.exitCode = await runSummary({ dataset: raw.dataset }, await outputOptions(raw, io), io);
    });

  addCommon(
    program
      .command('project')
      .description('project exports, imports and the balance forward, and test it against a threshold')
      .addOption(new Option('--growth <pct>', 'annual export growth in percent, or one per year: 3,2.5,2 (default: the dataset forecast)'))
      .addOption(new Option('--import-growth <pct>', 'annual import growth in percent, or one per year (default: forecast, else 0)'))
      .addOption(new Option('--years <n>', 'years to project, 1 to 100 (default: 1)'))
      .addOption(new Option('--threshold <amount>', 'balance to test against: 1T, 800B, 1e12, -500B (default: the forecast claim)'))
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
        "tradecalc project --growth 3 --json | jq '.path[] | {year, balance}'",
      ]),
    )
    .action(async (raw: CommonRaw & { growth?: string; importGrowth?: string; years?: string; threshold?: string; chart?: boolean }) => {
      before(raw);
      const { runProject } = await import('./commands/project.js');
      state.exitCode = await runProject(raw, await outputOptions(raw, io), io);
    });

  addCommon(
    program
      .command('scenarios')
      .description('sensitivity grid of the horizon-year balance over export × import growth, or named scenarios side by side')
      .addOption(new Option('--growth <range>', 'export growth range start:stop:step in percent, or one rate (default: -6:6:2)'))
      .addOption(new Option('--import-growth <range>', 'import growth range start:stop:step, or one rate (default: -4:12:4)'))
      .addOption(new Option('--years <n>', 'horizon in years, 1 to 100 (default: 1)'))
      .addOption(new Option('--threshold <amount>', 'balance to test against (default: the forecast claim)'))
      .addOption(
        new Option('--scenario <names>', 'compare named scenarios instead: baseline, optimistic, pessimistic or a dataset\'s own; repeat or comma-separate')
          .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
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
    .action(async (raw: CommonRaw & { growth?: string; importGrowth?: string; years?: string; threshold?: string; scenario?: string[] }) => {
      before(raw);
      const { runScenarios } = await import('./commands/scenarios.js');
      state.exitCode = await runScenarios(raw, await outputOptions(raw, io), io);
    });

  addCommon(
    program
      .command('breakeven')
      .description('the export growth, and the import growth, at which the balance lands exactly on the threshold')
      .addOption(new Option('--growth <pct>', 'export growth held while solving for imports (default: the dataset forecast)'))
      .addOption(new Option('--import-growth <pct>', 'import growth held while solving for exports (default: forecast, else 0)'))
      .addOption(new Option('--years <n>', 'horizon in years, 1 to 100; the answer is an annual compound rate (default: 1)'))
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
      state.exitCode = await runBreakeven(raw, await outputOptions(raw, io), io);
    });

  addCommon(
    program
      .command('simulate')
      .description('Monte Carlo: the probability that the balance stays at or above the threshold when growth is uncertain')
      .addOption(new Option('--growth <pct>', 'mean annual export growth in percent (default: the dataset forecast)'))
      .addOption(new Option('--growth-sd <pp>', 'standard deviation of export growth, percentage points (default: 2)'))
      .addOption(new Option('--import-growth <pct>', 'mean annual import growth (default: forecast, else 0)'))
      .addOption(new Option('--import-growth-sd <pp>', 'standard deviation of import growth (default: 2)'))
      .addOption(new Option('--correlation <rho>', 'correlation of export and import growth, -1 to 1 (default: 0)'))
      .addOption(new Option('--years <n>', 'years to simulate, 1 to 100 (default: 1)'))
      .addOption(new Option('--threshold <amount>', 'balance to test against (default: the forecast claim)'))
      .addOption(new Option('--runs <n>', 'simulated paths, 1 to 100,000,000 (default: 100,000)'))
      .addOption(new Option('--seed <n>', 'random seed, a whole number from 0 to 2^53-1; the same seed gives the same output (default: 1)')),
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
        state.exitCode = await runSimulate(raw, await outputOptions(raw, io), io);
      },
    );

  return program;
}
