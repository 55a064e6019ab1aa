import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { displayWidth, FILLS, writeResultsXlsx } from '../src/report/xlsx.js';
import { FIXED_DATE } from '../src/util/workbookBytes.js';
import { sampleResult, withSelection, SAMPLE_HOSTILE, SAMPLE_REJECTED, SAMPLE_UNVERIFIED } from './result-sample.js';

let rules: Rules;
let dir: string;

beforeAll(async () => {
  rules = await loadRules();
  dir = await mkdtemp(join(tmpdir(), 'yunshang-xlsx-'));
});

async function writeAndRead(buf: Buffer, name: string): Promise<ExcelJS.Workbook> {
  const file = join(dir, name);
  await writeFile(file, buf);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function headerIndex(ws: ExcelJS.Worksheet, header: string): number {
  const values = ws.getRow(1).values as unknown[];
  const i = values.findIndex((v) => typeof v === 'string' && v.startsWith(header));
  if (i < 1) throw new Error(`no column ${header} in ${ws.name}`);
  return i;
}

function rowOf(ws: ExcelJS.Worksheet, column: number, value: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(column).value === value) return ws.getRow(r);
  throw new Error(`no row with ${value} in ${ws.name}`);
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f?.fgColor?.argb;
}

describe('评审结果.xlsx', () => {
  it('has the five sheets in Chinese, and 初选名单 only when a selection was made', async () => {
    const plain = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'zh'), 'plain.xlsx');
    expect(plain.worksheets.map((w) => w.name)).toEqual(['总排名', '指标明细', '各市排名', '问题清单', '规则说明']);
    const selected = await writeAndRead(await writeResultsXlsx(withSelection(sampleResult(), 5), rules, 'zh'), 'sel.xlsx');
    expect(selected.worksheets.map((w) => w.name)).toContain('初选名单');
    const list = selected.getWorksheet('初选名单')!;
    expect(list.rowCount).toBe(6);
    expect(list.getRow(2).getCell(1).value).toBe(1);
  });

  it('names the sheets in English with lang en', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'en'), 'en.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ranking', 'Indicators', 'City ranking', 'Findings', 'Rules']);
  });

  it('shows a known applicant\'s total and ranks in 总排名, with 待专家评分 before expert scores', async () => {
    const result = sampleResult();
    const first = result.applicants[0]!;
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'rank.xlsx');
    const ws = wb.getWorksheet('总排名')!;
    const row = rowOf(ws, headerIndex(ws, '企业名称'), first.name);
    expect(row.getCell(headerIndex(ws, '排名')).value).toBe(1);
    expect(row.getCell(headerIndex(ws, '总分')).value).toBe(first.total);
    expect(row.getCell(headerIndex(ws, '总分')).numFmt).toBe('0.00');
    expect(row.getCell(headerIndex(ws, '专家评分')).value).toBe('待专家评分');
    expect(row.getCell(headerIndex(ws, '市推荐排序')).value).toBe(first.cityRecommendedRank);
  });

  it('writes the expert total when expert scores were merged', async () => {
    const result = sampleResult({ expertScored: true });
    const first = result.applicants[0]!;
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'expert.xlsx');
    const ws = wb.getWorksheet('总排名')!;
    const row = rowOf(ws, headerIndex(ws, '企业名称'), first.name);
    expect(row.getCell(headerIndex(ws, '专家评分')).value).toBe(first.expertTotal);
    expect(row.getCell(headerIndex(ws, '指标得分')).value).toBe(first.indicatorTotal);
    expect(ws.getRow(1).getCell(headerIndex(ws, '总分')).value).toBe('总分（满分100）');
  });

  it('lists the rejected applicant last with its reason and no rank', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'zh'), 'rejected.xlsx');
    const ws = wb.getWorksheet('总排名')!;
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(headerIndex(ws, '企业名称')).value).toBe(SAMPLE_REJECTED);
    expect(last.getCell(headerIndex(ws, '排名')).value).toBeNull();
    expect(last.getCell(headerIndex(ws, '总分')).value).toBeNull();
    expect(last.getCell(headerIndex(ws, '状态')).value).toBe('不予评审');
    expect(String(last.getCell(headerIndex(ws, '不予评审原因')).value)).not.toBe('');
    expect(fillOf(last.getCell(headerIndex(ws, '状态')))).toBe(FILLS.rejected);
  });

  it('freezes the header row and sets an auto-filter on every table sheet', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'zh'), 'views.xlsx');
    for (const name of ['总排名', '指标明细', '各市排名', '问题清单']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, name).toBeTruthy();
    }
  });

  it('keeps a name starting with = as a plain string: no formula anywhere in the workbook', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'zh'), 'inert.xlsx');
    let seen = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (cell.value === SAMPLE_HOSTILE) seen++;
        }),
      ),
    );
    // 总排名, 各市排名, and fifteen rows of 指标明细.
    expect(seen).toBe(17);
    const raw = await readFile(join(dir, 'inert.xlsx'));
    expect(raw.includes(Buffer.from('<f>'))).toBe(false);
  });

  it('writes one 指标明细 row per applicant and indicator', async () => {
    const result = sampleResult();
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'ind.xlsx');
    const ws = wb.getWorksheet('指标明细')!;
    expect(ws.rowCount).toBe(1 + result.applicants.length * rules.indicators.length);
    const a = result.applicants[0]!;
    const ir = a.indicators['business.rnd'];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.getCell(headerIndex(ws, '企业名称')).value === a.name && row.getCell(headerIndex(ws, '指标键')).value === 'business.rnd') {
        expect(row.getCell(headerIndex(ws, 'N')).value).toBe(ir.n);
        expect(row.getCell(headerIndex(ws, '自评得分')).value).toBe(ir.selfScore);
        expect(row.getCell(headerIndex(ws, '横向得分')).value).toBe(ir.horizontalScore);
        expect(row.getCell(headerIndex(ws, '已核实')).value).toBe('是');
        return;
      }
    }
    throw new Error('row not found');
  });

  it('highlights a difference of three places or more between the computed and the city\'s order', async () => {
    const result = sampleResult();
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'city.xlsx');
    const ws = wb.getWorksheet('各市排名')!;
    const diffCol = headerIndex(ws, '差异');
    let highlighted = 0;
    let plain = 0;
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(diffCol);
      if (typeof cell.value !== 'number') continue;
      if (Math.abs(cell.value) >= 3) {
        expect(fillOf(cell)).toBe(FILLS.difference);
        highlighted++;
      } else {
        expect(fillOf(cell)).toBeUndefined();
        plain++;
      }
    }
    expect(highlighted).toBeGreaterThan(0);
    expect(plain).toBeGreaterThan(0);
  });

  it('lists every finding in 问题清单 with its file, sheet and cell', async () => {
    const result = sampleResult();
    const total = result.findings.length + result.applicants.reduce((s, a) => s + a.findings.length, 0);
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'findings.xlsx');
    const ws = wb.getWorksheet('问题清单')!;
    expect(ws.rowCount).toBe(1 + total);
    const row = rowOf(ws, headerIndex(ws, '代码'), 'N_GREATER_THAN_M');
    expect(row.getCell(headerIndex(ws, '工作表')).value).toBe('用云水平评估表');
    expect(row.getCell(headerIndex(ws, '单元格')).value).toBe('E7');
    expect(String(row.getCell(headerIndex(ws, '文件')).value)).toMatch(/附件2-用云水平评估表\.xlsx$/);
    expect(row.getCell(headerIndex(ws, '严重程度')).value).toBe('错误');
  });

  it('describes the rules used: indicators with weights and the band table', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'zh'), 'rules.xlsx');
    const ws = wb.getWorksheet('规则说明')!;
    const texts: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain('zj-2021-batch1');
    expect(texts).toContain('./submissions');
    for (const i of rules.indicators) expect(texts).toContain(i.key);
    for (const b of rules.horizontal.bands) expect(texts).toContain(b.grade);
  });

  it('sizes columns for Chinese text, counting a CJK character as two', async () => {
    expect(displayWidth('杭州喆云科技')).toBe(12);
    expect(displayWidth('ABC 12')).toBe(6);
    const result = sampleResult();
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'widths.xlsx');
    const ws = wb.getWorksheet('总排名')!;
    const longest = Math.max(...result.applicants.map((a) => displayWidth(a.name)));
    const width = ws.getColumn(headerIndex(ws, '企业名称')).width!;
    expect(width).toBeGreaterThanOrEqual(longest);
    expect(width).toBeLessThanOrEqual(60);
  });

  it('writes a workbook that opens again when a name holds control characters', async () => {
    const result = sampleResult();
    result.applicants[0]!.name = '坏\u0001名\u0008字';
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'control.xlsx');
    const ws = wb.getWorksheet('总排名')!;
    expect(ws.getRow(2).getCell(headerIndex(ws, '企业名称')).value).toBe('坏名字');
  });

  it('gives identical bytes for two writes of the same result', async () => {
    const result = sampleResult({ expertScored: true });
    let a: Buffer;
    let b: Buffer;
    // Two different clocks: any time stamp in the file (zip entries, docProps) would show.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T08:00:00Z'));
      a = await writeResultsXlsx(result, rules, 'zh');
      vi.setSystemTime(new Date('2026-06-30T17:31:07Z'));
      b = await writeResultsXlsx(result, rules, 'zh');
    } finally {
      vi.useRealTimers();
    }
    expect(a.equals(b)).toBe(true);
  });
  it('writes every row of a result larger than one streamed batch, with the filter covering them all', async () => {
    // 300 applicants: 4,500 指标明细 rows, many times the rows written between two waits for the zip.
    const result = sampleResult({ applicants: 300 });
    const buf = await writeResultsXlsx(result, rules, 'zh');
    const wb = await writeAndRead(buf, 'big.xlsx');
    const ws = wb.getWorksheet('指标明细')!;
    const rows = result.applicants.length * rules.indicators.length;
    expect(ws.rowCount).toBe(1 + rows);
    expect(ws.autoFilter).toBe(`A1:O${1 + rows}`);
    expect(wb.getWorksheet('总排名')!.autoFilter).toBe(`A1:M${1 + result.applicants.length}`);
    const last = result.applicants.at(-1)!;
    const lastIndicator = rules.indicators.at(-1)!;
    const row = ws.getRow(1 + rows);
    expect(row.getCell(headerIndex(ws, '企业名称')).value).toBe(last.name);
    expect(row.getCell(headerIndex(ws, '指标键')).value).toBe(lastIndicator.key);
    expect(row.getCell(headerIndex(ws, '指标得分')).value).toBe(last.indicators[lastIndicator.key]!.score);
    expect(row.getCell(headerIndex(ws, '指标得分')).numFmt).toBe('0.00');
    expect(buf.equals(await writeResultsXlsx(result, rules, 'zh'))).toBe(true);
  });

  it('fills every unverified indicator red in 指标明细 and leaves verified ones plain', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'zh'), 'verified.xlsx');
    const ws = wb.getWorksheet('指标明细')!;
    const name = headerIndex(ws, '企业名称');
    const key = headerIndex(ws, '指标键');
    const verified = headerIndex(ws, '已核实');
    let known = 0;
    let plain = 0;
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cell = row.getCell(verified);
      if (cell.value === '否') {
        expect(fillOf(cell), cell.address).toBe(FILLS.rejected);
        if (row.getCell(name).value === SAMPLE_UNVERIFIED && row.getCell(key).value === 'infra.storage') known++;
      } else {
        expect(cell.value).toBe('是');
        expect(fillOf(cell), cell.address).toBeUndefined();
        plain++;
      }
    }
    expect(known).toBe(1);
    expect(plain).toBeGreaterThan(0);
  });

  it('styles the header row bold on the header fill and colours findings by severity', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'zh'), 'styles.xlsx');
    const ws = wb.getWorksheet('问题清单')!;
    const header = ws.getRow(1).getCell(1);
    expect(header.font?.bold).toBe(true);
    expect(fillOf(header)).toBe(FILLS.header);
    const error = rowOf(ws, headerIndex(ws, '代码'), 'N_GREATER_THAN_M').getCell(headerIndex(ws, '严重程度'));
    expect(fillOf(error)).toBe(FILLS.rejected);
  });

  it('wraps the long texts of 规则说明\'s second column instead of widening it past the cap', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'zh'), 'wrap.xlsx');
    const ws = wb.getWorksheet('规则说明')!;
    expect(ws.getRow(2).getCell(2).value).toBe('zj-2021-batch1');
    expect(ws.getRow(2).getCell(2).alignment).toMatchObject({ wrapText: true });
    expect(ws.getColumn(2).width).toBeLessThanOrEqual(60);
  });

  it('stamps the notice\'s date, not the clock, as the workbook\'s creation and modification time', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'zh'), 'core.xlsx');
    expect(wb.created.getTime()).toBe(FIXED_DATE.getTime());
    expect(wb.modified.getTime()).toBe(FIXED_DATE.getTime());
    expect(wb.creator).toBe('yunshang');
  });
});
