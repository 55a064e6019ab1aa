/**
 * "XML Spreadsheet 2003" (urn:schemas-microsoft-com:office:spreadsheet), as Excel 2003 saved it and
 * as many web systems still export "Excel" files: one Grid per `Worksheet`. A cell's place is the
 * next column after the one before (and its `ss:MergeAcross`), or its `ss:Index`; a row's the next
 * row or its `ss:Index`. `ss:MergeAcross`/`ss:MergeDown` are merged ranges; `Data ss:Type` says
 * Number, DateTime, Boolean, Error or String (formatted text, `ss:Data` with HTML inside, is read as
 * its text).
 */
import { SaxesParser } from 'saxes';
import type { Grid, Span } from '../forms/grid.js';
import type { Scalar } from '../forms/cellValue.js';
import { buildGrid, type FoundCell } from './buildGrid.js';

const local = (name: string) => name.slice(name.indexOf(':') + 1);

function attr(attrs: Record<string, string>, name: string): string | undefined {
  for (const k in attrs) if (local(k) === name) return attrs[k];
  return undefined;
}

function dataValue(type: string, text: string): { value: Scalar; error?: string } {
  switch (type) {
    case 'Number': {
      const n = Number(text.trim());
      return { value: Number.isFinite(n) ? n : text };
    }
    case 'DateTime': {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?/.exec(text.trim());
      if (!m) return { value: text };
      return { value: new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))) };
    }
    case 'Boolean':
      return { value: text.trim() === '1' || text.trim().toLowerCase() === 'true' };
    case 'Error':
      return { value: null, error: text.trim() };
    default:
      return { value: text };
  }
}

export function gridsFromXml2003(xml: string, file: string): Grid[] {
  const grids: Grid[] = [];
  let sheet: { name: string; cells: FoundCell[]; merges: Span[] } | null = null;
  let row = 0;
  let col = 0;
  let cell: { row: number; col: number; type: string; text: string; inData: number } | null = null;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    if (cell && cell.inData > 0) {
      cell.inData++;
      return;
    }
    switch (name) {
      case 'Worksheet':
        sheet = { name: attr(attrs, 'Name') ?? `Sheet${grids.length + 1}`, cells: [], merges: [] };
        row = 0;
        break;
      case 'Table':
        row = 0;
        break;
      case 'Row': {
        const index = parseInt(attr(attrs, 'Index') ?? '', 10);
        row = Number.isFinite(index) && index > row ? index : row + 1;
        col = 0;
        break;
      }
      case 'Cell': {
        if (!sheet) break;
        const index = parseInt(attr(attrs, 'Index') ?? '', 10);
        col = Number.isFinite(index) && index > col ? index : col + 1;
        const across = Math.max(0, Math.min(64, parseInt(attr(attrs, 'MergeAcross') ?? '0', 10) || 0));
        const down = Math.max(0, Math.min(20000, parseInt(attr(attrs, 'MergeDown') ?? '0', 10) || 0));
        if (across || down) sheet.merges.push({ top: row, left: col, bottom: row + down, right: col + across });
        cell = { row, col, type: 'String', text: '', inData: 0 };
        col += across;
        break;
      }
      case 'Data':
        if (cell) {
          cell.type = attr(attrs, 'Type') ?? 'String';
          cell.inData = 1;
        }
        break;
    }
  });
  parser.on('text', (t) => {
    if (cell && cell.inData > 0) cell.text += t;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (cell && cell.inData > 0) {
      cell.inData--;
      if (cell.inData > 0 || name !== 'Data') return;
    }
    if (name === 'Cell' && cell && sheet) {
      const v = dataValue(cell.type, cell.text);
      if (v.value !== null || v.error) {
        const found: FoundCell = { row: cell.row, col: cell.col, value: typeof v.value === 'string' ? v.value.replace(/\r\n?/g, '\n') : v.value };
        if (v.error) found.error = v.error;
        sheet.cells.push(found);
      }
      cell = null;
    } else if (name === 'Worksheet' && sheet) {
      grids.push(buildGrid(file, sheet.name, sheet.cells, sheet.merges));
      sheet = null;
    }
  });
  parser.write(xml).close();
  return grids;
}
