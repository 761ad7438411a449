// Every format of every command, parsed back and compared as data: CSV and markdown must carry the
// same values as JSON, row for row. Which field of the document each column shows is stated here,
// independently of the specs' column paths, so a column that reads the wrong field fails. Also
// --output (format from the extension, atomic, nothing written on failure), --unit, and the data
// commands.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/cli/output.js';
import { cli } from '../helpers.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const csvFile = `${fixtures}trade-multi.csv`;
const deficit = `${fixtures}deficit.json`;
const comtrade = `${fixtures}publishers/comtrade/TradeData_2024.csv`;
const partnersFile = `${fixtures}partners-mirror.csv`;

type Json = Record<string, unknown>;
const get = (obj: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Json)[k]), obj);
/** A value as a flat cell shows it: absent and null are both an empty cell. */
const at = (obj: unknown, path: string): unknown => get(obj, path) ?? null;

/** A CSV or markdown cell as the JSON value it stands for. */
function cellValue(text: string): unknown {
  if (text === '') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function parseCsv(text: string): { columns: string[]; rows: unknown[][] } {
  expect(text.endsWith('\r\n')).toBe(true);
  const [columns, ...rows] = parse(text) as string[][];
  return { columns: columns!, rows: rows.map((r) => r.map(cellValue)) };
}

/** Undoes the escaping of a markdown paragraph. */
const unescapeProse = (p: string) => p.replace(/\\([\\`*_[\]<>|#+\-.])/g, '$1');

function parseMarkdown(text: string): { columns: string[]; rows: unknown[][]; notes: string[] } {
  // The table ends at the first blank line; paragraphs (the notes) may follow it.
  const [table, ...notes] = text.trimEnd().split('\n\n');
  const lines = table!.split('\n');
  // A cell escapes \ | < > [ ] and ` with a backslash.
  const cells = (line: string) => line.slice(2, -2).split(/ (?<!\\)\| /).map((c) => c.replace(/\\([\\|<>[\]`])/g, '$1'));
  expect(lines[1]).toMatch(/^\| (---:?|:?---)( \| (---:?))*/);
  return { columns: cells(lines[0]!), rows: lines.slice(2).map((l) => cells(l).map(cellValue)), notes: notes.map(unescapeProse) };
}

/** A column: its name, and the value it shows for one item of the rows (and its index). */
type Column = readonly [name: string, value: (item: Json, index: number) => unknown];

interface Expected {
  columns: string[];
  rows: unknown[][];
  /** The sentences markdown prints under the table. */
  notes: string[];
}

function table(items: Json[], columns: readonly Column[], notes: string[] = []): Expected {
  return { columns: columns.map(([name]) => name), rows: items.map((item, i) => columns.map(([, value]) => value(item, i) ?? null)), notes };
}

/** The summary in long form: every metric always has its row, empty when it does not apply. */
const SUMMARY_METRICS = [
  'year', 'exports', 'imports', 'balance', 'balanceKind', 'totalTrade', 'coverageRatio', 'balanceShareOfTradePct', 'exportGrowthPct', 'importGrowthPct', 'growthBasis',
  'prior.year', 'prior.basis', 'prior.exports', 'prior.imports', 'prior.balance', 'prior.totalTrade', 'prior.coverageRatio', 'prior.balanceShareOfTradePct',
  'balanceChange', 'balanceChangePct', 'totalTradeChange', 'momentum.from', 'momentum.to',
  'momentum.exports.fromPct', 'momentum.exports.toPct', 'momentum.exports.changePp', 'momentum.imports.fromPct', 'momentum.imports.toPct', 'momentum.imports.changePp',
];

/** A projected year, as project and each scenario of a comparison show it. */
const pathColumns = (doc: Json, rate: (i: number, item: Json) => [unknown, unknown]): Column[] => [
  ['year', (p) => p.year],
  ['exportGrowthPct', (p, i) => rate(i, p)[0]],
  ['importGrowthPct', (p, i) => rate(i, p)[1]],
  ['exports', (p) => p.exports],
  ['imports', (p) => p.imports],
  ['balance', (p) => p.balance],
  ['threshold', () => at(doc, 'assumptions.threshold')],
  ['margin', (p) => p.margin],
  ['aboveThreshold', (p) => p.aboveThreshold],
];

const LISTED: Column[] = [
  ['id', (d) => d.id],
  ['reporter', (d) => d.reporter],
  ['title', (d) => d.title],
  ['currency', (d) => d.currency],
  ['firstYear', (d) => d.firstYear],
  ['lastYear', (d) => d.lastYear],
  ['yearCount', (d) => d.yearCount],
  ['monthCount', (d) => d.monthCount],
  ['partnerCount', (d) => d.partnerCount],
  ['claimCount', (d) => d.claimCount],
  ['publisher', (d) => at(d, 'source.publisher')],
  ['published', (d) => at(d, 'source.published')],
];

/** The flat view a document should have, by kind. */
const expectedOf: Record<string, (doc: Json) => Expected> = {
  summary: (doc) => {
    const withRanges = doc.ranges !== undefined;
    expect(withRanges).toBe(at(doc, 'assumptions.withRanges'));
    return {
      columns: withRanges ? ['metric', 'value', 'low', 'high'] : ['metric', 'value'],
      rows: SUMMARY_METRICS.map((m) => {
        // The year is an input: it is in the assumptions, and has no range.
        const row = [m, m === 'year' ? at(doc, 'assumptions.year') : at(doc, m)];
        if (withRanges) row.push(m === 'year' ? null : at(doc.ranges, `${m}.low`), m === 'year' ? null : at(doc.ranges, `${m}.high`));
        return row;
      }),
      notes: [],
    };
  },
  projection: (doc) => {
    const byYear = (key: string, i: number) => (get(doc, `assumptions.${key}`) as unknown[])[i];
    const columns = pathColumns(doc, (i) => [byYear('exportGrowthPctByYear', i), byYear('importGrowthPctByYear', i)]);
    if (at(doc, 'assumptions.withRanges')) {
      for (const k of ['exports', 'imports', 'balance', 'margin']) columns.push([`${k}Low`, (p) => at(p, `ranges.${k}.low`)], [`${k}High`, (p) => at(p, `ranges.${k}.high`)]);
      columns.push(['aboveThresholdInRange', (p) => p.aboveThresholdInRange]);
    }
    // Under the table: the starting point, then the verdict.
    const notes = expect.arrayContaining([at(doc, 'verdict.text')]) as unknown as string[];
    return { ...table(doc.path as Json[], columns), notes };
  },
  'scenario-grid': (doc) =>
    table(doc.cells as Json[], [
      ['exportGrowthPct', (c) => c.exportGrowthPct],
      ['importGrowthPct', (c) => c.importGrowthPct],
      ['balance', (c) => c.balance],
      ['aboveThreshold', (c) => c.aboveThreshold],
    ]),
  'scenario-comparison': (doc) => {
    const scenarios = doc.scenarios as Json[];
    // One row per scenario and year; the scenario's own rates on each of its rows.
    const rows = scenarios.flatMap((s) => (s.path as Json[]).map((p) => ({ ...p, scenario: s })));
    const columns: Column[] = [['scenario', (r) => (r.scenario as Json).id], ...pathColumns(doc, (_i, r) => [(r.scenario as Json).exportGrowthPct, (r.scenario as Json).importGrowthPct])];
    return table(rows, columns, scenarios.map((s) => `${s.label}: ${at(s, 'verdict.text')}`));
  },
  breakeven: (doc) =>
    table(
      doc.solutions as Json[],
      [
        ['solveFor', (s) => s.solveFor],
        ['year', () => doc.horizonYear],
        ['exportGrowthPct', () => at(doc, 'assumptions.exportGrowthPct')],
        ['importGrowthPct', () => at(doc, 'assumptions.importGrowthPct')],
        ['found', (s) => s.found],
        ['breakevenGrowthPct', (s) => s.breakevenGrowthPct],
        ['cumulativeGrowthPct', (s) => s.cumulativeGrowthPct],
        ['exports', (s) => at(s, 'horizonFlows.exports')],
        ['imports', (s) => at(s, 'horizonFlows.imports')],
        ['balance', (s) => at(s, 'horizonFlows.balance')],
        ['balanceAtRoundedRate', (s) => s.balanceAtRoundedRate],
        ['threshold', () => at(doc, 'assumptions.threshold')],
        ['reason', (s) => s.reason],
        ['boundBalance', (s) => s.boundBalance],
      ],
      (doc.solutions as Json[]).map((s) => s.text as string),
    ),
  simulation: (doc) =>
    table(doc.path as Json[], [
      ['year', (y) => y.year],
      ['aboveCount', (y) => y.aboveCount],
      ['probabilityAboveThreshold', (y) => y.probabilityAboveThreshold],
      ['probabilityStandardError', (y) => y.probabilityStandardError],
      ['probabilityInterval95Low', (y) => at(y, 'probabilityInterval95.low')],
      ['probabilityInterval95High', (y) => at(y, 'probabilityInterval95.high')],
      ['mean', (y) => y.mean],
      ['p5', (y) => y.p5],
      ['p50', (y) => y.p50],
      ['p95', (y) => y.p95],
      ['min', (y) => y.min],
      ['max', (y) => y.max],
      ['threshold', () => at(doc, 'assumptions.threshold')],
      ['runCount', () => at(doc, 'assumptions.runCount')],
      ['seed', () => at(doc, 'assumptions.seed')],
    ]),
  check: (doc) =>
    table(doc.claims as Json[], [
      ['id', (c) => c.id],
      ['label', (c) => c.label],
      ['metric', (c) => c.metric],
      ['qualifier', (c) => c.qualifier],
      ['year', (c) => c.year],
      ['month', (c) => c.month],
      ['from', (c) => c.from],
      ['to', (c) => c.to],
      ['stated', (c) => c.stated],
      ['claimValue', (c) => c.claimValue],
      ['acceptsLow', (c) => at(c, 'accepts.low')],
      ['acceptsHigh', (c) => at(c, 'accepts.high')],
      ['value', (c) => c.value],
      ['low', (c) => at(c, 'range.low')],
      ['high', (c) => at(c, 'range.high')],
      ['basis', (c) => at(c, 'basis.kind')],
      ['status', (c) => c.status],
      ['within', (c) => c.within],
      ['holdsAsStated', (c) => c.holdsAsStated],
      ['reason', (c) => c.reason],
    ]),
  // One row per month: the month, then each flow in view (all three, or --flow's) with its paths.
  months: (doc) => {
    const flow = at(doc, 'assumptions.flow') as string;
    const paths: Record<string, string[]> = {
      exports: ['exports', 'yearEarlier.exports', 'exportGrowthPct', 'exportGrowthBasis', 'exportMomentumPp', 'yearToDate.exports', 'yearToDate.yearEarlier.exports', 'yearToDate.exportGrowthPct'],
      imports: ['imports', 'yearEarlier.imports', 'importGrowthPct', 'importGrowthBasis', 'importMomentumPp', 'yearToDate.imports', 'yearToDate.yearEarlier.imports', 'yearToDate.importGrowthPct'],
      balance: ['balance', 'yearEarlier.balance', 'balanceChange', 'yearToDate.balance', 'yearToDate.yearEarlier.balance', 'yearToDate.balanceChange'],
    };
    const flows = flow === 'all' ? ['exports', 'imports', 'balance'] : [flow];
    const columns: Column[] = [['month', (m) => m.month], ...flows.flatMap((f) => paths[f]!.map((p): Column => [p, (m) => at(m, p)]))];
    // Under the table: the period's totals, then what the data lacks.
    return { ...table(doc.months as Json[], columns), notes: expect.any(Array) as unknown as string[] };
  },
  'dataset-list': (doc) => table(doc.datasets as Json[], LISTED),
  validation: (doc) => {
    expect(doc.valid).toBe(true);
    return table(doc.datasets as Json[], LISTED);
  },
  // One row per reporter found, with what the files say of themselves beside it.
  import: (doc) =>
    table(doc.reporters as Json[], [
      ['id', (r) => r.id],
      ['reporter', (r) => r.reporter],
      ['reporterCode', (r) => r.reporterCode],
      ['currency', (r) => r.currency],
      ['partnerCount', (r) => r.partnerCount],
      ['firstPeriod', (r) => cellValue(String(r.firstPeriod))],
      ['lastPeriod', (r) => cellValue(String(r.lastPeriod))],
      ['yearCount', (r) => r.yearCount],
      ['monthCount', (r) => r.monthCount],
      ['publisher', () => doc.publisher],
      ['unit', () => doc.unit],
    ]),
  'import-plan': (doc) =>
    table(doc.plans as Json[], [
      ['file', (p) => p.file],
      ['layout', (p) => p.layout],
      ['sql', (p) => p.sql],
    ]),
  // One row per partner row: the partners, the other partners, all partners, the world, unallocated.
  partners: (doc) => {
    // Under the table: what it is, the check against the world, and (for balances) what the balance share means.
    const balance = at(doc, 'assumptions.flow') === 'balance';
    const notes = expect.arrayContaining([expect.stringMatching(/^Check: /), ...(balance ? [expect.stringMatching(/^Balance share: /)] : [])]) as unknown as string[];
    if (!balance) expect(JSON.stringify(doc)).not.toContain('Balance share: ');
    return {
      ...table(doc.rows as Json[], [
        ['year', () => at(doc, 'assumptions.year')],
        ['row', (r) => r.row],
        ['rank', (r) => r.rank],
        ['partner', (r) => r.partner],
        ['partnerCode', (r) => r.partnerCode],
        ['partnerCount', (r) => r.partnerCount],
        ['exports', (r) => r.exports],
        ['imports', (r) => r.imports],
        ['balance', (r) => r.balance],
        ['totalTrade', (r) => r.totalTrade],
        ['shareOfExportsPct', (r) => r.shareOfExportsPct],
        ['shareOfImportsPct', (r) => r.shareOfImportsPct],
        ['shareOfTradePct', (r) => r.shareOfTradePct],
        ['shareOfSurplusesPct', (r) => r.shareOfSurplusesPct],
        ['shareOfDeficitsPct', (r) => r.shareOfDeficitsPct],
        ['priorYear', () => doc.priorYear],
        ['priorExports', (r) => at(r, 'priorFlows.exports')],
        ['priorImports', (r) => at(r, 'priorFlows.imports')],
        ['priorBalance', (r) => at(r, 'priorFlows.balance')],
        ['exportGrowthPct', (r) => r.exportGrowthPct],
        ['importGrowthPct', (r) => r.importGrowthPct],
        ['balanceChange', (r) => r.balanceChange],
        ['totalTradeChange', (r) => r.totalTradeChange],
      ]),
      notes,
    };
  },
  // One row per year compared, both flows side by side, and the adjusted gaps with --cif-fob.
  mirror: (doc) => {
    const flow = (key: string, prefix: string): Column[] => ['reported', 'mirror', 'gap', 'gapPct'].map((k) => [`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`, (p) => at(p, `${key}.${k}`)] as Column);
    const adjusted = (key: string, prefix: string): Column[] =>
      ['reported', 'mirror', 'gap', 'gapPct'].map((k) => [`${prefix}Adjusted${k[0]!.toUpperCase()}${k.slice(1)}`, (p) => at(p, `${key}.adjusted.${k}`)] as Column);
    const columns: Column[] = [
      ['year', (p) => p.year],
      ['reporter', () => at(doc, 'dataset.reporter')],
      ['partner', () => at(doc, 'partnerDataset.reporter')],
      ...flow('exportsToPartner', 'exports'),
      ...flow('importsFromPartner', 'imports'),
      ['balanceReported', (p) => at(p, 'balanceWithPartner.reported')],
      ['balanceMirror', (p) => at(p, 'balanceWithPartner.mirror')],
      ['balanceGap', (p) => at(p, 'balanceWithPartner.gap')],
    ];
    if (at(doc, 'assumptions.cifFobPct') !== null) columns.push(['cifFobPct', () => at(doc, 'assumptions.cifFobPct')], ...adjusted('exportsToPartner', 'exports'), ...adjusted('importsFromPartner', 'imports'));
    const notes = expect.arrayContaining([expect.stringMatching(/^Gap = /), expect.stringMatching(/ in .* data, found by /)]) as unknown as string[];
    return { ...table(doc.path as Json[], columns), notes };
  },
  // The yearly figures in the CSV dataset format, so the CSV reads back in with --data.
  dataset: (doc) =>
    table(doc.years as Json[], [
      ['reporter', () => at(doc, 'dataset.reporter')],
      ['year', (y) => y.year],
      ['exports', (y) => y.exports],
      ['imports', (y) => y.imports],
      ['currency', () => at(doc, 'dataset.currency')],
      ['exportGrowthPct', (y) => y.exportGrowthPct],
      ['importGrowthPct', (y) => y.importGrowthPct],
    ]),
};

/** Command line, exit code, the kind of its document, and a phrase its table shows. */
export const FLAT_COMMANDS: [string[], number, string, string][] = [
  [['summary'], 0, 'summary', 'Trade surplus'],
  [['summary', '--ranges'], 0, 'summary', '$982.0B–$1,004.9B'],
  [['summary', '--data', csvFile, '--reporter', 'Examplia', '--ranges'], 0, 'summary', 'Trade deficit'],
  [['project'], 0, 'projection', 'Surplus stays above $1T in 2026: yes'],
  [['project', '--years', '3', '--growth', '3,2,1'], 0, 'projection', 'Surplus stays above $1T'],
  [['project', '--ranges'], 0, 'projection', '$1.274T–$1.333T'],
  [['project', '--ranges', '--years', '3', '--growth', '3,-1,2', '--import-growth', '1'], 0, 'projection', 'Range given rounding'],
  [['project', '--threshold', '1.25T', '--growth', '1', '--years', '3'], 0, 'projection', 'Surplus reaches $1.25T by 2028: yes'],
  [['scenarios'], 0, 'scenario-grid', 'Break-even'],
  [['scenarios', '--growth', '-6:6:3', '--import-growth', '0:8:4', '--years', '3', '--threshold', '900B'], 0, 'scenario-grid', 'Break-even'],
  [['scenarios', '--scenario', 'baseline,optimistic,pessimistic', '--years', '3'], 0, 'scenario-comparison', 'Pessimistic'],
  [['breakeven'], 0, 'breakeven', 'exports could fall 5.0398%'],
  [['breakeven', '--years', '5', '--import-growth', '2'], 0, 'breakeven', 'Over 5 years'],
  [['breakeven', '--threshold', '5T'], 0, 'breakeven', 'No import growth above −100 %'],
  [['simulate', '--runs', '2000', '--years', '3', '--growth-sd', '3'], 0, 'simulation', 'Chance the balance is at or above $1T'],
  [['check'], 0, 'check', '4 consistent, 0 inconsistent, 3 cannot be checked'],
  [['check', '--data', deficit], 1, 'check', '✘ inconsistent'],
  [['months'], 0, 'months', 'Exports, November–December 2025'],
  [['months', '--data', `${fixtures}china-months.json`], 0, 'months', '2025: a surplus of $1.13T'],
  [['months', '--data', `${fixtures}china-months.json`, '--flow', 'exports', '--year', '2024'], 0, 'months', 'Exports, 2024'],
  [['check', '--data', `${fixtures}china-months-weak-december.json`], 1, 'check', 'from the monthly amounts'],
  [['data', 'list'], 0, 'dataset-list', 'china-2025'],
  [['data', 'list', '--data', csvFile], 0, 'dataset-list', 'northland'],
  [['data', 'show'], 0, 'dataset', 'Claims (tradecalc check tests them)'],
  [['data', 'show', '--data', csvFile, '--reporter', 'China'], 0, 'dataset', '2023'],
  [['data', 'validate', csvFile], 0, 'validation', 'OK: '],
  [['import', comtrade], 0, 'import', 'UN Comtrade'],
  [['import', `${fixtures}publishers/imf/IMTS_CHN_VNM_2023-2025.csv`, '--reporter', 'CHN'], 0, 'import', 'IMF International Trade in Goods'],
  [['import', comtrade, '--print-sql'], 0, 'import-plan', 'WITH src AS'],
  [['partners', '--data', partnersFile, '--reporter', 'Examplia'], 0, 'partners', 'Unallocated'],
  [['partners', '--data', partnersFile, '--reporter', 'Examplia', '--top', '2', '--flow', 'exports'], 0, 'partners', 'Other partners (2)'],
  [['mirror', '--data', partnersFile, '--reporter', 'Examplia', '--partner', 'Northland'], 0, 'mirror', 'exact negative'],
  [['mirror', '--data', partnersFile, '--reporter', 'Examplia', '--partner', 'Northland', '--cif-fob'], 0, 'mirror', 'Adjusted (an estimate, not data)'],
];

describe.each(FLAT_COMMANDS)('%j in every format', (argv, code, kind, tableText) => {
  it('JSON, CSV and markdown carry the same data; the table says it in words', async () => {
    const j = await cli([...argv, '--format', 'json']);
    expect(j.code).toBe(code);
    expect(j.stderr).toBe('');
    const doc = JSON.parse(j.stdout) as Json;
    expect(doc.schemaVersion).toBe(2);
    expect(doc.kind).toBe(kind);
    const expected = expectedOf[kind]!(doc);
    expect(expected.rows.length).toBeGreaterThan(0);

    const c = await cli([...argv, '--format', 'csv'], { env: { COLUMNS: '1000' } });
    expect(c.code).toBe(code);
    const csv = parseCsv(c.stdout);
    expect(csv.columns).toEqual(expected.columns);
    // A text cell that a spreadsheet would read as a formula (=, +, -, @) is written with a leading apostrophe.
    expect(csv.rows).toEqual(expected.rows.map((r) => r.map((v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v))));

    const m = await cli([...argv, '--format', 'markdown']);
    expect(m.code).toBe(code);
    const md = parseMarkdown(m.stdout);
    expect(md.columns).toEqual(expected.columns);
    // A markdown cell is one line: a line break in the text (an SQL query) is shown as a space.
    expect(md.rows).toEqual(expected.rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/\r?\n/g, ' ') : v))));
    expect(md.notes).toEqual(expected.notes);

    const t = await cli(argv, { env: { COLUMNS: '1000' } });
    expect(t.code).toBe(code);
    expect(t.stdout).toContain(tableText);
  });
});

it('the commands above cover every kind of document', async () => {
  const { DOCUMENT_SCHEMAS } = await import('../../src/reports/schemas.js');
  expect(new Set(FLAT_COMMANDS.map(([, , kind]) => kind))).toEqual(new Set(Object.keys(DOCUMENT_SCHEMAS)));
});

it('an invalid dataset has no flat view: data validate --format csv prints nothing on stdout, exit 3', async () => {
  for (const format of ['csv', 'markdown']) {
    const r = await cli(['data', 'validate', `${fixtures}bad.csv`, '--format', format]);
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toMatch(/bad\.csv: invalid dataset/);
  }
});

describe('check', () => {
  it('JSON lists every claim with its status; exit 0 for the article', async () => {
    const r = await cli(['check', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(doc).toMatchObject({ kind: 'check', allConsistent: true, consistentCount: 4, inconsistentCount: 0, uncheckedCount: 3 });
    expect(doc.claims).toHaveLength(7);
    expect(doc.claims.filter((c: Json) => c.status === 'consistent')).toHaveLength(doc.consistentCount);
    expect(doc.claims.filter((c: Json) => c.status === 'unchecked')).toHaveLength(doc.uncheckedCount);
    const surplus = doc.claims.find((c: Json) => c.id === 'surplus-2025');
    expect(surplus).toMatchObject({
      stated: 'nearly $1.2T',
      claimValue: 1200000000000,
      value: 1190000000000,
      range: { low: 1180000000000, high: 1200000000000 },
      accepts: { low: 1176000000000, high: 1200000000000 },
      basis: { kind: 'reported', year: 2025 },
      status: 'consistent',
    });
    const record = doc.claims.find((c: Json) => c.id === 'surplus-record');
    expect(record).toMatchObject({
      status: 'unchecked',
      unchecked: { code: 'record-needs-earlier-years', year: 2025 },
      reason: 'a record needs the figures of earlier years, and the data has none before 2025',
    });
  });
  it('exit 1 when a claim is inconsistent, and the table says which', async () => {
    const r = await cli(['check', '--data', deficit]);
    expect(r.code).toBe(1);
    // Exports 1.95T → 2.02T, each ±0.005T: the growth lies in 2.015/1.955 − 1 = 3.0690…% to
    // 2.025/1.945 − 1 = 4.1131…%, printed rounded outward.
    expect(r.stdout).toMatch(/✘ inconsistent\s+2025 exports up 5%\n\s+stated:\s+5% \(accepts 4\.50%–5\.50%\)\n\s+figures: \+3\.59% from the 2024 and 2025 figures\n\s+range:\s+\+3\.06% to \+4\.12%/);
    const doc = JSON.parse((await cli(['check', '--data', deficit, '--json'])).stdout);
    expect(doc).toMatchObject({ allConsistent: false, consistentCount: 4, inconsistentCount: 1, uncheckedCount: 0 });
    expect(doc.claims.find((c: Json) => c.id === 'exports-up-5')).toMatchObject({ status: 'inconsistent', value: 3.58974358974359, range: { low: 3.06905370843989, high: 4.11311053984576 } });
  });
  it('a CSV dataset has no claims: nothing to check, exit 0', async () => {
    const r = await cli(['check', '--data', csvFile, '--reporter', 'China']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The dataset records no claims to check.');
  });
});

describe('--unit', () => {
  it('sets the display unit of amounts in tables', async () => {
    expect((await cli(['summary', '--unit', 'B'])).stdout).toMatch(/Exports\s+│\s+\$3,573\.5B │ \$3,770\.0B │/);
    expect((await cli(['project', '--unit', 'm'])).stdout).toContain('$1,303,100.0M');
    expect((await cli(['check', '--unit', 'B'])).stdout).toContain('figures: $1,190.0B from the 2025 figures');
  });
  it('leaves machine formats exact', async () => {
    expect(JSON.parse((await cli(['summary', '--unit', 'B', '--json'])).stdout).balance).toBe(1190000000000);
  });
  it('takes the unit words amounts take: bn, billion, million, thousand', async () => {
    const b = (await cli(['summary', '--unit', 'B'])).stdout;
    for (const word of ['bn', 'billion', 'Billion']) expect((await cli(['summary', '--unit', word])).stdout).toBe(b);
    expect((await cli(['summary', '--unit', 'million'])).stdout).toBe((await cli(['summary', '--unit', 'M'])).stdout);
    expect((await cli(['summary', '--unit', 'thousand'])).stdout).toBe((await cli(['summary', '--unit', 'K'])).stdout);
  });
  it('refuses other units', async () => {
    const r = await cli(['summary', '--unit', 'X']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'tradecalc: --unit "X" is not a display unit (expected T, B, M, K, 1 or auto)\n' });
  });
});

describe('--output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tradecalc-out-'));
  const noTempLeft = () => expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

  it.each([
    ['out.json', (t: string) => expect(JSON.parse(t).kind).toBe('summary')],
    ['out.csv', (t: string) => expect(t.split('\r\n')).toContain('balance,1190000000000')],
    ['out.md', (t: string) => expect(t).toContain('| balance | 1190000000000 |')],
    ['out.txt', (t: string) => expect(t).toMatch(/│ Trade surplus\s+│/)],
  ])('%s: the format comes from the extension, stdout stays empty', async (name, check) => {
    const r = await cli(['summary', '--output', name], { cwd: dir, isTTY: true, env: { FORCE_COLOR: '1' } });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = readFileSync(join(dir, name), 'utf8');
    check(text);
    expect(text).not.toMatch(/\u001b\[/);
    noTempLeft();
  });

  it('--format wins over the extension', async () => {
    await cli(['summary', '--output', 'forced.txt', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'forced.txt'), 'utf8')).kind).toBe('summary');
  });

  it('an existing file survives a failed run untouched', async () => {
    const target = join(dir, 'keep.json');
    writeFileSync(target, 'precious');
    for (const argv of [
      ['summary', '--data', join(dir, 'missing.csv'), '--output', target],
      ['project', '--growth', 'abc', '--output', target],
      ['summary', '--data', csvFile, '--output', target],
    ]) {
      const r = await cli(argv, { cwd: dir });
      expect(r.code).toBeGreaterThan(1);
      expect(r.stdout).toBe('');
      expect(readFileSync(target, 'utf8')).toBe('precious');
    }
    noTempLeft();
  });

  it('a write that fails half-way leaves the old file and no temporary file', async () => {
    const target = join(dir, 'half.csv');
    writeFileSync(target, 'old');
    function* chunks() {
      yield 'first,half\r\n';
      throw new Error('renderer failed');
    }
    // A renderer's failure is a bug and surfaces as itself (exit 4), not as a write failure.
    await expect(writeFileAtomically(target, 'half.csv', chunks())).rejects.toThrow('renderer failed');
    expect(readFileSync(target, 'utf8')).toBe('old');
    noTempLeft();
  });

  it('replaces an existing file on success', async () => {
    const target = join(dir, 'replace.json');
    writeFileSync(target, 'old');
    expect((await cli(['project', '--output', target])).code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).kind).toBe('projection');
  });

  it('a directory, or a file in a missing directory, is a usage error before any work', async () => {
    const d = await cli(['summary', '--output', dir]);
    expect(d).toMatchObject({ code: 2, stdout: '' });
    expect(d.stderr).toContain('is a directory (expected a file name)');
    const m = await cli(['summary', '--output', 'nowhere/x.json'], { cwd: dir });
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('the directory "nowhere" does not exist');
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('check writes its report and still exits 1 for an inconsistent claim', async () => {
    const r = await cli(['check', '--data', deficit, '--output', 'check.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(parseCsv(readFileSync(join(dir, 'check.csv'), 'utf8')).rows).toHaveLength(5);
  });
});

describe('data commands', () => {
  it('data validate prints one OK line and exits 0', async () => {
    const r = await cli(['data', 'validate', csvFile], { env: { COLUMNS: '1000' } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`OK: ${csvFile} is a valid CSV dataset: 3 reporters (China, Examplia, Northland), 6 years of figures (2023–2025)\n`);
    const j = await cli(['data', 'validate', deficit], { env: { COLUMNS: '1000' } });
    expect(j.stdout).toContain('is a valid JSON dataset: 1 reporter (Examplia), 2 years of figures (2024–2025), 5 claims');
  });
  it('data show --format csv writes a CSV dataset that reads back in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradecalc-show-'));
    const out = join(dir, 'china.csv');
    expect((await cli(['data', 'show', '--data', csvFile, '--reporter', 'China', '--output', out])).code).toBe(0);
    const again = JSON.parse((await cli(['summary', '--data', out, '--json'])).stdout);
    expect(again).toMatchObject({ assumptions: { year: 2025 }, balance: 1190000000000, exportGrowthPct: 5.3072625698324, prior: { year: 2024, exports: 3580000000000 } });
  });
  it('data show of an unknown id is a usage error', async () => {
    const r = await cli(['data', 'show', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tradecalc: data show "nope": there is no built-in dataset of that id (expected one of: china-2025; for a file, use --data)\n');
  });
  it('data validate --json prints its verdict as a document, valid or not', async () => {
    const bad = await cli(['data', 'validate', `${fixtures}bad.csv`, '--json']);
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.stdout)).toMatchObject({ kind: 'validation', valid: false, problems: [expect.stringMatching(/:2:7: year "25"/), expect.stringMatching(/:3:18: imports "-1" is negative/)] });
    expect(bad.stderr).toMatch(/^tradecalc: .*bad\.csv: invalid dataset\n/);
    expect(JSON.parse(bad.stdout).assumptions).toEqual({ file: `${fixtures}bad.csv`, reporter: null });
    const good = await cli(['data', 'validate', `${fixtures}trade-multi.csv`, '--json']);
    expect(JSON.parse(good.stdout)).toMatchObject({ kind: 'validation', valid: true, format: 'csv', assumptions: { file: `${fixtures}trade-multi.csv`, reporter: null } });
    // The reporter it was asked to check for is an input: written in the assumptions, valid or not.
    const china = await cli(['data', 'validate', `${fixtures}trade-multi.csv`, '--reporter', 'China', '--json']);
    expect(JSON.parse(china.stdout)).toMatchObject({ valid: true, assumptions: { reporter: 'China' } });
    const badChina = await cli(['data', 'validate', `${fixtures}bad.csv`, '--reporter', 'China', '--json']);
    expect(JSON.parse(badChina.stdout)).toMatchObject({ valid: false, assumptions: { reporter: 'China' } });
  });
  it('--output - is standard output; data schema takes --json', async () => {
    const r = await cli(['summary', '--json', '--output', '-']);
    expect(JSON.parse(r.stdout).kind).toBe('summary');
    expect(JSON.parse((await cli(['data', 'schema', '--json'])).stdout).title).toBe('tradecalc dataset');
  });
  it('markdown puts the starting point and the verdict under a projection table, as paragraphs', async () => {
    const md = (await cli(['project', '--format', 'markdown'])).stdout;
    const [, ...paragraphs] = md.trimEnd().split('\n\n');
    expect(paragraphs).toEqual([
      "China, 2025 — China's record 2025 trade surplus (NextFin News, 2026-01-14): exports $3.77T, imports $2.58T, threshold $1T.",
      'Surplus stays above $1T in 2026: yes, by $303.1B',
    ]);
    expect((await cli(['project', '--format', 'csv'])).stdout).not.toContain('Surplus');
  });
  it('data schema prints a JSON Schema of the dataset format', async () => {
    const r = await cli(['data', 'schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'reporter', 'currency', 'years']));
    expect(schema.properties.claims.items.properties.qualifier.enum).toContain('accelerated');
    expect(schema.additionalProperties).toBe(false);
  });
  it('data without a subcommand shows its help on stderr, exit 2; a typo gets a suggestion', async () => {
    const r = await cli(['data']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('Usage: tradecalc data [options] [command]');
    expect(r.stderr).not.toContain('outputHelp');
    const typo = await cli(['data', 'lst']);
    expect(typo).toMatchObject({ code: 2, stderr: "tradecalc: unknown command 'lst' (did you mean list?) (see tradecalc data --help)\n" });
  });
  it('data validate with --data is a usage error', async () => {
    const r = await cli(['data', 'validate', csvFile, '--data', csvFile]);
    expect(r.code).toBe(2);
  });
});
