// JSON numbers in publishers' files are money: read as the text they are written in, never as doubles.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors.js';
import { loadData } from '../../../src/data/load.js';
import { JsonNumber, JsonStreamParser } from '../../../src/data/stream/json.js';

const dir = mkdtempSync(join(tmpdir(), 'tradecalc-json-numbers-'));

describe('the streaming JSON parser', () => {
  it('hands numbers over as written when asked, and as doubles otherwise', () => {
    const text = '{"a":[3710000000001.234567,-0.0000001,1e400,12]}';
    const exact = new JsonStreamParser({ name: 't', numbers: 'exact' });
    exact.write(text);
    const doc = exact.end() as { a: JsonNumber[] };
    expect(doc.a.map(String)).toEqual(['3710000000001.234567', '-0.0000001', '1e400', '12']);
    expect(doc.a.every((n) => n instanceof JsonNumber)).toBe(true);
    const double = new JsonStreamParser({ name: 't' });
    expect(() => {
      double.write(text);
      double.end();
    }).toThrow(/"1e400" is out of range/);
  });
});

/** The problems a load refuses a file for, one per line. */
async function problems(path: string): Promise<string> {
  const err = await loadData({ data: [path] }, { cwd: dir }).then(
    () => null,
    (e: unknown) => e as DataError,
  );
  expect(err).toBeInstanceOf(DataError);
  return err!.problems.join('\n');
}

describe('a Comtrade API response', () => {
  const record = (flow: string, value: string) =>
    `{"freqCode":"A","refYear":2024,"refMonth":52,"period":"2024","reporterCode":156,"reporterISO":"CHN","reporterDesc":"China","flowCode":"${flow}","partnerCode":0,"partnerISO":"W00","partnerDesc":"World","partner2Code":0,"cmdCode":"TOTAL","customsCode":"C00","motCode":0,"primaryValue":${value}}`;
  const file = (name: string, x: string, m: string) => {
    const path = join(dir, name);
    writeFileSync(path, `{"elapsedTime":"0.1 secs","count":2,"data":[${record('X', x)},${record('M', m)}],"error":""}`);
    return path;
  };

  it('sums values with more digits than a double holds, to the last digit', async () => {
    // As doubles, 3710000000001.234567 is 3710000000001.2344 and 0.1 + 0.2 is not 0.3.
    const { datasets } = await loadData({ data: [file('exact.json', '3710000000001.234567', '2.5e12')] }, { cwd: dir });
    expect(datasets[0]!.years[0]!.exports.value.toFixed()).toBe('3710000000001.234567');
    expect(datasets[0]!.years[0]!.imports.value.toFixed()).toBe('2500000000000');
  });

  it('refuses a value beyond what tradecalc reads, naming it, instead of writing a dataset that cannot be read back', async () => {
    expect(await problems(file('huge.json', '1e400', '5'))).toMatch(/"1e400" is not a value \(a decimal number, at most 1e21 in size and 20 decimal places\)/);
  });

  it('refuses a record that is a number, not an object', async () => {
    const path = join(dir, 'number-record.json');
    writeFileSync(path, `{"count":2,"data":[${record('X', '1')},42],"error":""}`);
    expect(await problems(path)).toMatch(/\$\.data\[1\]: a record is not an object/);
  });
});
