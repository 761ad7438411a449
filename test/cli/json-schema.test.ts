// Every kind's --json output, in every mode, validated against the JSON Schema the program
// publishes (`tradecalc schema <kind>`) with a real validator (ajv, draft-07, strict mode). And the
// schemas are strict enough to catch a wrong document: a wrong-typed value anywhere, an unknown key
// in any object, a schema-1 key, a missing required field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_SCHEMAS, type DocumentKind, documentJsonSchema } from '../../src/reports/schemas.js';
import { cli } from '../helpers.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const csvFile = `${fixtures}trade-multi.csv`;
const deficit = `${fixtures}deficit.json`;

const dir = mkdtempSync(join(tmpdir(), 'tradecalc-schema-'));
const file = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
const noExports = file('no-exports.csv', 'reporter,year,exports,imports\nNil,2025,0,2T\n');
const noImports = file('no-imports.csv', 'reporter,year,exports,imports\nNil,2025,2T,0\n');
const partnersFile = `${fixtures}partners-mirror.csv`;
const publishers = `${fixtures}publishers/`;
const noWorld = file('no-world.csv', 'reporter,partner,year,exports,imports\nA,B,2025,3,1\nA,C,2025,1,4\nA,C,2024,1,2\n');
const noForecast = file('us.csv', 'reporter,year,exports,imports\nUS,2023,2.02T,2.98T\nUS,2024,2.08T,3.0T\n');
const withScenarios = file(
  'scenarios.json',
  JSON.stringify({
    schemaVersion: 1,
    id: 'with-scenarios',
    title: 'With scenarios',
    reporter: 'Scenaria',
    currency: 'USD',
    years: [{ year: 2025, exports: '3.77T', imports: '2.58T' }],
    forecasts: [{ year: 2026, exportGrowthPct: '3', balance: { value: '1e12', qualifier: 'above' } }],
    scenarios: [
      { id: 'tariff-shock', label: 'Tariff shock', exportGrowthPct: '-8', importGrowthPct: '-2', description: 'exports fall with new tariffs' },
      { id: 'baseline', label: 'Consensus', exportGrowthPct: '2.5', importGrowthPct: '1' },
    ],
  }),
);

interface Mode {
  argv: string[];
  code: number;
  kind: DocumentKind;
  stdin?: string;
}

const mode = (argv: string[], kind: DocumentKind, code = 0, stdin?: string): Mode => ({ argv, code, kind, stdin });

