// Keeps the README's example output true: every ``` block that starts with "$ tradecalc ..." is
// run, and its text after the command is compared with (or, with --write, replaced by) the real
// output. A block of several commands, or one whose text has "..." for output left out, is checked
// line by line: each shown line must appear in the real output.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const write = process.argv.includes('--write');
const readme = readFileSync(`${root}README.md`, 'utf8');
const bin = `${root}bin/tradecalc`;

function run(command) {
  const args = command.replace(/^\$ tradecalc\s*/, '').match(/'[^']*'|"[^"]*"|\S+/g) ?? [];
  const r = spawnSync(process.execPath, [bin, ...args.map((a) => a.replace(/^['"]|['"]$/g, ''))], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
  });
  return r.stdout + r.stderr;
}

let problems = 0;
const out = readme.replace(/```\n(\$ tradecalc [^\n]*\n)([\s\S]*?)```\n/g, (block, first, body) => {
  const commands = (first + body).split('\n').filter((l) => l.startsWith('$ tradecalc'));
  if (/\|/.test(first)) return block;
  if (commands.length === 1 && !body.includes('...')) {
    const actual = run(first.trim());
    if (actual !== body) {
      problems++;
      console.log(`README example differs: ${first.trim()}`);
    }
    return `\`\`\`\n${first}${write ? actual : body}\`\`\`\n`;
  }
  // Several commands, or elided output: every shown line must be in that command's output.
  let current = '';
  for (const line of (first + body).split('\n')) {
    if (line.startsWith('$ tradecalc')) current = run(line);
    else if (line.trim() && line.trim() !== '...' && !current.includes(line)) {
      problems++;
      console.log(`README line not in the output: ${line}`);
    }
  }
  return block;
});
if (write) writeFileSync(`${root}README.md`, out);
console.log(problems === 0 ? 'README examples match' : `${problems} README example problem(s)${write ? ' (single-command blocks rewritten)' : ''}`);
process.exitCode = problems === 0 || write ? 0 : 1;
