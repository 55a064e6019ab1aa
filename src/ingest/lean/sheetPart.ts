/**
 * One worksheet part to a Grid, giving exactly what `gridFromWorksheet` gives for the same part after
 * exceljs has loaded it: the same cell values (the exceljs cell value is rebuilt and passed through the
 * same `readCellValue`), the same dates, the same merged ranges, and the same row and column counts
 * (exceljs counts styled empty cells and the cells a merge creates, so readers scan the same area).
 */
import { Grid, address, type GridCell, type Span } from '../forms/grid.js';
import { isDateFormat, readCellValue, scalarText, serialToDate, type Scalar } from '../forms/cellValue.js';
import { exceljsIsDateFormat } from './stylesPart.js';
import { decodeEscapes, scanXml, xmlDecodeAgain, type XmlHandlers } from './xml.js';

export interface SheetContext {
  name: string;
  file: string;
  sharedStrings: (string | null)[] | undefined;
  styleFormats: readonly (string | undefined)[];
  date1904: boolean;
  /** Relationship id → target, from the sheet's own .rels (hyperlinks). */
  rels: Map<string, string>;
}

interface ParsedCell {
  row: number;
  col: number;
  ref: string | undefined;
  /** The value exceljs would hold; undefined for a styled empty cell (exceljs type Null). */
  value: unknown;
  /** exceljs leaves out cells with neither value nor style; a hyperlink brings them back. */
  kept: boolean;
  formula: boolean;
  /** Whether the forms read a number in this cell as a date (their test, isDateFormat, not exceljs's). */
  dateFormat: boolean;
  /** `ref` when it is exactly the Grid address of the cell (nearly always), which spares making it again. */
  address: string | undefined;
}

/** A merged range as the sheet states it (before it is clipped to the Grid). */
type Range = Span;

/** Set by readRef: the parts of the last reference it accepted. */
let refCol = 0;
let refDigitsAt = 0;
/** Set by readRef: the row number when the reference is written as `address` writes it (`B12`), else 0. */
let refPlainRow = 0;

/**
 * Whether `ref` is an A1 reference (`$?[A-Za-z]+$?[0-9]+`, either case, as exceljs accepts); sets refCol
 * (A = 1), refDigitsAt (where the row number starts) and refPlainRow. A loop instead of a regex: it runs
 * for every cell.
 */
function readRef(ref: string): boolean {
  const n = ref.length;
  let i = ref.charCodeAt(0) === 0x24 /* $ */ ? 1 : 0;
  let plain = i === 0;
  let col = 0;
  const lettersAt = i;
  for (; i < n; i++) {
    const raw = ref.charCodeAt(i);
    const c = raw & ~0x20; // ASCII upper case; the range test below rejects what it mangles
    if (c < 0x41 || c > 0x5a) break;
    if (raw !== c) plain = false;
    col = col * 26 + (c - 64);
  }
  if (i === lettersAt) return false;
  if (ref.charCodeAt(i) === 0x24) {
    i++;
    plain = false;
  }
  const digitsAt = i;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
    row = row * 10 + (c - 0x30);
  }
  if (i === digitsAt) return false;
  refCol = col;
  refDigitsAt = digitsAt;
  // No leading zero and few enough digits for `row` to be exact: then the digits are String(row).
  refPlainRow = plain && ref.charCodeAt(digitsAt) !== 0x30 && n - digitsAt <= 9 ? row : 0;
  return true;
}

/**
 * `parseInt(text, 10)` without the call for the short digit strings that `<v>` and `s` hold on every
 * cell; anything else (signs, spaces, long numbers) is parseInt's to read.
 */
function parseIndex(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return parseInt(text, 10);
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return parseInt(text, 10);
    v = v * 10 + d;
  }
  return v;
}

/**
 * A range as exceljs reads `ref`: the first two pieces of `ref.split(':')`, the second being the first
 * when there is no colon (cut by hand: this runs for every merged range).
 */
function decodeRange(ref: string): Range | null {
  const colon = ref.indexOf(':');
  let a = ref;
  let b = ref;
  if (colon >= 0) {
    a = ref.slice(0, colon);
    const next = ref.indexOf(':', colon + 1);
    b = ref.slice(colon + 1, next < 0 ? ref.length : next);
  }
  if (!a || !b || !readRef(a)) return null;
  const row1 = Number(a.slice(refDigitsAt));
  const col1 = refCol;
  if (!readRef(b)) return null;
  const row2 = Number(b.slice(refDigitsAt));
  const col2 = refCol;
  return { top: Math.min(row1, row2), left: Math.min(col1, col2), bottom: Math.max(row1, row2), right: Math.max(col1, col2) };
}

