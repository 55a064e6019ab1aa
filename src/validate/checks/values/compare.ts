/** Small value helpers shared by the value checks: how a number is shown, and when two are the same. */

/**
 * A number as a person would write it back: no binary-float tails from unit conversion
 * (1,200,000元 × 0.0001 must read 120, not 120.00000000000001).
 */
export function showNumber(x: number): string {
  return String(Number(x.toFixed(6)));
}

/** Equal as typed: the same after the float tails of unit conversion are dropped. */
export function sameAmount(a: number, b: number): boolean {
  return showNumber(a) === showNumber(b);
}
