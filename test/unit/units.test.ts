// Strict number and amount parsing: what is accepted, its value, and the precision it was stated with.
import { describe, expect, it } from 'vitest';
import { parseAmount, parseDecimal, parseUnit } from '../../src/data/units.js';

describe('parseDecimal', () => {
  it.each([
    ['3.77', '3.77', '0.005'],
    ['-1.5', '-1.5', '0.05'],
    ['1e12', '1000000000000', '500000000000'],
    ['.5', '0.5', '0.05'],
    ['+2', '2', '0.5'],
    ['-0', '0', '0.5'],
  ])('%s is %s ± %s', (text, value, half) => {
    const p = parseDecimal(text)!;
    expect(p.value.toFixed()).toBe(value);
    expect(p.halfWidth.toFixed()).toBe(half);
  });

  it('keeps values exact that a double would not (0.1 + 0.7 stays decimal)', () => {
    expect(parseDecimal('0.1')!.value.plus(parseDecimal('0.7')!.value).toFixed()).toBe('0.8');
  });

  it.each(['', ' ', 'abc', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000', '1,000', '1.2.3', '--5', '1e', 'e5', '1e1234567', '٣'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe('parseAmount', () => {
  it.each([
    ['1T', '1000000000000'],
    ['800B', '800000000000'],
    ['800bn', '800000000000'],
    ['250M', '250000000'],
    ['5K', '5000'],
    ['1e12', '1000000000000'],
    ['1000000000000', '1000000000000'],
    ['$1.2 trillion', '1200000000000'],
    ['-500B', '-500000000000'],
    ['USD 3.77 tn', '3770000000000'],
    ['2.5 million', '2500000'],
  ])('%s is %s', (text, value) => {
    expect(parseAmount(text)!.value.toFixed()).toBe(value);
  });

  it('scales the stated precision with the unit: 3.77T is ± 0.005T', () => {
    expect(parseAmount('3.77T')!.halfWidth.toFixed()).toBe('5000000000');
  });

  it.each(['1X', 'T', '$', '1 2T', 'NaNT', '1T2', '0x1T', 'one trillion'])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('parseUnit', () => {
  it.each([
    ['USD bn', 'B'],
    ['USD thousand', 'K'],
    ['trillion', 'T'],
    ['$ M', 'M'],
    ['1', '1'],
    ['', '1'],
  ])('%j is %s', (text, unit) => {
    expect(parseUnit(text)).toBe(unit);
  });
  it('refuses unknown units', () => {
    expect(parseUnit('gallons')).toBeNull();
  });
});
