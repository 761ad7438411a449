// Claim checking against verdicts worked by hand: the article, the article with 2024 figures, and
// an invented deficit dataset with one deliberately inconsistent claim.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCheck, regionOf } from '../../src/core/check.js';
import type { Claim } from '../../src/core/types.js';
import { datasetFromJson } from '../../src/data/dataset.js';
import { article, d } from '../helpers.js';

const fixture = (name: string) => datasetFromJson(JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')), name);
const byId = (r: ReturnType<typeof computeCheck>) => Object.fromEntries(r.checks.map((c) => [c.claim.id, c]));

describe('qualifier regions', () => {
  const fig = (v: string, hw = '0.5') => ({ value: d(v), halfWidth: d(hw), stated: v });
  const claim = (qualifier: Claim['qualifier'], v?: string, hw?: string): Claim => ({ id: 'x', label: 'x', metric: 'balance', qualifier, year: 2025, value: v ? fig(v, hw) : undefined });
  const text = (c: Claim) => {
    const r = regionOf(c)!;
    return [r.low?.toFixed() ?? null, r.high?.toFixed() ?? null, r.lowInclusive, r.highInclusive];
  };
  it('nearly X: within 2 % below X', () => expect(text(claim('nearly', '1200'))).toEqual(['1176', '1200', true, true]));
  it('nearly a negative X: short of it towards zero ("nearly −$1.2T" is −1.2T to −1.176T)', () => {
    expect(text(claim('nearly', '-1200'))).toEqual(['-1200', '-1176', true, true]);
    const ds = datasetFromJson(
      {
        schemaVersion: 1, id: 'd', title: 'D', reporter: 'D', currency: 'USD',
        years: [{ year: 2024, exports: '2.05T', imports: '3.23T' }],
        claims: [{ id: 'nearly-deficit', label: 'a deficit of nearly $1.2T', metric: 'balance', year: 2024, qualifier: 'nearly', value: '-1.2T' }],
      },
      'd',
    );
    // −1.18T (−1.19T to −1.17T with rounding) is partly within −1.2T to −1.176T.
    expect(computeCheck(ds).checks[0]!.verdict).toBe('consistent');
  });
  it('around / about / approximately X: ±10 %', () => {
    for (const q of ['around', 'about', 'approximately'] as const) expect(text(claim(q, '3'))).toEqual(['2.7', '3.3', true, true]);
    expect(text(claim('around', '-1000'))).toEqual(['-1100', '-900', true, true]);
  });
  it('relatively flat: |growth| < 1 pp; above and below are strict; exactly is the rounding', () => {
    expect(text(claim('relatively flat'))).toEqual(['-1', '1', false, false]);
    expect(text(claim('above', '1000'))).toEqual(['1000', null, false, false]);
    expect(text(claim('below', '5'))).toEqual([null, '5', false, false]);
    expect(text(claim('exactly', '5.5', '0.05'))).toEqual(['5.45', '5.55', true, true]);
  });
});

describe('the article', () => {
  const r = computeCheck(article());
  const c = byId(r);
  it('four claims consistent, three cannot be checked, none inconsistent', () => {
    expect(r.counts).toEqual({ consistent: 4, inconsistent: 0, unchecked: 3 });
  });
  it('surplus nearly $1.2T: 3.77T − 2.58T = 1.19T, range 1.18–1.20T inside 1.176–1.2T', () => {
    expect(c['surplus-2025']).toMatchObject({ verdict: 'consistent', within: 'whole-range', holdsAsStated: true });
    expect(c['surplus-2025']!.value!.toFixed()).toBe('1190000000000');
  });
  it('December momentum: +0.7 pp exports, +3.8 pp imports, both positive across the rounding', () => {
    expect(c['december-exports-faster']!.range!.low.toFixed()).toBe('0.6');
    expect(c['december-imports-accelerated']!.value!.toFixed()).toBe('3.8');
    expect(c['december-imports-accelerated']).toMatchObject({ verdict: 'consistent', within: 'whole-range' });
  });
  it('2026 above $1T: 3.77T·1.03 − 2.58T = 1.3031T, range 1.274125–1.332125T at 2.5–3.5 % growth', () => {
    const x = c['surplus-2026-above-1t']!;
    expect(x.verdict).toBe('consistent');
    expect(x.value!.toFixed()).toBe('1303100000000');
    expect([x.range!.low.toFixed(), x.range!.high.toFixed()]).toEqual(['1274125000000', '1332125000000']);
    expect(x.basis).toMatchObject({ kind: 'projected', from: 2025, year: 2026 });
  });
  it('record and both growth rates cannot be checked, and say why', () => {
    expect(c['surplus-record']).toMatchObject({ verdict: 'unchecked', unchecked: { code: 'record-needs-earlier-years', year: 2025 } });
    expect(c['exports-growth-2025']).toMatchObject({ verdict: 'unchecked', unchecked: { code: 'growth-needs-previous-year', metric: 'exports' } });
    expect(c['imports-flat-2025']).toMatchObject({ verdict: 'unchecked', unchecked: { code: 'growth-needs-previous-year', metric: 'imports' } });
  });
});

describe('the article with 2024 figures (3.58T, 2.59T)', () => {
  const c = byId(computeCheck(fixture('china-2024-2025.json')));
  it('exports +5.5 %: derived +5.31 %, range 5.02–5.59 % — consistent only within rounding', () => {
    const x = c['exports-growth-2025']!;
    expect(x.value!.toFixed(4)).toBe('5.3073');
    expect([x.range!.low.toFixed(4), x.range!.high.toFixed(4)]).toEqual(['5.0209', '5.5944']);
    expect(x).toMatchObject({ verdict: 'consistent', within: 'part-of-range', holdsAsStated: false });
  });
  it('imports flat: 2.58/2.59 − 1 = −0.386 %, range −0.77–0 %, within ±1 pp', () => {
    expect(c['imports-flat-2025']!.value!.toFixed(3)).toBe('-0.386');
    expect(c['imports-flat-2025']).toMatchObject({ verdict: 'consistent', within: 'whole-range' });
  });
  it('record: 1.18–1.20T against 2024 0.98–1.00T', () => {
    expect(c['surplus-record']).toMatchObject({ verdict: 'consistent', within: 'whole-range', basis: { highestEarlierYear: 2024 } });
  });
});

describe('a deficit dataset with an inconsistent claim', () => {
  const r = computeCheck(fixture('deficit.json'));
  const c = byId(r);
  it('exports "up 5 %" is inconsistent: 2.02/1.95 gives 3.59 %, range 3.07–4.11 %, outside 4.5–5.5 %', () => {
    const x = c['exports-up-5']!;
    expect(x.verdict).toBe('inconsistent');
    expect([x.range!.low.toFixed(3), x.range!.high.toFixed(3)]).toEqual(['3.069', '4.113']);
    expect(r.counts).toEqual({ consistent: 4, inconsistent: 1, unchecked: 0 });
  });
  it('a record deficit is the lowest balance; "about −$1T" accepts −1.1T to −0.9T', () => {
    expect(c['record-deficit']).toMatchObject({ verdict: 'consistent', within: 'whole-range' });
    expect(c['record-deficit']!.value!.toFixed()).toBe('-1030000000000');
    expect(c['deficit-about-1t']).toMatchObject({ verdict: 'consistent' });
  });
  it('2026: 2.02T·1.04 − 3.05T·1.02 = −1.0102T stays above −1.1T across −1.04585T to −0.97455T', () => {
    const x = c['deficit-2026-under-1-1t']!;
    expect(x.value!.toFixed()).toBe('-1010200000000');
    expect([x.range!.low.toFixed(), x.range!.high.toFixed()]).toEqual(['-1045850000000', '-974550000000']);
    expect(x.verdict).toBe('consistent');
  });
  it('a record that earlier years beat is inconsistent', () => {
    const ds = fixture('deficit.json');
    ds.years[0] = { ...ds.years[0]!, imports: { ...ds.years[0]!.imports, value: d('3.5e12') } };
    const rec = computeCheck(ds).checks.find((x) => x.claim.id === 'record-deficit')!;
    expect(rec.verdict).toBe('inconsistent');
  });
});
