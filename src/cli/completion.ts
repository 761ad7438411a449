// Shell completion scripts, generated from the declared commands and options so they can never
// fall out of step with the program itself. Commands with subcommands (`data list`) complete in
// two steps; an option that takes a value completes its choices (`--format`, `--unit`), or file
// names when it has none (`--data`, `--output`); arguments complete their choices (`completion`).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { SHELLS, type ValueHints } from './defaults.js';
import { didYouMean } from '../suggest.js';

export { SHELLS };
export type Shell = (typeof SHELLS)[number];

interface OptionSpec {
  flag: string;
  short?: string | undefined;
  description: string;
  takesValue: boolean;
  /** Values to offer; absent for a value that is a file name or free text. */
  values?: readonly string[] | undefined;
}

interface Spec {
  /** "summary", or "data list" for a subcommand. */
  key: string;
  name: string;
  description: string;
  options: OptionSpec[];
  /** Values for the first positional argument, when it has a fixed set (`completion <shell>`). */
  argumentValues?: readonly string[] | undefined;
  /** Whether the command takes a positional argument at all (a file, an id). */
  takesArgument: boolean;
  /** The subcommands of a group such as `data`. */
  subcommands: Spec[];
}

const HELP: OptionSpec = { flag: '--help', short: '-h', description: 'show help', takesValue: false };

function valuesOf(x: { argChoices?: readonly string[] | undefined }): readonly string[] | undefined {
  return x.argChoices ?? (x as ValueHints).valueHints;
}

function specOf(cmd: Command, parent?: string): Spec {
  const key = parent ? `${parent} ${cmd.name()}` : cmd.name();
  const first = cmd.registeredArguments[0];
  return {
    key,
    name: cmd.name(),
    description: cmd.description(),
    options: [
      ...cmd.options
        .filter((o) => o.long)
        .map((o) => ({ flag: o.long!, short: o.short, description: o.description, takesValue: o.required || o.optional, values: valuesOf(o) })),
      HELP,
    ],
    argumentValues: first ? valuesOf(first) : undefined,
    takesArgument: first !== undefined,
    subcommands: cmd.commands.filter((c) => c.name() !== 'help').map((c) => specOf(c, key)),
  };
}

