/**
 * The known word closest to one typed by hand (a finding code in a rules file, a key): what a person
 * most likely meant, offered as 「是否应为 …」 rather than applied.
 */

/** Edits (insert, delete, substitute one character) between two strings. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

/**
 * The candidate with the fewest edits from `typed`, compared without regard to case (a code typed in
 * lower case is still the same code); ties go to the earlier candidate. Undefined when there are none.
 */
export function nearest(typed: string, candidates: Iterable<string>): string | undefined {
  const t = typed.toUpperCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(t, c.toUpperCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
