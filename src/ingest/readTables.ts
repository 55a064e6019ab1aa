/**
 * A sheet a person keeps beside the submissions (the panel's 专家评分表, the clerk's 人工复核记录表) as
 * tables of cell text: CSV decoded first (UTF-8 with or without BOM, else GB18030, so no character is
 * ever split), or every worksheet of an XLSX with the forms' cell normalisation (rich text, formulas'
 * results, merged cells, dates).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { isCsvName } from '../data/inputTree.js';
import { decodeText } from '../util/decodeText.js';
import { displayPath } from '../util/displayPath.js';
import { UsageError } from '../util/errors.js';
import { loadExcel } from '../util/loadExcel.js';
import { gridFromWorksheet } from './forms/grid.js';

export interface SheetTable {
  /** The worksheet's name ('' for CSV). */
  name: string;
  /** Rows of cells as text; a merged range's text in its first cell only. */
  table: string[][];
}

/** The file's bytes are there but hold no table (CSV that does not parse, no workbook, no worksheet). */
export class TableUnreadable extends Error {
  override name = 'TableUnreadable';
}

/**
 * The file's tables and its path as reports show it. A file that cannot be read at all is a
 * `UsageError` naming `what` (exit 2); one that holds no table throws `TableUnreadable` with the reason,
 * for the caller to say what the sheet should hold.
 */
export async function readTables(file: string, what: string): Promise<{ shown: string; sheets: SheetTable[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new UsageError(`无法读取${what}：${file}`, { cause });
  }
  const shown = displayPath(file);
  if (isCsvName(file)) {
    const { text } = decodeText(bytes);
    try {
      return { shown, sheets: [{ name: '', table: parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][] }] };
    } catch (e) {
      throw new TableUnreadable(`CSV 无法解析（${(e as Error).message}）`);
    }
  }
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new TableUnreadable(`不是可读取的 .xlsx 工作簿（${(e as Error).message}）`);
  }
  if (wb.worksheets.length === 0) throw new TableUnreadable('工作簿中没有工作表');
  const sheets = wb.worksheets.map((ws) => {
    const grid = gridFromWorksheet(ws, shown);
    const table: string[][] = [];
    for (let r = 1; r <= grid.rowCount; r++) {
      const cells: string[] = [];
      for (let c = 1; c <= grid.colCount; c++) cells.push(grid.isMaster(r, c) ? grid.at(r, c).text : '');
      table.push(cells);
    }
    return { name: ws.name, table };
  });
  return { shown, sheets };
}
