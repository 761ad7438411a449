// Shell completion scripts, generated from the declared commands and options so they can never
// fall out of step with the program itself. Commands with subcommands (`data list`) complete in
// two steps; an option that takes a value completes its choices (`--format`, `--unit`), or file
// names when it has none (`--data`, `--output`); arguments complete their choices (`completion`).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { SHELLS } from '../reports/defaults.js';
import type { ValueHints } from './program.js';
import { didYouMean } from '../suggest.js';

export { SHELLS };
export type Shell = (typeof SHELLS)[number];

interface OptionSpec {
  flag: string;
  short?: string | undefined;
  description: string;
  takesValue: boolean;
  /** Values to offer; absent for a file name (isFile) or free text (nothing to offer). */
  values?: readonly string[] | undefined;
  isFile?: boolean | undefined;
}

interface Spec {
  /** "summary", or "data list" for a subcommand. */
  key: string;
  name: string;
  description: string;
  options: OptionSpec[];
  /** Values for the first positional argument, when it has a fixed set (`completion <shell>`). */
  argumentValues?: readonly string[] | undefined;
  /** Whether the first positional argument is a file name. */
  argumentIsFile: boolean;
  /** The subcommands of a group such as `data`. */
  subcommands: Spec[];
}

const HELP: OptionSpec = { flag: '--help', short: '-h', description: 'show help', takesValue: false };

function valuesOf(x: { argChoices?: readonly string[] | undefined }): readonly string[] | undefined {
  return x.argChoices ?? (x as ValueHints).valueHints;
}

function isFile(x: object | undefined): boolean {
  return (x as ValueHints | undefined)?.valueIsFile === true;
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
        .filter((o) => o.long && !o.hidden)
        .map((o) => ({ flag: o.long!, short: o.short, description: o.description, takesValue: o.required || o.optional, values: valuesOf(o), isFile: isFile(o) })),
      HELP,
    ],
    argumentValues: first ? valuesOf(first) : undefined,
    argumentIsFile: isFile(first),
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

/** Every flag that takes a value, in any command: the word after one is its value, not a command. */
function valueFlags(commands: Spec[]): string[] {
  return [...new Set(flatten(commands).flatMap((c) => c.options.filter((o) => o.takesValue).flatMap((o) => [o.flag, ...(o.short ? [o.short] : [])])))];
}

function bash(commands: Spec[]): string {
  const groups = commands.filter((c) => c.subcommands.length > 0).map((c) => c.name);
  // Free text (a growth rate, a year) has nothing to offer: turn bash's file fallback off for it.
  const nothing = 'compopt +o default 2>/dev/null; COMPREPLY=()';
  const cases = flatten(commands)
    .map((c) => {
      if (c.subcommands.length > 0) return `    ${quoteSingle(c.key)}) COMPREPLY=($(compgen -W ${quoteSingle(c.subcommands.map((s) => s.name).join(' '))} -- "$cur")) ;;`;
      const valueCases = c.options
        .filter((o) => o.takesValue)
        .map((o) => `        ${o.flag}) ${o.values ? `COMPREPLY=($(compgen -W ${quoteSingle(o.values.join(' '))} -- "$cur"))` : o.isFile ? 'COMPREPLY=()' : nothing}; return ;;\n`)
        .join('');
      const positional = c.argumentValues
        ? `      if [[ "$cur" != -* ]]; then COMPREPLY=($(compgen -W ${quoteSingle(c.argumentValues.join(' '))} -- "$cur")); return; fi\n`
        : c.argumentIsFile
          ? `      if [[ "$cur" != -* ]]; then COMPREPLY=(); return; fi\n`
          : '';
      return `    ${quoteSingle(c.key)})\n      case "$prev" in\n${valueCases}      esac\n${positional}      COMPREPLY=($(compgen -W ${quoteSingle(c.options.map((o) => o.flag).join(' '))} -- "$cur")) ;;`;
    })
    .join('\n');
  const names = commands.map((c) => c.name).join(' ');
  return `# bash completion for tradecalc; add to ~/.bashrc:  source <(tradecalc completion bash)
_tradecalc() {
  local cur prev key i word
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  key=""
  # The command is the first word that is neither an option nor an option's value (options may
  # come before the command).
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in
      ${valueFlags(commands).join('|')}) ((i++)); continue ;;
      -*) continue ;;
    esac
    if [[ -z "$key" ]]; then
      key="$word"
      case " ${groups.join(' ')} help " in *" $word "*) ;; *) break ;; esac
    else
      key="$key $word"
      break
    fi
  done
  case "$key" in
    '') COMPREPLY=($(compgen -W ${quoteSingle(`${names} help --help --version`)} -- "$cur")); return ;;
    help*) COMPREPLY=($(compgen -W ${quoteSingle(names)} -- "$cur")); return ;;
  esac
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
        const value = o.takesValue ? (o.values ? `:value:(${o.values.join(' ')})` : o.isFile ? ':file:_files' : ':value: ') : '';
        return `        '${o.flag}[${zshEscape(o.description)}]${value}'`;
      });
      if (c.argumentValues) args.push(`        '1:argument:(${c.argumentValues.join(' ')})'`);
      else if (c.argumentIsFile) args.push(`        '1:file:_files'`);
      return `    '${c.key}')\n      _arguments \\\n${args.join(' \\\n')}\n      ;;`;
    })
    .join('\n');
  const groups = commands.filter((c) => c.subcommands.length > 0).map((c) => c.name);
  const names = commands.map((c) => c.name);
  return `#compdef tradecalc
# zsh completion for tradecalc; add to ~/.zshrc:  source <(tradecalc completion zsh)
_tradecalc() {
  local -a commands
  commands=(${zshDescribe(commands)})
  # Find the command: the first word that is neither an option nor an option's value.
  local i=2 key="" at=0
  while (( i < CURRENT )); do
    case "$words[i]" in
      ${valueFlags(commands).join('|')}) (( i += 2 )); continue ;;
      -*) (( i++ )); continue ;;
    esac
    if [[ -z "$key" ]]; then
      key="$words[i]"; at=$i
      [[ " ${groups.join(' ')} " == *" $key "* ]] || break
    else
      key="$key $words[i]"; at=$i
      break
    fi
    (( i++ ))
  done
  if [[ -z "$key" ]]; then
    _describe 'command' commands
    return
  fi
  if [[ "$key" == help ]]; then
    compadd ${names.join(' ')}
    return
  fi
  # Hand _arguments the words from the command on.
  shift $(( at - 1 )) words
  (( CURRENT -= at - 1 ))
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
    else if (c.argumentIsFile) lines.push(`complete -c tradecalc -n ${quoteSingle(seen(c.key))} -F`);
    for (const o of c.options) {
      const parts = [`complete -c tradecalc -n ${quoteSingle(seen(c.key))} -l ${o.flag.replace(/^--/, '')}`];
      if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
      if (o.takesValue) parts.push(o.values ? `-x -a ${quoteSingle(o.values.join(' '))}` : o.isFile ? '-r -F' : '-x');
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
