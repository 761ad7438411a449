// Start-up time of tradecalc against a bare `node -e 0` on the same Node, for every Node line the
// package supports (engines.node). Node binaries other than this one are official builds from the
// npm registry, installed on first use into .tmp/node-binaries (see scripts/node-binaries.mjs).
// Each round runs node and every case back to back, so load on the machine hits all of them alike;
// a case's figure is the median over rounds of its time divided by that round's node time (and the
// medians of the raw times, for scale). BENCH_RUNS sets the rounds, BENCH_NODES=22,24 the lines.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeBinaries, supportedMajors } from '../scripts/node-binaries.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/tradecalc`;
const rounds = Number(process.env.BENCH_RUNS ?? 100);
const env = { ...process.env, NO_COLOR: '1' };

export const cases = [
  ['summary', [bin, 'summary']],
  ['project --growth 3 --json', [bin, 'project', '--growth', '3', '--json']],
];

function time(node, args) {
  const t0 = process.hrtime.bigint();
  // stdout is a pipe, as when a script reads the output.
  const r = spawnSync(node, args, { env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  const t1 = process.hrtime.bigint();
  if (r.status !== 0) throw new Error(`${node} ${args.join(' ')} exited ${r.status}`);
  return Number(t1 - t0) / 1e6;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function benchStartup(node) {
  const base = [];
  const ours = cases.map(() => []);
  const ratios = cases.map(() => []);
  // Warm the file cache, and on Node 22+ Node's compile cache (the first run of a build fills it).
  for (let i = 0; i < 3; i++) [['-e', '0'], ...cases.map((c) => c[1])].forEach((args) => time(node, args));
  for (let i = 0; i < rounds; i++) {
    const b = time(node, ['-e', '0']);
    base.push(b);
    cases.forEach(([, args], j) => {
      const t = time(node, args);
      ours[j].push(t);
      ratios[j].push(t / b);
    });
  }
  return cases.map(([name], j) => ({ name, nodeMs: median(base), tradecalcMs: median(ours[j]), ratio: median(ratios[j]) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const majors = process.env.BENCH_NODES ? process.env.BENCH_NODES.split(',').map(Number) : supportedMajors();
  for (const [major, node] of nodeBinaries(`${root}.tmp/node-binaries`, majors)) {
    const version = spawnSync(node, ['-v'], { encoding: 'utf8' }).stdout.trim();
    console.log(`Node ${version} (${node === process.execPath ? 'this node' : node.replace(root, '')}), ${rounds} rounds:`);
    for (const r of benchStartup(node)) {
      console.log(`  start-up ${r.name.padEnd(28)} node -e 0 ${r.nodeMs.toFixed(1)} ms  tradecalc ${r.tradecalcMs.toFixed(1)} ms  ratio ${r.ratio.toFixed(3)}`);
    }
  }
}
