import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import type { ApplicantPack, Submission } from '../src/model/records.js';
import { readExpertScores, parseExpertRows } from '../src/ingest/readExpertScores.js';
import { mergeExpertScores, zscoreItem } from '../src/expert/mergeExpertScores.js';
import { evaluate } from '../src/evaluate.js';
import { gbk } from '../src/fixtures/zipWriter.js';
import { valueChecks } from '../src/validate/checks/values/index.js';

const presenceOnly = valueChecks.find((c) => c.id === 'presence')!;

let rules: Rules;
let dir: string;
beforeAll(async () => {
  rules = await loadRules();
  dir = await mkdtemp(join(tmpdir(), 'yunshang-expert-'));
});

function pack(id: string, city: string, name: string, creditCode?: string, withA2 = true): ApplicantPack {
  const loc = { file: `${id}/附件1.xlsx`, sheet: '申报表', cell: 'B2' };
  return {
    ...(withA2 ? { a2: { file: `${id}/附件2.xlsx`, sheet: '评估表', indicators: {} } } : {}),
    id,
    city,
    folderName: name,
    evidence: [],
    files: [],
    findings: [],
    a1: {
      file: loc.file,
      sheet: loc.sheet,
      fields: {
        enterpriseName: { value: name, loc },
        ...(creditCode ? { creditCode: { value: creditCode, loc } } : {}),
      },
    },
  };
}

function submission(...packs: ApplicantPack[]): Submission {
  const cities = [...new Set(packs.map((p) => p.city))];
  return {
    root: 'submissions',
    kind: 'province',
    findings: [],
    cities: cities.map((c) => ({ name: c, id: c, applicants: packs.filter((p) => p.city === c), findings: [] })),
  };
}

const HEADER = ['企业名称', '统一社会信用代码', '专家', '专家所在市', '信创应用示范', '云原生应用情况', '云上管理能力建设', '典型云平台应用情况', '发展新制造典型应用情况', '绩效提升典型案例'];

const subm = () =>
  submission(pack('杭州市/恒昇智能', '杭州市', '杭州恒昇智能装备有限公司', '91330100716105852F'), pack('宁波市/甬堃科技', '宁波市', '宁波甬堃科技有限公司'));

