// Hostile inputs found after the exact JSON numbers, the bulk engine's refusal of values it would
// round, and import --partner's usage error: codes written as JSON numbers with a fraction or an
// exponent (392.0, 0.0, 2.023e3), values with trailing zeros beyond the bulk engine's decimals
// (exact, so summed), and the world total under the codes the files write (IMF G001, 001).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tradecalc-hostile-h3-'));
const file = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

/** A Comtrade API answer with codes only (no ISO codes, no names), each cell as raw JSON text. */
function comtradeJson(c: { year: string; reporter: string; world: string; p2?: string; mot?: string }): string {
  const rec = (flow: string, partner: string, value: string) =>
    `{"typeCode":"C","freqCode":"A","refYear":${c.year},"refMonth":52,"reporterCode":${c.reporter},"flowCode":"${flow}","partnerCode":${partner},"partner2Code":${c.p2 ?? '0'},"cmdCode":"TOTAL","customsCode":"C00","motCode":${c.mot ?? '0'},"primaryValue":${value}}`;
  return `{"count":4,"data":[${[rec('X', c.world, '5'), rec('M', c.world, '7'), rec('X', '156', '2'), rec('M', '156', '3')].join(',\n')}]}`;
}

const EXPECTED = 'Japan,392,World,,2023,5,7,USD,,\nJapan,392,China,156,2023,2,3,USD,,\n';

describe('Comtrade API JSON: codes written as numbers with a fraction or an exponent', () => {
  it.each([
    ['reporterCode 392.0', { year: '2023', reporter: '392.0', world: '0' }],
    ['reporterCode 3.92E2', { year: '2023', reporter: '3.92E2', world: '0' }],
    ['partnerCode 0.0 (the world)', { year: '2023', reporter: '392', world: '0.0' }],
    ['partnerCode -0 (the world)', { year: '2023', reporter: '392', world: '-0' }],
    ['refYear 2023.0 without a period', { year: '2023.0', reporter: '392', world: '0' }],
    ['refYear 2.023e3, partnerCode 0E0', { year: '2.023e3', reporter: '392', world: '0E0' }],
    ['partner2Code 0.0 and motCode 0.0 (totals)', { year: '2023', reporter: '392', world: '0', p2: '0.0', mot: '0.0' }],
  ])('%s is read as the integer it is', async (_what, c) => {
    const f = file(`api-${_what.replace(/\W+/g, '_')}.json`, comtradeJson(c));
    const out = join(dir, `out-${_what.replace(/\W+/g, '_')}.csv`);
    const r = await cli(['import', f, '--output', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(out, 'utf8').replace(/\r/g, '').split('\n').slice(1).join('\n')).toBe(EXPECTED);
  });
});

describe('bulk engine: values with trailing zeros beyond its decimal places are exact', () => {
  const header = 'typeCode\tfreqCode\trefPeriodId\trefYear\trefMonth\tperiod\treporterCode\tflowCode\tpartnerCode\tpartner2Code\tclassificationCode\tcmdCode\tcustomsCode\tmosCode\tmotCode\tqty\tnetWgt\tcifvalue\tfobvalue\tprimaryValue';
  const tsv = (values: string[]) =>
    [header, ...values.map((v, i) => ['C', 'A', '20240101', '2024', '52', '2024', '156', 'X', i === 0 ? '0' : String(i + 3), '0', 'H6', 'TOTAL', 'C00', '0', '0', '', '', '', v, v].join('\t'))].join('\n') + '\n';
  it.each([['1.000000000'], ['1.1000000'], ['1.0000000e3'], ['0.12345600000000000000']])('%s is summed by --engine duckdb as by --engine stream', async (v) => {
    const f = file(`bulk-${v}.tsv`, tsv([v, '0.5', '0.25']));
    const stream = await cli(['import', f, '--engine', 'stream', '--json', '--partner', 'World', '--output', join(dir, `s-${v}.csv`)]);
    const duck = await cli(['import', f, '--engine', 'duckdb', '--json', '--partner', 'World', '--output', join(dir, `d-${v}.csv`)]);
    expect(stream.code).toBe(0);
    expect(duck.stderr).toBe('');
    expect(duck.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, `d-${v}.csv`), 'utf8')).toBe(readFileSync(join(dir, `s-${v}.csv`), 'utf8'));
  }, 30_000);
  it('1.1234567 (a seventh decimal that is not zero) is still refused by the bulk engine', async () => {
    const f = file('bulk-7.tsv', tsv(['1.1234567', '1', '2']));
    const duck = await cli(['import', f, '--engine', 'duckdb']);
    expect(duck.code).toBe(3);
    expect(duck.stderr).toMatch(/--engine stream/);
  }, 30_000);
});

