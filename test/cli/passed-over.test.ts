// A default year is the latest complete one; a later year to date (or a year with a flow missing) is
// said to have been passed over, in the document and in the text, never skipped in silence.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const comext = new URL('../fixtures/publishers/comext/estat_ds-045409.csv', import.meta.url).pathname;

describe('a later year that is not a year', () => {
  it('summary names it in assumptions.origins.year and under the table', async () => {
    const json = await cli(['summary', '--data', comext, '--reporter', 'DE', '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.assumptions.year).toBe(2024);
    expect(doc.assumptions.origins.year).toEqual({ source: 'default', rule: 'latest-complete-year', passedOver: [{ year: 2025, reason: 'year-to-date' }] });
    const text = await cli(['summary', '--data', comext, '--reporter', 'DE'], { env: { COLUMNS: '200' } });
    expect(text.stdout).toContain('2024 is the latest complete year: 2025 is a year to date, not a year (see tradecalc months).');
  });

  it('project names it as the base year', async () => {
    const text = await cli(['project', '--data', comext, '--reporter', 'DE', '--growth', '2'], { env: { COLUMNS: '200' } });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Base year:      2024 (the latest complete year; 2025 is a year to date, not a year)');
    const doc = JSON.parse((await cli(['project', '--data', comext, '--reporter', 'DE', '--growth', '2', '--json'])).stdout);
    expect(doc.assumptions.origins.baseYear.rule).toBe('latest-complete-year');
  });

  it('without a later gap, the origin stays latest-year and no line is added', async () => {
    const doc = JSON.parse((await cli(['summary', '--json'])).stdout);
    expect(doc.assumptions.origins.year).toEqual({ source: 'default', rule: 'latest-year' });
    expect((await cli(['project', '--growth', '3'])).stdout).not.toContain('Base year:');
    // A year asked for is the user's: nothing is said of later years.
    const asked = JSON.parse((await cli(['summary', '--data', comext, '--reporter', 'DE', '--year', '2024', '--json'])).stdout);
    expect(asked.assumptions.origins.year).toEqual({ source: 'option' });
  });
});

describe('no complete year at all', () => {
  it('names the reporter and partner, not an internal id', async () => {
    const csv = new URL('../fixtures/partners-mirror.csv', import.meta.url).pathname;
    const r = await cli(['summary', '--data', csv, '--reporter', 'Examplia', '--partner', 'Farland']);
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toBe("tradecalc: Examplia's trade with Farland has no complete year of figures: 2025 has no imports figure (missing, which is not zero)\n");
  });
});
