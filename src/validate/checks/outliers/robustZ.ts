/** Median and MAD-based robust z-scores (Iglewicz & Hoaglin): z = 0.6745 (x − median) / MAD. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function robustZ(xs: readonly number[]): { median: number; mad: number; z: (x: number) => number } {
  const med = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - med)));
  return { median: med, mad, z: (x) => (mad === 0 ? 0 : (0.6745 * (x - med)) / mad) };
}
