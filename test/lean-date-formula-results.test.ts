import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/ingest/files/limits.js';
import { openWorkbookGrids } from '../src/ingest/files/openWorkbook.js';
import { isoDate, readCellValue, scalarText } from '../src/ingest/forms/cellValue.js';
import { inputFileAt, tempDir } from './files-helpers.js';

/** A sheet whose date-formatted cells hold formulas with a text, an error and a number result. */
async function dateFormulaWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申报表');
  ws.getCell('A1').value = '成立日期';
  ws.getCell('B1').value = { formula: '"待定"', result: '待定' };
  ws.getCell('B2').value = { formula: 'NA()', result: { error: '#N/A' } };
  ws.getCell('B3').value = { formula: 'DATE(2021,11,25)', result: 44525 };
  for (const a of ['B1', 'B2', 'B3']) ws.getCell(a).numFmt = 'yyyy-mm-dd';
  const dir = await tempDir();
  const abs = join(dir, '附件1.xlsx');
  await writeFile(abs, new Uint8Array(await wb.xlsx.writeBuffer()));
  return abs;
}

describe('formula results in date-formatted cells', () => {
  it('the exceljs reader reads a text or error result as a formula without a usable result instead of crashing', async () => {
    const abs = await dateFormulaWorkbook();
    const opened = await openWorkbookGrids(inputFileAt(abs, '杭州市/某公司/附件1.xlsx'), DEFAULT_LIMITS, 'exceljs');
    expect(opened.grids).not.toBeNull();
    const grid = opened.grids![0]!;
    expect(grid.at(1, 2)).toMatchObject({ value: null, text: '', noResult: true });
    expect(grid.at(2, 2)).toMatchObject({ value: null, text: '', noResult: true });
    expect(grid.at(3, 2)).toMatchObject({ text: '2021-11-25' });
  });

  it('the lean reader keeps the text and the error of the same cells', async () => {
    const abs = await dateFormulaWorkbook();
    const opened = await openWorkbookGrids(inputFileAt(abs, '杭州市/某公司/附件1.xlsx'), DEFAULT_LIMITS, 'lean');
    const grid = opened.grids![0]!;
    expect(grid.at(1, 2)).toMatchObject({ value: '待定', text: '待定' });
    expect(grid.at(2, 2)).toMatchObject({ error: '#N/A' });
    expect(grid.at(3, 2)).toMatchObject({ text: '2021-11-25' });
  });

  it('an Invalid Date never reaches the text of a cell', () => {
    const invalid = new Date(Number.NaN);
    expect(readCellValue(invalid)).toEqual({ value: null, noResult: true });
    expect(readCellValue({ formula: 'A1', result: invalid })).toEqual({ value: null, noResult: true });
    expect(isoDate(invalid)).toBe('');
    expect(scalarText(invalid)).toBe('');
  });
});
