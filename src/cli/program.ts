// The command-line surface: every command and option is declared here, and this is the only
// module that knows commander. Actions hand raw strings to the command modules, loaded on demand.
import { Command, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import type { IO } from './io.js';
import { FORMATS, type OutputOptions } from './output.js';

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
    .addOption(new Option('--format <format>', 'output format (default: table)').choices(FORMATS))
    .option('--json', 'print the result as JSON, the same as --format json')
    .option('--dataset <id>', 'built-in dataset to use (default: china-2025)')
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--debug', 'show stack traces for internal errors');
}

export async function outputOptions(raw: CommonRaw, io: IO): Promise<OutputOptions> {
  const { colorEnabled } = await import('./output.js');
  // commander has checked the value against FORMATS.
  let format = raw.format as OutputOptions['format'] | undefined;
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
      .addOption(new Option('--threshold <amount>', 'balance to test against: 1T, 800B, 1e12, -500B (default: the forecast claim)')),
  )
    .addHelpText(
      'after',
      examples([
        'tradecalc project --growth 3',
        'tradecalc project --growth -2 --import-growth 4 --threshold 1.1T',
        'tradecalc project --years 5 --growth 3,2.5,2,2,2',
        "tradecalc project --growth 3 --json | jq '.path[] | {year, balance}'",
      ]),
    )
    .action(async (raw: CommonRaw & { growth?: string; importGrowth?: string; years?: string; threshold?: string }) => {
      before(raw);
      const { runProject } = await import('./commands/project.js');
      state.exitCode = await runProject(raw, await outputOptions(raw, io), io);
    });

  program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      examples(['source <(tradecalc completion bash)', 'source <(tradecalc completion zsh)', 'tradecalc completion fish > ~/.config/fish/completions/tradecalc.fish']),
    )
    .action(async (shell: string) => {
      const { completionScript } = await import('./completion.js');
      io.stdout.write(completionScript(program, shell));
    });

  return program;
}
