/**
 * Reading a written workbook's bytes with either reader, so the ingest tests run against both, and a
 * plain-data picture of a Grid for comparing what the two readers built.
 */
import type { FormsFound } from '../src/ingest/forms/index.js';
import { readFormsFromGrids } from '../src/ingest/forms/index.js';
import type { Grid } from '../src/ingest/forms/grid.js';
import { openWorkbookGrids, type WorkbookReader } from '../src/ingest/files/openWorkbook.js';
import type { InputFile } from '../src/ingest/files/tree.js';
import type { Rules } from '../src/rules/schema.js';

export const READERS: WorkbookReader[] = ['exceljs', 'lean'];

export function memoryFile(path: string, bytes: Uint8Array): InputFile {
  return { path, relPath: path, size: bytes.length, read: async () => Buffer.from(bytes) };
}

/** The Grids `reader` makes of `bytes`, after the same checks a real run does; throws if unreadable. */
export async function gridsOf(reader: WorkbookReader, bytes: Uint8Array, file: string): Promise<Grid[]> {
  const opened = await openWorkbookGrids(memoryFile(file, bytes), undefined, reader);
  if (!opened.grids) throw new Error(`${file} unreadable with ${reader}: ${JSON.stringify(opened.findings)}`);
  return opened.grids;
}

export async function formsOf(reader: WorkbookReader, bytes: Uint8Array, file: string, rules: Rules): Promise<FormsFound> {
  return readFormsFromGrids(await gridsOf(reader, bytes, file), file, rules);
}

/** Everything a form reader can ask a Grid, cell by cell, as plain data. */
export function gridPicture(grid: Grid) {
  const cells: unknown[] = [];
  for (let r = 1; r <= grid.rowCount; r++)
    for (let c = 1; c <= grid.colCount; c++) {
      const cell = grid.at(r, c);
      const master = grid.isMaster(r, c);
      if (!master || cell.text !== '' || cell.value !== null || cell.error || cell.noResult) {
        const value = cell.value instanceof Date ? { date: cell.value.getTime() } : cell.value;
        cells.push({ r, c, master, span: grid.span(r, c), address: cell.address, value, text: cell.text, error: cell.error, noResult: cell.noResult });
      }
    }
  return { file: grid.file, sheet: grid.sheet, rowCount: grid.rowCount, colCount: grid.colCount, cells, filled: [...grid.filled()].map((c) => c.address) };
}
