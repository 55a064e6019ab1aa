import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchXlsxPart, withMergeStorm } from '../src/fixtures/bad.js';
import { DEFAULT_LIMITS } from '../src/ingest/files/limits.js';
import { openWorkbookGrids } from '../src/ingest/files/openWorkbook.js';
import { inputFileAt, tempDir, xlsxBytes } from './files-helpers.js';

async function openLean(bytes: Uint8Array) {
  const abs = join(await tempDir(), '附件1.xlsx');
  await writeFile(abs, bytes);
  return openWorkbookGrids(inputFileAt(abs, '杭州市/某公司/附件1.xlsx'), DEFAULT_LIMITS, 'lean');
}

describe('lean reader: merged ranges', () => {
  it('refuses a sheet of 4,001 overlapping merged ranges as corrupt instead of resolving them cell by cell', async () => {
    const storm = withMergeStorm(await xlsxBytes([['制造业云上企业申报表']]), 'xl/worksheets/sheet1.xml', 4001);
    const opened = await openLean(storm);
    expect(opened.grids).toBeNull();
    expect(opened.findings).toEqual([
      expect.objectContaining({ code: 'WORKBOOK_CORRUPT', args: { message: 'Cannot merge already merged cells' }, location: { file: '杭州市/某公司/附件1.xlsx' } }),
    ]);
  });

  it('still reads 4,001 merged ranges that do not overlap', async () => {
    const refs = Array.from({ length: 4001 }, (_, i) => `<mergeCell ref="A${i * 2 + 2}:B${i * 2 + 2}"/>`).join('');
    const bytes = patchXlsxPart(await xlsxBytes([['制造业云上企业申报表']]), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('</sheetData>', `</sheetData><mergeCells count="4001">${refs}</mergeCells>`),
    );
    const opened = await openLean(bytes);
    expect(opened.findings).toEqual([]);
    const grid = opened.grids![0]!;
    expect(grid.at(1, 1).text).toBe('制造业云上企业申报表');
    expect(grid.span(8002, 2)).toEqual({ top: 8002, left: 1, bottom: 8002, right: 2 });
    expect(grid.isMaster(8002, 2)).toBe(false);
  });
});
