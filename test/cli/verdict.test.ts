// A verdict states its question and its answer as data, and its sentence says the same thing: for
// every question ("stays-above", "reaches"), both answers, one year and several, and thresholds
// above, at and below zero. The table colours the sentence by the answer (green for yes). The case
// of issue 9: `project --threshold 1.25T --growth 1 --years 3` printed "holds": false beside "yes".
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import type { TextContext } from '../../src/render/style.js';
import { projectSpec } from '../../src/reports/project.js';
import type { ProjectionDocument } from '../../src/reports/schemas.js';
import { cli, documentOf } from '../helpers.js';

/** A deficit reporter without a forecast: exports 2.08T, imports 3.0T in 2024. */
const us = join(tmpdir(), `tradecalc-verdicts-${process.pid}.csv`);
writeFileSync(us, 'reporter,year,exports,imports\nUS,2024,2.08T,3.0T\n');

type Verdict = { question: string; answer: boolean; firstYearAbove: number | null; firstYearBelow: number | null; aboveFrom: number | null; text: string };

const ESC = '\u001b';
const GREEN = `${ESC}[32m`;
const RED = `${ESC}[31m`;
const RESET_FG = `${ESC}[39m`;

/** Command line (after `project`), the question, the answer, and the sentence (worked by hand). */
const CASES: [string[], 'stays-above' | 'reaches', boolean, string][] = [
  // A positive threshold the balance starts above: does it stay there?
  [['--growth', '3'], 'stays-above', true, 'Surplus stays above $1T in 2026: yes, by $303.1B'],
  // 3.77T × 0.94 − 2.58T = 0.9638T
  [['--growth', '-6'], 'stays-above', false, 'Surplus stays above $1T in 2026: no, short by $36.2B'],
  // 1.3031T, 1.380762T, 1.42036962T: tightest in 2026
  [['--years', '3', '--growth', '3,2,1'], 'stays-above', true, 'Surplus stays above $1T in every year 2026–2028: yes, by at least $303.1B (2026)'],
  // 1.0392T, 0.894432T, 0.75545472T, 0.6220365312T: below from 2027, furthest in 2029
  [['--years', '4', '--growth', '-4'], 'stays-above', false, 'Surplus stays above $1T in every year 2026–2029: no, it falls below $1T in 2027, short by up to $378.0B (2029)'],
  // A positive threshold the balance starts below (1.19T < 1.25T): does it get there, and stay?
  [['--threshold', '1.25T', '--growth', '3'], 'reaches', true, 'Surplus reaches $1.25T in 2026: yes, by $53.1B'],
  [['--threshold', '1.25T', '--growth', '1'], 'reaches', false, 'Surplus reaches $1.25T in 2026: no, short by $22.3B'],
  // The issue's case: 1.2277T, 1.265777T, 1.30423477T against 1.25T
  [['--threshold', '1.25T', '--growth', '1', '--years', '3'], 'reaches', true, 'Surplus reaches $1.25T by 2028: yes, from 2027 (by $54.2B in 2028)'],
  [['--threshold', '2T', '--growth', '1', '--years', '3'], 'reaches', false, 'Surplus reaches $2T by 2028: no, short by $695.8B at the closest (2028)'],
  // 1.3785T, 1.576425T, 1.1607825T: there in 2027, not in 2028
  [['--threshold', '1.5T', '--years', '3', '--growth', '5,5,-10'], 'reaches', false, 'Surplus reaches $1.5T by 2028: no, it gets there in 2027 but not to stay (short by $339.2B in 2028)'],
  // A zero threshold: does trade stay in surplus?
  [['--threshold', '0', '--growth', '3'], 'stays-above', true, 'Trade stays in surplus in 2026: yes, by $1.30T'],
  // 3.77T × 0.6 − 2.58T = −0.318T
  [['--threshold', '0', '--growth', '-40'], 'stays-above', false, 'Trade stays in surplus in 2026: no, short by $318.0B'],
  [['--threshold', '0', '--years', '2', '--growth', '-40,0'], 'stays-above', false, 'Trade stays in surplus in every year 2026–2027: no, it falls into deficit in 2026, a deficit of $318.0B'],
  // …and, from a deficit, does it reach a surplus? 2.08T × 1.2³ − 3.0T = 0.59424T in 2027
  [['--data', us, '--threshold', '0', '--years', '3', '--growth', '20'], 'reaches', true, 'Trade reaches a surplus by 2027: yes, from 2027 (by $594.2B in 2027)'],
  [['--data', us, '--years', '5'], 'reaches', false, 'Trade reaches a surplus by 2029: no, short by $920.0B at the closest (2025)'],
  // A negative threshold: a deficit limit.
  [['--threshold', '-1T'], 'stays-above', true, 'Any deficit stays smaller than $1T in 2026: yes, by $2.30T'],
  [['--threshold', '-1T', '--growth', '-100'], 'stays-above', false, 'Any deficit stays smaller than $1T in 2026: no, the deficit exceeds it by $1.58T'],
  [['--data', us, '--threshold', '-1T'], 'stays-above', true, 'Deficit stays smaller than $1T in 2025: yes, by $80.0B'],
  [['--data', us, '--threshold', '-950B', '--years', '5', '--growth', '2', '--import-growth', '4'], 'stays-above', false, 'Deficit stays smaller than $950B in every year 2025–2029: no, the deficit exceeds $950B in 2025, by up to $403.5B (2029)'],
  [['--data', us, '--threshold', '-800B', '--growth', '5', '--import-growth', '1', '--years', '5'], 'reaches', true, 'Deficit narrows to $800B or less by 2029: yes, from 2026 (by $301.6B in 2029)'],
  [['--data', us, '--threshold', '-800B', '--growth', '5', '--import-growth', '1'], 'reaches', false, 'Deficit narrows to $800B or less in 2025: no, the deficit is still $46.0B over'],
];

