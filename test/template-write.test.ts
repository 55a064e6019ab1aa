import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { writeTemplates } from '../src/template/writeTemplates.js';
import { FORM_TITLES, TEMPLATE_FILES } from '../src/forms/layout.js';
import { readForms, recogniseWorkbook } from '../src/ingest/forms/index.js';

let rules: Rules;
let dir: string;
let paths: string[];
beforeAll(async () => {
  rules = await loadRules();
  dir = await mkdtemp(path.join(os.tmpdir(), 'yunshang-template-'));
  paths = await writeTemplates(path.join(dir, 'a'), rules);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function open(kind: keyof typeof TEMPLATE_FILES): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'a', TEMPLATE_FILES[kind]));
  return wb;
}

describe('yunshang template', () => {
  it('writes the blank forms under their Chinese file names', () => {
    expect(paths.map((p) => path.basename(p))).toEqual([
      '附件1-制造业云上企业申报表.xlsx',
      '附件2-用云水平评估表.xlsx',
      '附件3-推荐排序表.xlsx',
      '系统清单.xlsx',
      '云计算产品和服务清单.xlsx',
      '专家评分表.xlsx',
      '人工复核记录表.xlsx',
    ]);
  });

  it('writes the same bytes twice', async () => {
    const again = await writeTemplates(path.join(dir, 'b'), rules);
    for (let i = 0; i < paths.length; i++) expect(Buffer.compare(await readFile(paths[i]!), await readFile(again[i]!)), again[i]).toBe(0);
  });

  it('titles each form as the notice does, and each is recognised as its form', async () => {
    for (const kind of Object.keys(TEMPLATE_FILES) as (keyof typeof TEMPLATE_FILES)[]) {
      const wb = await open(kind);
      expect(wb.worksheets[0]!.getCell('A1').value).toBe(FORM_TITLES[kind]);
      expect(recogniseWorkbook(wb, 'x.xlsx').map((r) => r.kind)).toEqual([kind]);
    }
  });

  it('reads back blank forms as empty records without findings', async () => {
    for (const kind of ['a1', 'a2', 'a3', 'systems', 'products'] as const) {
      const found = readForms(await open(kind), TEMPLATE_FILES[kind], rules);
      expect(found.findings, kind).toEqual([]);
      expect(found[kind], kind).toBeDefined();
    }
    const a1 = readForms(await open('a1'), 'a1.xlsx', rules).a1!;
    expect(Object.values(a1.fields).every((c) => c!.value === null)).toBe(true);
    expect(readForms(await open('systems'), 's.xlsx', rules).systems!.rows).toEqual([]);
  });

  it('prints on A4 fitted to the page width, with merged title and bordered label cells', async () => {
    for (const kind of Object.keys(TEMPLATE_FILES) as (keyof typeof TEMPLATE_FILES)[]) {
      const ws = (await open(kind)).worksheets[0]!;
      expect(ws.pageSetup.paperSize, kind).toBe(9);
      expect(ws.pageSetup.fitToWidth, kind).toBe(1);
      expect(ws.getCell('B1').isMerged, kind).toBe(true);
      const firstLabel = ['a3', 'systems', 'products', 'decisions'].includes(kind) ? 'A3' : 'A2';
      expect(ws.getCell(firstLabel).border?.left?.style, kind).toBe('thin');
    }
  });

  it('gives number cells a ≥ 0 validation except 利润, and 是/否 drop-downs for ticks and 是否云上', async () => {
    const a1 = (await open('a1')).worksheets[0]!;
    expect(a1.getCell('A5').value).toBe('注册资金（万元）');
    expect(a1.getCell('B5').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(a1.getCell('C8').value).toBe('上年度利润总额（万元）');
    expect(a1.getCell('D8').dataValidation?.type).toBeUndefined();
    expect(a1.getCell('B6').dataValidation).toMatchObject({ type: 'whole' });
    const a2 = (await open('a2')).worksheets[0]!;
    expect(a2.getCell('D18').value).toBe('研发数据');
    expect(a2.getCell('E18').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(a2.getCell('E8').dataValidation).toMatchObject({ type: 'whole' });
    const sys = (await open('systems')).worksheets[0]!;
    expect(sys.getCell('D3').value).toBe('是否云上');
    expect(sys.getCell('D4').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(sys.getCell('D23').border?.bottom?.style).toBe('thin');
  });

  it('lays out A2 with one row per indicator of the rules, four server cells and six ticks', async () => {
    const ws = (await open('a2')).worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    for (const ind of rules.indicators) expect(texts).toContain(`${ind.name}（${ind.weight}）`);
    for (const l of ['云服务器CPU总核数', '云服务器总内存（GB）', '全部服务器CPU总核数', '全部服务器总内存（GB）']) expect(texts).toContain(l);
    for (const d of ['研发数据', '设计数据', '生产数据', '供应链数据', '销售数据', '服务数据']) expect(texts).toContain(d);
  });

  it('heads the expert sheet with the six expert items and their maxima from the rules', async () => {
    const ws = (await open('experts')).worksheets[0]!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['企业名称', '统一社会信用代码', '专家', '专家所在市']);
    expect(header.slice(4)).toEqual(rules.experts.map((e) => `${e.name}（满分${e.max}）`));
    expect(ws.getCell('E3').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 4] });
  });

  it('makes columns wide enough for their Chinese headers', async () => {
    const ws = (await open('products')).worksheets[0]!;
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(12);
    expect(ws.getColumn(8).width).toBeGreaterThanOrEqual(20);
  });
});
