// The 1001 × 1001 sensitivity grid streamed to CSV by the built binary: wall time and peak RSS
// (from /usr/bin/time when present, else from the child's resource usage), and the row count.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = [`${root}bin/tradecalc`, 'scenarios', '--growth', '0:10:0.01', '--import-growth', '0:10:0.01', '--years', '5', '--format', 'csv'];
const gnuTime = existsSync('/usr/bin/time');
const cmd = gnuTime ? '/usr/bin/time' : process.execPath;
const argv = gnuTime ? ['-f', '%M', process.execPath, ...args] : args;
const t0 = process.hrtime.bigint();
// Output is counted, not kept: the point is that neither side holds the whole text.
const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (r.status !== 0) throw new Error(r.stderr);
const rows = r.stdout.length === 0 ? 0 : r.stdout.split('\r\n').length - 2;
const rssKb = gnuTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
console.log(`scenarios 1001 × 1001 → CSV: ${rows.toLocaleString('en-US')} rows, ${(r.stdout.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms, peak RSS ${Number.isFinite(rssKb) ? `${(rssKb / 1024).toFixed(0)} MiB` : 'n/a'}`);
