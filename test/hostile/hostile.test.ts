// Hostile input, table-driven: every case must end with its documented exit code, one line on
// stderr naming the problem, no stack trace, and nothing on stdout.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

interface Case {
  argv: string[];
  code: number;
  /** What the first stderr line must say. */
  message: RegExp;
}

const usage = (argv: string[], message: RegExp): Case => ({ argv, code: 2, message });

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
  usage(['project', '--growth', '1,5'], /--growth "1,5" gives 2 rates for 1 years/),
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
  usage(['summary', 'extra'], /too many arguments for 'summary'/),
  usage(['summary', '--format', 'xml'], /argument 'xml' is invalid/),
  usage(['summary', '--format', ''], /argument '' is invalid/),
  usage(['summary', '--format', 'JSON'], /argument 'JSON' is invalid/),
  usage(['summary', '--json', '--format', 'csv'], /--json and --format csv ask for different formats/),
  usage(['summary', '--dataset', '../../etc/passwd'], /--dataset "..\/..\/etc\/passwd" is not a built-in dataset/),
  usage(['summary', '--dataset', ''], /--dataset "" is not a built-in dataset/),
  usage(['project', '--years'], /option '--years <n>' needs a value/),
  usage(['completion'], /missing required argument 'shell'/),
  usage(['completion', 'powershell'], /completion "powershell" is not a shell/),
  usage(['--frobnicate'], /unknown option '--frobnicate'/),
  usage(['project', '--growth', '+-3'], /--growth "\+-3" is not a number/),
  usage(['project', '--years', '0x10'], /--years "0x10" is not a number/),
  usage(['help', 'nope'], /^tradecalc: unknown command 'nope' \(see tradecalc --help\)$/),
  usage(['project', '--threshold', '1T1'], /--threshold "1T1" is not an amount/),
  usage(['project', '--threshold', '1.2.3T'], /--threshold "1.2.3T" is not an amount/),
];

describe('hostile input', () => {
  it('has at least 60 cases in all', () => {
    expect(cases.length + extraCases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases.map((c) => [c.argv.join(' '), c] as const))('%s', async (_name, c) => {
    const r = await cli(c.argv);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(c.code);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^tradecalc: /);
    expect(lines[0]).toMatch(c.message);
    if (c.code === 2) expect(lines).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
  });
});

/** Cases over dataset files, added by the dataset tests' fixtures. */
const extraCases: Case[] = [];