describe('expert means', () => {
  it('averages per item over the experts counted and leaves out an expert from the applicant’s own city', () => {
    const table = [
      HEADER,
      // 甲 is from 杭州: recused for the 杭州 applicant, counted for the 宁波 one.
      ['杭州恒昇智能装备有限公司', '', '甲', '杭州市', '4', '4', '5', '4', '4', '4'],
      ['杭州恒昇智能装备有限公司', '', '乙', '宁波', '3', '2', '4', '3', '3', '3'],
      ['', '91330100716105852F', '丙', '温州市', '4', '3', '4.5', '2', '4', '3'],
      ['宁波甬堃科技有限公司', '', '甲', '杭州市', '2', '1', '3', '2', '2', '2'],
      ['宁波 甬堃科技有限公司', '', '乙', '宁波市', '4', '4', '5', '4', '4', '4'],
      ['宁波甬堃科技有限公司', '', '丙', '温州市', '3.5', '2', '3', '2', '3', '1'],
    ];
    const sheet = parseExpertRows(table, 'scores.csv', '', rules);
    expect(sheet.findings).toEqual([]);
    const merged = mergeExpertScores(sheet, subm(), rules);
    const hz = merged.perApplicant.get('杭州市/恒昇智能')!;
    // 杭州: 乙 and 丙 count (the credit code row matches by code). 信创 (3 + 4) / 2 = 3.5;
    // 云上管理 (4 + 4.5) / 2 = 4.25; 典型平台 (3 + 2) / 2 = 2.5.
    expect(hz.recused).toEqual(['甲']);
    expect(hz.experts).toBe(2);
    expect(hz.items['expert.xinchuang']).toBe(3.5);
    expect(hz.items['expert.cloudManagement']).toBe(4.25);
    expect(hz.items['expert.platform']).toBe(2.5);
    const nb = merged.perApplicant.get('宁波市/甬堃科技')!;
    // 宁波: 甲 and 丙 count (乙 is from 宁波). 信创 (2 + 3.5) / 2 = 2.75; 云原生 (1 + 2) / 2 = 1.5.
    expect(nb.recused).toEqual(['乙']);
    expect(nb.items['expert.xinchuang']).toBe(2.75);
    expect(nb.items['expert.cloudNative']).toBe(1.5);
    const recusals = merged.findings.filter((f) => f.code === 'EXPERT_RECUSED');
    expect(recusals.map((f) => [f.applicant, f.args.expert])).toEqual([
      ['杭州市/恒昇智能', '甲'],
      ['宁波市/甬堃科技', '乙'],
    ]);
  });

  it('rounds a mean half up on its decimal value: (3 + 4 + 4) / 3 = 3.666… → 3.67', () => {
    const table = [HEADER, ...['乙', '丙', '丁'].map((e, i) => ['宁波甬堃科技有限公司', '', e, '温州市', String([3, 4, 4][i]), '0', '0', '0', '0', '0'])];
    const merged = mergeExpertScores(parseExpertRows(table, 's.csv', '', rules), subm(), rules);
    expect(merged.perApplicant.get('宁波市/甬堃科技')!.items['expert.xinchuang']).toBe(3.67);
  });

  it('warns the panel chair when experts differ by more than the rules’ spread', () => {
    // spreadWarning is 1.5 in zj-2021-batch1: 1 and 3 differ by 2 > 1.5; 3 and 4 by 1 (no warning).
    expect(rules.expertPanel.spreadWarning).toBe(1.5);
    const table = [HEADER, ['宁波甬堃科技有限公司', '', '甲', '', '1', '3', '0', '0', '0', '0'], ['宁波甬堃科技有限公司', '', '丙', '', '3', '4', '0', '0', '0', '0']];
    const merged = mergeExpertScores(parseExpertRows(table, 's.csv', '', rules), subm(), rules);
    const spreads = merged.findings.filter((f) => f.code === 'EXPERT_SPREAD');
    expect(spreads).toHaveLength(1);
    expect(spreads[0]!.args).toMatchObject({ item: '信创应用示范', spread: 2, min: 1, max: 3 });
    expect(spreads[0]!.severity).toBe('warning');
  });

  it('reports values outside [0, max], non-numbers and unknown enterprises with the sheet row', () => {
    const table = [
      HEADER,
      ['宁波甬堃科技有限公司', '', '甲', '', '5', 'x', '-1', '4', '4', '4'],
      ['不存在的公司', '', '乙', '', '1', '1', '1', '1', '1', '1'],
    ];
    const sheet = parseExpertRows(table, 's.csv', '', rules);
    expect(sheet.findings.map((f) => [f.code, f.location?.cell])).toEqual([
      ['EXPERT_VALUE_OUT_OF_RANGE', 'E2'], // 信创 max 4
      ['EXPERT_VALUE_NOT_NUMBER', 'F2'],
      ['EXPERT_VALUE_OUT_OF_RANGE', 'G2'],
    ]);
    const merged = mergeExpertScores(sheet, subm(), rules);
    const unknown = merged.findings.find((f) => f.code === 'EXPERT_UNKNOWN_ENTERPRISE')!;
    expect(unknown.location).toMatchObject({ file: 's.csv', row: 3 });
  });

  it('says 「没有专家评分」 for an applicant in the running that nobody scored, never for a rejected one', () => {
    const table = [HEADER, ['宁波甬堃科技有限公司', '', '甲', '', '1', '1', '1', '1', '1', '1']];
    const s = subm();
    const rejected = pack('杭州市/无评估表', '杭州市', '杭州无评估表有限公司', undefined, false); // no A2: rejected
    s.cities[0]!.applicants.push(rejected);
    const merged = mergeExpertScores(parseExpertRows(table, 's.csv', '', rules), s, rules);
    const result = evaluate(s, rules, { expert: merged, checks: [presenceOnly] });
    const notScored = result.applicants.flatMap((a) => a.findings).filter((f) => f.code === 'EXPERT_NOT_SCORED');
    expect(notScored.map((f) => f.applicant)).toEqual(['杭州市/恒昇智能']);
    expect(result.applicants.find((a) => a.id === '杭州市/无评估表')!.status).toBe('rejected');
  });
});

