/**
 * A sheet as the readers see it: plain scalars by row and column, merged ranges resolved to their
 * master (so a merged label is one cell, read once), and the place of each cell for findings. Built
 * from an exceljs worksheet or from CSV rows, so A3 is read the same way from both.
 */
import type ExcelJS from 'exceljs';
import type { Location } from '../../model/location.js';
import { isDateFormat, readCellValue, scalarText, serialToDate, type Scalar } from './cellValue.js';
import { normaliseText } from '../../forms/normalise.js';

export interface GridCell {
  row: number;
  col: number;
  address: string;
  value: Scalar;
  /** Trimmed display text ('' for an empty cell). */
  text: string;
  error?: string;
  noResult?: boolean;
}

export interface Span {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

// Hostile or runaway sheets (a stray value in XFD1048576) must not make reading cost unbounded.
const MAX_ROWS = 20000;
const MAX_COLS = 64;

export class Grid {
  readonly rowCount: number;
  readonly colCount: number;
  private readonly cells = new Map<number, GridCell>();
  /** Slave position → master position, for merged ranges. */
  private readonly masterOf = new Map<number, number>();
  private readonly spans = new Map<number, Span>();
  /**
   * The stored master cells inside the bounds, row by row, made on first use: readers walk the filled
   * cells many times, and a sheet holds far fewer cells than row × column positions.
   */
  private ordered: { cells: GridCell[]; rows: number[] } | undefined;

  constructor(
    readonly file: string,
    readonly sheet: string | undefined,
    rows: number,
    cols: number,
    /** How a person names a position: `B7` in a sheet; a Word table's reader names rows and columns in words. */
    readonly nameOf: (row: number, col: number) => string = address,
  ) {
    this.rowCount = Math.min(rows, MAX_ROWS);
    this.colCount = Math.min(cols, MAX_COLS);
  }

  private static key(r: number, c: number): number {
    return r * 1024 + c;
  }

  set(cell: GridCell): void {
    this.cells.set(Grid.key(cell.row, cell.col), cell);
    this.ordered = undefined;
  }

  merge(span: Span): void {
    this.ordered = undefined;
    const mk = Grid.key(span.top, span.left);
    this.spans.set(mk, span);
    for (let r = span.top; r <= span.bottom; r++)
      for (let c = span.left; c <= span.right; c++) if (r !== span.top || c !== span.left) this.masterOf.set(Grid.key(r, c), mk);
  }

  /** The cell at (r, c), or the master of its merged range. */
  at(r: number, c: number): GridCell {
    const k = this.masterOf.get(Grid.key(r, c)) ?? Grid.key(r, c);
    const row = Math.floor(k / 1024);
    const col = k % 1024;
    return this.cells.get(k) ?? { row, col, address: this.nameOf(row, col), value: null, text: '' };
  }

  /** Whether (r, c) is the master (or not merged): iterate masters only to read each merged cell once. */
  isMaster(r: number, c: number): boolean {
    return !this.masterOf.has(Grid.key(r, c));
  }

  span(r: number, c: number): Span {
    const k = this.masterOf.get(Grid.key(r, c)) ?? Grid.key(r, c);
    return this.spans.get(k) ?? { top: r, left: c, bottom: r, right: c };
  }

  /** Every non-empty master cell, row by row. */
  *filled(fromRow = 1, toRow = this.rowCount): Generator<GridCell> {
    const { cells, rows } = this.inOrder();
    const last = Math.min(toRow, this.rowCount);
    for (let i = firstAtOrAfter(rows, fromRow); i < cells.length; i++) {
      if (rows[i]! > last) return;
      const cell = cells[i]!;
      if (cell.text !== '' || cell.error || cell.noResult) yield cell;
    }
  }

