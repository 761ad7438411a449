// Options are all parsed before any file is opened, so bad usage is exit 2 even when the dataset
// would also fail (exit 3): a missing file, an invalid file, or standard input that must not be read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tradecalc-usage-'));
const missing = join(dir, 'missing.csv');
const invalid = join(dir, 'invalid.csv');
writeFileSync(invalid, 'reporter,year,exports,imports\nX,twenty,-1,abc\n');
const bin = fileURLToPath(new URL('../../bin/tradecalc', import.meta.url));

/** Command line (without --data) and the start of the one stderr line. */
const CASES: [string[], string][] = [
  [['project', '--growth', 'abc'], '--growth "abc" is not a number'],
  [['project', '--import-growth', '1,2'], '--import-growth "1,2" gives 2 rates for 1 year'],
  [['project', '--years', '0'], '--years "0" is out of range'],
  [['project', '--threshold', 'xyz'], '--threshold "xyz" is not an amount'],
  [['project', '--year', '12'], '--year "12" is not a year'],
  [['project', '--chart', '--json'], '--chart draws under the table and cannot go with --format json'],
  [['project', '--growth', '1', '--growth', '2'], '--growth is given more than once ("1", then "2"); give it once'],
  [['project', '--years', '2', '--years', '3'], '--years is given more than once'],
  [['summary', '--format', 'nope'], '--format "nope" is not one of table, json, csv, markdown'],
  [['summary', '--json', '--format', 'csv'], '--json and --format csv ask for different formats'],
  [['summary', '--unit', 'X'], '--unit "X" is not a display unit'],
  [['summary', '--year', 'last'], '--year "last" is not a year'],
  [['summary', '--reporter', 'A', '--reporter', 'B'], '--reporter is given more than once ("A", then "B"); give it once'],
  [['summary', '--output', join(dir, 'no', 'such', 'x.json')], '--output'],
  [['summary', '--output', 'a.json', '--output', 'b.json'], '--output is given more than once'],
  [['summary', '--dataset', 'china-2025'], '--data and --dataset both name a dataset'],
  [['scenarios', '--growth', '4:-4:1'], '--growth "4:-4:1" starts above where it stops'],
  [['scenarios', '--growth', '0:10:0.1', '--import-growth', '0:10:0.1'], 'a grid of 10,201 cells is too large for a table view'],
  [['scenarios', '--scenario', 'baseline', '--growth', '3'], '--scenario compares named scenarios and --growth makes a grid'],
  [['breakeven', '--import-growth', 'x'], '--import-growth "x" is not a number'],
  [['breakeven', '--years', '101'], '--years "101" is out of range'],
  [['simulate', '--runs', '0'], '--runs "0" is out of range'],
  [['simulate', '--seed', '-1'], '--seed "-1" is out of range'],
  [['simulate', '--correlation', '2'], '--correlation "2" is out of range'],
  [['simulate', '--growth-sd', '-1'], '--growth-sd "-1" is negative'],
  [['check', '--format', 'xml'], '--format "xml" is not one of'],
  [['data', 'show', 'nope'], 'data show "nope" names a built-in dataset, and --data names another'],
  [['data', 'list', '--reporter', 'A'], 'data list lists every reporter of a file; leave out --reporter'],
  [['partners', '--top', '0'], '--top "0" is out of range'],
  [['partners', '--sort', 'size'], '--sort "size" is not one of balance, exports, imports, total'],
  [['partners', '--flow', 'export'], '--flow "export" is not one of balance, exports, imports, total (did you mean exports?)'],
  [['partners', '--year', '25'], '--year "25" is not a year'],
  [['partners', '--partner', 'USA'], 'partners lists every partner of the reporter; leave out --partner'],
  [['mirror', '--reporter', 'A'], 'mirror compares two reporters: give --partner B'],
  [['mirror', '--partner', 'B'], 'mirror compares two reporters: give --reporter A'],
  [['mirror', '--reporter', 'A', '--partner', 'B', '--cif-fob', 'six'], '--cif-fob "six" is not a number'],
  [['mirror', '--reporter', 'A', '--partner', 'B', '--cif-fob', '-6'], '--cif-fob "-6" is out of range'],
  [['mirror', '--reporter', 'A', '--partner', 'B', '--year', 'all'], '--year "all" is not a year'],
];

describe('bad usage is exit 2 before any file is opened', () => {
  it('the issue case: project --growth abc --data missing.csv exits 2, not 3', async () => {
    const r = await cli(['project', '--growth', 'abc', '--data', missing]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'tradecalc: --growth "abc" is not a number (expected a percentage such as 3 or -1.5, from -100 to 10000)\n' });
    // Without the bad option, the same file is a data error: the order is what the test is about.
    expect((await cli(['project', '--data', missing])).code).toBe(3);
  });

  it('and from the binary', () => {
    const r = spawnSync(process.execPath, [bin, 'project', '--growth', 'abc', '--data', missing], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tradecalc: --growth "abc" is not a number/);
  });

  it('a repeated singular option is a usage error: --year 2024 --year 2025', async () => {
    const r = await cli(['summary', '--data', missing, '--year', '2024', '--year', '2025']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'tradecalc: --year is given more than once ("2024", then "2025"); give it once\n' });
    // A repeatable option may be repeated (--scenario, --data), and a flag given twice is still the flag.
    expect((await cli(['scenarios', '--scenario', 'baseline', '--scenario', 'pessimistic', '--json'])).code).toBe(0);
    expect((await cli(['summary', '--json', '--json'])).code).toBe(0);
  });

  it('(the control: a good command does read standard input)', async () => {
    let read = false;
    const stdin = (async function* () {
      read = true;
      yield 'reporter,year,exports,imports\nX,2024,1T,1T\n';
    })();
    expect((await cli(['summary', '--data', '-'], { stdin })).code).toBe(0);
    expect(read).toBe(true);
  });

  describe.each(CASES)('%j', (argv, message) => {
    const expectUsage = (r: { code: number; stdout: string; stderr: string }) => {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`tradecalc: ${message}`), r.stderr).toBe(true);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    };
    it('with a missing --data file', async () => {
      expectUsage(await cli([...argv, '--data', missing], { cwd: dir }));
    });
    it('with an invalid --data file', async () => {
      expectUsage(await cli([...argv, '--data', invalid], { cwd: dir }));
    });
    it('with --data - (standard input is never read)', async () => {
      let read = false;
      const stdin = (async function* () {
        read = true;
        yield 'reporter,year,exports,imports\nX,2024,1T,1T\n';
      })();
      expectUsage(await cli([...argv, '--data', '-'], { cwd: dir, stdin }));
      expect(read).toBe(false);
    });
  });

  it('data validate: a bad format is exit 2 before the file is read', async () => {
    for (const file of [missing, invalid]) {
      const r = await cli(['data', 'validate', file, '--format', 'nope']);
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^tradecalc: --format "nope" is not one of/);
    }
    // With a good format, the same files are data errors.
    expect((await cli(['data', 'validate', missing])).code).toBe(3);
    expect((await cli(['data', 'validate', invalid])).code).toBe(3);
  });
});
