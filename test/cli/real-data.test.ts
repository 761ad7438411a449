// Every analysis command on publishers' downloads as they come, and on the datasets `import` writes
// from them (JSON and CSV): the same answers either way, to the last digit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const pub = new URL('../fixtures/publishers/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tradecalc-real-'));

/** One raw download (or several files) per publisher, and the reporter to ask about. */
const DOWNLOADS: [string, string[], string[]][] = [
  ['UN Comtrade web CSV', [`${pub}comtrade/TradeData_2024.csv`], ['--reporter', 'China']],
  ['UN Comtrade API JSON', [`${pub}comtrade/comtrade_api_JPN_2023.json`], ['--reporter', 'Japan']],
  ['UN Comtrade legacy CSV', [`${pub}comtrade/comtrade_legacy_BRA_2019.csv`], ['--reporter', 'BRA']],
  ['IMF IMTS SDMX-CSV', [`${pub}imf/IMTS_CHN_VNM_2023-2025.csv`], ['--reporter', 'VNM']],
  ['IMF DOTS wide CSV', [`${pub}imf/DOT_timeSeries.csv`], ['--reporter', '924']],
  ['US Census (exports and imports joined)', [`${pub}census/2024`], []],
  ['Eurostat Comext', [`${pub}comext/estat_ds-045409.csv`], ['--reporter', 'DE']],
  ['China customs (two files)', [`${pub}china-customs/exports_2024-2025_usd.csv`, `${pub}china-customs/imports_2024-2025_usd.csv`], []],
  ['CEPII BACI (a folder)', [`${pub}baci`], ['--reporter', 'China']],
];

const COMMANDS: string[][] = [
  ['summary'],
  ['project', '--growth', '3', '--years', '2'],
  ['breakeven'],
  ['scenarios', '--growth', '-2:2:2', '--import-growth', '0:2:2'],
  ['simulate', '--runs', '500', '--seed', '7'],
  ['check'],
];

const answer = (stdout: string) => {
  const doc = JSON.parse(stdout) as Record<string, unknown>;
  // What the data is called and where it came from differs; every figure must not.
  delete doc.dataset;
  return doc;
};

describe.each(DOWNLOADS)('%s', (_name, files, select) => {
  const data = files.flatMap((f) => ['--data', f]);
  const n = DOWNLOADS.findIndex((d) => d[1] === files);
  const asJson = join(dir, `d${n}.json`);
  const asCsv = join(dir, `d${n}.csv`);

  it('imports to JSON and CSV', async () => {
    for (const out of [asJson, asCsv]) {
      const r = await cli(['import', ...files, ...select, '--output', out]);
      expect(r.code).toBe(0);
    }
  });

  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('%s: the same answer from the download, the JSON and the CSV', async (_c, command) => {
    const raw = await cli([...command, ...data, ...select, '--json']);
    expect(raw.code, raw.stderr).toBe(0);
    const fromJson = await cli([...command, '--data', asJson, '--json']);
    const fromCsv = await cli([...command, '--data', asCsv, '--json']);
    expect(fromJson.code, fromJson.stderr).toBe(0);
    expect(fromCsv.code, fromCsv.stderr).toBe(0);
    expect(answer(fromJson.stdout)).toEqual(answer(raw.stdout));
    expect(answer(fromCsv.stdout)).toEqual(answer(raw.stdout));
    // The text view says where the figures come from.
    const text = await cli([...command, ...data, ...select]);
    expect(text.stdout).toMatch(/Imported from /);
  });
});
