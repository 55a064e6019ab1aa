/**
 * An HTML page saved as .xls, as web systems export a table (and as Excel and LibreOffice save "web
 * page" workbooks): read as Excel opens it, into one Grid. Every table row is a row; text outside the
 * tables (a heading, a paragraph with the form's title) is a row of its own in column A, where Excel
 * puts it. `colspan`/`rowspan` become merged ranges. A number is a number when Excel would make it one:
 * its `x:num` attribute, or a cell's text that is a plain number and not marked as text
 * (`mso-number-format:"\@"`, `x:str`, `sdnum="…;@"`), never a number with a leading zero or more
 * than 15 digits (a phone number, a credit code).
 */
import { Parser } from 'htmlparser2';
import type { Span } from '../forms/grid.js';
import type { Grid } from '../forms/grid.js';
import type { Scalar } from '../forms/cellValue.js';
import { buildGrid, cellScalar, type FoundCell } from './buildGrid.js';

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'caption', 'pre', 'center']);
const MAX_SPANNED = 20000 * 64;
const SKIP = new Set(['script', 'style', 'head', 'title', 'xml']);

function collapse(s: string): string {
  // Whitespace as a browser shows it; <br> was kept as \n.
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
    .join('\n')
    .trim();
}

interface OpenCell {
  row: number;
  col: number;
  text: string;
  asText: boolean;
  num?: number;
  error?: string;
}

export function gridsFromHtml(html: string, file: string, sheetName: string): Grid[] {
  const cells: FoundCell[] = [];
  const merges: Span[] = [];
  /** Positions taken by a rowspan from a row above: row → columns. */
  const taken = new Map<number, Set<number>>();
  let row = 0;
  let col = 0;
  let inRow = false;
  let tableDepth = 0;
  let cell: OpenCell | null = null;
  let loose = '';
  let skipping = 0;
  let sheetFromPage: string | undefined;
  let inName = false;
  let spanned = 0;

  const flushLoose = () => {
    const t = collapse(loose);
    loose = '';
    if (!t) return;
    row++;
    cells.push({ row, col: 1, value: t });
  };
  const isTaken = (r: number, c: number) => taken.get(r)?.has(c) ?? false;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) {
          skipping++;
          return;
        }
        if (skipping > 0) {
          // Excel's own HTML names its sheet in <x:Name>, inside <xml> in the head.
          if (name === 'x:name') inName = true;
          return;
        }
        if (name === 'table') {
          tableDepth++;
          if (tableDepth === 1) flushLoose();
          return;
        }
        if (tableDepth !== 1) {
          if (name === 'br' && cell) cell.text += '\n';
          return;
        }
        if (name === 'tr') {
          row++;
          col = 0;
          inRow = true;
        } else if ((name === 'td' || name === 'th') && inRow) {
          col++;
          while (isTaken(row, col)) col++;
          const colspan = Math.max(1, Math.min(64, parseInt(attrs.colspan ?? '1', 10) || 1));
          const rowspan = Math.max(1, Math.min(20000, parseInt(attrs.rowspan ?? '1', 10) || 1));
          const style = (attrs.style ?? '').toLowerCase();
          const asText =
            'x:str' in attrs || /mso-number-format\s*:\s*["']?\\?@/.test(style) || /;@"?$/.test(attrs.sdnum ?? '') || /;@$/.test(attrs.sdval ?? '');
          cell = { row, col, text: '', asText };
          const xnum = attrs['x:num'] ?? attrs.sdval;
          if (xnum !== undefined && xnum !== '' && !asText && Number.isFinite(Number(xnum))) cell.num = Number(xnum);
          if (colspan > 1 || rowspan > 1) {
            // A page spanning more positions than a sheet holds is hostile (refused as on the .xlsx path).
            if ((spanned += colspan * rowspan) > MAX_SPANNED) throw new Error('Cannot merge already merged cells');
            merges.push({ top: row, left: col, bottom: row + rowspan - 1, right: col + colspan - 1 });
            for (let r = row + 1; r < row + rowspan; r++) {
              let set = taken.get(r);
              if (!set) taken.set(r, (set = new Set()));
              for (let c = col; c < col + colspan; c++) set.add(c);
            }
          }
          col += colspan - 1;
        } else if (name === 'br' && cell) cell.text += '\n';
        else if (BLOCK.has(name) && cell && cell.text !== '') cell.text += '\n';
      },
      ontext(text) {
        if (skipping > 0) {
          if (inName) sheetFromPage = (sheetFromPage ?? '') + text;
          return;
        }
        if (cell) cell.text += text;
        else if (tableDepth === 0) loose += text;
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (name === 'x:name') inName = false;
        if (skipping > 0) return;
        if (name === 'table') {
          tableDepth = Math.max(0, tableDepth - 1);
          return;
        }
        if (tableDepth === 0) {
          if (BLOCK.has(name) || name === 'br') {
            if (name === 'br') loose += '\n';
            else flushLoose();
          }
          return;
        }
        if (tableDepth !== 1) return;
        if ((name === 'td' || name === 'th') && cell) {
          const text = collapse(cell.text);
          const value: Scalar = cell.num !== undefined ? cell.num : cellScalar(text, cell.asText);
          if (text !== '' || cell.num !== undefined) cells.push({ row: cell.row, col: cell.col, value });
          cell = null;
        } else if (name === 'tr') {
          inRow = false;
          // A row with a rowspan reaching past the last <tr> still counts as rows (Excel keeps them).
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flushLoose();
  const name = sheetFromPage?.trim() || sheetName;
  return [buildGrid(file, name, cells, merges)];
}