describe('z-score normalisation', () => {
  it('maps each expert’s standardised scores back onto the item scale (worked by hand)', () => {
    // Expert 甲 is strict, 乙 lenient, over the same three applicants P, Q, R (item max 4):
    //   甲: P 1, Q 2, R 3   → mean 2, sd sqrt(2/3) ≈ 0.8165 → z = −1.2247, 0, +1.2247
    //   乙: P 3, Q 3.5, R 4 → mean 3.5, sd sqrt(1/6) ≈ 0.4082 → z = −1.2247, 0, +1.2247
    // All six scores: mean (1+2+3+3+3.5+4)/6 = 16.5/6 = 2.75,
    //   sd = sqrt((1.75² + 0.75² + 0.25² + 0.25² + 0.75² + 1.25²)/6)
    //      = sqrt((3.0625 + 0.5625 + 0.0625 + 0.0625 + 0.5625 + 1.5625)/6) = sqrt(5.875/6) ≈ 0.98953
    // P: 2.75 − 1.22474 × 0.98953 ≈ 2.75 − 1.21192 = 1.53808; Q: 2.75; R: 2.75 + 1.21192 = 3.96192.
    const scores = [
      { expert: '甲', applicantId: 'P', value: 1 },
      { expert: '甲', applicantId: 'Q', value: 2 },
      { expert: '甲', applicantId: 'R', value: 3 },
      { expert: '乙', applicantId: 'P', value: 3 },
      { expert: '乙', applicantId: 'Q', value: 3.5 },
      { expert: '乙', applicantId: 'R', value: 4 },
    ];
    const out = zscoreItem(scores, 4);
    expect(out.get('P')).toBeCloseTo(1.53808, 4);
    expect(out.get('Q')).toBeCloseTo(2.75, 10);
    expect(out.get('R')).toBeCloseTo(3.96192, 4);
  });

  it('clamps to [0, max] and gives an expert who scored everyone alike z = 0', () => {
    const out = zscoreItem(
      [
        { expert: '甲', applicantId: 'P', value: 2 },
        { expert: '甲', applicantId: 'Q', value: 2 },
      ],
      4,
    );
    expect(out.get('P')).toBe(2);
    expect(out.get('Q')).toBe(2);
  });
});


describe('reading the sheet', () => {
  const csv = [HEADER.join(','), '宁波甬堃科技有限公司,,张喆,杭州市,3,3,4,3,3,3', ''].join('\r\n');

  it('reads a GB18030 CSV without a BOM (what Excel on Chinese Windows saves)', async () => {
    const bytes = gbk(csv); // GB18030 agrees with GBK on every character here
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const file = join(dir, 'gb.csv');
    await writeFile(file, bytes);
    const sheet = await readExpertScores(file, rules);
    expect(sheet.findings).toEqual([]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toMatchObject({ enterpriseName: '宁波甬堃科技有限公司', expert: '张喆', expertCity: '杭州市' });
    expect(sheet.rows[0]!.items['expert.cloudManagement']).toBe(4);
  });

  it('reads a UTF-8 CSV with a BOM', async () => {
    const file = join(dir, 'bom.csv');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
    const sheet = await readExpertScores(file, rules);
    expect(sheet.rows[0]!.enterpriseName).toBe('宁波甬堃科技有限公司');
    expect(sheet.rows[0]!.items['expert.xinchuang']).toBe(3);
  });

  it('reads an XLSX sheet with a title row above the header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('专家评分表');
    ws.addRow(['专家评分表']);
    ws.addRow(HEADER);
    ws.addRow(['宁波甬堃科技有限公司', null, '李堃', '温州市', 4, 3.5, 5, 4, 4, 4]);
    const file = join(dir, 'scores.xlsx');
    await wb.xlsx.writeFile(file);
    const sheet = await readExpertScores(file, rules);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toMatchObject({ row: 3, expert: '李堃' });
    expect(sheet.rows[0]!.items['expert.cloudNative']).toBe(3.5);
  });
});