  private inOrder(): { cells: GridCell[]; rows: number[] } {
    if (this.ordered) return this.ordered;
    const keys: number[] = [];
    const cells: GridCell[] = [];
    const rows: number[] = [];
    let sorted = true;
    const merged = this.masterOf.size > 0;
    this.cells.forEach((cell, k) => {
      const r = Math.floor(k / 1024);
      const c = k - r * 1024;
      if (r > this.rowCount || c < 1 || c > this.colCount || (merged && this.masterOf.has(k))) return;
      if (keys.length > 0 && keys[keys.length - 1]! > k) sorted = false;
      keys.push(k);
      cells.push(cell);
      rows.push(r);
    });
    // Builders set cells row by row, so sorting is rarely needed.
    if (!sorted) {
      keys.sort((a, b) => a - b);
      for (let i = 0; i < keys.length; i++) {
        cells[i] = this.cells.get(keys[i]!)!;
        rows[i] = Math.floor(keys[i]! / 1024);
      }
    }
    this.ordered = { cells, rows };
    return this.ordered;
  }

  loc(cell: { address: string }): Location {
    const l: Location = { file: this.file, cell: cell.address };
    if (this.sheet !== undefined) l.sheet = this.sheet;
    return l;
  }

  sheetLoc(): Location {
    const l: Location = { file: this.file };
    if (this.sheet !== undefined) l.sheet = this.sheet;
    return l;
  }
}

/** Index of the first entry of `rows` (ascending) at or after `row`. */
function firstAtOrAfter(rows: readonly number[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function address(row: number, col: number): string {
  return `${col >= 1 && col <= COLUMN_NAMES.length ? COLUMN_NAMES[col - 1]! : columnName(col)}${row}`;
}

function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A … ZZ: every address of a sheet names one of these. */
const COLUMN_NAMES = Array.from({ length: 26 * 27 }, (_, i) => columnName(i + 1));

function decodeAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.toUpperCase());
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function gridFromWorksheet(ws: ExcelJS.Worksheet, file: string): Grid {
  const grid = new Grid(file, ws.name, ws.rowCount, ws.columnCount);
  for (let r = 1; r <= grid.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > grid.colCount) return;
      if (cell.isMerged && cell.master !== cell) return;
      const read = readCellValue(cell.value);
      let value = read.value;
      // Dates typed into a number-formatted cell come back as serial numbers; the format tells.
      if (typeof value === 'number' && isDateFormat(cell.numFmt)) value = serialToDate(value);
      const g: GridCell = { row: r, col: c, address: address(r, c), value, text: scalarText(value).trim() };
      if (read.error) g.error = read.error;
      if (read.noResult) g.noResult = true;
      grid.set(g);
    });
  }
  for (const range of mergeRanges(ws)) {
    const [a, b] = range.split(':');
    if (!a || !b) continue;
    const tl = decodeAddress(a);
    const br = decodeAddress(b);
    if (tl.row < 1 || tl.col < 1) continue;
    grid.merge({ top: tl.row, left: tl.col, bottom: Math.min(br.row, grid.rowCount), right: Math.min(br.col, grid.colCount) });
  }
  return grid;
}

function mergeRanges(ws: ExcelJS.Worksheet): string[] {
  // exceljs keeps merges on the model; `_merges` holds Range objects keyed by master address.
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string; tl?: string; br?: string }> })._merges ?? {};
  const out: string[] = [];
  for (const m of Object.values(merges)) {
    if (m?.range) out.push(m.range);
    else if (m?.tl && m?.br) out.push(`${m.tl}:${m.br}`);
  }
  return out;
}

export function gridFromRows(rows: string[][], file: string): Grid {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const grid = new Grid(file, undefined, rows.length, cols);
  rows.forEach((cells, i) => {
    cells.forEach((raw, j) => {
      const text = raw.trim();
      if (text === '') return;
      grid.set({ row: i + 1, col: j + 1, address: address(i + 1, j + 1), value: raw, text });
    });
  });
  return grid;
}

/** Normalised text of a cell, for comparing with labels and titles. */
export function norm(cell: GridCell): string {
  return normaliseText(cell.text);
}
