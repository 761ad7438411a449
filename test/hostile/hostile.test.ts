// Hostile input, table-driven, over every command and option: every case must end with its
// documented exit code, a first stderr line naming the problem (a usage error is that line alone;
// a data error lists its problems under it), no stack trace, and nothing on stdout. Each case runs
// in-process and again through the built binary.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { deviceNode } from './generators.js';

const bin = fileURLToPath(new URL('../../bin/tradecalc', import.meta.url));

// Hostile files, made once.
const dir = mkdtempSync(join(tmpdir(), 'tradecalc-hostile-'));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
const F = {
  empty: file('empty.csv', ''),
  headerOnly: file('header.csv', 'reporter,year,exports,imports\n'),
  garbage: file('garbage.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))),
  latin1: file('latin1.csv', Buffer.from('reporter,year,exports,imports\nC\xf4te d\x27Ivoire,2024,1,2\n', 'latin1')),
  utf16: file('utf16.csv', Buffer.from('\ufeffreporter,year,exports,imports\n', 'utf16le')),
  truncated: file('truncated.json', '{"schemaVersion": 1, "id": "x", "years": [{"year": 2025,'),
  notObject: file('array.json', '[1, 2, 3]'),
  nan: file('nan.json', '{"schemaVersion": 1, "id": "x", "title": "X", "reporter": "X", "currency": "USD", "years": [{"year": 2025, "exports": "NaN", "imports": "Infinity"}]}'),
  hexCsv: file('hex.csv', 'reporter,year,exports,imports\nX,2024,0x10,1_000\n'),
  missingColumn: file('missing.csv', 'reporter,year,exports\nX,2024,1\n'),
  negative: file('negative.csv', 'reporter,year,exports,imports\nX,2024,-1T,1T\n'),
  duplicate: file('dup.csv', 'reporter,year,exports,imports\nX,2024,1T,1T\nX,2024,2T,1T\n'),
  badUnit: file('unit.csv', 'reporter,year,exports,imports,unit\nX,2024,1,1,USD gazillion\n'),
  badYear: file('year.csv', 'reporter,year,exports,imports\nX,twenty,1,1\n'),
  tooManyFields: file('fields.csv', 'reporter,year,exports,imports\nX,2024,1,1,1\n'),
  unclosedQuote: file('quote.csv', 'reporter,year,exports,imports\n"X,2024,1,1\n'),
  huge: (() => {
    const p = join(dir, 'huge.csv');
    writeFileSync(p, '');
    truncateSync(p, 65 * 1024 * 1024);
    return p;
  })(),
  directory: (() => {
    mkdirSync(join(dir, 'folder.csv'));
    return join(dir, 'folder.csv');
  })(),
  twoReporters: file('two.csv', 'reporter,year,exports,imports\nA,2024,1T,1T\nB,2024,1T,2T\n'),
  semicolons: file('semi.csv', 'reporter;year;exports;imports\nA;2024;1T;1T\n'),
};

interface Case {
  argv: string[];
  code: number;
  /** What the first stderr line must say. */
  message: RegExp;
}

const usage = (argv: string[], message: RegExp): Case => ({ argv, code: 2, message });
const data = (argv: string[], message: RegExp): Case => ({ argv, code: 3, message });

const cases: Case[] = [
  // growth
  usage(['project', '--growth', ''], /--growth "" is not a number/),
  usage(['project', '--growth', ' '], /--growth " " is not a number/),
  usage(['project', '--growth', 'NaN'], /--growth "NaN" is not a number/),
  usage(['project', '--growth', 'nan'], /--growth "nan" is not a number/),
  usage(['project', '--growth', 'Infinity'], /--growth "Infinity" is not a number/),
  usage(['project', '--growth', '-Infinity'], /--growth "-Infinity" is not a number/),
  usage(['project', '--growth', '0x10'], /--growth "0x10" is not a number/),
  usage(['project', '--growth', '0b101'], /--growth "0b101" is not a number/),
  usage(['project', '--growth', '1_000'], /--growth "1_000" is not a number/),
  usage(['project', '--growth', '1,5'], /--growth "1,5" gives 2 rates for 1 year \(give one rate, or one per year\)/),
  usage(['project', '--growth', '3%'], /--growth "3%" is not a number/),
  usage(['project', '--growth', '1e999'], /--growth "1e999" is out of range/),
  usage(['project', '--growth', '1e-999999'], /--growth "1e-999999" is not a number/),
  usage(['project', '--growth', '1e-999'], /--growth "1e-999" has more than 20 decimal places/),
  usage(['project', '--threshold', '0.000000000000000000001'], /--threshold "0.000000000000000000001" has more than 20 decimal places/),
  usage(['project', '--growth', '-100.0001'], /--growth "-100.0001" is below -100/),
  usage(['project', '--growth', '10000.1'], /--growth "10000.1" is out of range/),
  usage(['project', '--growth', '٣'], /--growth "٣" is not a number/),
  usage(['project', '--growth', '3\u0000'], /--growth "3\\u0000" is not a number/),
  usage(['project', '--growth', '--json'], /--growth "--json" is not a number/),
  usage(['project', '--growth'], /option '--growth <pct>' needs a value/),
  usage(['project', '--years', '3', '--growth', '1,2'], /--growth "1,2" gives 2 rates for 3 years/),
  usage(['project', '--years', '2', '--growth', '1,,2'], /--growth "1,,2" is not a number|--growth "" is not a number/),
  usage(['project', '--import-growth', 'abc'], /--import-growth "abc" is not a number/),
  usage(['project', '--import-growth', '-101'], /--import-growth "-101" is below -100/),
  // years
  usage(['project', '--years', '0'], /--years "0" is out of range/),
  usage(['project', '--years', '-1'], /--years "-1" is out of range/),
  usage(['project', '--years', '101'], /--years "101" is out of range/),
  usage(['project', '--years', '1e9'], /--years "1e9" is out of range/),
  usage(['project', '--years', '2.5'], /--years "2.5" is not a whole number/),
  usage(['project', '--years', 'ten'], /--years "ten" is not a number/),
  usage(['project', '--years', ''], /--years "" is not a number/),
  usage(['project', '--years', 'Infinity'], /--years "Infinity" is not a number/),
  // threshold
  usage(['project', '--threshold', '1X'], /--threshold "1X" is not an amount/),
  usage(['project', '--threshold', ''], /--threshold "" is not an amount/),
  usage(['project', '--threshold', 'T'], /--threshold "T" is not an amount/),
  usage(['project', '--threshold', '$'], /--threshold "\$" is not an amount/),
  usage(['project', '--threshold', 'NaNT'], /--threshold "NaNT" is not an amount/),
  usage(['project', '--threshold', '1e400'], /--threshold "1e400" is out of range/),
  usage(['project', '--threshold', '-1e400T'], /--threshold "-1e400T" is out of range/),
  usage(['project', '--threshold', '1 trillion dollars'], /--threshold "1 trillion dollars" is not an amount/),
  usage(['project', '--threshold', '0x1T'], /--threshold "0x1T" is not an amount/),
  // commands, options, formats
  usage(['sumary'], /unknown command 'sumary' \(did you mean summary\?\)/),
  usage(['SUMMARY'], /unknown command 'SUMMARY'/),
  usage(['summary', '--jsn'], /unknown option '--jsn' \(did you mean --json\?\)/),
  usage(['summary', '-x'], /unknown option '-x'/),
  usage(['summary', 'extra'], /unexpected argument "extra" for 'summary'/),
  usage(['project', '--threshold', '1', 'trillion'], /unexpected argument "trillion" for 'project' \(a value with a space in it needs quotes, as in "\$1\.2 trillion"\)/),
  usage(['summary', '--format', 'xml'], /--format "xml" is not one of table, json, csv, markdown, svg$/),
  usage(['summary', '--format', ''], /--format "" is not one of table, json, csv, markdown, svg$/),
  usage(['summary', '--format', 'JSON'], /--format "JSON" is not one of table, json, csv, markdown, svg \(did you mean json\?\)/),
  usage(['summary', '--json', '--format', 'csv'], /--json and --format csv ask for different formats/),
  usage(['summary', '--dataset', '../../etc/passwd'], /--dataset "..\/..\/etc\/passwd" is not a built-in dataset/),
  usage(['summary', '--dataset', ''], /--dataset "" is not a built-in dataset/),
  usage(['project', '--years'], /option '--years <n>' needs a value/),
  usage(['completion'], /missing required argument 'shell'/),
  usage(['completion', 'powershell'], /completion "powershell" is not a shell/),
  usage(['--frobnicate'], /unknown option '--frobnicate'/),
  // scenarios
  usage(['scenarios', '--growth', '5:1:1'], /--growth "5:1:1" starts above where it stops/),
  usage(['scenarios', '--growth', '0:1:0'], /--growth "0:1:0" has a step of 0, which is not above zero/),
  usage(['scenarios', '--growth', '0:1:-1'], /--growth "0:1:-1" has a step of -1, which is not above zero/),
  usage(['scenarios', '--growth', '0:1:NaN'], /--growth "0:1:NaN" has a step "NaN" that is not a number/),
  usage(['scenarios', '--growth', '1:2:3:4'], /--growth "1:2:3:4" is not a range/),
  usage(['scenarios', '--growth', 'a:b:c'], /--growth start "a" is not a number/),
  usage(['scenarios', '--growth', '-100:10000:0.001', '--import-growth', '0:10:1'], /make a grid of .* cells \(at most 1,002,001/),
  usage(['scenarios', '--scenario', 'nope'], /--scenario "nope" is not a scenario/),
  usage(['scenarios', '--years', '0'], /--years "0" is out of range/),
  // breakeven
  usage(['breakeven', '--growth', 'abc'], /--growth "abc" is not a number/),
  usage(['breakeven', '--threshold', '1X'], /--threshold "1X" is not an amount/),
  usage(['breakeven', '--years', '1e3'], /--years "1e3" is out of range/),
  // simulate
  usage(['simulate', '--runs', '0'], /--runs "0" is out of range/),
  usage(['simulate', '--runs', '1e9'], /--runs "1e9" is out of range/),
  usage(['simulate', '--runs', '1.5'], /--runs "1.5" is not a whole number/),
  usage(['simulate', '--seed', '-1'], /--seed "-1" is out of range/),
  usage(['simulate', '--seed', 'abc'], /--seed "abc" is not a number/),
  usage(['simulate', '--growth-sd', '-1'], /--growth-sd "-1" is negative/),
  usage(['simulate', '--import-growth-sd', 'Infinity'], /--import-growth-sd "Infinity" is not a number/),
  usage(['simulate', '--correlation', '2'], /--correlation "2" is out of range/),
  usage(['simulate', '--correlation', 'NaN'], /--correlation "NaN" is not a number/),
  // common options
  usage(['summary', '--unit', 'X'], /--unit "X" is not a display unit/),
  usage(['summary', '--year', '1999'], /--year "1999" is not a year of dataset "china-2025" \(it has: 2025\)/),
  usage(['summary', '--year', 'last'], /--year "last" is not a year/),
  usage(['project', '--year', '20255'], /--year "20255" is not a year/),
  usage(['summary', '--output', dir], /--output ".*" is a directory/),
  usage(['summary', '--output', join(dir, 'no', 'such', 'dir', 'x.json')], /--output ".*": the directory ".*" does not exist/),
  usage(['summary', '--data', ''], /--data "" is empty/),
  usage(['summary', '--data', F.twoReporters], /two\.csv has 2 reporters \(A, B\): choose one with --reporter/),
  usage(['summary', '--data', F.twoReporters, '--reporter', 'C'], /--reporter "C" is not in/),
  usage(['summary', '--data', F.headerOnly, '--dataset', 'china-2025'], /--data and --dataset both name a dataset/),
  usage(['project', '--chart', '--json'], /--chart draws under the table and cannot go with --format json/),
  usage(['data', 'list', '--data', F.twoReporters, '--reporter', 'A'], /data list lists every reporter of a file; leave out --reporter/),
  usage(['data', 'validate', F.twoReporters, '--reporter', 'C'], /--reporter "C" is not in .*two\.csv \(it has: A, B\)/),
  // dataset files: exit 3
  data(['summary', '--data', join(dir, 'nope.csv')], /nope\.csv: no such file/),
  data(['summary', '--data', F.directory], /folder\.csv: the directory holds no data files/),
  data(['summary', '--data', F.empty], /empty\.csv: the file is empty/),
  data(['summary', '--data', F.headerOnly], /header\.csv: the header has no rows under it/),
  data(['summary', '--data', F.garbage], /garbage\.bin: is not a text file/),
  data(['summary', '--data', F.latin1], /latin1\.csv: is not UTF-8 text/),
  data(['summary', '--data', F.utf16], /utf16\.csv: is not UTF-8 text/),
  data(['summary', '--data', F.truncated], /truncated\.json:1:\d+: not valid JSON/),
  data(['summary', '--data', F.notObject], /array\.json: invalid dataset/),
  data(['summary', '--data', F.nan], /nan\.json: invalid dataset/),
  data(['summary', '--data', F.hexCsv], /hex\.csv: invalid dataset/),
  data(['summary', '--data', F.missingColumn], /missing\.csv: invalid CSV header/),
  data(['summary', '--data', F.negative], /negative\.csv: invalid dataset/),
  data(['summary', '--data', F.duplicate], /dup\.csv: invalid dataset/),
  data(['summary', '--data', F.badUnit], /unit\.csv: invalid dataset/),
  data(['summary', '--data', F.badYear], /year\.csv: invalid dataset/),
  data(['summary', '--data', F.tooManyFields], /fields\.csv: invalid dataset/),
  data(['summary', '--data', F.unclosedQuote], /quote\.csv:2: not valid CSV: a quoted field is never closed/),
  data(['summary', '--data', F.semicolons], /semi\.csv: the header is separated by semicolons; tradecalc reads comma-separated CSV/),
  // No size cap: a file is read as a stream; 65 MiB of zero bytes is not text.
  data(['summary', '--data', F.huge], /huge\.csv: is not a text file/),
  data(['data', 'validate', F.directory], /folder\.csv: the directory holds no data files/),
  data(['check', '--data', F.negative], /negative\.csv: invalid dataset/),
  data(['simulate', '--data', F.garbage], /garbage\.bin: is not a text file/),
  usage(['project', '--growth', '+-3'], /--growth "\+-3" is not a number/),
  usage(['project', '--years', '0x10'], /--years "0x10" is not a number/),
  usage(['help', 'nope'], /^tradecalc: unknown command 'nope' \(see tradecalc --help\)$/),
  usage(['project', '--threshold', '1T1'], /--threshold "1T1" is not an amount/),
  usage(['project', '--threshold', '1.2.3T'], /--threshold "1.2.3T" is not an amount/),
  // names every JavaScript object has (more in names.test.ts)
  usage(['summary', '--dataset', 'constructor'], /--dataset "constructor" is not a built-in dataset/),
  usage(['summary', '--dataset', '__proto__'], /--dataset "__proto__" is not a built-in dataset/),
  usage(['data', 'show', 'toString'], /data show "toString": there is no built-in dataset of that id/),
  usage(['project', '--threshold', '1constructor'], /--threshold "1constructor" is not an amount/),
  usage(['scenarios', '--scenario', 'hasOwnProperty'], /--scenario "hasOwnProperty" is not a scenario/),
  usage(['summary', '--unit', 'valueOf'], /--unit "valueOf" is not a display unit/),
  usage(['completion', '__proto__'], /completion "__proto__" is not a shell/),
  usage(['schema', 'constructor'], /schema "constructor" is not a document kind/),
  // control characters in values: escaped in the message (more in terminal.test.ts)
  usage(['summary', '--unit', '\u001b[2J'], /--unit "\\u001b\[2J" is not a display unit/),
  usage(['summary', '--dataset', 'x\u009b31m\u202e'], /--dataset "x\\u009b31m\\u202e" is not a built-in dataset/),
  data(['summary', '--data', join(dir, 'no\u001b[2J.csv')], /no\\u001b\[2J\.csv: no such file/),
  // output targets that are not regular files (more in output.test.ts)
  // (As root, a device node of the test's own: a regression must not replace the machine's /dev/null.)
  usage(['summary', '--output', deviceNode('null', dir)], /--output ".*null" is a device; --output only replaces a regular file/),
  usage(['summary', '--output', deviceNode('full', dir)], /--output ".*full" is a device/),
  usage(['summary', '--data', F.twoReporters, '--reporter', 'A', '--output', F.twoReporters], /--output ".*two\.csv" is the same file as the data/),
];

function check(c: Case, r: { code: number | null; stdout: string; stderr: string }) {
  expect(r.stdout).toBe('');
  expect(r.code).toBe(c.code);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^tradecalc: /);
  expect(lines[0]).toMatch(c.message);
  if (c.code === 2) expect(lines).toHaveLength(1);
  for (const line of lines.slice(1)) expect(line).toMatch(/^  \S/);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|internal error/);
  // Nothing raw reaches the terminal: control characters in a value are escaped.
  expect(r.stderr.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
}

function spawned(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...argv], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('hostile input', () => {
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  describe('in-process', () => {
    it.each(cases.map((c) => [c.argv.join(' '), c] as const))('%s', async (_name, c) => {
      check(c, await cli(c.argv));
    });
  });

  describe('through the binary', () => {
    // A process cannot receive an argument with a NUL byte in it; that case is in-process only.
    const real = cases.filter((c) => !c.argv.some((a) => a.includes('\u0000')));
    it.concurrent.each(real.map((c) => [c.argv.join(' '), c] as const))('%s', async (_name, c) => {
      check(c, await spawned(c.argv));
    });
  });
});
