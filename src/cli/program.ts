// The command-line surface, built from the registry: this is the only module that knows commander.
// Each command is declared by name and description up front, and gets its options and action only
// when it is the one being run (or help or completion needs them), so start-up stays short.
import { Argument, Command, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { COMMON_OPTIONS } from '../reports/common.js';
import { COMMANDS, COMPLETION, type CommandDecl, GROUPS, commandFormats } from '../reports/registry.js';
import type { ArgumentDecl, OptionDecl, RawOptions } from '../reports/spec.js';
import { UsageError } from '../errors.js';
import type { IO } from './io.js';

/** Set by an action: what the run should exit with. */
export interface RunState {
  exitCode: number;
  debug: boolean;
}

/** What shells may offer for an option or argument; read by the completion scripts. */
export interface ValueHints {
  valueHints?: readonly string[];
  valueIsFile?: boolean;
}

function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Options that take one value refuse a second one; repeatable ones collect every value. */
function optionOf(decl: OptionDecl): Option {
  const opt = new Option(decl.flags, decl.description);
  Object.assign(opt as Option & ValueHints, { valueHints: decl.hints, valueIsFile: decl.file === true });
  if (decl.hidden) opt.hideHelp();
  if (!opt.required) return opt;
  return opt.argParser((value: string, previous: unknown) => {
    if (decl.repeatable) return [...((previous as string[] | undefined) ?? []), value];
    if (previous !== undefined) throw new UsageError(`${opt.long} is given more than once (${JSON.stringify(previous)}, then ${JSON.stringify(value)}); give it once`);
    return value;
  });
}

function argumentOf(decl: ArgumentDecl): Argument {
  const arg = new Argument(decl.name, decl.description);
  Object.assign(arg as Argument & ValueHints, { valueHints: decl.hints, valueIsFile: decl.file === true });
  return arg;
}

const OUTPUT_ONLY = new Set(['--format', '--json', '--output', '--debug']);

function commonOptions(decl: Pick<CommandDecl, 'common' | 'chart' | 'omit' | 'meaning' | 'formats'>): readonly OptionDecl[] {
  if (decl.common === 'none') return [];
  const options = decl.common === 'all' ? COMMON_OPTIONS : COMMON_OPTIONS.filter((o) => OUTPUT_ONLY.has(o.flags.split(' ')[0]!));
  const formats = commandFormats(decl);
  const words = `${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
  return options
    .map((o) => {
      const flag = o.flags.split(' ')[0]!;
      if (decl.omit?.includes(flag)) return { ...o, hidden: true };
      // Help and shells offer only the formats this command writes.
      if (flag === '--format') return { ...o, description: `output format: ${words} (default: table, or from the --output extension)`, hints: formats };
      const meaning = decl.meaning?.[flag];
      return meaning === undefined ? o : { ...o, description: meaning };
    });
}

/** How to finish declaring a command: its options, help text and action. */
type Configure = (cmd: Command) => unknown;
const pending = new WeakMap<Command, Configure>();
const hooked = new WeakSet<Command>();

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

/** Finishes every lazily declared command, for code that needs the whole program (help, completion). */
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
      writeErr: (s) => {
        try {
          io.stderr.write(s);
        } catch {
          // A message that cannot be written does not change the exit code.
        }
      },
      // Errors are reported by run(), as one line; commander's own copy is dropped.
      outputError: () => {},
    })
    .exitOverride()
    .addHelpText(
      'after',
      examples([
        'tradecalc summary',
        'tradecalc project --growth 3',
        "tradecalc project --growth 3 --json | jq '.path[0].balance'",
        'tradecalc check',
        'tradecalc summary --data trade.csv --reporter China --year 2025',
        'tradecalc data validate trade.csv',
      ]) +
        '\nThe analysis commands also take --format table|json|csv|markdown, --json,\n' +
        '--data <file> (repeatable), --dataset <id>, --reporter <name>, --partner <name>,\n' +
        '--from <publisher>, --unit <unit>, --output <file>, --no-color and --debug, before\n' +
        'or after their name; see tradecalc <command> --help.\n' +
        `${COMMANDS.filter((c) => c.chart).map((c) => c.path.join(' ')).sort().join(', ')} also write their chart\n` +
        'as an SVG picture: --format svg, or --output chart.svg.\n',
    );

  const groups = new Map<string, Command>();
  const parentOf = (path: readonly string[]): Command => {
    if (path.length === 1) return program;
    const name = path[0]!;
    let group = groups.get(name);
    if (!group) {
      const decl = GROUPS.find((g) => g.name === name)!;
      group = program.command(name).description(decl.description).addHelpText('after', examples(decl.examples));
      groups.set(name, group);
    }
    return group;
  };

  for (const decl of COMMANDS) {
    const cmd = parentOf(decl.path).command(decl.path[decl.path.length - 1]!).description(decl.description);
    lazily(cmd, (c) => {
      for (const a of decl.arguments ?? []) c.addArgument(argumentOf(a));
      for (const o of [...decl.options, ...commonOptions(decl)]) c.addOption(optionOf(o));
      c.addHelpText('after', examples(decl.examples)).action(async (...params: unknown[]) => {
        // commander passes the arguments, then the options, then the command.
        const args = params.slice(0, (decl.arguments ?? []).length) as (string | undefined)[];
        const raw = params[(decl.arguments ?? []).length] as RawOptions;
        state.debug = raw.debug === true;
        const { runReport } = await import('./runner.js');
        state.exitCode = await runReport(decl, raw, args, io);
      });
    });
  }

  const completion = program.command(COMPLETION.path[0]!).description(COMPLETION.description);
  lazily(completion, (c) =>
    c
      .addArgument(argumentOf(COMPLETION.arguments![0]!))
      .addHelpText('after', examples(COMPLETION.examples))
      .action(async (shell: string) => {
        const { completionScript } = await import('./completion.js');
        io.stdout.write(completionScript((configureAll(program), program), shell));
      }),
  );

  return program;
}
