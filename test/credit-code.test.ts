import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from '../src/util/creditCode.js';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it('accepts real codes of real enterprises', () => {
    for (const code of ['91330100716105852F', '91110000802100433B', '91440300708461136T', '913300001429159272']) {
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('computes the check character by hand for 91330100716105852', () => {
    // values 9 1 3 3 0 1 0 0 7 1 6 1 0 5 8 5 2, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    // 9 + 3 + 27 + 81 + 0 + 26 + 0 + 0 + 140 + 29 + 150 + 13 + 0 + 120 + 80 + 150 + 56 = 884;
    // 884 mod 31 = 16; 31 − 16 = 15 → the 16th character of 0123456789ABCDEFGHJ… is F.
    expect(creditCodeCheckChar('91330100716105852')).toBe('F');
  });

  it('rejects a code with one digit mistyped, the wrong length, or letters outside the set', () => {
    expect(creditCodeProblem('91330100716105853F')).toBe('checkDigit');
    expect(creditCodeProblem('9133010071610585F')).toBe('length');
    expect(creditCodeProblem('91330100716I05852F')).toBe('charset');
    expect(creditCodeProblem(' 91330100716105852f ')).toBeNull();
  });
});
