/**
 * Word (.docx) documents holding the forms as tables, as 附件1 and 附件2 are often handed out: one
 * Grid per top-level table. Its rows are the table's rows, its columns the table grid's
 * (`w:gridCol`); a cell spanning columns (`w:gridSpan`) or rows (`w:vMerge` restart … continue) is a
 * merged range. The text written above a table (the form's title is often a paragraph there, not a
 * row) comes first, one paragraph a row, so forms are recognised by their title as in a workbook.
 *
 * Places are named as a person finds them in Word: 「第2个表格」, 「第3行第2列」 (the cell's place in its
 * row, as one counts cells across, not the grid column), 「表格上方第1段」.
 */
import { scanXml, type XmlAttrs, type XmlHandlers } from '../lean/xml.js';
import type { Grid, Span } from '../forms/grid.js';
import { buildGrid, cellScalar, type FoundCell } from './buildGrid.js';
import { inflateRawSync } from 'node:zlib';
import { checkInflated, entryData, readZipDirectory, unsupportedEntry, ZipFormatError } from '../files/zip.js';

/** Tick boxes inserted as symbols (Insert → Symbol, Wingdings fonts) rather than as characters. */
const SYMBOLS: Record<string, Record<string, string>> = {
  wingdings: { F0FE: '☑', F0FD: '☒', F0A8: '□', F06F: '□', F0FC: '✓', F0FB: '✗', F06E: '■', F06C: '●' },
  'wingdings 2': { F052: '☑', F054: '☒', F0A3: '□', F050: '✓', F0A2: '□', F0A4: '■' },
};

const HIDDEN = new Set(['instrText', 'delText', 'del']);

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** `w:val` as Word writes it; any other prefix is looked for only when that is absent. */
function attr(attrs: XmlAttrs, name: string): string | undefined {
  const v = attrs.get(`w:${name}`);
  if (v !== undefined) return v;
  const all = attrs.toRecord();
  for (const k in all) if (local(k) === name) return all[k];
  return undefined;
}

interface TableBuild {
  cells: FoundCell[];
  merges: Span[];
  /** Open vertical merges by their first grid column. */
  open: Map<number, Span>;
  /** grid row * 1024 + grid column → the cell's ordinal in its row, for naming. */
  ordinal: Map<number, number>;
  row: number;
  col: number;
  cellInRow: number;
  /** Paragraphs written above the table. */
  above: number;
}

export function gridsFromDocumentXml(xml: string, file: string): Grid[] {
  let grids: Grid[] = [];
  // The lean reader's scanner (saxes for what it declines): several times faster than saxes alone.
  scanXml(xml, () => {
    const run = documentHandlers(file);
    grids = run.grids;
    return run.handlers;
  });
  return grids;
}