/** Every command in every mode its document can take. */
const MODES: Mode[] = [
  // summary: with and without --ranges, a deficit, a year with a reported prior, no prior at all
  mode(['summary'], 'summary'),
  mode(['summary', '--ranges'], 'summary'),
  mode(['summary', '--data', csvFile, '--reporter', 'Examplia', '--ranges'], 'summary'),
  mode(['summary', '--data', csvFile, '--reporter', 'China', '--year', '2024'], 'summary'),
  mode(['summary', '--data', csvFile, '--reporter', 'China', '--year', '2023', '--ranges'], 'summary'),
  mode(['summary', '--data', noExports], 'summary'),
  // project: defaults, options, per-year lists, ranges, both questions, deficits, no forecast
  mode(['project'], 'projection'),
  mode(['project', '--growth', '3', '--import-growth', '1', '--threshold', '1.1T', '--year', '2025'], 'projection'),
  mode(['project', '--years', '5', '--growth', '3,2.5,2,1,0', '--import-growth', '4'], 'projection'),
  mode(['project', '--ranges'], 'projection'),
  mode(['project', '--ranges', '--years', '3', '--growth', '3,-1,2', '--import-growth', '1,1,1'], 'projection'),
  mode(['project', '--threshold', '1.25T', '--growth', '1', '--years', '3'], 'projection'),
  mode(['project', '--threshold', '1.5T', '--years', '3', '--growth', '5,5,-10'], 'projection'),
  mode(['project', '--threshold', '-500B', '--growth', '-40'], 'projection'),
  mode(['project', '--data', noForecast, '--years', '4', '--ranges'], 'projection'),
  mode(['project', '--data', csvFile, '--reporter', 'Examplia', '--threshold', '-1T', '--years', '2', '--growth', '5'], 'projection'),
  // scenarios: the default grid, a custom grid, a one-cell grid, named scenarios (built-in and a dataset's own)
  mode(['scenarios'], 'scenario-grid'),
  mode(['scenarios', '--growth', '-6:6:3', '--import-growth', '0:8:4', '--years', '3', '--threshold', '900B'], 'scenario-grid'),
  mode(['scenarios', '--growth', '3', '--import-growth', '0'], 'scenario-grid'),
  mode(['scenarios', '--growth', '-100:-99:1', '--import-growth', '-100:0:50', '--threshold', '0'], 'scenario-grid'),
  mode(['scenarios', '--scenario', 'baseline,optimistic,pessimistic', '--years', '3'], 'scenario-comparison'),
  mode(['scenarios', '--scenario', 'pessimistic'], 'scenario-comparison'),
  mode(['scenarios', '--data', withScenarios, '--scenario', 'baseline,tariff-shock,optimistic', '--years', '2'], 'scenario-comparison'),
  mode(['scenarios', '--data', noForecast, '--scenario', 'baseline'], 'scenario-comparison'),
  // breakeven: both found, multi-year, and every way of having no solution
  mode(['breakeven'], 'breakeven'),
  mode(['breakeven', '--years', '5', '--import-growth', '2'], 'breakeven'),
  mode(['breakeven', '--threshold', '5T'], 'breakeven'),
  mode(['breakeven', '--threshold', '-3T'], 'breakeven'),
  mode(['breakeven', '--data', noExports, '--threshold', '1T'], 'breakeven'),
  mode(['breakeven', '--data', noImports], 'breakeven'),
  mode(['breakeven', '--data', noExports, '--threshold', '-2T'], 'breakeven'),
  mode(['breakeven', '--threshold', '1.234', '--years', '100'], 'breakeven'),
  // simulate
  mode(['simulate', '--runs', '1000'], 'simulation'),
  mode(['simulate', '--runs', '2000', '--years', '3', '--growth-sd', '3', '--import-growth-sd', '2', '--correlation', '-0.5', '--seed', '42'], 'simulation'),
  mode(['simulate', '--runs', '1', '--growth-sd', '0', '--import-growth-sd', '0'], 'simulation'),
  // check: consistent (with unchecked claims), inconsistent (exit 1), nothing to check
  mode(['check'], 'check'),
  mode(['check', '--data', deficit], 'check', 1),
  mode(['check', '--data', csvFile, '--reporter', 'China'], 'check'),
  // months: a complete year of amounts (the sample below), stated rates only, one flow of a year without the year before,
  // a bilateral view with a missing month; check on monthly amounts (both verdicts)
  mode(['months', '--data', `${fixtures}china-months.json`], 'months'),
  mode(['months'], 'months'),
  mode(['months', '--data', `${fixtures}china-months.json`, '--flow', 'balance', '--year', '2024'], 'months'),
  mode(['months', '--data', `${fixtures}publishers/census/2024`, '--partner', 'Mexico', '--year', '2024', '--flow', 'imports'], 'months'),
  mode(['check', '--data', `${fixtures}china-months.json`], 'check'),
  mode(['check', '--data', `${fixtures}china-months-weak-december.json`], 'check', 1),
  // data show, list and validate
  mode(['data', 'show'], 'dataset'),
  mode(['data', 'show', 'china-2025'], 'dataset'),
  mode(['data', 'show', '--data', csvFile, '--reporter', 'Northland'], 'dataset'),
  mode(['data', 'show', '--data', deficit], 'dataset'),
  mode(['data', 'show', '--data', withScenarios], 'dataset'),
  mode(['data', 'list'], 'dataset-list'),
  mode(['data', 'list', '--data', csvFile], 'dataset-list'),
  mode(['data', 'list', '--data', '-'], 'dataset-list', 0, 'reporter,year,exports,imports\nA,2024,1T,2T\n'),
  mode(['data', 'validate', csvFile], 'validation'),
  mode(['data', 'validate', deficit], 'validation'),
  mode(['data', 'validate', csvFile, '--reporter', 'China'], 'validation'),
  mode(['data', 'validate', `${fixtures}bad.csv`], 'validation', 3),
  mode(['data', 'validate', join(dir, 'missing.csv')], 'validation', 3),
  mode(['data', 'validate', '-'], 'validation', 3, 'reporter,year,exports,imports\nChina,2025,x,-1\n'),
  // import: a publisher's file, several files with a reporter chosen, a directory, a file written, the bulk engine's query
  mode(['import', `${fixtures}publishers/comtrade/TradeData_2024.csv`], 'import'),
  mode(['import', `${fixtures}publishers/imf/IMTS_CHN_VNM_2023-2025.csv`, '--reporter', 'VNM', '--partner', 'CHN'], 'import'),
  mode(['import', `${fixtures}publishers/china-customs/exports_2024-2025_usd.csv`, `${fixtures}publishers/china-customs/imports_2024-2025_usd.csv`], 'import'),
  mode(['import', `${fixtures}publishers/baci`], 'import'),
  mode(['import', `${fixtures}publishers/comext/estat_ds-059341.csv`, '--output', join(dir, 'comext.json')], 'import'),
  mode(['import', `${fixtures}publishers/comtrade/TradeData_2024.csv`, '--print-sql'], 'import-plan'),
  // partners: defaults, other partners and every sort and flow, an earlier year, no world total,
  // partners with one flow or a year to date (BACI, Census)
  mode(['partners', '--data', partnersFile, '--reporter', 'Examplia'], 'partners'),
  mode(['partners', '--data', partnersFile, '--reporter', 'Examplia', '--top', '2', '--sort', 'exports', '--flow', 'imports'], 'partners'),
  mode(['partners', '--data', partnersFile, '--reporter', 'Examplia', '--year', '2024', '--flow', 'total'], 'partners'),
  mode(['partners', '--data', noWorld], 'partners'),
  mode(['partners', '--data', `${publishers}baci`, '--reporter', 'China', '--year', '2022'], 'partners'),
  mode(['partners', '--data', `${publishers}census/2024`], 'partners'),
  // mirror: both flows, an adjustment by default and as given, a flow one side does not report
  mode(['mirror', '--data', partnersFile, '--reporter', 'Examplia', '--partner', 'Northland'], 'mirror'),
  mode(['mirror', '--data', partnersFile, '--reporter', 'Northland', '--partner', 'Examplia', '--cif-fob', '--year', '2025'], 'mirror'),
  mode(['mirror', '--data', `${publishers}comtrade/TradeData_2024.csv`, '--data', `${publishers}census/2024`, '--reporter', 'China', '--partner', 'United States', '--cif-fob', '10'], 'mirror'),
  mode(['mirror', '--data', `${publishers}baci`, '--reporter', 'France', '--partner', 'USA'], 'mirror'),
];

