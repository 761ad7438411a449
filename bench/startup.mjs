// Start-up time of tradecalc against a bare `node -e 0`, as a ratio of medians over alternating
// runs in this one process, so machine load affects both sides alike.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/tradecalc', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 40);
const env = { ...process.env, NO_COLOR: '1' };

const cases = [
  ['summary', [bin, 'summary']],
  ['project --growth 3 --json', [bin, 'project', '--growth', '3', '--json']],
];

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const t1 = process.hrtime.bigint();
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(t1 - t0) / 1e6;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function benchStartup() {
  const results = [];
  for (const [name, args] of cases) {
    const base = [];
    const ours = [];
    for (let i = 0; i < 3; i++) { time(['-e', '0']); time(args); } // warm the file cache
    for (let i = 0; i < runs; i++) {
      base.push(time(['-e', '0']));
      ours.push(time(args));
    }
    const b = median(base);
    const o = median(ours);
    results.push({ name, nodeMs: b, tradecalcMs: o, ratio: o / b });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of benchStartup()) {
    console.log(`start-up ${r.name.padEnd(28)} node -e 0 ${r.nodeMs.toFixed(1)} ms  tradecalc ${r.tradecalcMs.toFixed(1)} ms  ratio ${r.ratio.toFixed(3)}`);
  }
}
