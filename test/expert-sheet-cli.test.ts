/**
 * The panel secretary's sheet through the CLI, on 宁波市 of the sample province: sheets a secretary
 * sends (GB18030 CSV written here, XLSX written by openpyxl in fixtures/expert-sheets), what the
 * reports say about them, and the sheets from which nothing can be read (exit 2, nothing written).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Result } from '../src/model/result.js';
import { gbk } from '../src/fixtures/zipWriter.js';
import { yunshang } from './e2e-helpers.js';

const NINGBO = 'fixtures/submissions/宁波市';
const HEADER = ['企业名称', '统一社会信用代码', '专家', '专家所在市', '信创应用示范', '云原生应用情况', '云上管理能力建设', '典型云平台应用情况', '发展新制造典型应用情况', '绩效提升典型案例'];

let dir: string;
let plain: Result;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yunshang-panel-'));
  const r = yunshang(['score', NINGBO, '--out', join(dir, 'plain'), '--no-pdf', '--quiet']);
  expect(r.status, r.stderr).toBe(0);
  plain = JSON.parse(await readFile(join(dir, 'plain', 'results.json'), 'utf8'));
}, 120_000);

async function gbCsv(name: string, rows: string[][]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, gbk(rows.map((r) => r.join(',')).join('\r\n') + '\r\n'));
  return file;
}

async function sheetRows(file: string, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

async function pdfText(file: string): Promise<{ pages: string[]; outline: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push((await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(''));
  const outline = ((await doc.getOutline()) ?? []).map((o) => o.title);
  await doc.destroy();
  return { pages, outline };
}

describe('score --expert-scores with a sheet the panel disagrees on', () => {
  let result: Result;
  let out: string;
  let stdout: string;

  beforeAll(async () => {
    // Both scored applicants are qualified without a sheet. Experts 乙 and 丙 disagree by 3 points on
    // 鸿堃's 信创 and 越纳's 云原生 (above the 1.5 of the rules), and 丙 leaves 越纳's 绩效 empty.
    const csv = await gbCsv('分歧.csv', [
      HEADER,
      ['宁波鸿堃家居有限公司', '', '专家乙', '上海市', '4', '3', '4', '3', '3', '3'],
      ['宁波鸿堃家居有限公司', '', '专家丙', '北京市', '1', '3', '4', '3', '3', '3'],
      ['宁波越纳食品股份有限公司', '', '专家乙', '上海市', '3', '4', '3', '3', '3', '3'],
      ['宁波越纳食品股份有限公司', '', '专家丙', '北京市', '3', '1', '3', '3', '3', ''],
      ['宁波星聚生物医药股份有限公司', '', '专家乙', '上海市', '3', '3', '3', '3', '3', '3'],
      ['宁波星万食品有限公司', '', '专家乙', '上海市', '3', '3', '3', '3', '3', '3'],
    ]);
    out = join(dir, 'spread');
    // The sheet is given by its absolute path, outside the current directory.
    const r = yunshang(['score', NINGBO, '--out', out, '--expert-scores', csv, '--lang', 'zh']);
    expect(r.status, r.stderr).toBe(0);
    stdout = r.stdout;
    result = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
  }, 120_000);

  it('changes no applicant’s status', () => {
    const status = (r: Result) => Object.fromEntries(r.applicants.map((a) => [a.id, a.status]));
    expect(status(result)).toEqual(status(plain));
    expect(plain.applicants.filter((a) => a.status === 'qualified').map((a) => a.name)).toEqual(
      expect.arrayContaining(['宁波鸿堃家居有限公司', '宁波越纳食品股份有限公司']),
    );
  });

  it('puts the spreads and the empty item on the panel chair’s list, naming expert, enterprise and cell', () => {
    const spreads = result.panelReview.filter((f) => f.code === 'EXPERT_SPREAD');
    expect(spreads.map((f) => [f.args.enterprise, f.args.item, f.args.scores]).sort()).toEqual([
      ['宁波越纳食品股份有限公司', '云原生应用情况', '专家乙 4（F4）、专家丙 1（F5）'],
      ['宁波鸿堃家居有限公司', '信创应用示范', '专家乙 4（E2）、专家丙 1（E3）'],
    ]);
    const incomplete = result.panelReview.find((f) => f.code === 'EXPERT_ROW_INCOMPLETE')!;
    expect(incomplete.args).toMatchObject({ expert: '专家丙', enterprise: '宁波越纳食品股份有限公司', items: '绩效提升典型案例' });
    // The sheet by its file name: the absolute path typed on the command line stays out of the reports.
    expect(incomplete.location).toEqual({ file: '分歧.csv', sheet: '', row: 5 });
    for (const f of result.panelReview) expect(f.location?.file ?? '分歧.csv').toBe('分歧.csv');
  });

  it('writes the list as its own sheet of 评审结果.xlsx, and 问题清单 names the enterprise of each', async () => {
    const xlsx = join(out, '评审结果.xlsx');
    const review = await sheetRows(xlsx, '专家评分复核');
    expect(review[0]).toEqual(['严重程度', '城市', '企业', '专家', '位置', '问题说明', '处理建议', '代码']);
    const spread = review.find((r) => r[7] === 'EXPERT_SPREAD' && r[2] === '宁波鸿堃家居有限公司')!;
    expect(spread.slice(0, 3)).toEqual(['警告', '宁波市', '宁波鸿堃家居有限公司']);
    expect(spread[5]).toContain('相差 3 分');
    expect(review.some((r) => r[7] === 'EXPERT_ROW_INCOMPLETE' && r[3] === '专家丙' && r[4] === '分歧.csv · 第5行')).toBe(true);
    const findings = await sheetRows(xlsx, '问题清单');
    const [code, enterprise, file] = ['代码', '企业', '文件'].map((h) => findings[0]!.indexOf(h));
    const expertRows = findings.filter((r) => (r[code!] ?? '').startsWith('EXPERT_'));
    expect(expertRows.length).toBe(result.panelReview.length);
    for (const r of expertRows) {
      expect(r[enterprise!], r[code!]).not.toBe('');
      expect(r[file!]).toBe('分歧.csv');
    }
  });

  it('gives the list a section of 评审报告.pdf, and none in the city’s PDF', async () => {
    const report = await pdfText(join(out, '评审报告.pdf'));
    expect(report.outline).toContain('专家评分复核');
    const page = report.pages.find((p) => p.includes('专家评分复核（'))!;
    expect(page).toContain('专家评分表：分歧.csv');
    expect(page).toContain('「宁波鸿堃家居有限公司」的「信创应用示范」各专家评分相差 3 分');
    expect(page).not.toMatch(/相差 3 分[^，]*…/);
    const city = await pdfText(join(out, 'cities', '宁波市.pdf'));
    expect(city.outline).not.toContain('专家评分复核');
  });

  it('says on the console how many items wait for the panel chair', () => {
    expect(stdout).toContain('专家评分表有 3 项待评审组长复核（其中 0 个错误）');
  });
});

describe('score --expert-scores with duplicates and scores as typed (XLSX by openpyxl)', () => {
  it('counts an identical copy once, leaves out the expert of a conflicting pair, reads 「3.5分」', async () => {
    const out = join(dir, 'dups');
    const r = yunshang(['score', NINGBO, '--out', out, '--no-pdf', '--quiet', '--expert-scores', 'fixtures/expert-sheets/宁波-重复与写法.xlsx']);
    expect(r.status, r.stderr).toBe(0);
    const result: Result = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    const byName = (n: string) => result.applicants.find((a) => a.name === n)!;
    // 鸿堃: 乙 (rows 3 and 5, the same) and 丙: 信创 (「3.5分」 + 2.5) / 2 = 3; 云原生 (「３」 + 3) / 2 = 3.
    expect(byName('宁波鸿堃家居有限公司').expert).toMatchObject({ experts: 2, items: { 'expert.xinchuang': 3, 'expert.cloudNative': 3, 'expert.cloudManagement': 4 } });
    // 越纳: 乙's rows 6 and 7 differ, so only 丙 counts: 2 on every item.
    expect(byName('宁波越纳食品股份有限公司').expert).toMatchObject({ experts: 1, items: { 'expert.xinchuang': 2, 'expert.performance': 2 } });
    const codes = result.panelReview.map((f) => [f.code, f.location?.row ?? f.location?.cell]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['EXPERT_ROW_CONFLICT', 6],
        ['EXPERT_ROW_CONFLICT', 7],
        ['EXPERT_ROW_DUPLICATE', 5],
        ['EXPERT_VALUE_OUT_OF_RANGE', 'E11'],
        ['EXPERT_VALUE_NOT_NUMBER', 'F11'],
      ]),
    );
    expect(result.panelReview.every((f) => f.location?.file === 'fixtures/expert-sheets/宁波-重复与写法.xlsx')).toBe(true);
  });
});

describe('score --expert-scores with a sheet from which nothing can be read', () => {
  const refused = (sheet: string, pattern: RegExp) => {
    const out = join(dir, `refused-${Math.random().toString(36).slice(2)}`);
    const r = yunshang(['score', NINGBO, '--out', out, '--no-pdf', '--quiet', '--expert-scores', sheet]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(pattern);
    // What was expected, and no report claiming expert points.
    expect(r.stderr).toContain('表头含 企业名称（或 统一社会信用代码）、专家');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
  };

  it('exits 2 on an XLSX with none of the item columns', () => refused('fixtures/expert-sheets/宁波-无评分项.xlsx', /宁波-无评分项\.xlsx 中读不到任何评分：第1行表头没有任何评分项列/));

  it('exits 2 on an empty CSV', async () => refused(await gbCsv('空.csv', []), /空\.csv 中读不到任何评分：表是空的/));

  it('exits 2 when no row names an applicant of the input', async () =>
    refused(await gbCsv('别市.csv', [HEADER, ['杭州恒昇纺织有限公司', '', '专家乙', '上海市', '3', '3', '3', '3', '3', '3']]), /「杭州恒昇纺织有限公司」）都不在本次申报材料中/));
});
