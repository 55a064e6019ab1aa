import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { addA1Sheet, addA2Sheet } from '../src/template/build.js';
import { writeWorkbook } from '../src/template/writeTemplates.js';
import { readFormsFromGrids as readForms, recogniseGrids } from '../src/ingest/forms/index.js';
import type { Grid } from '../src/ingest/forms/grid.js';
import type { WorkbookReader } from '../src/ingest/files/openWorkbook.js';
import { gridsOf, READERS } from './lean-helpers.js';
import { formOfTitle } from '../src/ingest/forms/recognise.js';

let rules: Rules;
let dir: string;
beforeAll(async () => {
  rules = await loadRules();
  dir = await mkdtemp(path.join(os.tmpdir(), 'yunshang-recognise-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Saves `wb` and opens it again as Grids with `reader`. */
async function saveAndOpenWith(reader: WorkbookReader, wb: ExcelJS.Workbook, name: string): Promise<Grid[]> {
  const file = path.join(dir, name);
  await writeWorkbook(wb, file);
  return gridsOf(reader, await readFile(file), name);
}

describe.each(READERS)('forms are recognised by their title, not by file or sheet name (%s reader)', (reader) => {
  const saveAndOpen = (wb: ExcelJS.Workbook, name: string) => saveAndOpenWith(reader, wb, name);

  it('finds A1 and A2 as two sheets of one workbook', async () => {
    const wb = new ExcelJS.Workbook();
    addA1Sheet(wb, { enterpriseName: '甲公司' });
    addA2Sheet(wb, rules, { indicators: { 'infra.storage': { n: 1, m: 2 } } });
    const back = await saveAndOpen(wb, '材料.xlsx');
    const found = readForms(back, '材料.xlsx', rules);
    expect(found.a1?.fields.enterpriseName?.value).toBe('甲公司');
    expect(found.a2?.indicators['infra.storage']?.n?.value).toBe(1);
    expect(found.a1?.sheet).toBe('申报表');
    expect(found.a2?.sheet).toBe('用云水平评估表');
  });

  it('recognises a renamed file with renamed sheets', async () => {
    const wb = new ExcelJS.Workbook();
    addA2Sheet(wb, rules);
    wb.worksheets[0]!.name = 'Sheet1';
    const back = await saveAndOpen(wb, '最终版(2)(1).xlsx');
    expect(recogniseGrids(back)).toEqual([{ sheet: 'Sheet1', kind: 'a2' }]);
  });

  it('recognises titles with full-width brackets, other quotes, extra spaces, line breaks and an 附件 prefix', () => {
    expect(formOfTitle('制造业 “云上企业” 用云水平评估表')).toBe('a2');
    expect(formOfTitle('制造业「云上企业」用云\n水平评估表')).toBe('a2');
    expect(formOfTitle('制造业"云上企业"用云水平评估表')).toBe('a2');
    expect(formOfTitle('附件1：制造业云上企业申报表')).toBe('a1');
    expect(formOfTitle('制造业　云上企业　推荐排序表（2021年）')).toBe('a3');
    expect(formOfTitle(' 系统清单 ')).toBe('systems');
    expect(formOfTitle('云计算产品和服务清单')).toBe('products');
    expect(formOfTitle('专家评分表')).toBe('experts');
    expect(formOfTitle('已上云的业务和应用清单')).toBeUndefined();
    expect(formOfTitle('本公司的系统清单请见附件，内容较多，此处不再一一列出')).toBeUndefined();
  });

  it('reads a title in the second row after an 附件 row, and ignores sheets that are no form', async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('说明');
    notes.getCell('A1').value = '填写说明：请如实填写';
    const ws = wb.addWorksheet('表1');
    ws.getCell('A1').value = '附件1';
    ws.getCell('A2').value = '制造业云上企业申报表';
    ws.getCell('A3').value = '企业名称（盖章）';
    ws.getCell('B3').value = '乙公司';
    const back = await saveAndOpen(wb, 'x.xlsx');
    const found = readForms(back, 'x.xlsx', rules);
    expect(found.a1?.fields.enterpriseName?.value).toBe('乙公司');
    expect(found.a2).toBeUndefined();
    expect(recogniseGrids(back)).toEqual([{ sheet: '表1', kind: 'a1' }]);
  });

  it('reads the first of two sheets of the same form and warns about the second', async () => {
    const wb = new ExcelJS.Workbook();
    addA1Sheet(wb, { enterpriseName: '甲' });
    addA1Sheet(wb, { enterpriseName: '乙' });
    const back = await saveAndOpen(wb, 'two.xlsx');
    const found = readForms(back, 'two.xlsx', rules);
    expect(found.a1?.fields.enterpriseName?.value).toBe('甲');
    expect(found.findings.filter((f) => f.code === 'FORM_DUPLICATE_SHEET')).toEqual([
      expect.objectContaining({ severity: 'warning', location: { file: 'two.xlsx', sheet: '申报表2' } }),
    ]);
  });
});
