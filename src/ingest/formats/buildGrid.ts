/**
 * One Grid from the cells and merged ranges a reader of another format found (.xls, HTML, XML 2003,
 * CSV, Word tables), built the way the lean .xlsx reader builds it: the same bounds, merges resolved
 * to their master, cells hidden by a merge left out, a date-formatted number a Date. So every check
 * and finding works on them unchanged.
 */
import { address, Grid, type GridCell, type Span } from '../forms/grid.js';
import { scalarText, type Scalar } from '../forms/cellValue.js';

export interface FoundCell {
  /** 1-based. */
  row: number;
  col: number;
  value: Scalar;
  error?: string;
}

/** More cells covered by merges than the sheet has is a hostile file (as refused on the .xlsx path). */
function refuseMergeStorm(merges: readonly Span[], grid: Grid): void {
  const capacity = grid.rowCount * grid.colCount;
  let covered = 0;
  for (const m of merges) {
    const rows = Math.min(m.bottom, grid.rowCount) - m.top + 1;
    const cols = Math.min(m.right, grid.colCount) - m.left + 1;
    if (rows > 0 && cols > 0) covered += rows * cols;
    if (covered > capacity) throw new Error('Cannot merge already merged cells');
  }
}

export function buildGrid(
  file: string,
  sheet: string | undefined,
  cells: readonly FoundCell[],
  merges: readonly Span[],
  nameOf: (row: number, col: number) => string = address,
): Grid {
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    if (c.value === null && !c.error) continue;
    if (c.row > rows) rows = c.row;
    if (c.col > cols) cols = c.col;
  }
  const real = merges.filter((m) => m.top >= 1 && m.left >= 1 && m.bottom >= m.top && m.right >= m.left && (m.bottom > m.top || m.right > m.left));
  for (const m of real) {
    if (m.bottom > rows) rows = m.bottom;
    if (m.right > cols) cols = m.right;
  }
  const grid = new Grid(file, sheet, rows, cols, nameOf);
  refuseMergeStorm(real, grid);
  for (const m of real) {
    if (m.top > grid.rowCount || m.left > grid.colCount) continue;
    grid.merge({ top: m.top, left: m.left, bottom: Math.min(m.bottom, grid.rowCount), right: Math.min(m.right, grid.colCount) });
  }
  for (const c of cells) {
    if (c.row < 1 || c.col < 1 || c.row > grid.rowCount || c.col > grid.colCount) continue;
    if (c.value === null && !c.error) continue;
    if (!grid.isMaster(c.row, c.col)) continue;
    const g: GridCell = { row: c.row, col: c.col, address: nameOf(c.row, c.col), value: c.value, text: scalarText(c.value).trim() };
    if (c.error) g.error = c.error;
    grid.set(g);
  }
  return grid;
}

/** A number as Excel reads one typed into a cell: digits, optional sign, decimals, thousands commas. */
const PLAIN_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * What a typed text is once in a cell, for the formats that carry no types (HTML, CSV, Word): a plain
 * number is a number, as Excel makes it when it opens them; a number with a leading zero or more than
 * 15 digits (a phone or area code, a credit code) stays the text a person reads; `asText` when the
 * file marks the cell as text.
 */
export function cellScalar(text: string, asText: boolean): Scalar {
  if (asText || !PLAIN_NUMBER.test(text)) return text;
  const digits = text.replace(/[-+,.]/g, '');
  if (digits.length > 15 || (/^[-+]?0\d/.test(text) && !text.includes('.'))) return text;
  return Number(text.replace(/,/g, ''));
}
