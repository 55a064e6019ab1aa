import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import {
  addA1Sheet,
  addA2Sheet,
  addA3Sheet,
  addProductListSheet,
  addSystemListSheet,
  type A1Values,
  type A2Values,
} from '../src/template/build.js';
import { writeWorkbook } from '../src/template/writeTemplates.js';
import type { WorkbookReader } from '../src/ingest/files/openWorkbook.js';
import { formsOf, READERS } from './lean-helpers.js';

let rules: Rules;
let dir: string;
beforeAll(async () => {
  rules = await loadRules();
  dir = await mkdtemp(path.join(os.tmpdir(), 'yunshang-forms-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function roundTripWith(reader: WorkbookReader, build: (wb: ExcelJS.Workbook) => void, name: string) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await writeWorkbook(wb, file);
  return formsOf(reader, await readFile(file), name, rules);
}

const a1: A1Values = {
  enterpriseName: '杭州某某科技有限公司',
  creditCode: '91330100MA2H0000X1',
  registeredAddress: '浙江省杭州市西湖区文三路 1 号',
  registeredCapital: 5000,
  legalRepresentative: '张三',
  legalPhone: '13800000001',
  employees: 320,
  itLead: '李四',
  itLeadPhone: '0571-88888888',
  mainBusiness: '智能装备制造',
  salesLastYear: 52000.5,
  profitLastYear: -120,
  taxLastYear: 800,
  rndLastYear: 1500,
  cloudInvestment3y: 300,
  itInvestment3y: 900,
  itStatus: '已建成 ERP、MES。',
  cloudApps: 'ERP、CRM',
  cloudProviders: '阿里云',
  cloudEffect: '上云后运维成本下降 30%。',
  typicalCases: '设备远程运维。',
  suggestions: '无',
};

describe.each(READERS)('builders and readers agree (%s reader)', (reader) => {
  const roundTrip = (build: (wb: ExcelJS.Workbook) => void, name: string) => roundTripWith(reader, build, name);

  it('reads back every A1 field written by addA1Sheet, the two 联系电话 kept apart', async () => {
    const found = await roundTrip((wb) => addA1Sheet(wb, a1), 'a1.xlsx');
    expect(found.findings).toEqual([]);
    const fields = found.a1!.fields;
    for (const [key, value] of Object.entries(a1)) expect(fields[key as keyof typeof fields]?.value, key).toBe(value);
    expect(fields.legalPhone!.loc).toEqual({ file: 'a1.xlsx', sheet: '申报表', cell: 'F5' });
    expect(fields.itLeadPhone!.loc.cell).toBe('F6');
    expect(fields.enterpriseName!.loc.cell).toBe('B2');
  });

  it('reads back A2 N and M, the server numbers and the data ticks', async () => {
    const values: A2Values = {
      indicators: {
        'infra.storage': { n: 12.5, m: 40 },
        'infra.server': { server: { cloudCores: 64, cloudMemoryGb: 256, allCores: 128, allMemoryGb: 512 } },
        'business.rnd': { n: 2, m: 3 },
        // 系统协同's M is the sum of the five business N: all five are filled for it to be known.
        'business.production': { n: 1, m: 2 },
        'business.supplyChain': { n: 0, m: 1 },
        'business.marketing': { n: 1, m: 1 },
        'business.other': { n: 0, m: 0 },
        'collaboration.systems': { n: 4 },
        'collaboration.data': { ticks: ['研发数据', '销售数据'] },
        'investment.cloud': { n: 300, m: 900 },
      },
    };
    const found = await roundTrip((wb) => addA2Sheet(wb, rules, values), 'a2.xlsx');
    expect(found.findings).toEqual([]);
    const ind = found.a2!.indicators;
    expect(Object.keys(ind).sort()).toEqual(rules.indicators.map((i) => i.key).sort());
    expect(ind['infra.storage']!.n!.value).toBe(12.5);
    expect(ind['infra.storage']!.m!.value).toBe(40);
    expect(ind['infra.security']!.n!.value).toBeNull();
    expect(ind['business.rnd']!.n!.value).toBe(2);
    expect(ind['collaboration.systems']!.n!.value).toBe(4);
    expect(ind['collaboration.systems']!.m).toBeUndefined();
    expect(ind['investment.cloud']!.m!.value).toBe(900);
    const s = ind['infra.server']!.server!;
    expect([s.cloudCores!.value, s.cloudMemoryGb!.value, s.allCores!.value, s.allMemoryGb!.value]).toEqual([64, 256, 128, 512]);
    const ticks = ind['collaboration.data']!.ticks!;
    expect(Object.entries(ticks).filter(([, c]) => c!.value).map(([k]) => k).sort()).toEqual(['研发数据', '销售数据'].sort());
    expect(Object.keys(ticks)).toHaveLength(6);
  });

  it('reads back A3 rows, system rows and product rows with their row numbers', async () => {
    const found = await roundTrip((wb) => {
      addA3Sheet(wb, '杭州市', [
        { seq: 1, district: '西湖区', enterpriseName: '甲公司', mainBusiness: '装备', salesLastYear: 100, profitLastYear: -5, itInvestment3y: 30, cloudInvestment3y: 10, itLead: '王五', phone: '13900000000', opinion: '同意推荐' },
        { seq: 2, district: '余杭区', enterpriseName: '乙公司', salesLastYear: 200 },
      ]);
    }, 'a3.xlsx');
    expect(found.findings).toEqual([]);
    const rows = found.a3!.rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]!.row).toBe(4);
    expect(rows[0]!.profitLastYear.value).toBe(-5);
    expect(rows[0]!.phone.value).toBe('13900000000');
    expect(rows[1]!.enterpriseName.value).toBe('乙公司');
    expect(rows[1]!.enterpriseName.loc.cell).toBe('C5');

    const lists = await roundTrip((wb) => {
      addSystemListSheet(wb, rules, [
        { indicatorName: '研发', name: 'PLM', onCloud: '是', provider: '阿里云', description: '产品数据', loginScreenshot: '证明材料/截图/plm-1.png', mainScreenshot: '证明材料/截图/plm-2.png' },
        { indicatorName: '行政办公', name: 'OA', onCloud: '否' },
      ]);
      addProductListSheet(wb, [
        { name: 'ECS', provider: '阿里云', category: 'IaaS', contractNo: 'HT-2020-01', period: '2020.1.1-2020.12.31', amount: 12.5, contractFile: '证明材料/合同/ecs.pdf', invoiceFile: '证明材料/发票/ecs.pdf' },
      ]);
    }, 'lists.xlsx');
    expect(lists.findings).toEqual([]);
    const sys = lists.systems!.rows;
    expect(sys.map((r) => [r.indicator, r.name.value, r.onCloud.value])).toEqual([
      ['business.rnd', 'PLM', true],
      ['management.office', 'OA', false],
    ]);
    const p = lists.products!.rows[0]!;
    expect([p.periodStart, p.periodEnd, p.amount.value, p.category.value]).toEqual(['2020-01-01', '2020-12-31', 12.5, 'IaaS']);
  });

  it('writes 「=1+1」 in 企业名称 as text and reads it back as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addA1Sheet(wb, { enterpriseName: '=1+1', mainBusiness: '+86 业务', legalRepresentative: '@张' });
    expect(ws.getCell('B2').value).toBe('=1+1');
    expect(ws.getCell('B2').formula).toBeUndefined();
    const file = path.join(dir, 'formula.xlsx');
    await writeWorkbook(wb, file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    expect(back.worksheets[0]!.getCell('B2').value).toBe('=1+1');
    expect(back.worksheets[0]!.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    const found = await formsOf(reader, await readFile(file), 'formula.xlsx', rules);
    expect(found.a1!.fields.enterpriseName!.value).toBe('=1+1');
    expect(found.a1!.fields.mainBusiness!.value).toBe('+86 业务');
    expect(found.a1!.fields.legalRepresentative!.value).toBe('@张');
  });
});
