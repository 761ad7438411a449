// A safe terminal and a safe spreadsheet. Text from a dataset (titles, reporter names, labels,
// sources) and from the command line (values, file names) never reaches a terminal raw: control
// characters and the characters that reorder text are shown as \uXXXX escapes in tables, markdown
// and messages; JSON keeps them exact. CSV text cells that a spreadsheet would run as formulas are
// neutralised, numbers are not. Messages cap what they echo and how many problems they list.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { ESCAPE_SEQUENCES, FORMULA_STARTS, RAW_CONTROL, formulaText, hostileText, sh, tradecalc } from './generators.js';

const dir = mkdtempSync(join(tmpdir(), 'tradecalc-terminal-'));

interface Texts {
  title: string;
  reporter: string;
  publisher: string;
  note: string;
  label: string;
  scenario: string;
  description: string;
  forecastSource: string;
}

function datasetFile(name: string, t: Texts): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    JSON.stringify({
      schemaVersion: 1,
      id: 'hostile',
      title: t.title,
      reporter: t.reporter,
      currency: 'USD',
      source: { publisher: t.publisher, basis: t.note, place: t.note, note: t.note, url: t.note },
      years: [
        { year: 2024, exports: '3.58T', imports: '2.59T', exportGrowthPct: '5.9' },
        { year: 2025, exports: '3.77T', imports: '2.58T' },
      ],
      months: [
        { month: '2025-11', exportGrowthPct: '5.9' },
        { month: '2025-12', exportGrowthPct: '6.6' },
      ],
      forecasts: [{ year: 2026, exportGrowthPct: { value: '3', qualifier: 'around' }, balance: { value: '1', unit: 'T', qualifier: 'above' }, source: t.forecastSource }],
      claims: [
        { id: 'surplus', label: t.label, metric: 'balance', qualifier: 'nearly', year: 2025, value: '1.2T' },
        { id: 'later', label: t.label, metric: 'balance', qualifier: 'above', year: 2026, value: '1T' },
        { id: 'accelerated', label: t.label, metric: 'exportGrowthPct', qualifier: 'accelerated', from: '2025-11', to: '2025-12' },
      ],
      scenarios: [{ id: 'hostile', label: t.scenario, exportGrowthPct: '-1.5', importGrowthPct: '2', description: t.description }],
    }),
  );
  return path;
}

const ALL: Texts = {
  title: `Title ${ESCAPE_SEQUENCES.join(' ')}`.slice(0, 200),
  reporter: 'Rep\u001b[2Jorter\r\u202e',
  publisher: 'Pub\u009b31m\u0007',
  note: 'line one\nline two\u2028\u0000',
  label: '\u001b[32m✔ consistent\u001b[0m\r',
  scenario: '\u001b]0;title\u0007scenario\u200f',
  description: '\b\b\bdescription\u001b[1A',
  forecastSource: 'src\u001b]8;;http://x\u001b\\link',
};

const file = datasetFile('all.json', ALL);

/** Every command's text view of the dataset, the way a person reads it. */
const TEXT_VIEWS: readonly string[][] = [
  ['summary'],
  ['summary', '--ranges'],
  ['project', '--chart'],
  ['project', '--ranges'],
  ['check'],
  ['data', 'show'],
  ['data', 'list'],
  ['data', 'validate', file],
  ['scenarios'],
  ['scenarios', '--scenario', 'hostile,baseline'],
  ['breakeven'],
  ['simulate', '--runs', '1000'],
];

const withData = (argv: readonly string[]) => (argv[1] === 'validate' ? [...argv] : [...argv, '--data', file]);

/** Our own colour codes (ESC [ … m) are what colour is; anything else raw is a leak. */
const withoutOwnColour = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

function expectNoRawControls(text: string, what: string) {
  const lines = withoutOwnColour(text).split('\n');
  for (const line of lines) expect(RAW_CONTROL.test(line), `${what}: ${JSON.stringify(line)}`).toBe(false);
}

