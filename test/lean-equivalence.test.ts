import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { writeTemplates } from '../src/template/writeTemplates.js';
import { workbookBytes } from '../src/util/workbookBytes.js';
import { addA1Sheet, addA2Sheet, addA3Sheet, addExpertSheet, addProductListSheet, addSystemListSheet } from '../src/template/build.js';
import { generateFixtures } from '../src/fixtures/generate.js';
import { gridsOf, gridPicture } from './lean-helpers.js';

let rules: Rules;
let dir: string;
beforeAll(async () => {
  rules = await loadRules();
  dir = await mkdtemp(path.join(os.tmpdir(), 'yunshang-lean-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectSameGrids(bytes: Uint8Array, file: string): Promise<void> {
  const viaExceljs = (await gridsOf('exceljs', bytes, file)).map(gridPicture);
  const viaLean = (await gridsOf('lean', bytes, file)).map(gridPicture);
  expect(viaLean).toEqual(viaExceljs);
}

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.xlsx')) out.push(path.join(e.parentPath, e.name));
  return out.sort();
}

function patchPart(xlsx: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(xlsx);
  files[part] = strToU8(edit(strFromU8(files[part]!)));
  return zipSync(files);
}

describe('the lean reader builds the same Grids as exceljs', () => {
  it('for every blank template', async () => {
    const written = await writeTemplates(path.join(dir, 'templates'), rules);
    expect(written.length).toBeGreaterThan(0);
    for (const f of await filesUnder(path.join(dir, 'templates'))) await expectSameGrids(await readFile(f), path.basename(f));
  });

  it('for workbooks made by the form builders, several forms in one workbook', async () => {
    const wb = new ExcelJS.Workbook();
    addA1Sheet(wb, { enterpriseName: '杭州某某科技有限公司', registeredCapital: 5000, employees: 320, legalPhone: '13800000001' });
    addA2Sheet(wb, rules, { indicators: { 'infra.storage': { n: 1, m: 2 } } });
    addA3Sheet(wb, '杭州市', [{ seq: 1, district: '西湖区', enterpriseName: '甲公司', salesLastYear: 100 } as never]);
    addSystemListSheet(wb, rules);
    addProductListSheet(wb);
    addExpertSheet(wb, rules);
    await expectSameGrids(await workbookBytes(wb), 'all.xlsx');
  });

  it('for every workbook of a generated province, defects included', async () => {
    const out = path.join(dir, 'province');
    await generateFixtures({ out, applicants: 24, seed: 7, defects: true, expertScores: null });
    const files = await filesUnder(out);
    expect(files.length).toBeGreaterThan(24 * 4);
    for (const f of files) {
      const bytes = await readFile(f);
      // Defect files that are not workbooks at all (random bytes, HTML) are refused by both alike.
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) continue;
      await expectSameGrids(bytes, path.relative(out, f));
    }
  });

  it('for cells as people type them: rich text, hyperlinks, formulas with and without results, errors, dates, merges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申报表');
    ws.getCell('A1').value = '制造业云上企业申报表';
    ws.getCell('B2').value = { richText: [{ text: '杭州' }, { text: 'Acme', font: { bold: true } }, { text: '科技有限公司' }] };
    ws.getCell('D6').value = { text: '李四', hyperlink: 'mailto:lisi@example.com' };
    ws.getCell('E6').value = { text: { richText: [{ text: '富' }, { text: '链接' }] }, hyperlink: 'https://example.com/' } as unknown as ExcelJS.CellValue;
    ws.getCell('F6').value = { text: '123', hyperlink: 'https://example.com/n' };
    ws.getCell('F8').value = { formula: 'B5*2', result: 246 };
    ws.getCell('F9').value = { formula: 'B5*2' } as ExcelJS.CellValue;
    ws.getCell('F10').value = { formula: 'A1', result: '文字结果' } as ExcelJS.CellValue;
    ws.getCell('F11').value = { formula: '1=1', result: true } as ExcelJS.CellValue;
    ws.getCell('F12').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellValue;
    ws.getCell('D16').value = { sharedFormula: 'F8', result: 2 } as unknown as ExcelJS.CellValue;
    ws.getCell('B5').value = { error: '#N/A' };
    ws.getCell('B7').value = new Date(Date.UTC(2020, 5, 1));
    ws.getCell('C7').value = 44000;
    ws.getCell('C7').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('C8').value = 44000;
    ws.getCell('C8').numFmt = '0.00';
    ws.getCell('C9').value = { formula: 'C7+1', result: 44001 } as ExcelJS.CellValue;
    ws.getCell('C9').numFmt = 'yyyy-mm-dd';
    ws.getCell('C10').value = true;
    ws.getCell('C11').value = '  空格  ';
    ws.getCell('C12').value = '第一行\n第二行';
    ws.getCell('H20').border = { top: { style: 'thin' } };
    ws.mergeCells('A13:C14');
    ws.getCell('A13').value = '合并';
    ws.mergeCells('K4:K5');
    ws.mergeCells('J30:J30');
    const formulas = ws.getCell('F8');
    expect(formulas.formula).toBe('B5*2');
    await expectSameGrids(await workbookBytes(wb), 'typed.xlsx');
  });

  it('for parts written by other tools: inline strings, str results, phonetic runs, escapes, 1904 dates, styled empty cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = '占位';
    ws.getCell('A2').value = 1;
    const base = await workbookBytes(wb);
    let bytes = patchPart(base, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(
        /<sheetData>[\s\S]*<\/sheetData>/,
        '<sheetData>' +
          '<row r="1"><c r="A1" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c><c r="B1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本_x000D_</t></r></is></c></row>' +
          '<row r="2"><c r="A2" t="str"><v>a &amp;amp; b</v></c><c r="B2" t="str"><f>A1</f><v>结果</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#REF!</v></c><c r="E2"><v>1.5E3</v></c></row>' +
          '<row r="3"/>' +
          '<row r="4"><c r="A4" s="1"/><c r="F4" s="1"/></row>' +
          '<row r="5"><c r="A5" t="s"><v>0</v></c><c r="B5" t="s"><v>1</v></c><c r="C5" t="s"><v>2</v></c><c r="D5"><f t="shared" ref="D5:D6" si="0">A2*2</f><v>2</v></c></row>' +
          '<row r="6"><c r="D6"><f t="shared" si="0"/><v>4</v></c><c r="E6"><v>44000</v></c><c><v>7</v></c></row>' +
          '</sheetData>',
      ),
    );
    bytes = patchPart(bytes, 'xl/sharedStrings.xml', () =>
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">' +
        '<si><t>共享_x0041_</t></si><si><r><t>浙江</t></r><r><t>杭州</t></r><rPh sb="0" eb="2"><t>ZJ</t></rPh></si><si/></sst>',
    );
    bytes = patchPart(bytes, 'xl/workbook.xml', (xml) => xml.replace(/<workbookPr[^>]*\/>/, '<workbookPr date1904="1"/>'));
    bytes = patchPart(bytes, 'xl/styles.xml', (xml) =>
      xml.replace(/<cellXfs count="\d+">/, (m) => m).replace(/(<cellXfs[^>]*>[\s\S]*?)(<\/cellXfs>)/, '$1<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>$2'),
    );
    // E6 gets the date style appended above (index = old count).
    const styles = strFromU8(unzipSync(bytes)['xl/styles.xml']!);
    const dateStyle = (styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1]!.match(/<xf /g) ?? []).length - 1;
    bytes = patchPart(bytes, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<c r="E6">', `<c r="E6" s="${dateStyle}">`));
    const lean = await gridsOf('lean', bytes, 'other.xlsx');
    expect(lean[0]!.at(1, 2).text).toBe('富 文本');
    expect(lean[0]!.at(5, 2).value).toBe('浙江杭州');
    expect(lean[0]!.at(6, 5).value).toBeInstanceOf(Date);
    await expectSameGrids(bytes, 'other.xlsx');
  });

  it('refuses a sheet with overlapping merged ranges, as exceljs does', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 'x';
    const bytes = patchPart(await workbookBytes(wb), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('</sheetData>', '</sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'),
    );
    await expect(gridsOf('exceljs', bytes, 'm.xlsx')).rejects.toThrow(/WORKBOOK_CORRUPT/);
    await expect(gridsOf('lean', bytes, 'm.xlsx')).rejects.toThrow(/WORKBOOK_CORRUPT/);
  });
});
