// Completion scripts are generated from the declared commands; bash's is exercised for real.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

function bashComplete(script: string, words: string[]): string[] {
  const file = join(tmpdir(), `tradecalc-completion-${process.pid}.bash`);
  writeFileSync(file, script);
  const line = [
    `source ${file}`,
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_tradecalc',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('; ');
  const r = spawnSync('bash', ['-c', line], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('tradecalc completion', () => {
  it('bash completes commands, options and option values', async () => {
    const r = await cli(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(bashComplete(r.stdout, ['tradecalc', 'pro'])).toEqual(['project']);
    expect(bashComplete(r.stdout, ['tradecalc', 'project', '--gr'])).toEqual(['--growth']);
    expect(bashComplete(r.stdout, ['tradecalc', 'summary', '--format', 'c'])).toEqual(['csv']);
    expect(bashComplete(r.stdout, ['tradecalc', 'project', '--format', 's'])).toEqual(['svg']);
    expect(bashComplete(r.stdout, ['tradecalc', 'summary', '--format', 's'])).toEqual([]);
    expect(bashComplete(r.stdout, ['tradecalc', 'data', ''])).toEqual(['list', 'show', 'validate', 'schema']);
    expect(bashComplete(r.stdout, ['tradecalc', 'data', 'validate', '--d'])).toEqual(['--debug']);
    expect(bashComplete(r.stdout, ['tradecalc', '--no-color', 'check', '--js'])).toEqual(['--json']);
    // Values: choices where there are some, nothing (so bash lists files) where the value is a path.
    expect(bashComplete(r.stdout, ['tradecalc', 'summary', '--unit', ''])).toEqual(['auto', 'T', 'B', 'M', 'K', '1']);
    expect(bashComplete(r.stdout, ['tradecalc', 'scenarios', '--scenario', 'opt'])).toEqual(['optimistic']);
    expect(bashComplete(r.stdout, ['tradecalc', 'summary', '--data', ''])).toEqual([]);
    expect(bashComplete(r.stdout, ['tradecalc', 'project', '--output', ''])).toEqual([]);
    expect(bashComplete(r.stdout, ['tradecalc', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(bashComplete(r.stdout, ['tradecalc', 'data', 'validate', ''])).toEqual([]);
    // Free text offers nothing; built-in ids are offered by name.
    expect(bashComplete(r.stdout, ['tradecalc', 'project', '--years', ''])).toEqual([]);
    expect(bashComplete(r.stdout, ['tradecalc', 'summary', '--dataset', ''])).toEqual(['china-2025']);
    expect(bashComplete(r.stdout, ['tradecalc', 'data', 'show', ''])).toEqual(['china-2025']);
    // Options before the command, with their values, are skipped to find it.
    expect(bashComplete(r.stdout, ['tradecalc', '--data', 'x.csv', 'summary', '--js'])).toEqual(['--json']);
    expect(bashComplete(r.stdout, ['tradecalc', '--data', 'x.csv', 'su'])).toEqual(['summary']);
    expect(bashComplete(r.stdout, ['tradecalc', 'help', 'pr'])).toEqual(['project']);
  });

  it('zsh and fish scripts name every command and option', async () => {
    for (const shell of ['zsh', 'fish']) {
      const r = await cli(['completion', shell]);
      expect(r.code).toBe(0);
      for (const word of ['summary', 'project', 'growth', 'import-growth', 'threshold', 'format']) expect(r.stdout).toContain(word);
    }
    const fish = (await cli(['completion', 'fish'])).stdout;
    expect(fish).toContain(`-l format -x -a 'table json csv markdown'`);
    // svg is offered only to the commands that draw a chart.
    expect(fish).toContain(`-n '__fish_seen_subcommand_from project' -l format -x -a 'table json csv markdown svg'`);
    expect(fish).toContain(`-n '__fish_seen_subcommand_from summary' -l format -x -a 'table json csv markdown' `);
    expect(fish).toContain(`complete -c tradecalc -n '__fish_seen_subcommand_from data; and not __fish_seen_subcommand_from list show validate schema' -a validate`);
    expect((await cli(['completion', 'zsh'])).stdout).toContain(`'data validate')`);
  });

  it('refuses an unknown shell with exit 2', async () => {
    const r = await cli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tradecalc: completion "tcsh" is not a shell tradecalc knows (expected one of: bash, zsh, fish)\n');
  });
});