describe('import --partner: the world total under the codes the files write', () => {
  const imts = new URL('../fixtures/publishers/imf/IMTS_CHN_VNM_2023-2025.csv', import.meta.url).pathname;
  const dots = new URL('../fixtures/publishers/imf/DOT_timeSeries.csv', import.meta.url).pathname;
  const api = new URL('../fixtures/publishers/comtrade/comtrade_api_JPN_2023.json', import.meta.url).pathname;
  it.each([
    [imts, 'G001'],
    [imts, 'g001'],
    [dots, '001'],
    [dots, '1'],
    [api, '00'],
    [api, ' 000 '],
  ])('%s --partner %s is the world total, not a usage error', async (f, partner) => {
    const r = await cli(['import', f, '--partner', partner, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('publishers\' JSON: an object, an array or a boolean where a code or a value is expected', () => {
  const comtrade = (cell: string) =>
    `{"count":3,"data":[{"refYear":2023,"freqCode":"A","reporterCode":392,"flowCode":"X","partnerCode":0,"primaryValue":5},{"refYear":2023,"freqCode":"A","reporterCode":392,"flowCode":"M","partnerCode":156,"primaryValue":${cell}},{"refYear":2023,"freqCode":"A","reporterCode":${cell},"flowCode":"M","partnerCode":0,"primaryValue":3}]}`;
  const census = (cell: string) => `[["CTY_CODE","CTY_NAME","ALL_VAL_MO","time"],\n["-","TOTAL FOR ALL COUNTRIES",100,"2024-01"],\n[5700,"CHINA",${cell},"2024-01"],\n[${cell},"JAPAN",1,"2024-01"]]`;
  it.each([['{}'], ['{"a":1}'], ['[5]'], ['[]'], ['true']])('Comtrade API JSON: %s is a data error (exit 3) naming the record, never an internal error or its text', async (cell) => {
    const f = file(`api-cell-${cell.replace(/\W+/g, '_')}.json`, comtrade(cell));
    const r = await cli(['import', f, '--json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\$\.data\[1\]/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
  it.each([['{}'], ['[5]'], ['[]'], ['false']])('Census JSON: %s is a data error (exit 3) naming the cell', async (cell) => {
    const f = file(`census-cell-${cell.replace(/\W+/g, '_')}.json`, census(cell));
    const r = await cli(['import', f, '--json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\$\[2\]\[2\]/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});

describe('import: a file of months of one flow (a Census download)', () => {
  it('runs from its first month, not from the year its gap is in', async () => {
    const f = file('census-one-month.json', '[["CTY_CODE","CTY_NAME","ALL_VAL_MO","time"],\n["-","TOTAL FOR ALL COUNTRIES","100","2024-01"],\n["5700","CHINA","5","2024-02"]]');
    const r = await cli(['import', f, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.reporters[0].firstPeriod).toBe('2024-01');
    expect(doc.reporters[0].lastPeriod).toBe('2024-02');
  });
});

describe('help and completion never offer an option the command refuses', () => {
  // [command path, options it refuses with a usage error]
  const cases: [string[], string[]][] = [
    [['data', 'list'], ['--partner']],
    [['data', 'validate'], ['--data', '--dataset', '--partner']],
    [['partners'], ['--partner']],
    [['import'], ['--data', '--dataset']],
  ];
  for (const [path, refused] of cases) {
    for (const flag of refused) {
      it(`${path.join(' ')} --help and the fish completion leave out ${flag}`, async () => {
        const help = await cli([...path, '--help']);
        expect(help.stdout).not.toMatch(new RegExp(`^\\s+${flag} `, 'm'));
        const fish = (await cli(['completion', 'fish'])).stdout.split('\n');
        const sub = path[path.length - 1]!;
        const offered = fish.filter((l) => l.includes(`__fish_seen_subcommand_from ${sub}'`) && l.includes(` -l ${flag.slice(2)} `));
        expect(offered).toEqual([]);
      });
    }
  }
});

describe('--format choices: help and completion list only the formats a command writes', () => {
  it('data schema, which prints a JSON Schema, offers table or json, as schema does', async () => {
    const help = (await cli(['data', 'schema', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('output format: table or json (default');
    expect((await cli(['data', 'schema', '--format', 'csv'])).code).toBe(2);
    const fish = (await cli(['completion', 'fish'])).stdout.split('\n').filter((l) => l.includes("__fish_seen_subcommand_from schema'") && l.includes(' -l format '));
    expect(fish.length).toBeGreaterThan(0);
    for (const l of fish) expect(l).toContain("-a 'table json'");
  });
});

describe('Comtrade bulk TSV re-saved with codes as floats (156.0, 0.0, 2024.0), as pandas writes them', () => {
  const header = 'typeCode\tfreqCode\trefPeriodId\trefYear\trefMonth\tperiod\treporterCode\tflowCode\tpartnerCode\tpartner2Code\tclassificationCode\tcmdCode\tcustomsCode\tmosCode\tmotCode\tqty\tnetWgt\tcifvalue\tfobvalue\tprimaryValue';
  const lines = [header];
  for (const [p, v] of [['0.0', '10'], ['156.0', '4'], ['842.0', '6']] as const) for (const flow of ['X', 'M']) lines.push(['C', 'A', '20240101.0', '2024.0', '52.0', '2024', '392.0', flow, p, '0.0', 'H6', 'TOTAL', 'C00', '0', '0.0', '', '', '', v, v].join('\t'));
  it.each([['stream'], ['duckdb']])('--engine %s reads Japan, the world total and China, as the integer codes say', async (engine) => {
    const f = file(`floats-${engine}.tsv`, lines.join('\n') + '\n');
    const out = join(dir, `floats-${engine}.csv`);
    const r = await cli(['import', f, '--engine', engine, '--output', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(out, 'utf8').replace(/\r/g, '').split('\n').slice(1).join('\n')).toBe('Japan,392,World,,2024,10,10,USD,,\nJapan,392,China,156,2024,4,4,USD,,\nJapan,392,USA,842,2024,6,6,USD,,\n');
  }, 30_000);
});
