/**
 * 自评分: 「该项目自评分 = N ÷ M × 5」 (the 5 being the indicator's weight in the rules), rounded
 * half up on the exact value.
 */
import { compare, div, fromNumber, mul, roundHalfUp, sign, ZERO, type Rational } from './decimal.js';

/** Why an N/M pair cannot be scored; the value checks report it, scoring only needs to know. */
export type RatioProblem = 'missing' | 'negative' | 'nGreaterThanM' | null;

/** M = 0 < N is a case of N > M, so one problem covers both. */
export function ratioProblem(n: Rational | null, m: Rational | null): RatioProblem {
  if (!n || !m) return 'missing';
  if (sign(n) < 0 || sign(m) < 0) return 'negative';
  if (compare(n, m) > 0) return 'nGreaterThanM';
  return null;
}

/**
 * weight × N / M, rounded to `decimals` places; 0 when N = 0 (also when M = 0 = N) and 0 when the
 * pair is in error (N > M, M = 0 < N, negative, missing): those are findings, not scores.
 */
export function selfScore(weight: number, n: Rational | null, m: Rational | null, decimals: number): Rational {
  if (ratioProblem(n, m) !== null || sign(n!) === 0) return ZERO;
  return roundHalfUp(mul(fromNumber(weight), div(n!, m!)), decimals);
}