const KINDS = Object.keys(DOCUMENT_SCHEMAS) as DocumentKind[];

/** The published schemas, as `tradecalc schema <kind>` prints them, compiled once. */
const published = new Map<DocumentKind, { schema: Record<string, unknown>; validate: ValidateFunction }>();

beforeAll(async () => {
  for (const kind of KINDS) {
    const r = await cli(['schema', kind]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    published.set(kind, { schema, validate: new Ajv({ allErrors: true, strict: true }).compile(schema) });
  }
});

async function documentOf(m: Mode): Promise<Record<string, unknown>> {
  const stdin = m.stdin === undefined ? undefined : (async function* () {
    yield m.stdin!;
  })();
  const r = await cli([...m.argv, '--json'], { stdin });
  expect(r.code).toBe(m.code);
  return JSON.parse(r.stdout);
}

const errorsOf = (v: ValidateFunction) => JSON.stringify(v.errors, null, 1);

describe('the published schemas', () => {
  it.each(KINDS)('schema %s is the draft-07 JSON Schema of the library, with its own id', async (kind) => {
    const { schema } = published.get(kind)!;
    expect(schema).toEqual(await documentJsonSchema(kind));
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: `urn:tradecalc:schema:2:${kind}` });
    // A validation document is one of two shapes (valid or not); every other kind is one object.
    const shapes = (schema.oneOf ?? [schema]) as Record<string, any>[];
    expect(shapes).toHaveLength(kind === 'validation' ? 2 : 1);
    for (const shape of shapes) {
      expect(shape).toMatchObject({ type: 'object', additionalProperties: false });
      expect(shape.properties.kind).toEqual({ const: kind });
      expect(shape.properties.schemaVersion).toEqual({ const: 2 });
      expect(shape.required).toEqual(expect.arrayContaining(['schemaVersion', 'kind', 'dataset', 'assumptions']));
    }
  });

  it('an unknown kind is a usage error naming the kinds', async () => {
    const r = await cli(['schema', 'projections']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('schema "projections" is not a document kind (did you mean projection?)');
  });
});

describe.each(MODES.map((m) => [m.argv.join(' '), m] as const))('%s --json', (_name, m) => {
  it(`validates against tradecalc schema ${m.kind}`, async () => {
    const doc = await documentOf(m);
    expect(doc.kind).toBe(m.kind);
    const { validate } = published.get(m.kind)!;
    expect(validate(doc), errorsOf(validate)).toBe(true);
  });
});