describe('text views: control characters from data are escaped, visibly', () => {
  it.each(TEXT_VIEWS.map((a) => [a.join(' '), a] as const))('%s', async (_name, argv) => {
    for (const options of [{}, { isTTY: true, columns: 100 }, { isTTY: true, env: { FORCE_COLOR: '1' } }]) {
      const r = await cli(withData(argv), options);
      expect(r.code === 1 ? 0 : r.code, r.stderr).toBe(0);
      expectNoRawControls(r.stdout, argv.join(' '));
      expectNoRawControls(r.stderr, argv.join(' '));
    }
  });

  it('shows the escapes, so the reader sees what the data holds', async () => {
    const show = (await cli(['data', 'show', '--data', file])).stdout;
    expect(show).toContain('Rep\\u001b[2Jorter\\u000d\\u202e');
    expect(show).toContain('line one\\u000aline two\\u2028\\u0000');
    const check = (await cli(['check', '--data', file])).stdout;
    // The label cannot overdraw the verdict: its "✔ consistent" is plain text after escapes.
    expect(check).toContain('\\u001b[32m✔ consistent\\u001b[0m\\u000d');
  });

  it('a .txt file gets the same escapes', async () => {
    const out = join(dir, 'view.txt');
    expect((await cli(['check', '--data', file, '--output', out])).code).toBe(0);
    expectNoRawControls((await import('node:fs')).readFileSync(out, 'utf8'), 'view.txt');
  });

  it('through the binary on a terminal-like width', async () => {
    const r = await sh(`${tradecalc} check --data ${JSON.stringify(file)}`, { env: { COLUMNS: '120' } });
    expect(r.code).toBe(0);
    expectNoRawControls(r.stdout, 'check');
  });
});

describe('JSON keeps every character exact', () => {
  it('decodes to the dataset text, with nothing raw in the document', async () => {
    const r = await cli(['data', 'show', '--data', file, '--json']);
    expectNoRawControls(r.stdout.replace(/\n/g, ''), 'json');
    const doc = JSON.parse(r.stdout) as { dataset: { title: string; reporter: string; source: { publisher: string; note: string } }; claims: { label: string }[]; scenarios: { label: string; description: string }[] };
    expect(doc.dataset.title).toBe(ALL.title);
    expect(doc.dataset.reporter).toBe(ALL.reporter);
    expect(doc.dataset.source.publisher).toBe(ALL.publisher);
    expect(doc.dataset.source.note).toBe(ALL.note);
    expect(doc.claims[0]!.label).toBe(ALL.label);
    expect(doc.scenarios[0]!.label).toBe(ALL.scenario);
    expect(doc.scenarios[0]!.description).toBe(ALL.description);
  });
});

