// Shell completion scripts, generated from the declared commands and options so they can never
// fall out of step with the program itself. Commands with subcommands (`data list`) complete in
// two steps: the group, then its subcommand, then that subcommand's options.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface OptionSpec {
  flag: string;
  short?: string | undefined;
  description: string;
  takesValue: boolean;
  choices?: readonly string[] | undefined;
}

interface Spec {
  /** "summary", or "data list" for a subcommand. */
  key: string;
  name: string;
  description: string;
  options: OptionSpec[];
  /** The subcommands of a group such as `data`. */
  subcommands: Spec[];
}

const HELP: OptionSpec = { flag: '--help', short: '-h', description: 'show help', takesValue: false };

function specOf(cmd: Command, parent?: string): Spec {
  const key = parent ? `${parent} ${cmd.name()}` : cmd.name();
  return {
    key,
    name: cmd.name(),
    description: cmd.description(),
    options: [
      ...cmd.options
        .filter((o) => o.long)
        .map((o) => ({ flag: o.long!, short: o.short, description: o.description, takesValue: o.required || o.optional, choices: o.argChoices })),
      HELP,
    ],
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
      const words = c.subcommands.length > 0 ? c.subcommands.map((s) => s.name) : c.options.map((o) => o.flag);
      const valueCases = c.options
        .filter((o) => o.choices)
        .map((o) => `        ${o.flag}) COMPREPLY=($(compgen -W ${quoteSingle(o.choices!.join(' '))} -- "$cur")); return ;;\n`)
        .join('');
      const values = valueCases ? `      case "$prev" in\n${valueCases}      esac\n` : '';
      return `    ${quoteSingle(c.key)})\n${values}      COMPREPLY=($(compgen -W ${quoteSingle(words.join(' '))} -- "$cur")) ;;`;
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
      const args = c.options
        .map((o) => {
          const value = o.takesValue ? (o.choices ? `:value:(${o.choices.join(' ')})` : ':value:_files') : '';
          return `        '${o.flag}[${zshEscape(o.description)}]${value}'`;
        })
        .join(' \\\n');
      return `    '${c.key}')\n      _arguments \\\n${args}\n      ;;`;
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
  fi
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
    for (const o of c.options) {
      const parts = [`complete -c tradecalc -n ${quoteSingle(seen(c.key))} -l ${o.flag.replace(/^--/, '')}`];
      if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
      if (o.takesValue) parts.push(o.choices ? `-x -a ${quoteSingle(o.choices.join(' '))}` : '-r -F');
      parts.push(`-d ${quoteSingle(o.description)}`);
      lines.push(parts.join(' '));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(program: Command, shell: string): string {
  const found = SHELLS.find((s) => s === shell);
  if (!found) throw new UsageError(`completion ${JSON.stringify(shell)} is not a shell tradecalc knows (expected one of: ${SHELLS.join(', ')})`);
  const commands = program.commands.filter((c) => c.name() !== 'help').map((c) => specOf(c));
  return { bash, zsh, fish }[found](commands);
}
