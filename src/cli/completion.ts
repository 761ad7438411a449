// Shell completion scripts, generated from the declared commands and options so they can never
// fall out of step with the program itself.
import type { Command, Option } from 'commander';
import { UsageError } from '../errors.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface Spec {
  name: string;
  description: string;
  options: { flag: string; short?: string | undefined; description: string; takesValue: boolean; choices?: readonly string[] | undefined }[];
}

function specOf(cmd: Command): Spec {
  return {
    name: cmd.name(),
    description: cmd.description(),
    options: [...cmd.options, ...(cmd.name() === 'tradecalc' ? [] : [{ long: '--help', short: '-h', description: 'show help', required: false, optional: false, argChoices: undefined } as unknown as Option])]
      .filter((o) => o.long)
      .map((o) => ({
        flag: o.long!,
        short: o.short,
        description: o.description,
        takesValue: o.required || o.optional,
        choices: o.argChoices,
      })),
  };
}

function quoteSingle(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function bash(commands: Spec[]): string {
  const names = commands.map((c) => c.name).join(' ');
  const cases = commands
    .map((c) => {
      const flags = c.options.map((o) => o.flag).join(' ');
      const valueCases = c.options
        .filter((o) => o.choices)
        .map((o) => `        ${o.flag}) COMPREPLY=($(compgen -W ${quoteSingle(o.choices!.join(' '))} -- "$cur")); return ;;`)
        .join('\n');
      return `    ${c.name})\n      case "$prev" in\n${valueCases}${valueCases ? '\n' : ''}      esac\n      COMPREPLY=($(compgen -W ${quoteSingle(flags)} -- "$cur")) ;;`;
    })
    .join('\n');
  return `# bash completion for tradecalc; add to ~/.bashrc:  source <(tradecalc completion bash)
_tradecalc() {
  local cur prev cmd i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) cmd="\${COMP_WORDS[i]}"; break ;; esac
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W ${quoteSingle(`${names} --help --version`)} -- "$cur"))
    return
  fi
  case "$cmd" in
${cases}
  esac
}
complete -o default -F _tradecalc tradecalc
`;
}

function zshEscape(s: string): string {
  return s.replace(/'/g, `'\\''`).replace(/\[/g, '\\[').replace(/\]/g, '\\]').replace(/:/g, '\\:');
}

function zsh(commands: Spec[]): string {
  const list = commands.map((c) => `    '${c.name}:${zshEscape(c.description)}'`).join('\n');
  const cases = commands
    .map((c) => {
      const args = c.options
        .map((o) => {
          const value = o.takesValue ? (o.choices ? `:value:(${o.choices.join(' ')})` : ':value:') : '';
          return `        '${o.flag}[${zshEscape(o.description)}]${value}'`;
        })
        .join(' \\\n');
      return `    ${c.name})\n      _arguments \\\n${args}\n      ;;`;
    })
    .join('\n');
  return `#compdef tradecalc
# zsh completion for tradecalc; add to ~/.zshrc:  source <(tradecalc completion zsh)
_tradecalc() {
  local -a commands
  commands=(
${list}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case "$words[1]" in
${cases}
  esac
}
compdef _tradecalc tradecalc
`;
}

function fish(commands: Spec[]): string {
  const lines = ['# fish completion for tradecalc; save as ~/.config/fish/completions/tradecalc.fish', 'complete -c tradecalc -f'];
  const names = commands.map((c) => c.name).join(' ');
  for (const c of commands) {
    lines.push(`complete -c tradecalc -n "not __fish_seen_subcommand_from ${names}" -a ${c.name} -d ${quoteSingle(c.description)}`);
    for (const o of c.options) {
      const parts = [`complete -c tradecalc -n "__fish_seen_subcommand_from ${c.name}" -l ${o.flag.replace(/^--/, '')}`];
      if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
      if (o.takesValue) parts.push('-r');
      if (o.choices) parts.push(`-a ${quoteSingle(o.choices.join(' '))}`);
      parts.push(`-d ${quoteSingle(o.description)}`);
      lines.push(parts.join(' '));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(program: Command, shell: string): string {
  const found = SHELLS.find((s) => s === shell);
  if (!found) throw new UsageError(`completion ${JSON.stringify(shell)} is not a shell tradecalc knows (expected one of: ${SHELLS.join(', ')})`);
  const commands = program.commands.filter((c) => c.name() !== 'help').map(specOf);
  return { bash, zsh, fish }[found](commands);
}
