// Large inputs, generated here (nothing big is committed), each answered three ways side by side as
// whole processes, with wall time and peak RSS (GNU time):
//   1. our own CSV format, 2,000,000 rows (reporter × year, ~77 MB): one reporter's balance
//      — `tradecalc summary --reporter X --json` against DuckDB (the same answer through
//      @duckdb/node-api) and a plain Python csv + decimal script, streaming;
//   2. a Comtrade-shaped bulk file, 10,000,000 rows, gzipped TSV: one reporter's annual world totals
//      — `tradecalc import --reporter X --partner World` (bulk engine) against DuckDB running the
//      same query alone (the one --print-sql prints, which judges every row and counts what it
//      leaves out), and against a hand-written filter query that knows the file's totals in advance
//      (partner 0, TOTAL, C00) and so reads far less.
// Ratios are tradecalc ÷ the other. BENCH_SCALE=0.1 makes smaller inputs for a quick look.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}.tmp/bench`;
mkdirSync(dir, { recursive: true });
const scale = Number(process.env.BENCH_SCALE ?? 1);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const bin = `${root}bin/tradecalc`;
/** BENCH_ONLY=own or BENCH_ONLY=bulk runs one half. */
const only = process.env.BENCH_ONLY;

/** A deterministic pseudo-random sequence, so the same file is made each time. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

async function writeLines(path, total, line, gzip = false) {
  if (existsSync(path)) return;
  const out = createWriteStream(`${path}.part`);
  const sink = gzip ? createGzip({ level: 6 }) : null;
  if (sink) sink.pipe(out);
  const target = sink ?? out;
  let block = '';
  for (let i = 0; i < total; i++) {
    block += line(i);
    if (block.length > 1 << 20) {
      if (!target.write(block)) await new Promise((r) => target.once('drain', r));
      block = '';
    }
  }
  target.end(block);
  await new Promise((r) => out.on('finish', r));
  const { renameSync } = await import('node:fs');
  renameSync(`${path}.part`, path);
}

function measure(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return { ms, rssMiB: Number(r.stderr.trim().split('\n').pop()) / 1024, out: r.stdout.trim() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function compare(title, runs) {
  const results = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) for (const [k, run] of Object.entries(runs)) results[k].push(run());
  const lines = Object.entries(results).map(([k, rs]) => ({ k, ms: median(rs.map((r) => r.ms)), rss: Math.max(...rs.map((r) => r.rssMiB)), out: rs[0].out }));
  const ours = lines[0];
  console.log(`\n${title}`);
  for (const l of lines) {
    const ratio = l === ours ? '' : `  tradecalc ÷ this: ${(ours.ms / l.ms).toFixed(2)}×`;
    console.log(`  ${l.k.padEnd(22)} ${l.ms.toFixed(0).padStart(7)} ms  peak RSS ${l.rss.toFixed(0).padStart(5)} MiB${ratio}`);
  }
  return lines;
}

// 1. Our own CSV: 10,000 reporters × 200 years.
if (only !== 'bulk') {
const ownRows = Math.round(2_000_000 * scale);
const reporters = Math.max(2, Math.round(10_000 * scale));
const own = `${dir}/own-${ownRows}.csv`;
{
  const r = rng(1);
  await writeLines(own, ownRows + 1, (i) => {
    if (i === 0) return 'reporter,year,exports,imports,currency,unit\n';
    const k = i - 1;
    const rep = k % reporters;
    const year = 1826 + Math.floor(k / reporters);
    return `Reporter ${String(rep).padStart(5, '0')},${year},${(r() * 3000).toFixed(2)},${(r() * 3000).toFixed(2)},USD,USD bn\n`;
  });
}
const who = 'Reporter 04242'.replace(/\d+$/, (d) => String(Math.min(Number(d), reporters - 1)).padStart(5, '0'));
const latest = 1826 + Math.floor((ownRows - 1) / reporters);
const duckOwn = `${dir}/duck-own.mjs`;
writeFileSync(
  duckOwn,
  `import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const r = await c.runAndReadAll(\`SELECT sum(CAST(exports AS DECIMAL(38,6)) * 1e9) - sum(CAST(imports AS DECIMAL(38,6)) * 1e9) AS balance FROM read_csv(process.argv[2], header = true, all_varchar = true) WHERE reporter = process.argv[3] AND year = process.argv[4]\`.replace('process.argv[2]', "'" + process.argv[2] + "'").replace('process.argv[3]', "'" + process.argv[3] + "'").replace('process.argv[4]', "'" + process.argv[4] + "'"));
console.log(String(r.getRowObjects()[0].balance));
`,
);
const pyOwn = `${dir}/own.py`;
writeFileSync(
  pyOwn,
  `import csv, sys
from decimal import Decimal
path, who, year = sys.argv[1:4]
with open(path, newline='') as f:
    for row in csv.DictReader(f):
        if row['reporter'] == who and row['year'] == year:
            print((Decimal(row['exports']) - Decimal(row['imports'])) * Decimal('1e9'))
`,
);
console.log(`own CSV: ${ownRows.toLocaleString('en-US')} rows, ${(statSync(own).size / 1e6).toFixed(0)} MB; answering ${who} ${latest}`);
compare('one reporter\'s balance from our own CSV', {
  'tradecalc summary': () => measure(process.execPath, [bin, 'summary', '--data', own, '--reporter', who, '--json']),
  'DuckDB (node-api)': () => measure(process.execPath, [duckOwn, own, who, String(latest)]),
  'Python csv+decimal': () => measure('python3', [pyOwn, own, who, String(latest)]),
});

}

// 2. A Comtrade-shaped bulk file: reporters × partners × commodities, gzipped TSV.
if (only !== 'own') {
const bulkRows = Math.round(10_000_000 * scale);
const bulk = `${dir}/comtrade-bulk-v2-${bulkRows}.tsv.gz`;
const header = 'typeCode\tfreqCode\trefPeriodId\trefYear\trefMonth\tperiod\treporterCode\tflowCode\tpartnerCode\tpartner2Code\tclassificationCode\tcmdCode\tcustomsCode\tmosCode\tmotCode\tqty\tnetWgt\tcifvalue\tfobvalue\tprimaryValue\n';
{
  const r = rng(2);
  // Every (reporter, flow, partner, commodity, customs procedure) once, as in a real download: one
  // world TOTAL per reporter and flow, beside partners, chapters and customs procedures (its parts).
  const flows = ['X', 'M', 'RX', 'RM'];
  await writeLines(
    bulk,
    bulkRows + 1,
    (i) => {
      if (i === 0) return header;
      const k = i - 1;
      const reporter = [156, 842, 276, 392, 251][k % 5];
      const flow = flows[Math.floor(k / 5) % 4];
      const c = Math.floor(k / 20);
      const partner = c % 241 === 0 ? 0 : (c % 241) + 3;
      const chapter = Math.floor(c / 241) % 98;
      const cmd = chapter === 0 ? 'TOTAL' : String(chapter).padStart(2, '0');
      const customs = `C${String(Math.floor(c / (241 * 98)) % 100).padStart(2, '0')}`;
      const v = (r() * 1e9).toFixed(0);
      return `C\tA\t20240101\t2024\t52\t2024\t${reporter}\t${flow}\t${partner}\t0\tH6\t${cmd}\t${customs}\t0\t0\t\t\t${flow === 'M' ? v : ''}\t${flow === 'X' ? v : ''}\t${v}\n`;
    },
    true,
  );
}
const duckBulk = `${dir}/duck-bulk.mjs`;
writeFileSync(
  duckBulk,
  `import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const r = await c.runAndReadAll(\`SELECT flowCode, sum(CAST(primaryValue AS DECIMAL(38,6))) AS value FROM read_csv('\${process.argv[2]}', header = true, all_varchar = true, delim = '\\t')
  WHERE reporterCode = '156' AND partnerCode = '0' AND cmdCode = 'TOTAL' AND customsCode = 'C00' AND motCode = '0' AND partner2Code = '0' AND flowCode IN ('X', 'M')
  GROUP BY flowCode ORDER BY flowCode\`);
console.log(r.getRowObjects().map((x) => x.flowCode + ' ' + String(x.value)).join(', '));
`,
);
// tradecalc's own query (as --print-sql prints it: every row judged, the lowest rank kept, every
// exclusion counted), run by DuckDB alone: what the engine costs without tradecalc around it.
const plan = spawnSync(process.execPath, [bin, 'import', bulk, '--reporter', '156', '--partner', 'World', '--print-sql', '--json'], { encoding: 'utf8' });
const ourSql = `${dir}/tradecalc-bulk.sql`;
writeFileSync(ourSql, JSON.parse(plan.stdout).plans[0].sql);
const duckSql = `${dir}/duck-sql.mjs`;
writeFileSync(
  duckSql,
  `import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
const db = await DuckDBInstance.create(':memory:', { threads: '2', preserve_insertion_order: 'false' });
const c = await db.connect();
const r = await c.runAndReadAll(readFileSync(process.argv[2], 'utf8'));
console.log(r.getRowObjects().length + ' groups');
`,
);
console.log(`\nComtrade-shaped bulk file: ${bulkRows.toLocaleString('en-US')} rows, ${(statSync(bulk).size / 1e6).toFixed(0)} MB gzipped`);
compare("one reporter's annual world totals from a bulk .gz", {
  'tradecalc import': () => measure(process.execPath, [bin, 'import', bulk, '--reporter', '156', '--partner', 'World', '--engine', 'duckdb', '--json']),
  'DuckDB, the same query': () => measure(process.execPath, [duckSql, ourSql]),
  'DuckDB, a filter query': () => measure(process.execPath, [duckBulk, bulk]),
});
}
