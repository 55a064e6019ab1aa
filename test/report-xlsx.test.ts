import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { displayWidth, FILLS, sheetNames, wrappedLines, writeResultsXlsx } from '../src/report/xlsx.js';
import { word } from '../src/report/words.js';
import { CITY_NAMES } from '../src/data/zhejiang.js';
import { evaluate } from '../src/evaluate.js';
import type { Result } from '../src/model/result.js';
import { a3, city, defaultRules, pack, submission } from './score-helpers.js';
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
    expect(plain.worksheets.map((w) => w.name)).toEqual(['总排名', '指标明细', '各市排名', '问题清单', '收件登记', '规则说明']);
    const selected = await writeAndRead(await writeResultsXlsx(withSelection(sampleResult(), 5), rules, 'zh'), 'sel.xlsx');
    expect(selected.worksheets.map((w) => w.name)).toContain('初选名单');
    const list = selected.getWorksheet('初选名单')!;
    expect(list.rowCount).toBe(6);
    expect(list.getRow(2).getCell(1).value).toBe(1);
  });

  it('names the sheets in English with lang en', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'en'), 'en.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ranking', 'Indicators', 'City ranking', 'Findings', 'Received', 'Rules']);
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
    expect(last.getCell(headerIndex(ws, '状态')).value).toBe('不予受理');
    expect(String(last.getCell(headerIndex(ws, '不予受理原因')).value)).not.toBe('');
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
    // 总排名, 各市排名, 收件登记, and fifteen rows of 指标明细.
    expect(seen).toBe(18);
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
    expect(ws.autoFilter).toBe(`A1:P${1 + rows}`);
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

/** Column `header`'s values below the header row of the first table (up to the first blank row). */
function columnValues(ws: ExcelJS.Worksheet, header: string): unknown[] {
  const c = headerIndex(ws, header);
  const out: unknown[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) break;
    out.push(row.getCell(c).value);
  }
  return out;
}

/** A province of all eleven cities handed over in reverse order, each with a ranked and a rejected applicant. */
function elevenCities(): Result {
  const cities = [...CITY_NAMES].reverse().map((c) =>
    city(c, [pack({ city: c, folder: `${c}企业` }), pack({ city: c, folder: `${c}缺表企业`, a2: null })], a3([{ seq: 1, name: `${c}企业` }])),
  );
  return evaluate(submission(cities), defaultRules(), { selection: { by: 'count', value: 5 } });
}

