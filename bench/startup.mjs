// Start-up time of tradecalc against a bare `node -e 0`. Each round runs node and every case back
// to back, so load on the machine hits all of them alike; a case's figure is the median over rounds
// of its time divided by that round's node time (and the medians of the raw times, for scale).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/tradecalc', import.meta.url));
const rounds = Number(process.env.BENCH_RUNS ?? 60);
const env = { ...process.env, NO_COLOR: '1' };

export const cases = [
  ['summary', [bin, 'summary']],
  ['project --growth 3 --json', [bin, 'project', '--growth', '3', '--json']],
];

function time(args) {
  const t0 = process.hrtime.bigint();
  // stdout is a pipe, as when a script reads the output.
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
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
  const base = [];
  const ours = cases.map(() => []);
  const ratios = cases.map(() => []);
  for (let i = 0; i < 3; i++) [['-e', '0'], ...cases.map((c) => c[1])].forEach(time); // warm the file cache
  for (let i = 0; i < rounds; i++) {
    const b = time(['-e', '0']);
    base.push(b);
    cases.forEach(([, args], j) => {
      const t = time(args);
      ours[j].push(t);
      ratios[j].push(t / b);
    });
  }
  return cases.map(([name], j) => ({ name, nodeMs: median(base), tradecalcMs: median(ours[j]), ratio: median(ratios[j]) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of benchStartup()) {
    console.log(`start-up ${r.name.padEnd(28)} node -e 0 ${r.nodeMs.toFixed(1)} ms  tradecalc ${r.tradecalcMs.toFixed(1)} ms  ratio ${r.ratio.toFixed(3)}`);
  }
}
