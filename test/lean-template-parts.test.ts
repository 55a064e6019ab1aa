import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entryData, readZipDirectory, type ZipEntry } from '../src/ingest/files/zip.js';
import { gridsFromXlsx } from '../src/ingest/lean/readXlsx.js';
import { KnownParts } from '../src/ingest/lean/partCache.js';
import { readWorkbookListing } from '../src/ingest/lean/workbookPart.js';
import { workbookBytes } from '../src/util/workbookBytes.js';
import { gridPicture, gridsOf } from './lean-helpers.js';

async function expectSameGrids(bytes: Uint8Array, file: string): Promise<void> {
  const viaExceljs = (await gridsOf('exceljs', bytes, file)).map(gridPicture);
  const viaLean = (await gridsOf('lean', bytes, file)).map(gridPicture);
  expect(viaLean).toEqual(viaExceljs);
}

function patchParts(xlsx: Uint8Array, edits: Record<string, (xml: string) => string>): Uint8Array {
  const files = unzipSync(xlsx);
  for (const [part, edit] of Object.entries(edits)) files[part] = strToU8(edit(strFromU8(files[part]!)));
  return zipSync(files);
}

/** Two sheets from one template, with a date-formatted cell, so styles and workbook parts matter. */
async function templateWorkbook(marker: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const first = wb.addWorksheet(`甲${marker}`);
  first.getCell('A1').value = '第一张';
  first.getCell('B2').value = 44000;
  first.getCell('B2').numFmt = 'yyyy-mm-dd';
  const second = wb.addWorksheet(`乙${marker}`);
  second.getCell('A1').value = '第二张';
  second.getCell('C3').value = 12.5;
  second.getCell('C3').numFmt = '0.00%';
  return workbookBytes(wb);
}

function entry(name: string, method: number, uncompressedSize: number): ZipEntry {
  return { name, isDirectory: false, flags: 0, method, crc32: 0, compressedSize: 0, uncompressedSize, localHeaderOffset: 0 };
}