describe('every kind and every variant is covered', () => {
  it('the modes above produce every kind of document', () => {
    expect(new Set(MODES.map((m) => m.kind))).toEqual(new Set(KINDS));
  });

  it('and every variant: both verdict questions and answers, every break-even outcome, valid and invalid files', async () => {
    const verdicts = new Set<string>();
    const outcomes = new Set<string>();
    const validity = new Set<boolean>();
    const statuses = new Set<string>();
    for (const m of MODES) {
      const doc = (await documentOf(m)) as Record<string, any>;
      if (doc.kind === 'projection') verdicts.add(`${doc.verdict.question}:${doc.verdict.answer}`);
      if (doc.kind === 'scenario-comparison') for (const s of doc.scenarios) verdicts.add(`${s.verdict.question}:${s.verdict.answer}`);
      if (doc.kind === 'breakeven') for (const s of doc.solutions) outcomes.add(s.found ? 'found' : s.reason);
      if (doc.kind === 'validation') validity.add(doc.valid);
      if (doc.kind === 'check') for (const c of doc.claims) statuses.add(c.status);
    }
    expect(verdicts).toEqual(new Set(['stays-above:true', 'stays-above:false', 'reaches:true', 'reaches:false']));
    expect(outcomes).toEqual(new Set(['found', 'out-of-reach', 'no-exports', 'no-imports', 'any-rate']));
    expect(validity).toEqual(new Set([true, false]));
    expect(statuses).toEqual(new Set(['consistent', 'inconsistent', 'unchecked']));
  });
});

// ------------------------------------------------------------------------------------------------
// The schemas can fail: wrong documents are rejected.

type Node = Record<string, unknown> | unknown[];

/** Every [parent, key] in a document, depth first: each value can be swapped out in place. */
function* slots(node: unknown): Generator<[Node, string | number]> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      yield [node, i];
      yield* slots(node[i]);
    }
  } else if (node !== null && typeof node === 'object') {
    for (const key of Object.keys(node)) {
      yield [node as Node, key];
      yield* slots((node as Record<string, unknown>)[key]);
    }
  }
}

/** Every object in a document (the document itself first). */
function* objects(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) for (const item of node) yield* objects(item);
  else if (node !== null && typeof node === 'object') {
    yield node as Record<string, unknown>;
    for (const value of Object.values(node)) yield* objects(value);
  }
}

/** A value of a type the slot cannot hold, whatever it holds now. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return 12;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return { unexpected: true };
  if (Array.isArray(value)) return 'not a list';
  return [value];
}

/** One document of each kind, from the first mode that makes it (and a failed validation too). */
const SAMPLES: [string, Mode][] = [
  ...KINDS.map((kind) => [kind, MODES.find((m) => m.kind === kind)!] as [string, Mode]),
  ['validation (invalid)', MODES.find((m) => m.kind === 'validation' && m.code === 3)!],
  ['projection (ranges)', MODES.find((m) => m.kind === 'projection' && m.argv.includes('--ranges'))!],
  ['summary (ranges)', MODES.find((m) => m.kind === 'summary' && m.argv.includes('--ranges'))!],
  ['breakeven (no solution)', MODES.find((m) => m.kind === 'breakeven' && m.argv.includes('5T'))!],
];

describe.each(SAMPLES)('the %s schema rejects a wrong document', (_name, m) => {
  let doc: Record<string, unknown>;
  let validate: ValidateFunction;
  beforeAll(async () => {
    doc = await documentOf(m);
    validate = published.get(m.kind)!.validate;
    expect(validate(doc), errorsOf(validate)).toBe(true);
  });

  it('a value of the wrong type anywhere in it', () => {
    let tried = 0;
    for (const [parent, key] of slots(doc)) {
      const was = (parent as Record<string | number, unknown>)[key];
      (parent as Record<string | number, unknown>)[key] = wrongType(was);
      const ok = validate(doc);
      (parent as Record<string | number, unknown>)[key] = was;
      expect(ok, `${String(key)}: ${JSON.stringify(was)} → ${JSON.stringify(wrongType(was))} was accepted`).toBe(false);
      tried++;
    }
    expect(tried).toBeGreaterThan(10);
    expect(validate(doc)).toBe(true);
  });

  it('an unknown key in any object of it', () => {
    let tried = 0;
    for (const obj of objects(doc)) {
      obj.unexpectedKey = 1;
      const ok = validate(doc);
      delete obj.unexpectedKey;
      expect(ok, `an unknown key beside ${Object.keys(obj).join(', ')} was accepted`).toBe(false);
      expect(validate.errors?.some((e) => e.keyword === 'additionalProperties' || e.keyword === 'anyOf' || e.keyword === 'oneOf')).toBe(true);
      tried++;
    }
    expect(tried).toBeGreaterThanOrEqual(2);
  });

  it('schema version 1, another kind, or no assumptions', () => {
    for (const [key, value] of [
      ['schemaVersion', 1],
      ['kind', m.kind === 'summary' ? 'projection' : 'summary'],
      ['assumptions', undefined],
    ] as const) {
      const was = doc[key];
      if (value === undefined) delete doc[key];
      else doc[key] = value;
      expect(validate(doc), `${key}: ${JSON.stringify(value)} was accepted`).toBe(false);
      doc[key] = was;
    }
    expect(validate(doc)).toBe(true);
  });
});

