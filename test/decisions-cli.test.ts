/**
 * The clerk's 人工复核记录表 through the CLI on the sample province: the sheet a clerk fills in Excel
 * (written by openpyxl, fixtures/decisions, scripts/fixtures/decisions-sheet.py), the same rows as CSV
 * in the three encodings people save, what every report says about the decisions, byte-identical
 * reruns, and sheets that cannot be read (exit 2, nothing written).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Result } from '../src/model/result.js';
import { ResultsJson } from '../src/report/resultsSchema.js';
import { readDecisions } from '../src/ingest/readDecisions.js';
import { templateFiles } from '../src/template/writeTemplates.js';
import { loadRules } from '../src/rules/load.js';
import { gbk } from '../src/fixtures/zipWriter.js';
import { yunshang } from './e2e-helpers.js';

const INPUT = 'fixtures/submissions';
const SHEET = 'fixtures/decisions/人工复核记录表.xlsx';

let dir: string;
let result: Result;
let plain: Result;
let stdout: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yunshang-decisions-'));
  const p = yunshang(['score', INPUT, '--out', join(dir, 'plain'), '--no-pdf', '--quiet']);
  expect(p.status, p.stderr).toBe(0);
  plain = JSON.parse(await readFile(join(dir, 'plain', 'results.json'), 'utf8'));
  const r = yunshang(['score', INPUT, '--decisions', SHEET, '--out', join(dir, 'one'), '--quiet']);
  expect(r.status, r.stderr).toBe(0);
  stdout = r.stdout;
  result = JSON.parse(await readFile(join(dir, 'one', 'results.json'), 'utf8'));
}, 180_000);

const applicant = (r: Result, name: string) => r.applicants.find((a) => a.name === name)!;

async function sheetRows(file: string, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describe('score --decisions with the sheet a clerk filled in Excel', () => {
  it('records every row in results.json, applied or refused with the finding at its row, and the schema accepts it', () => {
    expect(() => ResultsJson.parse(result)).not.toThrow();
    expect(result.decisions.map((d) => [d.row, d.kind, d.applied, d.refusal?.code ?? null])).toEqual([
      [3, 'waive', true, null],
      [4, 'correct', true, null],
      [5, 'correct', true, null],
      [6, 'reinstate', true, null],
      [7, 'terminate', true, null],
      [8, 'waive', false, 'DECISION_CODE_NOT_FOUND'],
      [9, 'waive', false, 'DECISION_REASON_MISSING'],
    ]);
    // The date cell as the clerk sees it; the credit code matched to its applicant.
    expect(result.decisions[0]).toMatchObject({ date: '2021-06-10', clerk: '王敏', file: SHEET, sheet: '复核记录' });
    expect(result.decisions[2]!.applicant).toBe('宁波市/宁波星万食品有限公司');
    expect(result.findings.filter((f) => f.code.startsWith('DECISION_')).map((f) => f.location?.row)).toEqual([8, 9]);
  });

  it('changes exactly what the decisions say and leaves everyone else as ranked by the same numbers', () => {
    // 宁波星万: M 1844 → 1900 typed full-width; 5 × 1892 / 1900 = 4.98; the source keeps D14's neighbour and the row.
    const xw = applicant(result, '宁波星万食品有限公司');
    expect(xw.indicators['management.devices']).toMatchObject({ m: 1900, selfScore: 4.98, verified: true, decisions: [5] });
    expect(xw.indicators['management.devices'].sources.m).toMatchObject({ raw: '1844', decision: { row: 5, file: SHEET, before: 1844 } });
    expect(xw.status).toBe('qualified');
    // 舟山立纳 terminated, 丽水's 温州德航 reinstated, 温州's still rejected.
    expect(applicant(result, '舟山立纳泵业股份有限公司')).toMatchObject({ status: 'rejected', rejectedBy: ['DECISION_TERMINATED'], provinceRank: null });
    const dh = result.applicants.filter((a) => a.name === '温州德航食品股份有限公司');
    // Ranked applicants come first in results.json, the rejected after them.
    expect(dh.map((a) => [a.city, a.status])).toEqual([
      ['丽水市', 'flagged'],
      ['温州市', 'rejected'],
    ]);
    // 金华宝嘉's screenshot error stays listed, waived; its 研发 verified again.
    const bj = applicant(result, '金华宝嘉食品股份有限公司');
    expect(bj.findings.find((f) => f.code === 'SCREENSHOT_MISSING')).toMatchObject({ waived: { row: 3, reason: '查验纸质原件：登录页截图随纸质材料报送' } });
    expect(bj.indicators['business.rnd'].verified).toBe(true);
    expect(applicant(plain, '金华宝嘉食品股份有限公司').indicators['business.rnd'].verified).toBe(false);
    // The refused rows changed nothing of 湖州瑞正's own: findings, status, N, M, self-scores, verification
    // (its ranks may move with the others' corrected numbers).
    const rz = (r: Result) => {
      const a = applicant(r, '湖州瑞正电子科技有限公司');
      const own = Object.entries(a.indicators).map(([k, v]) => [k, v.n, v.m, v.selfScore, v.verified]);
      return { status: a.status, findings: a.findings, own, decisions: a.decisions };
    };
    expect(rz(result)).toEqual(rz(plain));
  });

  it('counts the decisions on the console', () => {
    expect(stdout).toContain('人工复核 7 条：已执行 5 条，未执行 2 条（见 评审结果.xlsx「人工复核记录」）。');
  });

  it('lists each decision on the 人工复核记录 sheet with what it changed, and marks the waived finding in 问题清单', async () => {
    const rows = await sheetRows(join(dir, 'one', '评审结果.xlsx'), '人工复核记录');
    expect(rows[0]).toEqual(['行', '城市', '企业', '类型', '对象', '新值', '理由', '经办人', '日期', '结果', '改变（无复核 → 有复核）/ 未执行原因', '代码']);
    expect(rows).toHaveLength(8);
    expect(rows[3]).toEqual(
      expect.arrayContaining(['5', '宁波市', '宁波星万食品有限公司', '更正数值', '设备接入 M', '１９００', '已执行']),
    );
    expect(rows[3]![10]).toContain('状态 待核实 → 合格');
    expect(rows[3]![10]).toContain('设备接入 M 1844 → 1900');
    expect(rows[7]!.slice(9)).toEqual(['未执行', '第9行（湖州瑞正电子科技有限公司）没有填写理由，该条复核未执行', 'DECISION_REASON_MISSING']);
    const findings = await sheetRows(join(dir, 'one', '评审结果.xlsx'), '问题清单');
    const waived = findings.find((r) => r.at(-1) === 'SCREENSHOT_MISSING' && r[2] === '金华宝嘉食品股份有限公司')!;
    expect(waived[0]).toBe('错误（已复核豁免）');
    expect(waived[7]).toBe('已复核豁免（人工复核记录表第3行）：查验纸质原件：登录页截图随纸质材料报送');
  });

  it("lists the applicant's decisions on its PDF review page", async () => {
    const pdf = await getDocument({ data: new Uint8Array(await readFile(join(dir, 'one', 'cities', '金华市.pdf'))) }).promise;
    let found = '';
    for (let p = 1; p <= pdf.numPages; p++) {
      const text = (await (await pdf.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
      if (text.includes('金华宝嘉食品股份有限公司') && text.includes('人工复核记录')) found = text;
    }
    expect(found).toContain('人工复核记录（1 条）');
    expect(found).toContain('第3行');
    expect(found).toContain('已执行');
  });

  it('gives byte-identical reports for the same inputs and decisions', async () => {
    const r = yunshang(['score', INPUT, '--decisions', SHEET, '--out', join(dir, 'two'), '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['results.json', '评审结果.xlsx', '评审报告.pdf', 'cities/金华市.pdf']) {
      expect(Buffer.compare(await readFile(join(dir, 'one', f)), await readFile(join(dir, 'two', f))), f).toBe(0);
    }
  }, 120_000);
});

describe('the sheet as CSV, in the encodings people save', () => {
  const rows = [
    ['企业', '类型', '对象', '新值', '理由', '经办人', '日期'],
    ['金华宝嘉食品股份有限公司', '豁免问题', 'SCREENSHOT_MISSING', '', '查验原件', '王敏', '2021-06-10'],
    ['台州辰立五金工具有限公司', '更正数值', '生产 M', '20', '电话核实', '王敏', '2021-06-10'],
  ];
  const text = rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

  it('reads UTF-8, UTF-8 with BOM and GB18030 alike', async () => {
    const files: [string, Uint8Array | string][] = [
      ['utf8.csv', text],
      ['bom.csv', '\uFEFF' + text],
      ['gb.csv', gbk(text)],
    ];
    const read = [];
    for (const [name, data] of files) {
      await writeFile(join(dir, name), data);
      read.push((await readDecisions(join(dir, name))).rows);
    }
    expect(read[0]).toHaveLength(2);
    expect(read[0]![1]).toMatchObject({ row: 3, enterprise: '台州辰立五金工具有限公司', type: '更正数值', target: '生产 M', value: '20', reason: '电话核实' });
    expect(read[1]).toEqual(read[0]);
    expect(read[2]).toEqual(read[0]);
  });

  it('shows with validate what each decision would change', async () => {
    await writeFile(join(dir, 'v.csv'), gbk(text));
    const r = yunshang(['validate', INPUT, '--decisions', join(dir, 'v.csv')]);
    expect(r.stdout).toContain('人工复核记录（');
    expect(r.stdout).toMatch(/第3行 更正数值 台州辰立五金工具有限公司 生产 M：已执行，状态 待核实 → 合格；总分 46\.25 → [\d.]+；全省排名 26 → \d+；生产 M — → 20；/);
  });
});

describe('a sheet that cannot be read stops the run with exit 2 and writes nothing', () => {
  const cases: [string, string | Uint8Array][] = [
    ['no such file', ''],
    ['not a workbook.xlsx', 'not a zip'],
    ['no header.csv', '甲,乙\r\n1,2\r\n'],
  ];
  for (const [name, data] of cases) {
    it(name, async () => {
      const file = join(dir, name);
      if (data !== '') await writeFile(file, data);
      const out = join(dir, `out-${name}`);
      const r = yunshang(['score', INPUT, '--decisions', file, '--out', out, '--no-pdf', '--quiet']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('人工复核记录表');
      expect(existsSync(join(out, 'results.json'))).toBe(false);
    });
  }
});

describe('yunshang template', () => {
  it('writes a blank 人工复核记录表 that reads back with no decisions', async () => {
    const files = await templateFiles(await loadRules());
    const blank = files.find((f) => f.name === '人工复核记录表.xlsx')!;
    expect(blank).toBeDefined();
    await writeFile(join(dir, 'blank.xlsx'), blank.data);
    expect((await readDecisions(join(dir, 'blank.xlsx'))).rows).toEqual([]);
    const header = await sheetRows(join(dir, 'blank.xlsx'), '人工复核记录表');
    expect(header[2]).toEqual(['企业（名称、统一社会信用代码或企业 id）', '类型', '对象（问题代码及位置，或指标名称 N/M）', '新值（仅更正数值）', '理由（必填）', '经办人', '日期']);
  });
});
