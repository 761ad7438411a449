// An amount is in the data's currency: one that states another is refused, in an option as in a
// file; nothing is ever converted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tradecalc-currency-'));
const eur = join(dir, 'eur.csv');
writeFileSync(eur, 'reporter,year,exports,imports,currency\nEuroland,2024,2T,1.5T,EUR\n');

describe('--threshold with a currency', () => {
  it.each([
    ['project', 'EUR 1T', 'EUR', 'USD'],
    ['breakeven', '€1T', 'EUR', 'USD'],
    ['scenarios', 'GBP 900B', 'GBP', 'USD'],
    ['simulate', '£1T', 'GBP', 'USD'],
  ])('%s --threshold %j on dollar data is a usage error', async (command, amount, cur, data) => {
    const r = await cli([command, '--threshold', amount]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`tradecalc: --threshold ${JSON.stringify(amount)} is in ${cur}, but the data is in ${data} (nothing is converted: give it in ${data}, or without a currency)\n`);
  });

  it('a dollar threshold on euro data is refused; a euro one, or none, is the data\'s', async () => {
    expect((await cli(['project', '--data', eur, '--threshold', '$1T'])).code).toBe(2);
    for (const t of ['€1T', 'EUR 1T', '1T']) {
      const r = await cli(['project', '--data', eur, '--threshold', t, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).assumptions.threshold).toBe(1e12);
    }
  });

  it('in a file, an amount in another currency than its dataset\'s is a data error', async () => {
    const f = join(dir, 'mixed.csv');
    writeFileSync(f, 'reporter,year,exports,imports,currency\nEuroland,2024,$2T,1.5T,EUR\n');
    const r = await cli(['summary', '--data', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/is in USD, but the figures are in EUR \(nothing is converted: state it in EUR\)/);
  });
});