describe('project: the answer and the sentence agree', () => {
  it.each(CASES)('project %j', async (args, question, answer, text) => {
    const r = await cli(['project', ...args, '--json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(r.stdout);
    expect(doc.verdict).toMatchObject({ question, answer, text });
    expect(doc.verdict.text).toMatch(answer ? /: yes(,|$)/ : /: no(,|$)/);
    // The data behind the answer: every year at or above, or the last years from aboveFrom.
    const above = doc.path.map((p: { aboveThreshold: boolean }) => p.aboveThreshold);
    expect(answer).toBe(question === 'stays-above' ? above.every(Boolean) : above[above.length - 1]);

    // The table prints the same sentence, green for yes and red for no.
    const coloured = await cli(['project', ...args, '--no-chart'], { env: { FORCE_COLOR: '1', COLUMNS: '1000' } });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain(`${answer ? GREEN : RED}${text}${RESET_FG}`);
    expect(coloured.stdout).not.toContain(`${answer ? RED : GREEN}${text}`);
    // Markdown puts the same sentence under the table.
    const md = await cli(['project', ...args, '--format', 'markdown']);
    expect(md.stdout.split('\n\n').map((p) => p.replace(/\\(.)/g, '$1').trim())).toContain(text);
  });

  it('covers both questions with both answers, one year and several, and thresholds above, at and below zero', () => {
    const kinds = new Set(CASES.map(([args, q, a, text]) => `${q}:${a}:${/ in \d{4}: /.test(text) ? 'one' : 'several'}`));
    for (const q of ['stays-above', 'reaches']) for (const a of [true, false]) for (const n of ['one', 'several']) expect(kinds).toContain(`${q}:${a}:${n}`);
    const threshold = (args: string[]) => args[args.indexOf('--threshold') + 1];
    const signs = new Set(CASES.map(([args]) => (!args.includes('--threshold') ? 'forecast' : threshold(args)!.startsWith('-') ? 'negative' : threshold(args) === '0' ? 'zero' : 'positive')));
    expect(signs).toEqual(new Set(['forecast', 'positive', 'zero', 'negative']));
  });
});

describe('issue 9: the reported case', () => {
  it('project --threshold 1.25T --growth 1 --years 3 --json answers yes, as its sentence does', async () => {
    const r = await cli(['project', '--threshold', '1.25T', '--growth', '1', '--years', '3', '--json']);
    expect(r.code).toBe(0);
    const { verdict, path } = JSON.parse(r.stdout);
    expect(verdict.question).toBe('reaches');
    expect(verdict.answer).toBe(true);
    expect(verdict.text.startsWith('Surplus reaches $1.25T by 2028: yes')).toBe(true);
    expect(verdict).not.toHaveProperty('holds');
    expect(verdict).toMatchObject({ firstYearAbove: 2027, firstYearBelow: 2026, aboveFrom: 2027, horizon: { year: 2028, margin: 54234770000 }, tightest: { year: 2026, margin: -22300000000 } });
    expect(path.map((p: { aboveThreshold: boolean }) => p.aboveThreshold)).toEqual([false, true, true]);
  });

  it('the table colours that yes green', async () => {
    const r = await cli(['project', '--threshold', '1.25T', '--growth', '1', '--years', '3'], { env: { FORCE_COLOR: '1', COLUMNS: '1000' } });
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.includes('Surplus reaches $1.25T by 2028'));
    expect(line).toBe(`${GREEN}Surplus reaches $1.25T by 2028: yes, from 2027 (by $54.2B in 2028)${RESET_FG}`);
  });
});

describe('scenarios --scenario: each scenario answers as its sentence says', () => {
  it.each([
    [['--years', '3'], 1e12],
    [['--years', '3', '--threshold', '1.25T'], 1.25e12],
    [['--years', '2', '--threshold', '0'], 0],
    [['--data', us, '--years', '4', '--threshold', '-900B'], -9e11],
  ])('%j', async (args, threshold) => {
    const argv = ['scenarios', '--scenario', 'baseline,optimistic,pessimistic', ...args];
    const doc = JSON.parse((await cli([...argv, '--json'])).stdout);
    expect(doc.assumptions.threshold).toBe(threshold);
    const coloured = (await cli(argv, { env: { FORCE_COLOR: '1', COLUMNS: '1000' } })).stdout;
    for (const s of doc.scenarios) {
      const above = s.path.map((p: { balance: number }) => p.balance >= threshold);
      expect(s.verdict.question).toBe(doc.base.balance >= threshold ? 'stays-above' : 'reaches');
      expect(s.verdict.answer).toBe(s.verdict.question === 'stays-above' ? above.every(Boolean) : above[above.length - 1]);
      expect(s.verdict.text).toMatch(s.verdict.answer ? /: yes(,|$)/ : /: no(,|$)/);
      expect(coloured).toContain(`${s.verdict.answer ? GREEN : RED}${s.label}: ${s.verdict.text}${RESET_FG}`);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// The property: over random figures, per-year rates, thresholds and horizons.

/** The question, in words, as a reader would pose it (stated here, not read from the renderer). */
function subject(threshold: Decimal, base: Decimal, t: string): string {
  const startsAbove = base.gte(threshold);
  if (threshold.isZero()) return startsAbove ? 'Trade stays in surplus' : 'Trade reaches a surplus';
  if (threshold.isPositive()) return startsAbove ? `Surplus stays above ${t}` : `Surplus reaches ${t}`;
  if (!base.isNegative()) return 'Any deficit stays smaller than ' + t;
  return startsAbove ? `Deficit stays smaller than ${t}` : `Deficit narrows to ${t} or less`;
}

const marked: TextContext = {
  style: { heading: (s) => s, good: (s) => `<good>${s}</good>`, bad: (s) => `<bad>${s}</bad>`, dim: (s) => s },
  width: 10_000,
  unit: 'auto',
  interactive: false,
};

describe('property: answer, data and sentence agree', () => {
  const trillions = fc.integer({ min: 0, max: 600 }).map((n) => new Decimal(n).div(100).toFixed()); // 0 to 6T, in 10B steps
  const rate = fc.integer({ min: -3000, max: 3000 }).map((n) => new Decimal(n).div(100).toFixed());
  const threshold = fc.oneof(fc.constant('0'), fc.integer({ min: -600, max: 600 }).map((n) => `${new Decimal(n).div(100).toFixed()}T`));

  it('for any figures, rates, years and threshold', async () => {
    await fc.assert(
      fc.asyncProperty(trillions, trillions, fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(rate, { minLength: n, maxLength: n }), fc.array(rate, { minLength: n, maxLength: n }))), threshold, async (x, m, [n, g, h], t) => {
        const ds = datasetFromJson({ schemaVersion: 1, id: 'p', title: 'P', reporter: 'P', currency: 'USD', years: [{ year: 2030, exports: `${x}T`, imports: `${m}T` }] }, 'property');
        const { opts, doc: p } = await documentOf<ProjectionDocument>(projectSpec, { growth: g.join(','), importGrowth: h.join(','), years: String(n), threshold: t }, ds);
        const v = p.verdict as unknown as Verdict;
        const T = p.assumptions.threshold;
        const base = new Decimal(`${x}e12`).minus(`${m}e12`);
        const above = p.path.map((y) => y.balance.gte(T));
        const years = p.path.map((y) => y.year);

        // The question follows from where the balance starts; the answer from the path.
        expect(v.question).toBe(base.gte(T) ? 'stays-above' : 'reaches');
        expect(v.answer).toBe(v.question === 'stays-above' ? above.every(Boolean) : above[n - 1]);
        expect(p.path.map((y) => y.aboveThreshold)).toEqual(above);
        expect(v.firstYearAbove).toBe(years[above.indexOf(true)] ?? null);
        expect(v.firstYearBelow).toBe(years[above.indexOf(false)] ?? null);
        const lastBelow = above.lastIndexOf(false);
        expect(v.aboveFrom).toBe(lastBelow === n - 1 ? null : years[lastBelow + 1]);

        // The sentence asks that question and gives that answer.
        // (The amount is the threshold's size in human units: "$1.5T", "$800B".)
        const asked = `${subject(T, base, '§')} ${n === 1 ? `in ${years[0]}` : v.question === 'stays-above' ? `in every year ${years[0]}–${years[n - 1]}` : `by ${years[n - 1]}`}: `;
        const pattern = new RegExp(`^${asked.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&').replace('§', '\\$[0-9.,]+[TBMK]?')}${v.answer ? 'yes(,|$)' : 'no(,|$)'}`);
        expect(v.text).toMatch(pattern);

        // The view colours it by the answer.
        const text = await projectSpec.text(p, marked, opts as never);
        expect(text).toContain(v.answer ? `<good>${v.text}</good>` : `<bad>${v.text}</bad>`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('partners: the check against the world total answers as its sentence says', () => {
  const complete = join(tmpdir(), `tradecalc-verdicts-partners-${process.pid}.csv`);
  // The world is exactly the sum of its two partners: 3 + 1 = 4 exports, 1 + 4 = 5 imports.
  writeFileSync(complete, 'reporter,partner,year,exports,imports\nA,World,2025,4,5\nA,B,2025,3,1\nA,C,2025,1,4\n');
  const partners = new URL('../fixtures/partners-mirror.csv', import.meta.url).pathname;

  it.each([
    [[complete], true, 'The 2 partners add up to the world total of 2025: yes, exactly; nothing is unallocated'],
    [[partners, '--reporter', 'Examplia'], false, 'The 4 partners add up to the world total of 2025: no, unallocated (world − partners): $300.0B of exports and $200.0B of imports'],
    [[partners, '--reporter', 'Examplia', '--year', '2024'], false, 'The 3 partners add up to the world total of 2024: no, unallocated (world − partners): $300.0B of exports and $220.0B of imports'],
  ] as const)('%j', async (data, answer, text) => {
    const doc = JSON.parse((await cli(['partners', '--data', ...data, '--json'])).stdout);
    expect(doc.check).toEqual({ question: 'partners-sum-to-world', answer, text });
    const t = await cli(['partners', '--data', ...data], { env: { COLUMNS: '400' } });
    expect(t.stdout).toContain(`Check: ${text}.`);
    const md = await cli(['partners', '--data', ...data, '--format', 'markdown']);
    expect(md.stdout.split('\n\n').map((p) => p.replace(/\\(.)/g, '$1').trim())).toContain(`Check: ${text}.`);
  });
});
