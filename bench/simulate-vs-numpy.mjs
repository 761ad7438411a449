// simulate, 1,000,000 runs with exports and imports both uncertain, as a whole process, against the
// equivalent numpy script (default_rng, two normal draws per run, mean, probability, percentiles),
// also as a whole process, on the same machine. Prints the median of several timings and the ratio
// tradecalc / numpy (below 1 means tradecalc is faster). Needs a built dist/ and python3 with numpy.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 1_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 7);

// The same model: one year, exports 3.77T·(1+g), imports 2.58T·(1+h), g ~ N(3 %, 4 %), h ~ N(0, 3 %).
const tradecalc = [process.execPath, [`${root}bin/tradecalc`, 'simulate', '--runs', String(RUNS), '--growth', '3', '--growth-sd', '4', '--import-growth', '0', '--import-growth-sd', '3', '--json']];
const numpyScript = `
import json, numpy as np
n = ${RUNS}
rng = np.random.default_rng(1)
g = rng.normal(0.03, 0.04, n)
h = rng.normal(0.0, 0.03, n)
b = 3.77e12 * (1 + g) - 2.58e12 * (1 + h)
p5, p50, p95 = np.percentile(b, [5, 50, 95])
print(json.dumps({"probabilityAboveThreshold": float(np.mean(b >= 1e12)), "mean": float(b.mean()), "p5": p5, "p50": p50, "p95": p95}))
`;
const numpy = ['python3', ['-c', numpyScript]];

function time([cmd, args]) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return { ms, out: r.stdout };
}

const check = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
if (check.status !== 0) {
  console.log('numpy is not installed: skipping');
  process.exit(0);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tc = [];
const np = [];
let tcOut = '';
let npOut = '';
time(tradecalc); // warm the file cache for both before measuring
time(numpy);
for (let i = 0; i < REPEAT; i++) {
  // Interleaved, so a busy moment on the machine hits both alike.
  const a = time(tradecalc);
  const b = time(numpy);
  tc.push(a.ms);
  np.push(b.ms);
  tcOut = a.out;
  npOut = b.out;
}
const doc = JSON.parse(tcOut);
const y = doc.years[0];
const ref = JSON.parse(npOut);
console.log(`simulate ${RUNS.toLocaleString('en-US')} runs, whole process, median of ${REPEAT} (numpy ${check.stdout.trim()}):`);
console.log(`  tradecalc ${median(tc).toFixed(0)} ms   P=${y.probabilityAboveThreshold} mean=${y.mean} p5=${y.p5} p95=${y.p95}`);
console.log(`  numpy     ${median(np).toFixed(0)} ms   P=${ref.probabilityAboveThreshold.toFixed(6)} mean=${ref.mean.toFixed(0)} p5=${ref.p5.toFixed(0)} p95=${ref.p95.toFixed(0)}`);
console.log(`  ratio tradecalc/numpy = ${(median(tc) / median(np)).toFixed(2)}`);