describe('schema-1 shapes are not schema 2', () => {
  const validates = async (kind: DocumentKind, argv: string[], change: (doc: any) => void) => {
    const doc = (await documentOf(mode(argv, kind))) as any;
    change(doc);
    return published.get(kind)!.validate(doc);
  };

  it('projection: a verdict with holds, a top-level threshold, growth rates in the path', async () => {
    expect(await validates('projection', ['project'], (d) => (d.verdict.holds = true))).toBe(false);
    expect(await validates('projection', ['project'], (d) => delete d.verdict.answer)).toBe(false);
    expect(await validates('projection', ['project'], (d) => (d.verdict.question = 'holds'))).toBe(false);
    expect(await validates('projection', ['project'], (d) => (d.threshold = 1e12))).toBe(false);
    expect(await validates('projection', ['project'], (d) => (d.path[0].exportGrowthPct = 3))).toBe(false);
    expect(await validates('projection', ['project'], (d) => (d.assumptions.exportGrowthPctByYear = 3))).toBe(false);
  });

  it('breakeven: a solution without balanceAtRoundedRate, or keyed by flow', async () => {
    expect(await validates('breakeven', ['breakeven'], (d) => delete d.solutions[0].balanceAtRoundedRate)).toBe(false);
    expect(await validates('breakeven', ['breakeven'], (d) => (d.exportGrowth = d.solutions[0]))).toBe(false);
    expect(await validates('breakeven', ['breakeven'], (d) => (d.solutions[0].solveFor = 'balance'))).toBe(false);
  });

  it('simulation: runs and seed outside the assumptions, years[] for the path', async () => {
    const argv = ['simulate', '--runs', '100'];
    expect(await validates('simulation', argv, (d) => (d.runs = 100))).toBe(false);
    expect(await validates('simulation', argv, (d) => ((d.years = d.path), delete d.path))).toBe(false);
    expect(await validates('simulation', argv, (d) => (d.histogram.counts = d.histogram.binCounts))).toBe(false);
    expect(await validates('simulation', argv, (d) => (d.assumptions.runCount = 2.5))).toBe(false);
  });

  it('check: counts{}, a claim verdict instead of status, an unknown status', async () => {
    expect(await validates('check', ['check'], (d) => (d.counts = { consistent: 4 }))).toBe(false);
    expect(await validates('check', ['check'], (d) => ((d.claims[0].verdict = d.claims[0].status), delete d.claims[0].status))).toBe(false);
    expect(await validates('check', ['check'], (d) => (d.claims[0].status = 'maybe'))).toBe(false);
  });

  it('validation: a valid document with problems, an invalid one with datasets', async () => {
    expect(await validates('validation', ['data', 'validate', csvFile], (d) => (d.valid = false))).toBe(false);
    expect(await validates('validation', ['data', 'validate', csvFile], (d) => (d.problems = []))).toBe(false);
  });

  it('scenario grid: an axis entry without its break-even, a cell with a string balance', async () => {
    const argv = ['scenarios', '--growth', '0:2:1', '--import-growth', '0'];
    expect(await validates('scenario-grid', argv, (d) => delete d.exportAxis[0].breakevenImportGrowthPct)).toBe(false);
    expect(await validates('scenario-grid', argv, (d) => (d.cells[0].balance = '1190000000000'))).toBe(false);
    expect(await validates('scenario-grid', argv, (d) => (d.crossings = { rows: [] }))).toBe(false);
  });
});
