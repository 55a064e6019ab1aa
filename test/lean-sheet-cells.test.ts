import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../src/util/workbookBytes.js';
import { gridPicture, gridsOf } from './lean-helpers.js';

/** A one-sheet workbook whose sheetData (and what follows it) is exactly `body`. */
async function sheetWith(body: string, after = ''): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('S').getCell('A1').value = '占位';
  const files = unzipSync(await workbookBytes(wb));
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']!);
  files['xl/worksheets/sheet1.xml'] = strToU8(xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${body}</sheetData>${after}`));
  return zipSync(files);
}

/** What a reader makes of the bytes: the Grids as plain data, or that it refused them. */
async function outcome(reader: 'exceljs' | 'lean', bytes: Uint8Array) {
  try {
    return (await gridsOf(reader, bytes, 'cells.xlsx')).map(gridPicture);
  } catch {
    return 'refused';
  }
}

async function expectSameOutcome(bytes: Uint8Array): Promise<void> {
  const lean = await outcome('lean', bytes);
  expect(lean).toEqual(await outcome('exceljs', bytes));
}

describe('the lean reader places cells as exceljs does', () => {
  it('when cells come out of order or twice at one place, the later one winning', async () => {
    const bytes = await sheetWith(
      '<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="C1"><v>33</v></c></row>' +
        '<row r="2"><c r="B2"><v>2</v></c><c r="B2" s="0"/><c r="D2"><v>4</v></c></row>',
    );
    const lean = await outcome('lean', bytes);
    expect(lean).not.toBe('refused');
    await expectSameOutcome(bytes);
  });

  it('when rows are listed out of order', async () => {
    await expectSameOutcome(
      await sheetWith('<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>33</v></c></row><row r="1"><c r="B1"><v>9</v></c><c r="A1"><v>1</v></c></row>'),
    );
  });

  it.each([
    ['with $ signs', '<row r="2"><c r="$B$2"><v>1</v></c><c r="C$2"><v>2</v></c></row>'],
    ['with leading zeros', '<row r="2"><c r="B02"><v>1</v></c><c r="C002"><v>2</v></c></row>'],
    ['for another row than their <row>', '<row r="2"><c r="B5"><v>1</v></c><c r="C1"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>'],
  ])('when references are written %s (the address comes from the position)', async (_how, body) => {
    const bytes = await sheetWith(body);
    await expectSameOutcome(bytes);
  });

  it('when merged ranges are written backwards or with $ signs', async () => {
    await expectSameOutcome(
      await sheetWith(
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="4"><c r="D4"><v>3</v></c></row>',
        '<mergeCells count="2"><mergeCell ref="B2:A1"/><mergeCell ref="$D$4:$E$5"/></mergeCells>',
      ),
    );
  });
});

describe('the lean reader on rows exceljs refuses', () => {
  // exceljs refuses `<row r="x">`; the lean reader reads on, and must not loop over such rows forever.
  it('finishes a sheet whose row numbers are not numbers, cells out of order', async () => {
    const bytes = await sheetWith('<row r="x"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row><row r="x"><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c></row>');
    const grids = await gridsOf('lean', bytes, 'nan.xlsx');
    expect(grids[0]!.at(2, 1).value).toBe(4);
  });
});
