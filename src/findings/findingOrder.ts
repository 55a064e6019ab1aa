/**
 * One fixed order for findings, so the same input gives the same reports whatever order files were
 * read in: applicant, city, file, sheet, cell (row, then column, as a person reads a sheet), code.
 */
import type { Finding } from './finding.js';

function byText(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** [row, column] of the place; a whole row sorts before its cells, no place before any row. */
export function cellOrder(f: Finding): [number, number] {
  const loc = f.location;
  const m = loc?.cell ? /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(loc.cell) : null;
  if (m) return [Number(m[2]), columnNumber(m[1]!)];
  if (loc?.row !== undefined) return [loc.row, 0];
  return [-1, 0];
}

export function compareFindings(a: Finding, b: Finding): number {
  const [ar, ac] = cellOrder(a);
  const [br, bc] = cellOrder(b);
  return (
    byText(a.applicant, b.applicant) ||
    byText(a.city, b.city) ||
    byText(a.location?.file, b.location?.file) ||
    byText(a.location?.sheet, b.location?.sheet) ||
    ar - br ||
    ac - bc ||
    byText(a.location?.cell, b.location?.cell) ||
    byText(a.code, b.code) ||
    byText(a.indicator, b.indicator) ||
    byText(JSON.stringify(a.args), JSON.stringify(b.args))
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