describe('CSV: formulas neutralised, numbers unchanged, data exact off the terminal', () => {
  const formulas = datasetFile('formula.json', { ...ALL, title: '=HYPERLINK("http://evil","click")', reporter: '@SUM(1+1)*cmd', label: '+1+2', scenario: '-2+3', publisher: '\tTAB', note: '\rCR', description: 'fine', forecastSource: 'ok' });

  it('a text cell starting with = + - @ tab or CR gets a leading apostrophe', async () => {
    const list = (await cli(['data', 'list', '--data', formulas, '--format', 'csv'])).stdout.split('\r\n');
    expect(list[1]).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(list[1]).toContain("'@SUM(1+1)*cmd");
    expect(list[1]).toContain(",'\tTAB,");
    const check = (await cli(['check', '--data', formulas, '--format', 'csv'])).stdout;
    expect(check).toContain(",'+1+2,");
    const named = (await cli(['scenarios', '--data', formulas, '--scenario', 'hostile', '--format', 'csv'])).stdout.split('\r\n');
    // The scenario id is plain; its numbers (a negative growth rate among them) are unchanged.
    expect(named[1]).toMatch(/^hostile,2026,-1\.5,2,/);
  });

  it('negative numbers stay numbers', async () => {
    const deficit = (await cli(['project', '--data', 'test/fixtures/deficit.json', '--format', 'csv'])).stdout.split('\r\n');
    const balance = deficit[0]!.split(',').indexOf('balance');
    expect(deficit[1]!.split(',')[balance]).toMatch(/^-\d+$/);
    const grid = (await cli(['scenarios', '--growth=-4:-2:2', '--import-growth', '0', '--format', 'csv'])).stdout.split('\r\n');
    expect(grid[1]).toMatch(/^-4,0,\d+,(true|false)$/);
  });

  it('CSV to a file or a pipe keeps control characters exact; on a terminal they are escaped', async () => {
    const piped = (await cli(['data', 'list', '--data', file, '--format', 'csv'])).stdout;
    expect(piped).toContain(ALL.reporter.replace(/"/g, '""'));
    const shown = (await cli(['data', 'list', '--data', file, '--format', 'csv'], { isTTY: true })).stdout;
    expectNoRawControls(shown.replace(/\r\n/g, '\n'), 'csv on a terminal');
  });

  it('property: any formula-looking text in any text cell is neutralised; the JSON keeps it', async () => {
    await fc.assert(
      fc.asyncProperty(formulaText, formulaText, async (title, reporter) => {
        const f = datasetFile('prop-formula.json', { ...ALL, title, reporter });
        const csv = (await cli(['data', 'list', '--data', f, '--format', 'csv'])).stdout.split('\r\n')[1]!;
        for (const text of [title, reporter]) {
          const quoted = `'${text}`;
          const asCsv = /[",\r\n]/.test(quoted) || /^\s|\s$/.test(quoted) ? `"${quoted.replace(/"/g, '""')}"` : quoted;
          expect(csv).toContain(asCsv);
        }
        const json = JSON.parse((await cli(['data', 'list', '--data', f, '--json'])).stdout) as { datasets: { title: string; reporter: string }[] };
        expect(json.datasets[0]!.title).toBe(title);
        expect(json.datasets[0]!.reporter).toBe(reporter);
      }),
      { numRuns: 40, seed: 4 },
    );
    expect(FORMULA_STARTS).toEqual(['=', '+', '-', '@', '\t', '\r']);
  });
});

describe('markdown: control characters escaped, markup cannot escape its cell', () => {
  it('no raw controls; | < > [ ] ` escaped', async () => {
    const f = datasetFile('markup.json', { ...ALL, reporter: '<script>alert(1)</script>|[x](javascript:alert(1))`code`' });
    const md = (await cli(['data', 'show', '--data', f, '--format', 'markdown'])).stdout;
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>\\|\\[x\\](javascript:alert(1))\\`code\\`');
    expectNoRawControls((await cli(['check', '--data', file, '--format', 'markdown'])).stdout, 'markdown');
    expectNoRawControls((await cli(['project', '--data', file, '--format', 'markdown'])).stdout, 'markdown');
  });
});

describe('error messages: values capped, problems capped, controls escaped', () => {
  it('a ten-megabyte option value is echoed as 80 characters and "…"', async () => {
    const huge = 'a'.repeat(10 * 1024 * 1024);
    const r = await cli(['project', '--growth', huge]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tradecalc: --growth "${'a'.repeat(80)}…" is not a number (expected a percentage such as 3 or -1.5, from -100 to 10000)\n`);
    const reporter = await cli(['summary', '--reporter', huge]);
    expect(reporter.code).toBe(2);
    expect(reporter.stderr.length).toBeLessThan(400);
    const option = await cli(['summary', `--${huge}`]);
    expect(option.code).toBe(2);
    expect(option.stderr.length).toBeLessThan(400);
  });

  it('a ten-megabyte field of a file is echoed capped', async () => {
    const f = join(dir, 'long-field.csv');
    writeFileSync(f, `reporter,year,exports,imports\nA,2024,${'9'.repeat(10 * 1024 * 1024)}x,1\n`);
    const r = await cli(['summary', '--data', f]);
    expect(r.code).toBe(3);
    for (const line of r.stderr.trimEnd().split('\n')) expect(line.length).toBeLessThan(1100);
    // The reader refuses a record over a megabyte before any value is judged: nothing of it is echoed.
    expect(r.stderr).toMatch(/long-field\.csv:2: not valid CSV: a record longer than 1048576 characters/);
  });

  it('a header of a hundred thousand extra columns is refused in one line; a thousand list 20 problems and say how many more', async () => {
    const f = join(dir, 'wide.csv');
    writeFileSync(f, `reporter,year,exports,imports,${Array.from({ length: 100000 }, (_, i) => `x${i}`).join(',')}\nA,2024,1,1\n`);
    const r = await cli(['summary', '--data', f]);
    expect(r.code).toBe(3);
    // The reader caps a record at 4,096 fields before any column is judged.
    expect(r.stderr).toBe(`tradecalc: ${f}:1: not valid CSV: a record with 100004 fields (at most 4096)\n`);
    const g = join(dir, 'wider.csv');
    writeFileSync(g, `reporter,year,exports,imports,${Array.from({ length: 1000 }, (_, i) => `x${i}`).join(',')}\nA,2024,1,1\n`);
    const s = await cli(['summary', '--data', g]);
    expect(s.code).toBe(3);
    const lines = s.stderr.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(lines[lines.length - 1]).toMatch(/^ {2}… and [\d,]+ more problems$|^ {2}and [\d,]+ more$/);
  });

  it('a file name with control characters is escaped in the message', async () => {
    const r = await cli(['summary', '--data', join(dir, 'no\u001b[2Jsuch\r.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no\\u001b[2Jsuch\\u000d.csv');
    expectNoRawControls(r.stderr, 'file name');
  });

  it('property: any hostile value of any option gives a message with nothing raw in it', async () => {
    const options = [['project', '--growth'], ['project', '--threshold'], ['summary', '--unit'], ['summary', '--dataset'], ['scenarios', '--scenario'], ['summary', '--reporter'], ['summary', '--data']];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...options), hostileText(200), async (argv, value) => {
        const r = await cli([...argv, value], { cwd: dir });
        expect([2, 3]).toContain(r.code);
        expectNoRawControls(r.stderr.replace(/\n$/, ''), argv.join(' '));
        expect(r.stderr).not.toMatch(/internal error/);
      }),
      { numRuns: 200, seed: 6 },
    );
  });
});

describe('fuzz: hostile text in every text field of a dataset', () => {
  it('never reaches a text view raw, and JSON gives it back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ title: hostileText(200), reporter: hostileText(100), publisher: hostileText(200), note: hostileText(200), label: hostileText(200), scenario: hostileText(100), description: hostileText(200), forecastSource: hostileText(200) }),
        fc.constantFrom(...TEXT_VIEWS.filter((a) => a[0] !== 'simulate' && a[1] !== 'validate')),
        async (texts, argv) => {
          const f = datasetFile('fuzz.json', texts);
          const r = await cli([...argv, '--data', f], { isTTY: true, columns: 90 });
          expect(r.code === 1 ? 0 : r.code, r.stderr).toBe(0);
          expectNoRawControls(r.stdout, argv.join(' '));
          const doc = JSON.parse((await cli(['data', 'show', '--data', f, '--json'])).stdout) as { dataset: { title: string; reporter: string } };
          expect(doc.dataset.title).toBe(texts.title);
          expect(doc.dataset.reporter).toBe(texts.reporter);
        },
      ),
      { numRuns: 80, seed: 12 },
    );
  });
});