describe('parts shared by the workbooks of one template', () => {
  it('are read as if each workbook were read alone, whatever the other parts say', async () => {
    const base = await templateWorkbook('一');
    await expectSameGrids(base, 'a.xlsx');
    // Same styles and workbook parts, other cell values.
    const otherValues = patchParts(base, { 'xl/worksheets/sheet1.xml': (xml) => xml.replace('<v>44000</v>', '<v>45000</v>') });
    await expectSameGrids(otherValues, 'b.xlsx');
    // Same workbook.xml, the rels swapped: each sheet name now points at the other part.
    const swapped = patchParts(base, {
      'xl/_rels/workbook.xml.rels': (xml) => xml.replace('worksheets/sheet1.xml', 'worksheets/@@').replace('worksheets/sheet2.xml', 'worksheets/sheet1.xml').replace('worksheets/@@', 'worksheets/sheet2.xml'),
    });
    await expectSameGrids(swapped, 'c.xlsx');
    const lean = gridsFromXlsx(swapped, 'c.xlsx');
    expect(lean.map((g) => [g.sheet, g.at(1, 1).text])).toEqual([
      ['甲一', '第二张'],
      ['乙一', '第一张'],
    ]);
    // Same rels, the date style's format changed: the cells follow the new styles part.
    const otherStyles = patchParts(base, { 'xl/styles.xml': (xml) => xml.replace('yyyy-mm-dd', '0.00') });
    await expectSameGrids(otherStyles, 'd.xlsx');
    expect(gridsFromXlsx(otherStyles, 'd.xlsx')[0]!.at(2, 2).value).toBe(44000);
    expect(gridsFromXlsx(base, 'a.xlsx')[0]!.at(2, 2).value).toBeInstanceOf(Date);
  });

  it('do not change which error a workbook with a broken part fails with', async () => {
    const good = await templateWorkbook('二');
    const broken = new Uint8Array(good);
    const sheet = readZipDirectory(broken).find((e) => e.name === 'xl/worksheets/sheet2.xml')!;
    // A deflate block of the reserved type 3: inflating fails at once.
    entryData(broken, sheet)[0] = 0xff;
    const failure = (bytes: Uint8Array) => {
      try {
        gridsFromXlsx(bytes, 'x.xlsx');
        return 'read';
      } catch (e) {
        return (e as Error).message;
      }
    };
    const first = failure(broken);
    expect(first).not.toBe('read');
    expect(failure(good)).toBe('read');
    expect(failure(good)).toBe('read');
    expect(failure(broken)).toBe(first);
  });

  it('are recognised by their exact stored bytes, name, method and declared size', () => {
    const known = new KnownParts(3, 100);
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const id = known.remember(entry('xl/styles.xml', 8, 10), bytes);
    expect(id).toBeGreaterThan(0);
    expect(known.find(entry('xl/styles.xml', 8, 10), new Uint8Array([1, 2, 3, 4]))).toBe(id);
    expect(known.find(entry('xl/styles.xml', 8, 10), new Uint8Array([1, 2, 3, 5]))).toBe(0);
    expect(known.find(entry('xl/styles.xml', 8, 10), new Uint8Array([1, 2, 3]))).toBe(0);
    expect(known.find(entry('xl/styles.xml', 8, 11), bytes)).toBe(0);
    expect(known.find(entry('xl/styles.xml', 0, 10), bytes)).toBe(0);
    expect(known.find(entry('xl/workbook.xml', 8, 10), bytes)).toBe(0);
    // What is kept is a copy: the workbook's buffer may be reused.
    bytes[0] = 9;
    expect(known.find(entry('xl/styles.xml', 8, 10), new Uint8Array([1, 2, 3, 4]))).toBe(id);
  });

  it('are remembered within bounds: the least recently used go first, oversized parts never', () => {
    const known = new KnownParts(2, 4);
    const a = entry('a', 8, 1);
    const b = entry('b', 8, 1);
    const c = entry('c', 8, 1);
    const one = new Uint8Array([1]);
    const idA = known.remember(a, one);
    const idB = known.remember(b, one);
    expect(known.find(a, one)).toBe(idA); // a is now the most recent
    const idC = known.remember(c, one);
    expect(known.find(b, one)).toBe(0);
    expect(known.find(a, one)).toBe(idA);
    expect(known.find(c, one)).toBe(idC);
    expect(new Set([idA, idB, idC]).size).toBe(3);
    expect(known.remember(entry('d', 8, 1), new Uint8Array(5))).toBe(0);
  });

  it('give results no caller can change', () => {
    const listing = readWorkbookListing(
      '<workbook><workbookPr date1904="1"/><sheets><sheet name="表" r:id="rId1"/></sheets></workbook>',
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    expect(listing).toEqual({ sheets: [{ name: '表', part: 'xl/worksheets/sheet1.xml' }], date1904: true });
    expect(Object.isFrozen(listing)).toBe(true);
    expect(Object.isFrozen(listing.sheets)).toBe(true);
    expect(Object.isFrozen(listing.sheets[0])).toBe(true);
  });
});

describe('cell references in a sheet part', () => {
  async function sheetWith(sheetData: string, mergeCells = ''): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 'x';
    return patchParts(await workbookBytes(wb), {
      'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${sheetData}</sheetData>${mergeCells}`),
    });
  }

  it('are read with $ signs, and a cell without one counts as the next column, as exceljs does', async () => {
    const bytes = await sheetWith(
      '<row r="1"><c r="$B$1" t="inlineStr"><is><t>b</t></is></c><c r="$D1"><v>4</v></c><c><v>5</v></c><c r="AA$1"><v>27</v></c></row>',
      '<mergeCells count="1"><mergeCell ref="$H$3:I$4"/></mergeCells>',
    );
    await expectSameGrids(bytes, 'refs.xlsx');
    const grid = gridsFromXlsx(bytes, 'refs.xlsx')[0]!;
    expect([grid.at(1, 2).value, grid.at(1, 4).value, grid.at(1, 5).value, grid.at(1, 27).value]).toEqual(['b', 4, 5, 27]);
    expect(grid.isMaster(3, 8)).toBe(true);
    expect(grid.isMaster(4, 9)).toBe(false);
  });

  it('are read in lower case too, and a malformed one counts as the next column', async () => {
    // exceljs refuses lower-case cell references ('A Cell needs a Row'); the lean reader has always taken them.
    const bytes = await sheetWith(
      '<row r="1"><c r="b1"><v>2</v></c><c r="1A"><v>3</v></c><c r="$e$1"><v>5</v></c><c r="F"><v>6</v></c><c r="G1x"><v>7</v></c><c r="aA1"><v>27</v></c></row>',
      '<mergeCells count="1"><mergeCell ref="k5:$j$6"/></mergeCells>',
    );
    const grid = gridsFromXlsx(bytes, 'lower.xlsx')[0]!;
    expect([2, 3, 5, 6, 7, 27].map((c) => grid.at(1, c).value)).toEqual([2, 3, 5, 6, 7, 27]);
    expect(grid.isMaster(5, 10)).toBe(true);
    expect(grid.isMaster(6, 11)).toBe(false);
  });
});
