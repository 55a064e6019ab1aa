/** MAD-based robust z-scores (Iglewicz & Hoaglin): z = 0.6745 (x − median) / MAD. */
import { median } from '../../../util/median.js';


export function robustZ(xs: readonly number[]): { median: number; mad: number; z: (x: number) => number } {
  const med = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - med)));
  return { median: med, mad, z: (x) => (mad === 0 ? 0 : (0.6745 * (x - med)) / mad) };
}