function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

interface SheetScan {
  cells: ParsedCell[];
  /** The highest `<row>` number (NaN once one is not a number, as Math.max has it). */
  maxRow: number;
  merges: Range[];
  hyperlinks: Map<string, string>;
}

/** Cell and merge records of a sheet part, before counting and hyperlinks. */
function scanSheet(xml: string, ctx: SheetContext): SheetScan {
  let scan: SheetScan | undefined;
  scanXml(xml, () => {
    scan = { cells: [], maxRow: 0, merges: [], hyperlinks: new Map() };
    return sheetHandlers(ctx, scan);
  });
  return scan!;
}

function sheetHandlers(ctx: SheetContext, scan: SheetScan): XmlHandlers {
  const { cells, merges, hyperlinks } = scan;
  // exceljs's date test and the forms' per style index, worked out once per style rather than once per cell.
  const exceljsDateStyle: (boolean | undefined)[] = [];
  const formsDateStyle: (boolean | undefined)[] = [];

  let rowNo = 0;
  let prevCol = 0;
  let inCell = false;
  let ref: string | undefined;
  let type: string | undefined;
  let styleId: number | undefined;
  let formula = '';
  let shareType: string | undefined;
  let value: string | undefined;
  let runs: string[] | undefined;
  let node: 'f' | 'v' | 't' | undefined;
  let inRun = false;
  let runText: string[] | null = null;

  const finishCell = () => {
    // exceljs takes the row from <row>, not from the reference.
    let plainAddress: string | undefined;
    let col = prevCol + 1;
    if (ref && readRef(ref)) {
      col = refCol;
      if (refPlainRow !== 0 && refPlainRow === rowNo) plainAddress = ref;
    }
    prevCol = col;
    const numFmt = styleId ? ctx.styleFormats[styleId] : undefined;
    let exceljsDate = false;
    let dateFormat = false;
    if (styleId) {
      exceljsDate = exceljsDateStyle[styleId] ??= exceljsIsDateFormat(numFmt);
      dateFormat = formsDateStyle[styleId] ??= isDateFormat(numFmt);
    }
    const raw: string | undefined = runs ? runs.join('') : value;
    const cell: ParsedCell = { row: rowNo, col, ref, value: undefined, kept: true, formula: false, dateFormat, address: plainAddress };
    if (formula || shareType) {
      cell.formula = true;
      let result: unknown;
      if (raw) {
        if (type === 'str') result = xmlDecodeAgain(raw);
        else if (type === 'b') result = parseInt(raw, 10) !== 0;
        else if (type === 'e') result = { error: raw };
        else result = parseFloat(raw);
      }
      // exceljs turns any result in a date-formatted cell into a Date; only numbers make a real one.
      if (exceljsDate && (typeof result === 'number' || typeof result === 'boolean')) result = excelToDate(Number(result), ctx.date1904);
      cell.value = { formula, result };
    } else if (raw !== undefined) {
      switch (type) {
        case 's': {
          const index = parseIndex(raw);
          if (!ctx.sharedStrings) cell.value = index;
          else {
            const s = ctx.sharedStrings[index];
            if (s === undefined) throw new Error(`shared string ${raw} does not exist (${ctx.name}!${ref ?? ''})`);
            cell.value = s === null ? {} : s;
          }
          break;
        }
        case 'str':
          cell.value = xmlDecodeAgain(raw);
          break;
        case 'inlineStr':
          cell.value = raw;
          break;
        case 'b':
          cell.value = parseInt(raw, 10) !== 0;
          break;
        case 'e':
          cell.value = { error: raw };
          break;
        default: {
          const n = parseFloat(raw);
          cell.value = exceljsDate ? excelToDate(n, ctx.date1904) : n;
        }
      }
    } else if (!styleId) cell.kept = false;
    cells.push(cell);
  };

  return {
    open(name, a) {
      if (inCell) {
        if (inRun) {
          if (name === 't') runText = [];
          return;
        }
        if (name === 'f') {
          node = 'f';
          shareType = a.get('t');
        } else if (name === 'v') node = 'v';
        else if (name === 't') node = 't';
        else if (name === 'r') {
          inRun = true;
          (runs ??= []).push('');
        }
        return;
      }
      switch (name) {
        case 'row': {
          const r = a.get('r');
          rowNo = r ? parseIndex(r) : rowNo + 1;
          scan.maxRow = Math.max(scan.maxRow, rowNo);
          prevCol = 0;
          break;
        }
        case 'c': {
          inCell = true;
          ref = a.get('r');
          type = a.get('t');
          const s = a.get('s');
          styleId = s ? parseIndex(s) : undefined;
          formula = '';
          shareType = undefined;
          value = undefined;
          runs = undefined;
          node = undefined;
          break;
        }
        case 'mergeCell': {
          const ref = a.get('ref');
          const r = ref ? decodeRange(ref) : null;
          if (r) merges.push(r);
          break;
        }
        case 'hyperlink': {
          const id = a.get('r:id');
          const target = id ? ctx.rels.get(id) : undefined;
          const ref = a.get('ref');
          if (ref && target) hyperlinks.set(ref, target);
          break;
        }
      }
    },
    text(t) {
      if (!inCell) return;
      if (inRun) {
        runText?.push(t);
        return;
      }
      if (node === 'f') formula += t;
      else if (node === 'v' || node === 't') value = value === undefined ? t : value + t;
    },
    close(name) {
      if (!inCell) return;
      if (inRun) {
        if (name === 't' && runText) {
          runs![runs!.length - 1] = decodeEscapes(runText.join(''));
          runText = null;
        } else if (name === 'r') inRun = false;
        return;
      }
      if (name === 'c') {
        finishCell();
        inCell = false;
      } else if (name === 'f' || name === 'v' || name === 't' || name === 'is') node = undefined;
    },
  };
}

