// run(argv, io): parse, dispatch, and map every outcome to one documented exit code. Errors are one
// line on stderr; stack traces only for internal errors, and only with --debug. Every message
// passes through one place (report), which escapes control characters, caps echoed values and the
// number of problems listed, and never lets a failure to write the message change the exit code.
import { type Command, CommanderError } from 'commander';
import { DataError, EXIT, InterruptedError, OutputError, UsageError } from '../errors.js';
import { escapeControls, messageLine, problemLines } from '../render/safe-text.js';
import type { IO, OutStream } from './io.js';
import { buildProgram, configureAll, type RunState } from './program.js';
import { didYouMean } from '../suggest.js';

/** Commander's "error: unknown option '--x'\n(Did you mean --y?)" as one line without the prefix. */
function commanderMessage(err: CommanderError): string {
  let text = err.message.replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ').trim();
  text = text.replace('(Did you mean', '(did you mean');
  if (err.code === 'commander.optionMissingArgument') text = text.replace(/argument missing$/, 'needs a value');
  return text;
}

/**
 * Options typed before the command (`tradecalc --json summary`) are moved after it, where every
 * command declares them; the program's own -h/--help and -V/--version stay where they are.
 */
function commandFirst(argv: readonly string[], commands: readonly string[]): string[] {
  if (argv.length === 0 || !argv[0]!.startsWith('-') || ['-h', '--help', '-V', '--version'].includes(argv[0]!)) return [...argv];
  const at = argv.findIndex((a) => commands.includes(a));
  if (at <= 0) return [...argv];
  return [argv[at]!, ...argv.slice(0, at), ...argv.slice(at + 1)];
}

/** The deepest command named in argv (`data show`), to read what commander parsed into it. */
function commandOf(program: Command, argv: readonly string[]): Command | undefined {
  let cmd: Command | undefined;
  let scope = program.commands;
  for (const a of argv) {
    const next = scope.find((c) => c.name() === a);
    if (next) {
      cmd = next;
      scope = next.commands;
    }
  }
  return cmd;
}

export async function run(rawArgv: readonly string[], io: IO): Promise<number> {
  const state: RunState = { exitCode: EXIT.ok, debug: rawArgv.includes('--debug') };
  const program = buildProgram(io, state);
  const argv = commandFirst(rawArgv, program.commands.map((c) => c.name()));
  // Help lists every command with its options: finish declaring them all first.
  // (A command group alone, `tradecalc data`, shows its help too; a command alone,
  // `tradecalc summary`, needs only its own options, which it declares when it runs.)
  const commandAlone = argv.length === 1 && program.commands.some((c) => c.name() === argv[0] && c.commands.length === 0);
  if ((argv.length <= 1 && !commandAlone) || argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) configureAll(program);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    // `help <unknown>` would print the whole help to stderr; say what is wrong in one line instead.
    const topic = argv[0] === 'help' ? argv[1] : undefined;
    if (topic !== undefined && !topic.startsWith('-') && !program.commands.some((c) => c.name() === topic)) {
      throw new UsageError(`unknown command '${topic}'${didYouMean(topic, program.commands.map((c) => c.name()))} (see tradecalc --help)`);
    }
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (err) {
    if (err instanceof CommanderError && err.code === 'commander.excessArguments') {
      // Name the stray words: most often the second half of a value with a space in it.
      const cmd = commandOf(program, argv);
      const extra = cmd ? cmd.args.slice(cmd.registeredArguments.length) : [];
      if (cmd && extra.length > 0) {
        const words = extra.map((a) => JSON.stringify(a)).join(', ');
        return report(new UsageError(`unexpected argument${extra.length > 1 ? 's' : ''} ${words} for '${cmd.name()}' (a value with a space in it needs quotes, as in "$1.2 trillion")`), io, state.debug);
      }
    }
    return report(err, io, state.debug, argv, program);
  }
}

/** "tradecalc data validate --help": where to look for the command an error is about. */
function helpFor(program: Command | undefined, argv: readonly string[]): string {
  const names: string[] = [];
  let scope = program?.commands ?? [];
  for (const a of argv) {
    const next = scope.find((c) => c.name() === a);
    if (!next) continue;
    names.push(a);
    scope = next.commands;
  }
  return `tradecalc ${names.length > 0 ? `${names.join(' ')} ` : ''}--help`;
}

/** Writes a message to stderr; a stderr that cannot be written (closed, full) is given up on quietly. */
function tell(stream: OutStream, text: string): void {
  try {
    stream.write(text);
  } catch {
    // The exit code still says what happened.
  }
}

function report(err: unknown, io: IO, debug: boolean, argv: readonly string[] = [], program?: Command): number {
  const say = (line: string) => tell(io.stderr, `tradecalc: ${messageLine(line)}\n`);
  if (err instanceof CommanderError) {
    // Help and version are "errors" to commander; they already printed to stdout.
    if (err.exitCode === 0) return EXIT.ok;
    // A command group without its subcommand (`tradecalc data`): commander has shown the group's
    // help on stderr, which says what is expected better than one line could.
    if (err.code === 'commander.help') return EXIT.usage;
    say(`${commanderMessage(err)} (see ${helpFor(program, argv)})`);
    return EXIT.usage;
  }
  if (err instanceof UsageError) {
    say(err.message);
    return EXIT.usage;
  }
  if (err instanceof InterruptedError) {
    say(err.message);
    return err.exitCode;
  }
  if (err instanceof OutputError) {
    say(err.message);
    return EXIT.io;
  }
  if (err instanceof DataError) {
    say(err.message);
    for (const line of problemLines(err.problems)) tell(io.stderr, `  ${line}\n`);
    return EXIT.data;
  }
  const message = err instanceof Error ? err.message : String(err);
  say(`internal error: ${message}${debug ? '' : ' (run with --debug for details)'}`);
  if (debug && err instanceof Error && err.stack) tell(io.stderr, `${err.stack.split('\n').map(escapeControls).join('\n')}\n`);
  return EXIT.internal;
}