/** Fresh state for one pass over word/document.xml (scanXml may start again with saxes). */
function documentHandlers(file: string): { grids: Grid[]; handlers: XmlHandlers } {
  const grids: Grid[] = [];
  let paragraphs: string[] = [];
  let para = '';
  let tableDepth = 0;
  let table: TableBuild | null = null;
  let cell: { span: number; vMerge: 'restart' | 'continue' | null; text: string; paragraphs: number } | null = null;
  let inText = false;
  let skipText = 0;

  const finishTable = (t: TableBuild) => {
    const n = grids.length + 1;
    const shift = t.above;
    const cells: FoundCell[] = paragraphs.map((p, i) => ({ row: i + 1, col: 1, value: p }));
    for (const c of t.cells) cells.push({ ...c, row: c.row + shift });
    const merges = t.merges.map((m) => ({ ...m, top: m.top + shift, bottom: m.bottom + shift }));
    const nameOf = (row: number, col: number) =>
      row <= shift ? `表格上方第${row}段` : `第${row - shift}行第${t.ordinal.get((row - shift) * 1024 + col) ?? col}列`;
    grids.push(buildGrid(file, `第${n}个表格`, cells, merges, nameOf));
    paragraphs = [];
  };

  const open = (tagName: string, attrs: XmlAttrs) => {
    const name = local(tagName);
    if (name === 'tbl') {
      tableDepth++;
      if (tableDepth === 1) {
        table = { cells: [], merges: [], open: new Map(), ordinal: new Map(), row: 0, col: 0, cellInRow: 0, above: paragraphs.length };
      }
      return;
    }
    if (HIDDEN.has(name)) {
      // Field codes and deleted (tracked) text are not what the page shows.
      skipText++;
      return;
    }
    if (tableDepth === 1 && table) {
      const t: TableBuild = table;
      if (name === 'tr') {
        t.row++;
        t.col = 1;
        t.cellInRow = 0;
        return;
      }
      if (name === 'gridBefore' && cell === null) {
        t.col += Math.max(0, parseInt(attr(attrs, 'val') ?? '0', 10) || 0);
        return;
      }
      if (name === 'tc') {
        cell = { span: 1, vMerge: null, text: '', paragraphs: 0 };
        return;
      }
      if (cell && name === 'gridSpan') {
        cell.span = Math.max(1, Math.min(64, parseInt(attr(attrs, 'val') ?? '1', 10) || 1));
        return;
      }
      if (cell && name === 'vMerge') {
        cell.vMerge = attr(attrs, 'val') === 'restart' ? 'restart' : 'continue';
        return;
      }
    }
    if (name === 't') inText = true;
    else if (name === 'tab') addText('\t');
    else if (name === 'br' || name === 'cr') addText('\n');
    else if (name === 'sym') {
      const font = (attr(attrs, 'font') ?? '').toLowerCase();
      const ch = (attr(attrs, 'char') ?? '').toUpperCase();
      const mapped = SYMBOLS[font]?.[ch] ?? SYMBOLS[font]?.[`F0${ch.slice(-2)}`];
      if (mapped) addText(mapped);
    } else if (name === 'p' && cell && tableDepth === 1) {
      if (cell.paragraphs++ > 0) cell.text += '\n';
    }
  };

  function addText(s: string) {
    if (skipText > 0) return;
    if (cell) cell.text += s;
    else if (tableDepth === 0) para += s;
  }

  const text = (s: string) => {
    if (inText && skipText === 0) addText(s);
  };

  const close = (tagName: string) => {
    const name = local(tagName);
    if (HIDDEN.has(name)) {
      skipText = Math.max(0, skipText - 1);
      return;
    }
    if (name === 't') inText = false;
    else if (name === 'p' && tableDepth === 0) {
      const text = para.replace(/[ \t\u3000]+/g, ' ').trim();
      para = '';
      if (text) paragraphs.push(text);
    } else if (name === 'tbl') {
      tableDepth--;
      if (tableDepth === 0 && table) {
        finishTable(table);
        table = null;
      }
    } else if (name === 'tc' && tableDepth === 1 && table && cell) {
      const t: TableBuild = table;
      const c = cell;
      cell = null;
      const col = t.col;
      t.cellInRow++;
      t.col += c.span;
      for (let k = col; k < col + c.span; k++) t.ordinal.set(t.row * 1024 + k, t.cellInRow);
      if (c.vMerge === 'continue') {
        const open = t.open.get(col);
        if (open) {
          open.bottom = t.row;
          return;
        }
      }
      for (let k = col; k < col + c.span; k++) t.open.delete(k);
      const span: Span = { top: t.row, left: col, bottom: t.row, right: col + c.span - 1 };
      t.merges.push(span);
      if (c.vMerge === 'restart') t.open.set(col, span);
      const value = c.text
        .split('\n')
        .map((l) => l.replace(/[ \t]+/g, ' ').trim())
        .join('\n')
        .trim();
      if (value !== '') t.cells.push({ row: t.row, col, value: cellScalar(value, false) });
    }
  };
  return { grids, handlers: { open, text, close } };
}

/** The tables of a .docx (its sizes already checked: openWorkbook). */
export function gridsFromDocx(bytes: Uint8Array, file: string): Grid[] {
  const entry = readZipDirectory(bytes).find((e) => e.name === 'word/document.xml');
  if (!entry) throw new Error('word/document.xml is missing');
  const why = unsupportedEntry(entry);
  if (why) throw new ZipFormatError(`${entry.name}: ${why}`);
  // Node's zlib, capped at the declared size (checked against the limits before), as the .xlsx reader does.
  const stored = entryData(bytes, entry);
  const data = entry.method === 0 ? stored : inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  checkInflated(entry, data);
  return gridsFromDocumentXml(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'), file);
}
