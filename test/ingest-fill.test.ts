import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { writeTemplates } from '../src/template/writeTemplates.js';
import { TEMPLATE_FILES } from '../src/forms/layout.js';
import type { WorkbookReader } from '../src/ingest/files/openWorkbook.js';
import { formsOf, READERS } from './lean-helpers.js';
import type { Finding } from '../src/findings/finding.js';

let rules: Rules;
let dir: string;
beforeAll(async () => {
  rules = await loadRules();
  dir = await mkdtemp(path.join(os.tmpdir(), 'yunshang-fill-'));
  await writeTemplates(dir, rules);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Opens a written template, lets `type` fill it as a person would, saves under a new name, reads it with `reader`. */
async function fillWith(reader: WorkbookReader, template: string, saveAs: string, type: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, template));
  type(wb.worksheets[0]!);
  const file = path.join(dir, saveAs);
  await wb.xlsx.writeFile(file);
  return formsOf(reader, await readFile(file), saveAs, rules);
}

const at = (findings: Finding[], code: string) => findings.filter((f) => f.code === code).map((f) => f.location?.cell);

describe.each(READERS)('a filled-in template reads back (%s reader)', (reader) => {
  const fill = (template: string, saveAs: string, type: (ws: ExcelJS.Worksheet) => void) => fillWith(reader, template, saveAs, type);

  it('reads A1 as typed: rich text, full-width digits, units, 「无」, formula results, phone numbers', async () => {
    const found = await fill(TEMPLATE_FILES.a1, '申报表(最终版).xlsx', (ws) => {
      ws.getCell('B2').value = { richText: [{ text: '杭州' }, { text: 'Acme', font: { bold: true } }, { text: '科技有限公司' }] };
      ws.getCell('B4').value = '浙江省杭州市滨江区某路 8 号';
      ws.getCell('B5').value = '１２３';
      ws.getCell('D5').value = '张三';
      ws.getCell('F5').value = 13800000001;
      ws.getCell('B6').value = '1,200';
      ws.getCell('D6').value = { text: '李四', hyperlink: 'mailto:lisi@example.com' };
      ws.getCell('F6').value = '0571-88886666';
      ws.getCell('B8').value = '1,200,000元';
      ws.getCell('D8').value = '无';
      ws.getCell('F8').value = { formula: 'B5*2', result: 246 };
      ws.getCell('B9').value = '12.5TB';
      ws.getCell('D9').value = '120万元';
      ws.getCell('F9').value = 900;
      ws.getCell('B13').value = '（用云成效能量化的请量化描述）成本下降三成';
    });
    const f = found.a1!.fields;
    expect(f.enterpriseName!.value).toBe('杭州Acme科技有限公司');
    expect(f.enterpriseName!.loc).toEqual({ file: '申报表(最终版).xlsx', sheet: '申报表', cell: 'B2' });
    expect(f.registeredCapital!.value).toBe(123);
    expect(f.registeredCapital!.raw).toBe('１２３');
    expect(f.legalPhone!.value).toBe('13800000001');
    expect(f.employees!.value).toBe(1200);
    expect(f.itLead!.value).toBe('李四');
    expect(f.itLeadPhone!.value).toBe('0571-88886666');
    expect(f.salesLastYear!.value).toBe(120);
    expect(f.profitLastYear!.value).toBe(0);
    expect(f.taxLastYear!.value).toBe(246);
    expect(f.rndLastYear!.value).toBeNull();
    expect(f.cloudInvestment3y!.value).toBe(120);
    expect(f.itInvestment3y!.value).toBe(900);
    expect(f.cloudEffect!.value).toBe('成本下降三成');
    expect(f.mainBusiness!.value).toBeNull();
    expect(f.mainBusiness!.loc.cell).toBe('B7');

    const fs = found.findings;
    expect(at(fs, 'VALUE_NORMALISED')).toEqual(['B5', 'B6']);
    expect(at(fs, 'VALUE_UNIT_CONVERTED')).toEqual(['B8']);
    expect(at(fs, 'VALUE_READ_AS_ZERO')).toEqual(['D8']);
    const unknown = fs.find((x) => x.code === 'VALUE_UNKNOWN_UNIT')!;
    expect(unknown.location).toEqual({ file: '申报表(最终版).xlsx', sheet: '申报表', cell: 'B9' });
    expect(unknown.severity).toBe('error');
    expect(unknown.args).toMatchObject({ raw: '12.5TB', unit: '万元' });
    expect(fs.filter((x) => x.code === 'FORM_FIELD_LABEL_MISSING')).toEqual([]);
  });

  it('reads A2 as typed: units on N and M, server numbers, ticks as √ or 是, and marks the indicator', async () => {
    const found = await fill(TEMPLATE_FILES.a2, 'a2.xlsx', (ws) => {
      ws.getCell('E3').value = '12.5TB';
      ws.getCell('G3').value = '51200GB';
      ws.getCell('E4').value = 64;
      ws.getCell('G4').value = '１２８';
      ws.getCell('E5').value = '256G';
      ws.getCell('G5').value = '0.5TB';
      ws.getCell('E6').value = '无';
      ws.getCell('G6').value = '三十';
      ws.getCell('E8').value = { formula: '1+1', result: 2 };
      ws.getCell('G8').value = 3;
      ws.getCell('E16').value = { sharedFormula: 'E8', result: 2 } as unknown as ExcelJS.CellValue;
      ws.getCell('E18').value = '√';
      ws.getCell('G18').value = '否';
      ws.getCell('E19').value = '是';
      ws.getCell('G20').value = '☑';
      ws.getCell('E21').value = '300';
      ws.getCell('G21').value = '9,000,000元';
    });
    const ind = found.a2!.indicators;
    expect(ind['infra.storage']!.n!.value).toBe(12.5);
    expect(ind['infra.storage']!.m!.value).toBe(50);
    expect(ind['infra.storage']!.m!.loc.cell).toBe('G3');
    const s = ind['infra.server']!.server!;
    expect([s.cloudCores!.value, s.allCores!.value, s.cloudMemoryGb!.value, s.allMemoryGb!.value]).toEqual([64, 128, 256, 512]);
    expect(s.allMemoryGb!.loc.cell).toBe('G5');
    expect(ind['infra.security']!.n!.value).toBe(0);
    expect(ind['infra.security']!.m!.value).toBeNull();
    expect(ind['business.rnd']!.n!.value).toBe(2);
    expect(ind['collaboration.systems']!.n!.value).toBe(2);
    const ticks = ind['collaboration.data']!.ticks!;
    expect(ticks.研发数据!.value).toBe(true);
    expect(ticks.供应链数据!.value).toBe(false);
    expect(ticks.设计数据!.value).toBe(true);
    expect(ticks.服务数据!.value).toBe(true);
    expect(ticks.服务数据!.loc.cell).toBe('G20');
    expect(ticks.生产数据!.value).toBe(false);
    expect(ind['investment.cloud']!.m!.value).toBe(900);

    const bad = found.findings.find((x) => x.code === 'VALUE_NOT_NUMBER')!;
    expect(bad).toMatchObject({ severity: 'error', indicator: 'infra.security', location: { cell: 'G6', sheet: '用云水平评估表' } });
    expect(bad.args).toMatchObject({ raw: '三十', unit: '万元' });
    const conv = found.findings.find((x) => x.code === 'VALUE_UNIT_CONVERTED' && x.location?.cell === 'G3')!;
    expect(conv).toMatchObject({ severity: 'info', indicator: 'infra.storage' });
  });

  it('reads a 系统清单 and a 产品清单 typed into the template, skipping empty rows', async () => {
    const sys = await fill(TEMPLATE_FILES.systems, 'sys.xlsx', (ws) => {
      ws.getRow(4).values = [1, '研发系统', 'PLM', 'Y', '阿里云', '产品数据管理', '证明材料/截图/plm-1.png', '证明材料/截图/plm-2.png'];
      ws.getRow(6).values = [2, '生产（5）', 'MES', '✓', '华为云', '制造执行'];
      ws.getRow(7).values = [3, '人事', 'HR', 'no'];
      ws.getRow(8).values = [4, '营销', 'CRM', '也许'];
    });
    const rows = sys.systems!.rows;
    expect(rows.map((r) => r.row)).toEqual([4, 6, 7, 8]);
    expect(rows.map((r) => r.indicator)).toEqual(['business.rnd', 'business.production', null, 'business.marketing']);
    expect(rows.map((r) => r.onCloud.value)).toEqual([true, true, false, null]);
    expect(sys.findings.find((f) => f.code === 'UNKNOWN_SYSTEM_INDICATOR')).toMatchObject({ severity: 'warning', location: { cell: 'B7' }, args: { name: '人事' } });
    expect(sys.findings.find((f) => f.code === 'VALUE_NOT_YES_NO')).toMatchObject({ location: { cell: 'D8' }, indicator: 'business.marketing' });

    const prod = await fill(TEMPLATE_FILES.products, 'prod.xlsx', (ws) => {
      ws.getRow(4).values = [1, 'ECS', '阿里云', 'IaaS', 'HT-1', '2020/01/01至2020/12/31', '1,200,000元', 'a.pdf', 'b.pdf'];
      ws.getRow(5).values = [2, 'RDS', '阿里云', '数据库', 'HT-2', '2020年1月1日—2020年12月31日', 3];
      ws.getRow(6).values = [3, 'WAF', '阿里云', '安全', 'HT-3', new Date(Date.UTC(2020, 5, 1)), 1];
      ws.getRow(7).values = [4, 'OSS', '阿里云', 'IaaS', 'HT-4', '全年', 1];
    });
    const p = prod.products!.rows;
    expect(p.map((r) => [r.periodStart, r.periodEnd])).toEqual([
      ['2020-01-01', '2020-12-31'],
      ['2020-01-01', '2020-12-31'],
      ['2020-06-01', null],
      [null, null],
    ]);
    expect(p[0]!.amount.value).toBe(120);
    expect(prod.findings.find((f) => f.code === 'VALUE_PERIOD_UNREADABLE')?.location?.cell).toBe('F7');
  });

  it('reads an A3 with a merged cell and a formula whose result is cached', async () => {
    const found = await fill(TEMPLATE_FILES.a3, 'a3.xlsx', (ws) => {
      ws.getRow(4).values = [1, '西湖区', '甲公司', '装备', 100, '-5', 30, 10, '王五', '13900000000', '同意'];
      ws.getRow(5).values = [2, '西湖区', '乙公司', '化工', { formula: 'E4*2', result: 200 } as unknown as ExcelJS.CellValue, 1, 1, 1, '赵六', 13900000001];
      ws.mergeCells('K4:K5');
    });
    const rows = found.a3!.rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]!.profitLastYear.value).toBe(-5);
    expect(rows[1]!.salesLastYear.value).toBe(200);
    expect(rows[1]!.phone.value).toBe('13900000001');
    expect(rows[0]!.opinion.value).toBe('同意');
    expect(rows[0]!.seq.loc).toEqual({ file: 'a3.xlsx', sheet: '推荐排序表', cell: 'A4' });
    expect(found.findings).toEqual([]);
  });
});