describe('评审结果.xlsx as a clerk prints and reads it', () => {
  it('prints every sheet A4 landscape, one page wide, with the header row on every page of each list', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(withSelection(sampleResult(), 5), rules, 'zh'), 'print.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总排名', '指标明细', '各市排名', '问题清单', '收件登记', '规则说明', '初选名单']);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      if (ws.name !== '规则说明') expect(ws.pageSetup.printTitlesRow, ws.name).toBe('1:1');
      expect(ws.headerFooter.oddFooter, ws.name).toContain('&P');
      // A width for every column used.
      const used = (ws.getRow(1).values as unknown[]).length - 1;
      for (let c = 1; c <= used; c++) expect(ws.getColumn(c).width, `${ws.name} column ${c}`).toBeGreaterThan(0);
    }
  });

  it('wraps long text and makes the row tall enough for it, since no viewer grows a row on opening', async () => {
    const result = sampleResult();
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'wrapped.xlsx');
    const ws = wb.getWorksheet('问题清单')!;
    const message = headerIndex(ws, '问题说明');
    expect(ws.getColumn(message).width).toBeLessThanOrEqual(46);
    let tall = 0;
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(message);
      expect(cell.alignment?.wrapText).toBe(true);
      const lines = wrappedLines(String(cell.value), ws.getColumn(message).width!);
      if (lines > 1) {
        expect(ws.getRow(r).height, `row ${r}`).toBeGreaterThanOrEqual(lines * 15);
        tall++;
      }
    }
    expect(tall).toBeGreaterThan(0);
    expect(wrappedLines('注册地址不在浙江省（地址指向上海市）：上海市浦东新区张江路283号', 36)).toBe(2);
    expect(wrappedLines('hello world', 8)).toBe(2);
  });

  it('shows people’s words, with machine keys only in a last column: finding codes, indicator keys; no second-language column', async () => {
    const wb = await writeAndRead(await writeResultsXlsx(sampleResult(), rules, 'zh'), 'keys.xlsx');
    const findings = wb.getWorksheet('问题清单')!;
    const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers(findings).at(-1)).toBe('代码');
    expect(headers(findings)).not.toContain('问题说明（英文）');
    expect(headers(wb.getWorksheet('指标明细')!).at(-1)).toBe('指标键');
    const rulesSheet = wb.getWorksheet('规则说明')!;
    const texts: string[] = [];
    rulesSheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('N（本指标填报的数量，由高到低）');
    expect(texts).not.toContain('n');
  });

  it('takes every status and severity word from the one table, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const result = withSelection(sampleResult(), 12);
      const wb = await writeAndRead(await writeResultsXlsx(result, rules, lang), `words-${lang}.xlsx`);
      const byName = new Map(result.applicants.map((a) => [a.name, a]));
      const statusWords = new Set((['qualified', 'flagged', 'rejected'] as const).map((s) => word(s, lang)));
      const n = sheetNames(lang);
      const [status, enterprise] = lang === 'zh' ? ['状态', '企业名称'] : ['Status', 'Enterprise'];
      for (const sheet of [n.ranking, n.cities, n.receipt, n.selection]) {
        const ws = wb.getWorksheet(sheet)!;
        const names = columnValues(ws, enterprise);
        const statuses = columnValues(ws, status);
        let seen = 0;
        names.forEach((name, i) => {
          const a = byName.get(String(name));
          if (!a) return;
          expect(statuses[i], `${sheet} ${a.name}`).toBe(word(a.status, lang));
          seen++;
        });
        expect(seen, sheet).toBeGreaterThan(0);
        for (const s of statuses) if (s !== null) expect(statusWords.has(String(s)), `${sheet}: ${String(s)}`).toBe(true);
      }
      const findings = wb.getWorksheet(n.findings)!;
      const all = [...result.findings, ...result.applicants.flatMap((a) => a.findings), ...result.panelReview];
      const severities = columnValues(findings, lang === 'zh' ? '严重程度' : 'Severity');
      expect(new Set(severities)).toEqual(new Set(all.map((f) => word(f.severity, lang))));
      const codes = columnValues(findings, lang === 'zh' ? '代码' : 'Code');
      codes.forEach((code, i) => expect(severities[i]).toBe(word(all.find((f) => f.code === code)!.severity, lang)));
    }
  });

  it('lists and groups cities in the official order on every sheet, whatever order they were read in', async () => {
    const result = elevenCities();
    const wb = await writeAndRead(await writeResultsXlsx(result, defaultRules(), 'zh'), 'order.xlsx');
    const official = (c: unknown) => CITY_NAMES.indexOf(String(c));
    const inOrder = (values: unknown[]) => values.filter((v) => v !== null).map(official).every((p, i, all) => i === 0 || p >= all[i - 1]!);
    for (const sheet of ['各市排名', '问题清单', '收件登记']) {
      const cities = columnValues(wb.getWorksheet(sheet)!, '城市');
      expect(new Set(cities.filter((c) => c !== null)).size, sheet).toBe(11);
      expect(inOrder(cities), sheet).toBe(true);
    }
    // 总排名 follows the rank; the rejected, who have none, follow by city in the official order.
    const ranking = wb.getWorksheet('总排名')!;
    const statuses = columnValues(ranking, '状态');
    const rejectedCities = columnValues(ranking, '城市').filter((_, i) => statuses[i] === word('rejected', 'zh'));
    expect(rejectedCities).toEqual([...CITY_NAMES]);
  });

  it('writes 初选名单 with 区县, credit code, status and a 备注 for unresolved problems and a tie at the cut', async () => {
    const result = withSelection(sampleResult(), 6);
    const flagged = result.applicants.find((a) => a.selected && a.status === 'flagged');
    expect(flagged, 'the sample selects a flagged applicant among the top 6').toBeDefined();
    const lastIn = result.applicants.find((a) => a.provinceRank === 5)!;
    const firstOut = result.applicants.find((a) => a.provinceRank === 7)!;
    result.selection!.tie = { total: lastIn.total, decidedBy: 'selfTotal', selected: [lastIn.id], notSelected: [firstOut.id] };
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'shortlist.xlsx');
    const ws = wb.getWorksheet('初选名单')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['排名', '城市', '区县', '企业名称', '统一社会信用代码', '总分', '状态', '备注']);
    const row = rowOf(ws, 4, flagged!.name);
    expect(row.getCell(3).value).toBe(flagged!.district);
    expect(row.getCell(5).value).toBe(flagged!.creditCode);
    expect(row.getCell(7).value).toBe('待核实');
    expect(row.getCell(8).value).toBe('待核实：有 2 个警告未解决（见问题清单）');
    expect(rowOf(ws, 4, lastIn.name).getCell(8).value).toBe(`与 1 家未入选企业同分（${lastIn.total.toFixed(2)}），按自评得分合计排在前`);
    expect(rowOf(ws, 4, result.applicants[0]!.name).getCell(8).value).toBeNull();
    // The tied applicant left out follows in a table of its own, below the list and its filter.
    expect(ws.autoFilter).toBe('A1:H7');
    expect(ws.getRow(9).getCell(1).value).toBe('同分未入选 · 排名');
    expect(ws.getRow(10).getCell(4).value).toBe(firstOut.name);
    expect(ws.getRow(10).getCell(8).value).toBe(`与 1 家入选企业同分（${lastIn.total.toFixed(2)}），按自评得分合计排在后`);
  });

  it('registers what each city and applicant sent in 收件登记, naming the files and their format', async () => {
    const result = sampleResult();
    result.findings.push({ code: 'A3_ROW_WITHOUT_PACK', severity: 'error', args: { name: '杭州未交材料有限公司', seq: 9 }, city: '杭州市' });
    const rejected = result.applicants.find((a) => a.status === 'rejected')!;
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'receipt.xlsx');
    const ws = wb.getWorksheet('收件登记')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '城市', '企业名称', '附件3 推荐排序表', '附件1 申报表', '附件2 用云水平评估表', '系统清单', '云计算产品和服务清单', '格式', '营业执照', '证明材料', '状态',
    ]);
    expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['杭州市', '（全市 4 家）', '附件3-推荐排序表.xlsx']);
    const a = result.applicants.find((x) => x.city === '杭州市' && x.status === 'qualified')!;
    const row = rowOf(ws, 2, a.name);
    expect((row.values as unknown[]).slice(4, 11)).toEqual([
      '附件1-申报表.xlsx', '附件2-用云水平评估表.xlsx', '系统清单.xlsx', '云计算产品和服务清单.xlsx', 'XLSX', '营业执照.pdf', '12 个：图片 9、PDF 3',
    ]);
    const missing = rowOf(ws, 2, rejected.name);
    expect(missing.getCell(5).value).toBe('未收到');
    expect(fillOf(missing.getCell(5))).toBe(FILLS.rejected);
    const unlisted = rowOf(ws, 2, '杭州未交材料有限公司');
    expect(unlisted.getCell(3).value).toBe('第 9 位');
    expect(unlisted.getCell(4).value).toBe('未收到');
  });

  it('gives every 指标明细 row the source of its N and M: the cells of Attachment 2 and the text typed there', async () => {
    const result = sampleResult();
    const a = result.applicants[0]!;
    a.indicators['infra.storage'].sources.m = { file: `${a.id}/附件2-用云水平评估表.xlsx`, sheet: '用云水平评估表', cell: 'F3', raw: '500GB', unit: 'GB → TB' };
    a.indicators['business.rnd'].sources.n!.decision = { row: 4, file: '人工复核记录表.xlsx', before: 5 };
    const wb = await writeAndRead(await writeResultsXlsx(result, rules, 'zh'), 'sources.xlsx');
    const ws = wb.getWorksheet('指标明细')!;
    const source = headerIndex(ws, '来源');
    const key = headerIndex(ws, '指标键');
    const rowFor = (k: string) => {
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(key).value === k) return ws.getRow(r);
      throw new Error(k);
    };
    const n = a.indicators['infra.storage'].n;
    expect(rowFor('infra.storage').getCell(source).value).toBe(`N D3「${n}」 M F3「500GB」（GB → TB）`);
    expect(String(rowFor('business.rnd').getCell(source).value)).toContain('经人工复核改（人工复核记录表.xlsx 第 4 行，原为 5）');
    expect(String(rowFor('infra.server').getCell(source).value)).toMatch(/^上云核数 D4「\d+」 上云内存 D24「\d+」 总核数 F4「\d+」 总内存 F24「\d+」$/);
    expect(String(rowFor('collaboration.systems').getCell(source).value)).toContain('M = 研发、生产、供应链、营销、其他 的 N 之和');
  });
});