/** Above this many merged ranges the pairwise checks exceljs does are skipped (hostile sheets only). */
const PAIRWISE_MERGE_LIMIT = 4000;

function intersects(a: Range, b: Range): boolean {
  return !(b.bottom < a.top || b.top > a.bottom || b.right < a.left || b.left > a.right);
}

function hasSlaveInRow(m: Range, r: number): boolean {
  return r >= m.top && r <= m.bottom && (r > m.top || m.right > m.left);
}

/**
 * Merged ranges that together cover more cells than the grid has must overlap, which Excel and
 * exceljs refuse ('Cannot merge already merged cells'). Above PAIRWISE_MERGE_LIMIT the pairwise check
 * is skipped, so without this a few thousand copies of `A60:BL20000` would be resolved cell by cell
 * (billions of steps) and stall the run. Without overlaps the resolving below costs at most the grid.
 */
function refuseMergeStorm(merges: Range[], grid: Grid): void {
  const capacity = grid.rowCount * grid.colCount;
  let covered = 0;
  for (const m of merges) {
    const rows = Math.min(m.bottom, grid.rowCount) - Math.max(m.top, 1) + 1;
    const cols = Math.min(m.right, grid.colCount) - Math.max(m.left, 1) + 1;
    if (rows > 0 && cols > 0) covered += rows * cols;
    if (covered > capacity) throw new Error('Cannot merge already merged cells');
  }
}

/**
 * The cells exceljs keeps, one per position (a later duplicate replaces the earlier one), grouped by
 * row: rows in the order they first appear, in each row the positions in the order they first appear.
 * Written sheets list their cells in strictly increasing order, which needs no maps at all.
 */
function keptCellsByRow(cells: ParsedCell[]): ParsedCell[] {
  const inOrder: ParsedCell[] = [];
  let lastRow = -Infinity;
  let lastCol = -Infinity;
  for (const c of cells) {
    if (!c.kept) continue;
    // Fails for NaN rows too, which then share one row exactly as Map keys do.
    if (!(c.row > lastRow || (c.row === lastRow && c.col > lastCol))) return keptCellsByRowMapped(cells);
    lastRow = c.row;
    lastCol = c.col;
    inOrder.push(c);
  }
  return inOrder;
}

function keptCellsByRowMapped(cells: ParsedCell[]): ParsedCell[] {
  const rows = new Map<number, Map<number, ParsedCell>>();
  for (const c of cells) {
    if (!c.kept) continue;
    let row = rows.get(c.row);
    if (!row) rows.set(c.row, (row = new Map()));
    row.set(c.col, c);
  }
  const out: ParsedCell[] = [];
  for (const row of rows.values()) for (const c of row.values()) out.push(c);
  return out;
}

