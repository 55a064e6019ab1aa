/**
 * Numbers as a person reads them in a message: findings carry exact values (「500GB」 is
 * 0.48828125 TB, a median of logs is 190.4218…) so scripts and later checks lose nothing, and
 * only the words round them — to two decimals, 0.49 TB.
 */

/** Half-up on the decimal value (2.835 → 2.84), not on the binary one (2.8349999… → 2.83). */
function roundHalfUp(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(Number((x * f).toPrecision(15)))) / f;
  return x < 0 ? -r : r;
}

/**
 * One number for a message: integers as they are, others with at most `decimals` decimals; a small
 * non-zero value keeps two significant digits (0.0049, not 0), because 「0」 would say something else.
 */
export function peopleNumber(x: number, decimals = 2): string {
  if (!Number.isFinite(x) || Number.isInteger(x)) return String(x);
  const r = roundHalfUp(x, decimals);
  if (r === 0) return String(Number(x.toPrecision(2)));
  return String(r);
}

/**
 * The numbers of one message, rounded together: when two different values would read the same
 * (N 3.996 and M 3.995 both 「4」 in 「N 大于 M」), more decimals are shown until they differ.
 */
export function peopleNumbers(values: readonly number[]): Map<number, string> {
  const distinct = [...new Set(values.filter((v) => Number.isFinite(v)))];
  for (let decimals = 2; ; decimals++) {
    const shown = new Map(distinct.map((v) => [v, peopleNumber(v, decimals)]));
    if (new Set(shown.values()).size === distinct.length || decimals >= 15) return shown;
  }
}
