/**
 * A CSV or TSV file saved as .xls (a system's "export to Excel" that writes text): decoded first
 * (UTF-8 with or without BOM, else GB18030, as Excel on Chinese Windows saves it; UTF-16 with its
 * mark, as Excel's 「Unicode 文本」), then split by
 * csv-parse, with the delimiter the first line uses (a tab or a comma). One Grid, named after the
 * file as Excel names the sheet when it opens one; numbers are numbers where Excel would make them so.
 */
import { parse } from 'csv-parse/sync';
import type { Grid } from '../forms/grid.js';
import { decodeSheetText, type SheetTextEncoding } from './text.js';
import { buildGrid, cellScalar, type FoundCell } from './buildGrid.js';

export function delimiterOf(text: string): ',' | '\t' | ';' {
  const line = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const count = (ch: string) => line.split(ch).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semis = count(';');
  if (tabs > 0 && tabs >= commas) return '\t';
  if (semis > commas) return ';';
  return ',';
}

export function gridsFromCsv(bytes: Uint8Array, file: string, sheetName: string): { grids: Grid[]; encoding: SheetTextEncoding } {
  const decoded = decodeSheetText(bytes);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const rows = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  const cells: FoundCell[] = [];
  rows.forEach((r, i) =>
    r.forEach((raw, j) => {
      const t = raw.trim();
      if (t !== '') cells.push({ row: i + 1, col: j + 1, value: cellScalar(t, false) });
    }),
  );
  return { grids: [buildGrid(file, sheetName, cells, [])], encoding: decoded.encoding };
}