export function gridFromSheetXml(xml: string, ctx: SheetContext): Grid {
  const { cells, maxRow, merges, hyperlinks } = scanSheet(xml, ctx);
  const pairwise = merges.length <= PAIRWISE_MERGE_LIMIT;
  if (pairwise)
    for (let i = 1; i < merges.length; i++)
      for (let j = 0; j < i; j++) if (intersects(merges[j]!, merges[i]!)) throw new Error('Cannot merge already merged cells');

  if (hyperlinks.size > 0)
    for (const c of cells) {
      const link = c.ref !== undefined ? hyperlinks.get(c.ref) : undefined;
      if (!link) continue;
      const text = c.formula ? (c.value as { result: unknown }).result : c.value;
      c.value = { text, hyperlink: link };
      c.formula = false;
      c.kept = true;
    }
  const kept = keptCellsByRow(cells);

  let rowCount = maxRow;
  for (const m of merges) rowCount = Math.max(rowCount, m.bottom);

  let colCount = 0;
  for (let i = 0; i < kept.length; ) {
    const r = kept[i]!.row;
    let own = 0;
    let hasValue = false;
    // SameValueZero, as the Map keys that grouped the rows: a row number may be NaN (`<row r="x">`).
    for (; i < kept.length && (kept[i]!.row === r || (Number.isNaN(r) && Number.isNaN(kept[i]!.row))); i++) {
      const c = kept[i]!;
      own = Math.max(own, c.col);
      if (c.value !== undefined) hasValue = true;
    }
    let reach = own;
    for (const m of merges) {
      if (r < m.top || r > m.bottom) continue;
      reach = Math.max(reach, m.right);
      if (hasSlaveInRow(m, r)) hasValue = true;
    }
    if (hasValue) colCount = Math.max(colCount, reach);
  }
  for (const m of merges) {
    if (m.bottom === m.top && m.right === m.left) continue;
    colCount = Math.max(colCount, m.right);
    if (!pairwise) continue;
    // Other ranges sharing a row where this one has a merged (non-master) cell widen that row too.
    for (const n of merges) {
      const top = Math.max(m.top, n.top);
      const bottom = Math.min(m.bottom, n.bottom);
      if (top > bottom) continue;
      if (top === bottom && top === m.top && m.right === m.left) continue;
      colCount = Math.max(colCount, n.right);
    }
  }

  const grid = new Grid(ctx.file, ctx.name, rowCount, colCount);
  refuseMergeStorm(merges, grid);
  // A cell inside a merged range, other than its master, is left out. Ranges from row 1 are merged in
  // the Grid first and it answers that; a range reaching row 0 (`A0:B2`, which the Grid does not take)
  // still hides the cells it covers, so only then are the hidden positions listed apart.
  let slave: Set<number> | undefined;
  for (const m of merges) {
    if (m.top >= 1 && m.left >= 1) {
      grid.merge({ top: m.top, left: m.left, bottom: Math.min(m.bottom, grid.rowCount), right: Math.min(m.right, grid.colCount) });
      continue;
    }
    slave ??= new Set();
    for (let r = m.top; r <= Math.min(m.bottom, grid.rowCount); r++)
      for (let c = m.left; c <= Math.min(m.right, grid.colCount); c++) if (r !== m.top || c !== m.left) slave.add(r * 1024 + c);
  }

  for (const c of kept) {
    const r = c.row;
    if (r < 1 || r > grid.rowCount || c.value === undefined || c.col > grid.colCount) continue;
    if (!grid.isMaster(r, c.col) || slave?.has(r * 1024 + c.col)) continue;
    // Strings, numbers and booleans are their own value; only objects need readCellValue.
    let v: Scalar;
    let read: ReturnType<typeof readCellValue> | undefined;
    if (typeof c.value === 'object') v = (read = readCellValue(c.value)).value;
    else v = c.value as Scalar;
    if (typeof v === 'number' && c.dateFormat) v = serialToDate(v);
    const g: GridCell = { row: r, col: c.col, address: c.address ?? address(r, c.col), value: v, text: scalarText(v).trim() };
    if (read?.error) g.error = read.error;
    if (read?.noResult) g.noResult = true;
    grid.set(g);
  }
  return grid;
}