function quoteSingle(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Every command a completion can be for: top-level commands, groups, and their subcommands. */
function flatten(commands: Spec[]): Spec[] {
  return commands.flatMap((c) => [c, ...flatten(c.subcommands)]);
}

function bash(commands: Spec[]): string {
  const groups = commands.filter((c) => c.subcommands.length > 0).map((c) => c.name);
  const cases = flatten(commands)
    .map((c) => {
      if (c.subcommands.length > 0) return `    ${quoteSingle(c.key)}) COMPREPLY=($(compgen -W ${quoteSingle(c.subcommands.map((s) => s.name).join(' '))} -- "$cur")) ;;`;
      // After an option that takes a value: its values, or nothing, so bash offers file names.
      const valueCases = c.options
        .filter((o) => o.takesValue)
        .map((o) => `        ${o.flag}) ${o.values ? `COMPREPLY=($(compgen -W ${quoteSingle(o.values.join(' '))} -- "$cur"))` : 'COMPREPLY=()'}; return ;;\n`)
        .join('');
      const positional = c.argumentValues
        ? `      if [[ "$cur" != -* ]]; then COMPREPLY=($(compgen -W ${quoteSingle(c.argumentValues.join(' '))} -- "$cur")); return; fi\n`
        : c.takesArgument
          ? `      if [[ "$cur" != -* ]]; then COMPREPLY=(); return; fi\n`
          : '';
      return `    ${quoteSingle(c.key)})\n      case "$prev" in\n${valueCases}      esac\n${positional}      COMPREPLY=($(compgen -W ${quoteSingle(c.options.map((o) => o.flag).join(' '))} -- "$cur")) ;;`;
    })
    .join('\n');
  return `# bash completion for tradecalc; add to ~/.bashrc:  source <(tradecalc completion bash)
_tradecalc() {
  local cur prev key i word
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  key=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in -*) continue ;; esac
    if [[ -z "$key" ]]; then
      key="$word"
      case " ${groups.join(' ')} " in *" $word "*) ;; *) break ;; esac
    else
      key="$key $word"
      break
    fi
  done
  if [[ -z "$key" ]]; then
    COMPREPLY=($(compgen -W ${quoteSingle(`${commands.map((c) => c.name).join(' ')} --help --version`)} -- "$cur"))
    return
  fi
  case "$key" in
${cases}
  esac
}
complete -o default -F _tradecalc tradecalc
`;
}

function zshEscape(s: string): string {
  return s.replace(/'/g, `'\\''`).replace(/\[/g, '\\[').replace(/\]/g, '\\]').replace(/:/g, '\\:');
}

function zshDescribe(specs: Spec[]): string {
  return specs.map((c) => `'${c.name}:${zshEscape(c.description)}'`).join(' ');
}

function zsh(commands: Spec[]): string {
  const cases = flatten(commands)
    .map((c) => {
      if (c.subcommands.length > 0) {
        return `    '${c.key}')\n      local -a subcommands\n      subcommands=(${zshDescribe(c.subcommands)})\n      _describe 'subcommand' subcommands\n      ;;`;
      }
      const args = c.options.map((o) => {
        const value = o.takesValue ? (o.values ? `:value:(${o.values.join(' ')})` : ':value:_files') : '';
        return `        '${o.flag}[${zshEscape(o.description)}]${value}'`;
      });
      if (c.argumentValues) args.push(`        '1:argument:(${c.argumentValues.join(' ')})'`);
      else if (c.takesArgument) args.push(`        '1:file:_files'`);
      return `    '${c.key}')\n      _arguments \\\n${args.join(' \\\n')}\n      ;;`;
    })
    .join('\n');
  const groups = commands.filter((c) => c.subcommands.length > 0).map((c) => c.name);
  return `#compdef tradecalc
# zsh completion for tradecalc; add to ~/.zshrc:  source <(tradecalc completion zsh)
_tradecalc() {
  local -a commands
  commands=(${zshDescribe(commands)})
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local key="$words[2]"
  if [[ " ${groups.join(' ')} " == *" $key "* && CURRENT -gt 3 ]]; then
    key="$words[2] $words[3]"
    shift words
    (( CURRENT-- ))
  fi
  shift words
  (( CURRENT-- ))
  case "$key" in
${cases}
  esac
}
compdef _tradecalc tradecalc
`;
}

function fish(commands: Spec[]): string {
  const lines = ['# fish completion for tradecalc; save as ~/.config/fish/completions/tradecalc.fish', 'complete -c tradecalc -f'];
  const top = commands.map((c) => c.name).join(' ');
  const seen = (key: string) => key.split(' ').map((w) => `__fish_seen_subcommand_from ${w}`).join('; and ');
  for (const c of flatten(commands)) {
    const parentKey = c.key.includes(' ') ? c.key.slice(0, c.key.lastIndexOf(' ')) : '';
    const siblings = parentKey ? commands.find((g) => g.key === parentKey)!.subcommands.map((s) => s.name).join(' ') : top;
    const where = parentKey ? `${seen(parentKey)}; and not __fish_seen_subcommand_from ${siblings}` : `not __fish_seen_subcommand_from ${top}`;
    lines.push(`complete -c tradecalc -n ${quoteSingle(where)} -a ${c.name} -d ${quoteSingle(c.description)}`);
    if (c.subcommands.length > 0) continue;
    if (c.argumentValues) lines.push(`complete -c tradecalc -n ${quoteSingle(seen(c.key))} -a ${quoteSingle(c.argumentValues.join(' '))}`);
    else if (c.takesArgument) lines.push(`complete -c tradecalc -n ${quoteSingle(seen(c.key))} -F`);
    for (const o of c.options) {
      const parts = [`complete -c tradecalc -n ${quoteSingle(seen(c.key))} -l ${o.flag.replace(/^--/, '')}`];
      if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
      if (o.takesValue) parts.push(o.values ? `-x -a ${quoteSingle(o.values.join(' '))}` : '-r -F');
      parts.push(`-d ${quoteSingle(o.description)}`);
      lines.push(parts.join(' '));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(program: Command, shell: string): string {
  const found = SHELLS.find((s) => s === shell);
  if (!found) throw new UsageError(`completion ${JSON.stringify(shell)} is not a shell tradecalc knows${didYouMean(shell, SHELLS)} (expected one of: ${SHELLS.join(', ')})`);
  const commands = program.commands.filter((c) => c.name() !== 'help').map((c) => specOf(c));
  return { bash, zsh, fish }[found](commands);
}
