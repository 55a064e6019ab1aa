import { describe, expect, it } from 'vitest';
import {
  add,
  ceil,
  compare,
  div,
  fromDecimalString,
  fromNumber,
  mul,
  rational,
  roundHalfUp,
  sum,
  toFixed,
  toNumber,
} from '../src/score/decimal.js';

const round2 = (x: number) => toNumber(roundHalfUp(fromNumber(x), 2));

describe('exact decimals', () => {
  it('reads a cell number as the decimal the person typed', () => {
    expect(fromNumber(0.1)).toEqual({ num: 1n, den: 10n });
    expect(fromNumber(2.835)).toEqual({ num: 567n, den: 200n });
    expect(fromNumber(-12.5)).toEqual({ num: -25n, den: 2n });
    expect(fromNumber(1e-7)).toEqual({ num: 1n, den: 10000000n });
    expect(fromNumber(1.5e21)).toEqual({ num: 1500000000000000000000n, den: 1n });
  });

  it('parses decimal strings with exponents and signs', () => {
    expect(fromDecimalString('1.25e2')).toEqual({ num: 125n, den: 1n });
    expect(fromDecimalString('-.5')).toEqual({ num: -1n, den: 2n });
    expect(() => fromDecimalString('12a')).toThrow(RangeError);
  });

  it('refuses NaN and infinity', () => {
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => fromNumber(Infinity)).toThrow(RangeError);
  });

  it('computes 5 × 0.567 as exactly 2.835 and rounds it half up to 2.84', () => {
    // The binary float 5 * 0.567 is 2.8349999999999995, which a float rounding would make 2.83.
    const r = mul(fromNumber(5), fromNumber(0.567));
    expect(compare(r, fromDecimalString('2.835'))).toBe(0);
    expect(toNumber(roundHalfUp(r, 2))).toBe(2.84);
  });

  it('rounds the classic float traps half up: 2.345 → 2.35, 1.005 → 1.01, 1.015 → 1.02', () => {
    expect(round2(2.345)).toBe(2.35);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(1.015)).toBe(1.02);
    expect(round2(2.344)).toBe(2.34);
  });

  it('rounds 5 × 0.1 / 0.3 = 5/3 = 1.666… to 1.67', () => {
    const r = div(mul(fromNumber(5), fromNumber(0.1)), fromNumber(0.3));
    expect(r).toEqual({ num: 5n, den: 3n });
    expect(toNumber(roundHalfUp(r, 2))).toBe(1.67);
  });

  it('rounds negative values half away from zero', () => {
    expect(round2(-2.835)).toBe(-2.84);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(-2.834)).toBe(-2.83);
  });

  it('rounds to whole numbers and to more places', () => {
    expect(toNumber(roundHalfUp(fromNumber(2.5), 0))).toBe(3);
    expect(toNumber(roundHalfUp(rational(2n, 3n), 4))).toBe(0.6667);
  });

  it('adds rounded items without float drift: 0.1 + 0.2 is 0.3', () => {
    expect(toNumber(add(fromNumber(0.1), fromNumber(0.2)))).toBe(0.3);
    expect(toNumber(sum([2.84, 3.33, 1.67, 0.01].map(fromNumber)))).toBe(7.85);
  });

  it('takes the exact ceiling, so 0.55 × 100 is 55 and not the 56 of floats', () => {
    expect(Math.ceil(0.55 * 100)).toBe(56);
    expect(ceil(mul(fromNumber(0.55), fromNumber(100)))).toBe(55n);
    expect(ceil(mul(fromNumber(0.1), fromNumber(30)))).toBe(3n);
    expect(ceil(mul(fromNumber(0.1), fromNumber(11)))).toBe(2n);
    expect(ceil(fromNumber(-1.5))).toBe(-1n);
  });

  it('prints a fixed number of places from the exact value', () => {
    expect(toFixed(fromNumber(2.835), 2)).toBe('2.84');
    expect(toFixed(fromNumber(-0.05), 1)).toBe('-0.1');
    expect(toFixed(fromNumber(7), 2)).toBe('7.00');
  });

  it('gives back the nearest number for a value that does not terminate', () => {
    expect(toNumber(rational(1n, 3n))).toBe(1 / 3);
    expect(toNumber(rational(2n, 3n))).toBe(2 / 3);
  });
});
