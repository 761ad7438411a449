// Keeps the documentation's examples true: README.md and every docs/**/*.md are read, and
//   - every ``` block that starts with "$ tradecalc ..." is run against the built binary and its
//     text after the command compared with (or, with --write, replaced by) the real output. A block
//     of several commands, or one whose text has "..." for output left out, is checked line by
//     line: each shown line must appear in that command's output;
//   - every ```sh block is run line by line in bash from the repository's root, with `tradecalc`
//     on the PATH: a command must exit 0, and the "#> " lines right after it are its output.
//     (jq recipes need jq; without it they are reported as skipped.)
// Usage: node scripts/doc-examples.mjs [--write] [file.md ...]
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const write = process.argv.includes('--write');
const bin = `${root}bin/tradecalc`;
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function docs(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? docs(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
}
const files = named.length > 0 ? named.map((f) => join(root, f)) : [join(root, 'README.md'), join(root, 'CHANGELOG.md'), ...docs(join(root, 'docs'))];

// `tradecalc` on the PATH of the sh blocks: the built binary under this Node.
const shimDir = mkdtempSync(join(tmpdir(), 'tradecalc-doc-'));
writeFileSync(join(shimDir, 'tradecalc'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
chmodSync(join(shimDir, 'tradecalc'), 0o755);
const env = { PATH: `${shimDir}:${process.env.PATH}`, NO_COLOR: '1', LC_ALL: 'C.UTF-8', HOME: shimDir };
const hasJq = spawnSync('jq', ['--version']).status === 0;

function runTradecalc(command) {
  const args = command.replace(/^\$ tradecalc\s*/, '').match(/'[^']*'|"[^"]*"|\S+/g) ?? [];
  const r = spawnSync(process.execPath, [bin, ...args.map((a) => a.replace(/^['"]|['"]$/g, ''))], { cwd: root, encoding: 'utf8', env });
  return r.stdout + r.stderr;
}

let problems = 0;
let skipped = 0;
let checked = 0;
const say = (file, text) => {
  problems++;
  console.log(`${relative(root, file)}: ${text}`);
};

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  let out = text.replace(/```\n(\$ tradecalc [^\n]*\n)([\s\S]*?)```\n/g, (block, first, body) => {
    const commands = (first + body).split('\n').filter((l) => l.startsWith('$ tradecalc'));
    checked++;
    if (commands.length === 1 && !body.includes('...')) {
      const actual = runTradecalc(first.trim());
      if (actual !== body) say(file, `example differs: ${first.trim()}`);
      return `\`\`\`\n${first}${write ? actual : body}\`\`\`\n`;
    }
    // Several commands, or elided output: every shown line must be in that command's output.
    let current = '';
    for (const line of (first + body).split('\n')) {
      if (line.startsWith('$ tradecalc')) current = runTradecalc(line);
      else if (line.trim() && line.trim() !== '...' && !current.includes(line)) say(file, `line not in the output: ${line}`);
    }
    return block;
  });
  out = out.replace(/```sh\n([\s\S]*?)```\n/g, (block, body) => {
    // A command is a line that is neither blank nor a comment (a trailing "\" joins the next line);
    // the "#> " lines right after it are its expected output (with --write, replaced by the real one).
    const lines = body.split('\n');
    const kept = [];
    for (let i = 0; i < lines.length; i++) {
      let command = lines[i];
      kept.push(command);
      if (!command.trim() || command.startsWith('#')) continue;
      while (command.endsWith('\\') && i + 1 < lines.length) {
        command = `${command.slice(0, -1)}\n${lines[++i]}`;
        kept.push(lines[i]);
      }
      const expected = [];
      while (i + 1 < lines.length && lines[i + 1].startsWith('#> ')) expected.push(lines[++i].slice(3));
      if (/\bjq\b/.test(command) && !hasJq) {
        skipped++;
        kept.push(...expected.map((e) => `#> ${e}`));
        continue;
      }
      checked++;
      const r = spawnSync('bash', ['--norc', '--noprofile', '-o', 'pipefail', '-c', command], { cwd: root, encoding: 'utf8', env });
      const actual = r.stdout.trimEnd();
      if (r.status !== 0) say(file, `exit ${r.status}: ${command}\n${r.stderr.trim()}`);
      else if (expected.length > 0 && actual !== expected.join('\n')) say(file, `output differs: ${command}\n  expected: ${expected.join('\n  ')}\n  actual:   ${actual.split('\n').join('\n  ')}`);
      kept.push(...(write && expected.length > 0 && r.status === 0 ? actual.split('\n') : expected).map((e) => `#> ${e}`));
    }
    return `\`\`\`sh\n${kept.join('\n')}\`\`\`\n`;
  });
  if (write && out !== text) writeFileSync(file, out);
}
console.log(problems === 0 ? `doc examples match (${checked} checked${skipped ? `, ${skipped} skipped without jq` : ''})` : `${problems} doc example problem(s)${write ? ' (single-command blocks rewritten)' : ''}`);
process.exitCode = problems === 0 || write ? 0 : 1;
