/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I, O, S, V, Z); the
 * last is a check character over the first 17 with weights 3^i mod 31.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when one is outside the set. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let total = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]!);
    if (v < 0) return null;
    total += v * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (total % 31)) % 31]!;
}

export type CreditCodeProblem = 'length' | 'charset' | 'checkDigit';

/** Why a code is invalid, or null when it is valid. Case and surrounding spaces are ignored. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const c = code.trim().toUpperCase();
  if (c.length !== 18) return 'length';
  if (![...c].every((ch) => CHARSET.includes(ch))) return 'charset';
  return creditCodeCheckChar(c.slice(0, 17)) === c[17] ? null : 'checkDigit';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
