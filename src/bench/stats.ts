/** Small pure helpers for the benchmark: the printed table and units. */

/** Right-aligned columns after a left-aligned first column; CJK characters count as two. */
export function table(rows: readonly (readonly string[])[]): string {
  const width = (t: string) => [...t].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows
    .map((r) =>
      r
        .map((cell, i) => {
          const pad = ' '.repeat(widths[i]! - width(cell));
          return i === 0 ? cell + pad : pad + cell;
        })
        .join('  '),
    )
    .join('\n');
}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

export function megabytes(kb: number): string {
  return (kb / 1024).toFixed(0);
}
