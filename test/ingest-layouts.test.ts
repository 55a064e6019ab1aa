import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { readA3Csv } from '../src/ingest/forms/index.js';
import type { WorkbookReader } from '../src/ingest/files/openWorkbook.js';
import { formsOf, READERS } from './lean-helpers.js';

let rules: Rules;
let dir: string;
beforeAll(async () => {
  rules = await loadRules();
  dir = await mkdtemp(path.join(os.tmpdir(), 'yunshang-layouts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function saveAndReadWith(reader: WorkbookReader, wb: ExcelJS.Workbook, name: string) {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return formsOf(reader, await readFile(file), name, rules);
}

describe.each(READERS)('forms laid out differently from our template are read by their labels (%s reader)', (reader) => {
  const saveAndRead = (wb: ExcelJS.Workbook, name: string) => saveAndReadWith(reader, wb, name);

  it('reads an A1 typed as the notice prints it: spaced labels, half-width brackets, line breaks, merged cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = '制造业云上企业申报表';
    ws.getCell('A2').value = '企业名称 (盖章)';
    ws.mergeCells('B2:F2');
    ws.getCell('B2').value = '丙公司';
    ws.getCell('A3').value = '注册资金 (万元)';
    ws.getCell('B3').value = 100;
    ws.getCell('C3').value = '法人 代表';
    ws.getCell('D3').value = '钱七';
    ws.getCell('E3').value = '联系电话';
    ws.getCell('F3').value = '13700000000';
    ws.getCell('A4').value = '员工数量';
    ws.getCell('B4').value = 50;
    ws.getCell('C4').value = '信息化\n负责人';
    ws.getCell('D4').value = '孙八';
    ws.getCell('E4').value = '联系电话';
    ws.getCell('F4').value = '13600000000';
    // A label over two rows and a value over two rows, as people merge them for long text.
    ws.mergeCells('A5:A6');
    ws.getCell('A5').value = '上年度销售\n收入（万元）';
    ws.mergeCells('B5:F6');
    ws.getCell('B5').value = { error: '#DIV/0!' };
    ws.getCell('A7').value = '上年度利润总额（万元）';
    ws.getCell('B7').value = { formula: 'B3*2' } as ExcelJS.CellValue;
    const found = await saveAndRead(wb, 'notice.xlsx');
    const f = found.a1!.fields;
    expect(f.enterpriseName!.value).toBe('丙公司');
    expect(f.registeredCapital!.value).toBe(100);
    expect(f.legalRepresentative!.value).toBe('钱七');
    expect(f.legalPhone!.value).toBe('13700000000');
    expect(f.itLead!.value).toBe('孙八');
    expect(f.itLeadPhone!.value).toBe('13600000000');
    expect(f.itLeadPhone!.loc.cell).toBe('F4');
    expect(f.salesLastYear!.value).toBeNull();
    expect(f.profitLastYear!.value).toBeNull();
    expect(found.findings.find((x) => x.code === 'VALUE_CELL_ERROR')).toMatchObject({ severity: 'error', location: { cell: 'B5' }, args: { error: '#DIV/0!' } });
    expect(found.findings.find((x) => x.code === 'VALUE_FORMULA_NO_RESULT')?.location?.cell).toBe('B7');
    const missing = found.findings.filter((x) => x.code === 'FORM_FIELD_LABEL_MISSING').map((x) => x.args.label);
    expect(missing).toContain('注册地址');
    expect(missing).toContain('主营业务');
    expect(missing).not.toContain('统一社会信用代码');
    expect(missing).not.toContain('云上企业培育的意见建议');
    expect(missing).not.toContain('联系电话');
  });

  it('reads an A2 with N and M column headers, ticks in the labels, and reports missing indicator rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('评估');
    ws.addRows([
      ['制造业“云上企业”用云水平评估表'],
      ['指标', 'N', 'M'],
      ['云存储（5）', 10, 20],
      ['研发 (5)', '2个', 4],
      ['云服务器CPU总核数', 8, '全部服务器CPU总核数', 16],
      ['云服务器总内存(GB)', 32, '全部服务器总内存(GB)', '0.0625T'],
      ['☑研发数据', '', '☐供应链数据'],
      ['☑设计数据', '', '☐销售数据'],
      ['☐生产数据', '', '服务数据', '√'],
    ]);
    const found = await saveAndRead(wb, 'a2.xlsx');
    const ind = found.a2!.indicators;
    expect(ind['infra.storage']!.n!.value).toBe(10);
    expect(ind['infra.storage']!.m!.loc.cell).toBe('C3');
    expect(ind['business.rnd']!.n!.value).toBe(2);
    const s = ind['infra.server']!.server!;
    expect([s.cloudCores!.value, s.cloudMemoryGb!.value, s.allCores!.value, s.allMemoryGb!.value]).toEqual([8, 32, 16, 64]);
    const ticks = ind['collaboration.data']!.ticks!;
    expect(Object.entries(ticks).filter(([, c]) => c!.value).map(([k]) => k).sort()).toEqual(['服务数据', '研发数据', '设计数据'].sort());
    const rowMissing = found.findings.filter((x) => x.code === 'A2_INDICATOR_ROW_MISSING');
    expect(rowMissing.map((x) => x.indicator)).toContain('infra.security');
    expect(rowMissing.every((x) => x.severity === 'error' && x.location?.sheet === '评估')).toBe(true);
    expect(ind['infra.security']).toBeUndefined();
  });
});

describe('A3 delivered as CSV', () => {
  it('reads rows with a title row and a BOM, with CSV cell addresses', () => {
    const text = '\ufeff制造业云上企业推荐排序表\n序号,区县,企业名称,主营业务,上年度销售收入（万元）,上年度利润总额（万元）,近三年信息化建设和运维投入（万元）,近三年上云投入（万元）,企业化信息负责人,联系电话,市经信局推荐意见\n1,西湖区,甲公司,装备,"1,200",-3,30,10,王五,13900000000,同意\n,,,,,,,,,,\n2,余杭区,乙公司,化工,200,5,无,1,赵六,13900000001,\n';
    const { a3, findings } = readA3Csv(text, '杭州市/附件3.csv', rules);
    expect(a3!.rows).toHaveLength(2);
    expect(a3!.rows[0]!.salesLastYear.value).toBe(1200);
    expect(a3!.rows[0]!.itLead.value).toBe('王五');
    expect(a3!.rows[1]!.itInvestment3y.value).toBe(0);
    expect(a3!.rows[1]!.row).toBe(5);
    expect(a3!.rows[1]!.enterpriseName.loc).toEqual({ file: '杭州市/附件3.csv', cell: 'C5' });
    expect(findings.map((f) => [f.code, f.location?.cell])).toEqual([
      ['VALUE_NORMALISED', 'E3'],
      ['VALUE_READ_AS_ZERO', 'G5'],
    ]);
  });

  it('reports a CSV without a header row', () => {
    const { a3, findings } = readA3Csv('a,b,c\n1,2,3\n', 'x.csv', rules);
    expect(a3).toBeUndefined();
    expect(findings.map((f) => f.code)).toEqual(['FORM_HEADER_MISSING']);
  });

  it('reports a column missing from an otherwise recognisable header', () => {
    const { a3, findings } = readA3Csv('序号,区县,企业名称,主营业务,上年度销售收入,上年度利润总额,近三年信息化建设和运维投入,近三年上云投入,联系电话\n1,西湖区,甲,装备,1,1,1,1,139\n', 'x.csv', rules);
    expect(a3!.rows).toHaveLength(1);
    expect(findings.filter((f) => f.code === 'FORM_COLUMN_MISSING').map((f) => f.args.column)).toEqual(['企业信息化负责人']);
  });
});
