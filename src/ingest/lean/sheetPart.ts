/**
 * One worksheet part to a Grid, giving exactly what `gridFromWorksheet` gives for the same part after
 * exceljs has loaded it: the same cell values (the exceljs cell value is rebuilt and passed through the
 * same `readCellValue`), the same dates, the same merged ranges, and the same row and column counts
 * (exceljs counts styled empty cells and the cells a merge creates, so readers scan the same area).
 */
import { Grid, address, type GridCell } from '../forms/grid.js';
import { isDateFormat, readCellValue, scalarText, serialToDate } from '../forms/cellValue.js';
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
  numFmt: string | undefined;
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Set by readRef: the parts of the last reference it accepted. */
let refCol = 0;
let refDigitsAt = 0;

/**
 * Whether `ref` is an A1 reference (`$?[A-Za-z]+$?[0-9]+`, either case, as exceljs accepts); sets refCol
 * (A = 1) and refDigitsAt (where the row number starts). A loop instead of a regex: it runs for every cell.
 */
function readRef(ref: string): boolean {
  const n = ref.length;
  let i = ref.charCodeAt(0) === 0x24 /* $ */ ? 1 : 0;
  let col = 0;
  const lettersAt = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) & ~0x20; // ASCII upper case; the range test below rejects what it mangles
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 64);
  }
  if (i === lettersAt) return false;
  if (ref.charCodeAt(i) === 0x24) i++;
  const digitsAt = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  if (i === digitsAt) return false;
  refCol = col;
  refDigitsAt = digitsAt;
  return true;
}

function decodeRef(ref: string): { row: number; col: number } | null {
  return readRef(ref) ? { row: Number(ref.slice(refDigitsAt)), col: refCol } : null;
}

function decodeRange(ref: string): Range | null {
  const [a, b = a] = ref.split(':');
  const tl = a ? decodeRef(a) : null;
  const br = b ? decodeRef(b) : null;
  if (!tl || !br) return null;
  return { top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) };
}

function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

interface SheetScan {
  cells: ParsedCell[];
  rowsSeen: Set<number>;
  merges: Range[];
  hyperlinks: Map<string, string>;
}

/** Cell and merge records of a sheet part, before counting and hyperlinks. */
function scanSheet(xml: string, ctx: SheetContext): SheetScan {
  let scan: SheetScan | undefined;
  scanXml(xml, () => {
    scan = { cells: [], rowsSeen: new Set(), merges: [], hyperlinks: new Map() };
    return sheetHandlers(ctx, scan);
  });
  return scan!;
}

function sheetHandlers(ctx: SheetContext, { cells, rowsSeen, merges, hyperlinks }: SheetScan): XmlHandlers {
  // exceljs's date test per style index, worked out once per style rather than once per cell.
  const dateStyle: (boolean | undefined)[] = [];

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
    const col = ref && readRef(ref) ? refCol : prevCol + 1;
    prevCol = col;
    const numFmt = styleId ? ctx.styleFormats[styleId] : undefined;
    let exceljsDate = false;
    if (styleId) exceljsDate = dateStyle[styleId] ??= exceljsIsDateFormat(numFmt);
    const raw: string | undefined = runs ? runs.join('') : value;
    const cell: ParsedCell = { row: rowNo, col, ref, value: undefined, kept: true, formula: false, numFmt };
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
          const index = parseInt(raw, 10);
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
          shareType = a.t;
        } else if (name === 'v') node = 'v';
        else if (name === 't') node = 't';
        else if (name === 'r') {
          inRun = true;
          (runs ??= []).push('');
        }
        return;
      }
      switch (name) {
        case 'row':
          rowNo = a.r ? parseInt(a.r, 10) : rowNo + 1;
          rowsSeen.add(rowNo);
          prevCol = 0;
          break;
        case 'c':
          inCell = true;
          ref = a.r;
          type = a.t;
          styleId = a.s ? parseInt(a.s, 10) : undefined;
          formula = '';
          shareType = undefined;
          value = undefined;
          runs = undefined;
          node = undefined;
          break;
        case 'mergeCell': {
          const r = a.ref ? decodeRange(a.ref) : null;
          if (r) merges.push(r);
          break;
        }
        case 'hyperlink': {
          const target = a['r:id'] ? ctx.rels.get(a['r:id']) : undefined;
          if (a.ref && target) hyperlinks.set(a.ref, target);
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

export function gridFromSheetXml(xml: string, ctx: SheetContext): Grid {
  const { cells, rowsSeen, merges, hyperlinks } = scanSheet(xml, ctx);
  const pairwise = merges.length <= PAIRWISE_MERGE_LIMIT;
  if (pairwise)
    for (let i = 1; i < merges.length; i++)
      for (let j = 0; j < i; j++) if (intersects(merges[j]!, merges[i]!)) throw new Error('Cannot merge already merged cells');

  // The cells of each row as exceljs keeps them: later duplicates replace earlier ones.
  const rows = new Map<number, Map<number, ParsedCell>>();
  for (const c of cells) {
    const link = c.ref !== undefined ? hyperlinks.get(c.ref) : undefined;
    if (link) {
      const text = c.formula ? (c.value as { result: unknown }).result : c.value;
      c.value = { text, hyperlink: link };
      c.formula = false;
      c.kept = true;
    }
    if (!c.kept) continue;
    let row = rows.get(c.row);
    if (!row) rows.set(c.row, (row = new Map()));
    row.set(c.col, c);
  }

  let rowCount = 0;
  for (const r of rowsSeen) rowCount = Math.max(rowCount, r);
  for (const m of merges) rowCount = Math.max(rowCount, m.bottom);

  let colCount = 0;
  for (const [r, row] of rows) {
    let own = 0;
    let hasValue = false;
    for (const c of row.values()) {
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
  const slave = new Set<number>();
  for (const m of merges)
    for (let r = m.top; r <= Math.min(m.bottom, grid.rowCount); r++)
      for (let c = m.left; c <= Math.min(m.right, grid.colCount); c++) if (r !== m.top || c !== m.left) slave.add(r * 1024 + c);

  for (const [r, row] of rows) {
    if (r < 1 || r > grid.rowCount) continue;
    for (const c of row.values()) {
      if (c.value === undefined || c.col > grid.colCount || slave.has(r * 1024 + c.col)) continue;
      const read = readCellValue(c.value);
      let v = read.value;
      if (typeof v === 'number' && isDateFormat(c.numFmt)) v = serialToDate(v);
      const g: GridCell = { row: r, col: c.col, address: address(r, c.col), value: v, text: scalarText(v).trim() };
      if (read.error) g.error = read.error;
      if (read.noResult) g.noResult = true;
      grid.set(g);
    }
  }
  for (const m of merges) {
    if (m.top < 1 || m.left < 1) continue;
    grid.merge({ top: m.top, left: m.left, bottom: Math.min(m.bottom, grid.rowCount), right: Math.min(m.right, grid.colCount) });
  }
  return grid;
}
