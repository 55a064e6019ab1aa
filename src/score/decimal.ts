/**
 * Exact rational arithmetic for scoring. A score decides a company's place, so it must be what a
 * person with a calculator gets from the numbers they typed: 5 × 0.567 = 2.835 rounds to 2.84, where
 * the binary float 2.8349999… would give 2.83.
 *
 * A number read from a cell is taken as its shortest round-trip decimal (`String(x)`), which is the
 * text the person typed, and held as a reduced fraction of BigInts.
 */

export interface Rational {
  /** Numerator, carrying the sign. */
  readonly num: bigint;
  /** Denominator, always > 0; the fraction is always reduced. */
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('denominator is zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a plain or exponent decimal string (`-12.5`, `1e-7`) exactly. */
export function fromDecimalString(text: string): Rational {
  const m = DECIMAL.exec(text.trim());
  if (!m || (!m[2] && !m[3])) throw new RangeError(`not a decimal number: ${text}`);
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  let num = BigInt((intPart + fracPart) || '0');
  if (m[1] === '-') num = -num;
  const scale = exp - fracPart.length;
  return scale >= 0 ? rational(num * 10n ** BigInt(scale)) : rational(num, 10n ** BigInt(-scale));
}

// Weights, factors and typed values repeat across thousands of applicants; parsing each once is
// most of the cost of scoring a province. Bounded so a huge input cannot grow it without limit.
const parsed = new Map<number, Rational>();
const PARSED_LIMIT = 50_000;

/** The exact value of what was typed: `String(x)` is the shortest decimal that reads back as x. */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isSafeInteger(x)) return { num: BigInt(x), den: 1n };
  let r = parsed.get(x);
  if (!r) {
    r = fromDecimalString(String(x));
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(x, r);
  }
  return r;
}

export function add(a: Rational, b: Rational): Rational {
  if (a.num === 0n) return b;
  if (b.num === 0n) return a;
  if (a.den === b.den) return rational(a.num + b.num, a.den);
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by zero');
  return rational(a.num * b.den, a.den * b.num);
}

export function sum(items: Iterable<Rational>): Rational {
  let s = ZERO;
  for (const r of items) s = add(s, r);
  return s;
}

/** -1, 0 or 1, comparing the exact values. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function sign(a: Rational): -1 | 0 | 1 {
  return a.num < 0n ? -1 : a.num > 0n ? 1 : 0;
}

export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

/** Smallest integer ≥ a. */
export function ceil(a: Rational): bigint {
  const q = a.num / a.den; // truncates toward zero
  return a.num > 0n && q * a.den !== a.num ? q + 1n : q;
}

/**
 * Rounds half away from zero to `decimals` places on the exact value (2.835 → 2.84, -2.835 → -2.84),
 * which is how 四舍五入 is done by hand.
 */
export function roundHalfUp(a: Rational, decimals: number): Rational {
  const scale = 10n ** BigInt(decimals);
  if (scale % a.den === 0n) return a; // already has at most `decimals` places
  const n = a.num < 0n ? -a.num : a.num;
  // floor(|x|·scale + 1/2) = floor((2·|num|·scale + den) / (2·den))
  const q = (2n * n * scale + a.den) / (2n * a.den);
  return rational(a.num < 0n ? -q : q, scale);
}

function digitCount(b: bigint): number {
  return (b < 0n ? -b : b).toString().length;
}

/**
 * The value as a decimal string with `decimals` places, rounded half up (`toFixed` on the exact value).
 */
export function toFixed(a: Rational, decimals: number): string {
  const r = roundHalfUp(a, decimals);
  const scaled = (r.num * 10n ** BigInt(decimals)) / r.den; // exact: r has at most `decimals` places
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return (neg ? '-' : '') + int + (decimals > 0 ? '.' + frac : '');
}

/**
 * The nearest JS number, for output. A rounded score (a terminating decimal) converts exactly as
 * `Number('2.84')` would, so JSON shows 2.84, never 2.8400000000000003.
 */
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

export function toNumber(a: Rational): number {
  if (a.den === 1n) return Number(a.num);
  // Both exactly representable: IEEE division rounds the exact quotient correctly.
  if (a.den <= MAX_EXACT && a.num <= MAX_EXACT && -a.num <= MAX_EXACT) return Number(a.num) / Number(a.den);
  // Enough places to hold any terminating decimal with this denominator exactly (a 2^k·5^j
  // denominator needs max(k, j) ≤ log2(den) < 4 × its digit count places), and ≥ 20 significant
  // digits otherwise, so the string rounds to the same double as the exact value would.
  const places = 20 + 4 * digitCount(a.den);
  return Number(toFixed(a, places));
}
