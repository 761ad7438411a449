// The built-in fixture is valid and says what the article says; invalid documents name every problem by path.
import { describe, expect, it } from 'vitest';
import { builtinDatasetIds, builtinDocument, loadBuiltinDataset } from '../../src/data/builtin.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import { DataError } from '../../src/errors.js';
import { article } from '../helpers.js';

describe('built-in datasets', () => {
  it.each(builtinDatasetIds())('%s passes the schema, and converts to what loadBuiltinDataset gives', (id) => {
    const validated = datasetFromJson(builtinDocument(id), id);
    expect(validated).toEqual(loadBuiltinDataset(id));
  });

  it('a broken copy of the fixture is a data error naming the field path', () => {
    const doc = structuredClone(builtinDocument('china-2025')) as { years: { exports: unknown }[]; source: { published: string } };
    doc.years[0]!.exports = 'three trillion';
    doc.source.published = '14 January 2026';
    expect(() => datasetFromJson(doc, 'fixture')).toThrow(DataError);
    try {
      datasetFromJson(doc, 'fixture');
    } catch (err) {
      expect((err as DataError).problems).toEqual(expect.arrayContaining([expect.stringMatching(/^\$\.source\.published: /)]));
    }
  });
});

describe('the article fixture', () => {
  const ds = article();
  it('records the 2025 figures with their stated precision', () => {
    const y = ds.years[0]!;
    expect(y.year).toBe(2025);
    expect(y.exports.value.toFixed()).toBe('3770000000000');
    expect(y.exports.halfWidth.toFixed()).toBe('5000000000');
    expect(y.imports.value.toFixed()).toBe('2580000000000');
    expect(y.exportGrowthPct!.value.toFixed()).toBe('5.5');
    expect(y.importGrowthPct!.qualifier).toBe('relatively flat');
  });
  it('records the monthly growth, the forecasts and the provenance', () => {
    expect(ds.months.map((m) => [m.month, m.exportGrowthPct!.stated, m.importGrowthPct!.stated])).toEqual([
      ['2025-11', '5.9', '1.9'],
      ['2025-12', '6.6', '5.7'],
    ]);
    const f = ds.forecasts[0]!;
    expect(f.year).toBe(2026);
    expect(f.exportGrowthPct!.value.toFixed()).toBe('3');
    expect(f.exportGrowthPct!.qualifier).toBe('around');
    expect(f.balance!.value.toFixed()).toBe('1000000000000');
    expect(f.balance!.qualifier).toBe('above');
    expect(f.gdpGrowthPct!.qualifier).toBe('approximately');
    expect(ds.source).toMatchObject({ publisher: 'NextFin News', published: '2026-01-14' });
    expect(ds.claims.find((c) => c.id === 'surplus-2025')).toMatchObject({ qualifier: 'nearly', metric: 'balance' });
  });
});

function problemsOf(doc: unknown): string[] {
  try {
    datasetFromJson(doc, 'bad.json');
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe('bad.json: invalid dataset');
    return [...(err as DataError).problems];
  }
  throw new Error('expected a DataError');
}

describe('invalid datasets', () => {
  const base = { schemaVersion: 1, id: 'x', title: 'X', reporter: 'X', currency: 'USD' };

  it('names the JSON path of every problem, not just the first', () => {
    const problems = problemsOf({ ...base, currency: 'usd', years: [{ year: 2025, exports: 'lots', imports: { value: 'NaN' } }] });
    expect(problems.some((p) => p.startsWith('$.currency:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('$.years[0].imports'))).toBe(true);
  });

  it('reports unknown units, negative amounts and duplicate years with their paths', () => {
    const problems = problemsOf({
      ...base,
      years: [
        { year: 2025, exports: { value: '1', unit: 'gallons' }, imports: '-1T' },
        { year: 2025, exports: '1T', imports: '1T' },
      ],
    });
    expect(problems).toContain('$.years[0].exports.unit: unknown unit "gallons" (expected T, B, M, K, 1 or a word such as trillion, bn, thousand)');
    expect(problems).toContain('$.years[0].imports: "-1T" is negative (expected an amount of at least 0: trade flows are never below zero)');
    expect(problems).toContain('$.years[1].year: 2025 appears twice (also at $.years[0])');
  });

  it('refuses unknown fields, missing years and growth below -100 %', () => {
    expect(problemsOf({ ...base, years: [], extra: 1 }).join('\n')).toMatch(/\$\.extra|\$\.years/);
    expect(problemsOf({ ...base, years: [{ year: 2025, exports: '1T', imports: '1T', exportGrowthPct: '-101' }] })).toEqual([
      '$.years[0].exportGrowthPct: -101 % is below -100 % (nothing can shrink by more than all of it)',
    ]);
  });

  it('a claim without a qualifier states its value exactly', () => {
    const ds = datasetFromJson(
      { schemaVersion: 1, id: 'x', title: 'X', reporter: 'X', currency: 'USD', years: [{ year: 2024, exports: '1T', imports: '1T' }], claims: [{ id: 'c', label: 'exports grew 4.4%', metric: 'exportGrowthPct', year: 2024, value: '4.4' }] },
      'x',
    );
    expect(ds.claims[0]!.qualifier).toBe('exactly');
  });

  it('lists the shape problems and the ones only conversion finds in the same run', () => {
    const problems = problemsOf({
      schemaVersion: 1, id: 'x', title: 'X', reporter: 'X', currency: 'euro',
      years: [{ year: 2024, exports: '610 gazillion', imports: '1T' }, { year: 2024, exports: '1T', imports: '1T' }],
    });
    expect(problems).toEqual([
      '$.currency: expected an ISO 4217 code such as USD',
      '$.years[0].exports: "610 gazillion" is not an amount (expected an amount such as 1T, 800B, 250M, 1e12 or "$1.2 trillion")',
      '$.years[1].year: 2024 appears twice (also at $.years[0])',
    ]);
  });

  it('names missing and unknown fields in words, with the near miss', () => {
    const problems = problemsOf({ schemaVersion: 1, title: 'X', reporter: 'X', currency: 'USD', years: [{ year: 2025, exprts: '1T', imports: '1T' }] });
    expect(problems).toEqual(
      expect.arrayContaining(['$.id: missing field "id"', '$.years[0].exports: missing field "exports"', '$.years[0].exprts: unknown field "exprts" (did you mean exports?)']),
    );
  });

  it('a misspelt qualifier gets the word it is close to; any other value the list', () => {
    const claim = (qualifier: unknown) => ({ ...base, claims: [{ id: 'c', label: 'L', metric: 'balance', year: 2025, qualifier, value: '1T' }] });
    expect(problemsOf(claim('nearley'))).toContain('$.claims[0].qualifier: "nearley" is not a qualifier (did you mean nearly?); expected one of: exactly, nearly, around, about, approximately, relatively flat, above, below, record, accelerated');
    expect(problemsOf(claim('zzz'))).toContain('$.claims[0].qualifier: expected one of: exactly, nearly, around, about, approximately, relatively flat, above, below, record, accelerated');
    expect(problemsOf(claim(7))).toContain('$.claims[0].qualifier: expected one of: exactly, nearly, around, about, approximately, relatively flat, above, below, record, accelerated');
  });

  it('refuses JSON numbers that a double cannot hold exactly', () => {
    expect(problemsOf({ ...base, years: [{ year: 2025, exports: 12345678901234567890, imports: 1 }] })[0]).toMatch(/more than 15 significant digits/);
  });
});
