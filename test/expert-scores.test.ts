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
import { presenceCheck } from '../src/validate/checks/values/presence.js';
import { ExpertSheetError } from '../src/util/errors.js';

const presenceOnly = presenceCheck;

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
    expect(sheet.rows[0]!.problems.map((f) => [f.code, f.location?.cell])).toEqual([
      ['EXPERT_VALUE_OUT_OF_RANGE', 'E2'], // 信创 max 4
      ['EXPERT_VALUE_NOT_NUMBER', 'F2'],
      ['EXPERT_VALUE_OUT_OF_RANGE', 'G2'],
    ]);
    const merged = mergeExpertScores(sheet, subm(), rules);
    // Once matched, each names the expert and the enterprise as matched, and belongs to that applicant.
    const cells = merged.findings.filter((f) => f.code.startsWith('EXPERT_VALUE_'));
    expect(cells.map((f) => [f.location?.cell, f.args.expert, f.args.enterprise, f.applicant])).toEqual([
      ['E2', '甲', '宁波甬堃科技有限公司', '宁波市/甬堃科技'],
      ['F2', '甲', '宁波甬堃科技有限公司', '宁波市/甬堃科技'],
      ['G2', '甲', '宁波甬堃科技有限公司', '宁波市/甬堃科技'],
    ]);
    const unknown = merged.findings.find((f) => f.code === 'EXPERT_UNKNOWN_ENTERPRISE')!;
    expect(unknown.location).toMatchObject({ file: 's.csv', row: 3 });
    expect(unknown.args).toMatchObject({ expert: '乙', enterprise: '不存在的公司' });
  });

  it('says 「没有专家评分」 for an applicant in the running that nobody scored, never for a rejected one', () => {
    const table = [HEADER, ['宁波甬堃科技有限公司', '', '甲', '', '1', '1', '1', '1', '1', '1']];
    const s = subm();
    const rejected = pack('杭州市/无评估表', '杭州市', '杭州无评估表有限公司', undefined, false); // no A2: rejected
    s.cities[0]!.applicants.push(rejected);
    const merged = mergeExpertScores(parseExpertRows(table, 's.csv', '', rules), s, rules);
    const result = evaluate(s, rules, { expert: merged, checks: [presenceOnly] });
    // On the panel chair's list, not the applicant's: nobody scoring it is no defect of its materials.
    const notScored = result.panelReview.filter((f) => f.code === 'EXPERT_NOT_SCORED');
    expect(notScored.map((f) => [f.applicant, f.args.enterprise])).toEqual([['杭州市/恒昇智能', '杭州恒昇智能装备有限公司']]);
    expect(result.applicants.flatMap((a) => a.findings).some((f) => f.code.startsWith('EXPERT_'))).toBe(false);
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
    const out = zscoreItem(scores, 4).values;
    expect(out.get('P')).toBeCloseTo(1.53808, 4);
    expect(out.get('Q')).toBeCloseTo(2.75, 10);
    expect(out.get('R')).toBeCloseTo(3.96192, 4);
  });

  it('clamps to [0, max]', () => {
    // 甲: P 0, Q 4 → z −1, +1; 乙: P 0, Q 0.5 → z −1, +1. All four: mean 1.125, sd √(((1.125)² × 2 + 2.875² + 0.625²)/4)
    // = √((2.53125 + 8.265625 + 0.390625)/4) = √2.796875 ≈ 1.67238. P: 1.125 − 1.67238 < 0 → 0; Q: 2.79738.
    const out = zscoreItem(
      [
        { expert: '甲', applicantId: 'P', value: 0 },
        { expert: '甲', applicantId: 'Q', value: 4 },
        { expert: '乙', applicantId: 'P', value: 0 },
        { expert: '乙', applicantId: 'Q', value: 0.5 },
      ],
      4,
    ).values;
    expect(out.get('P')).toBe(0);
    expect(out.get('Q')).toBeCloseTo(2.79738, 4);
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

/** Writes a sheet the way Excel on Chinese Windows saves 「CSV (逗号分隔)」: GB18030, no BOM, CRLF. */
async function gbCsv(name: string, rows: string[][]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, gbk(rows.map((r) => r.join(',')).join('\r\n') + '\r\n'));
  return file;
}

const NB = '宁波甬堃科技有限公司';
const HZ = '杭州恒昇智能装备有限公司';

describe('the same expert twice for the same applicant', () => {
  it('counts identical copies once, with a warning naming both rows (also when one names the enterprise by credit code)', async () => {
    const file = await gbCsv('dup-same.csv', [
      HEADER,
      [HZ, '', '乙', '宁波市', '3', '2', '4', '3', '3', '3'], // row 2
      [HZ, '', '丙', '温州市', '4', '3', '4.5', '2', '4', '3'], // row 3
      ['', '91330100716105852F', '乙', '宁波市', '3', '2', '4', '3', '3', '3'], // row 4: row 2 again, by code
    ]);
    const merged = mergeExpertScores(await readExpertScores(file, rules), subm(), rules);
    const hz = merged.perApplicant.get('杭州市/恒昇智能')!;
    // Two experts, not three: 信创 (3 + 4) / 2 = 3.5, not (3 + 4 + 3) / 3 = 3.33.
    expect(hz.experts).toBe(2);
    expect(hz.items['expert.xinchuang']).toBe(3.5);
    expect(hz.items['expert.cloudManagement']).toBe(4.25);
    const dup = merged.findings.filter((f) => f.code === 'EXPERT_ROW_DUPLICATE');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'warning', applicant: '杭州市/恒昇智能', location: { row: 4 } });
    expect(dup[0]!.args).toMatchObject({ expert: '乙', enterprise: HZ, rows: '2、4' });
  });

  it('leaves out an expert whose copies differ, with an error at each copy, until the sheet is fixed', async () => {
    const file = await gbCsv('dup-conflict.csv', [
      HEADER,
      [NB, '', '甲', '杭州市', '2', '1', '3', '2', '2', '2'], // row 2
      [NB, '', '丙', '温州市', '3.5', '2', '3', '2', '3', '1'], // row 3
      [NB, '', '甲', '杭州市', '4', '1', '3', '2', '2', '2'], // row 4: 甲 again, 信创 4 instead of 2
    ]);
    const merged = mergeExpertScores(await readExpertScores(file, rules), subm(), rules);
    const nb = merged.perApplicant.get('宁波市/甬堃科技')!;
    // Only 丙 counts: neither of 甲's copies is taken for the right one.
    expect(nb.experts).toBe(1);
    expect(nb.items['expert.xinchuang']).toBe(3.5);
    expect(nb.items['expert.performance']).toBe(1);
    const conflicts = merged.findings.filter((f) => f.code === 'EXPERT_ROW_CONFLICT');
    expect(conflicts.map((f) => [f.severity, f.location?.row, f.args.rows, f.args.expert, f.args.enterprise])).toEqual([
      ['error', 2, '2、4', '甲', NB],
      ['error', 4, '2、4', '甲', NB],
    ]);
    // Nothing else is said about 甲's rows (no spread between 2 and 4 from one expert).
    expect(merged.findings.filter((f) => f.code === 'EXPERT_SPREAD')).toEqual([]);
  });

  it('reads the same cases from an XLSX written by openpyxl, scores typed as 「3.5分」 and 「３」', async () => {
    const sheet = await readExpertScores('fixtures/expert-sheets/宁波-重复与写法.xlsx', rules);
    // The scores sit on the second sheet, under a title row; the 填表说明 sheet in front is passed over.
    expect(sheet.sheet).toBe('专家评分表');
    expect(sheet.file).toBe('fixtures/expert-sheets/宁波-重复与写法.xlsx');
    const row3 = sheet.rows.find((r) => r.row === 3)!;
    expect(row3.items['expert.xinchuang']).toBe(3.5); // 「3.5分」
    expect(row3.items['expert.cloudNative']).toBe(3); // 「３」
    const row11 = sheet.rows.find((r) => r.row === 11)!;
    expect(row11.problems.map((f) => [f.code, f.location?.cell, f.args.raw ?? f.args.value])).toEqual([
      ['EXPERT_VALUE_OUT_OF_RANGE', 'E11', 4.5], // 「4.5分」 read, then refused: 信创 is worth 4
      ['EXPERT_VALUE_NOT_NUMBER', 'F11', '无'], // 「无」 is no score, not 0
    ]);
  });
});

describe('scores as people type them', () => {
  it('reads 「3.5分」, 「3.5 分」 and full-width 「３．５」, and still refuses what is out of range or not a score', () => {
    const table = [
      HEADER,
      [NB, '', '甲', '', '3.5分', '3.5 分', '３．５', '４分', '0', '４'],
      [NB, '', '乙', '', '4.5分', '-1', '5.5', '3.5%', '无', '三分'],
    ];
    const sheet = parseExpertRows(table, 's.csv', '', rules);
    expect(sheet.rows[0]!.items).toEqual({
      'expert.xinchuang': 3.5,
      'expert.cloudNative': 3.5,
      'expert.cloudManagement': 3.5,
      'expert.platform': 4,
      'expert.newManufacturing': 0,
      'expert.performance': 4,
    });
    expect(sheet.rows[0]!.problems).toEqual([]);
    expect(sheet.rows[1]!.items).toEqual({});
    expect(sheet.rows[1]!.problems.map((f) => [f.code, f.location?.cell])).toEqual([
      ['EXPERT_VALUE_OUT_OF_RANGE', 'E3'], // 4.5 > 4
      ['EXPERT_VALUE_OUT_OF_RANGE', 'F3'], // −1 < 0
      ['EXPERT_VALUE_OUT_OF_RANGE', 'G3'], // 5.5 > 5
      ['EXPERT_VALUE_NOT_NUMBER', 'H3'], // a percentage is not a score
      ['EXPERT_VALUE_NOT_NUMBER', 'I3'], // 「无」
      ['EXPERT_VALUE_NOT_NUMBER', 'J3'], // digits only, not 「三」
    ]);
  });
});

describe('a sheet from which no score can be read', () => {
  const refused = async (name: string, rows: string[][] | Uint8Array, pattern: RegExp) => {
    const file = Array.isArray(rows) ? await gbCsv(name, rows) : join(dir, name);
    if (!Array.isArray(rows)) await writeFile(file, rows);
    const attempt = async () => mergeExpertScores(await readExpertScores(file, rules), subm(), rules);
    await expect(attempt()).rejects.toThrow(ExpertSheetError);
    await expect(attempt()).rejects.toThrow(pattern);
    // What the sheet should hold, whatever was wrong with it.
    await expect(attempt()).rejects.toThrow(/表头含 企业名称（或 统一社会信用代码）、专家[\s\S]*信创应用示范（0–4）/);
  };

  it('is refused when empty', () => refused('empty.csv', new Uint8Array(), /表是空的/));
  it('is refused with only a header', () => refused('header.csv', [HEADER], /表头下面没有评分行/));
  it('is refused without a header row', () => refused('noheader.csv', [[NB, '甲', '3']], /找不到表头/));
  it('is refused with none of the items', () => refused('noitems.csv', [['企业名称', '专家', '备注'], [NB, '甲', '好']], /没有任何评分项列/));
  it('is refused without an enterprise column', () =>
    refused('noname.csv', [HEADER.slice(2), ['甲', '', '1', '1', '1', '1', '1', '1']], /没有「企业名称」或「统一社会信用代码」列/));
  it('is refused when no row names an applicant', () =>
    refused('nomatch.csv', [HEADER, ['别家公司', '', '甲', '', '1', '1', '1', '1', '1', '1']], /「别家公司」）都不在本次申报材料中/));
  it('is refused when no matched row holds a score that counts', () =>
    refused('noscore.csv', [HEADER, [NB, '', '甲', '', '9', 'x', '', '', '', '']], /没有一个可计入的分数/));
  it('is refused when the file is not a workbook', () => refused('broken.xlsx', new TextEncoder().encode('not a zip'), /不是可读取的 \.xlsx 工作簿/));

  it('names the sheet relative to the current directory, or by its file name when it lies elsewhere', async () => {
    const outside = await gbCsv('where.csv', [HEADER, [NB, '', '甲', '', '1', '1', '1', '1', '1', '1']]);
    expect((await readExpertScores(outside, rules)).file).toBe('where.csv');
    const inside = await readExpertScores(join(process.cwd(), 'fixtures', 'expert-scores.csv'), rules);
    expect(inside.file).toBe('fixtures/expert-scores.csv');
  });
});

describe('z-score when an expert’s scores cannot be standardised', () => {
  const four = () =>
    submission(
      pack('杭州市/P', '杭州市', '杭州甲乙有限公司'),
      pack('杭州市/Q', '杭州市', '杭州丙丁有限公司'),
      pack('宁波市/R', '宁波市', '宁波戊己有限公司'),
      pack('宁波市/S', '宁波市', '宁波庚辛有限公司'),
    );
  // Every item gets the same score in a row, so each item works out as the one worked below.
  const row = (name: string, expert: string, v: number) => [name, '', expert, '', ...Array<string>(6).fill(String(v))];

  it('leaves out an expert who gave everyone the same score or scored one applicant, keeps the plain mean where no one else scored (worked by hand)', () => {
    // 甲 scores P 1, Q 2, R 3 (mean 2, sd √(2/3)): z −1.22474, 0, +1.22474.
    // 乙 gives P, Q, R and S all 3 (sd 0): says nothing about who stands where, left out.
    // 丙 scores only R (4): one score, no mean or sd of their own, left out.
    // All eight scores 1, 2, 3, 3, 3, 3, 3, 4: mean 22/8 = 2.75; squared deviations 3.0625 + 0.5625 +
    // 5 × 0.0625 + 1.5625 = 5.5, sd = √(5.5/8) = √0.6875 ≈ 0.829156.
    // P: 2.75 − 1.224745 × 0.829156 = 2.75 − 1.015504 = 1.734496 → 1.73; Q: 2.75; R: 3.765504 → 3.77.
    // S: scored only by 乙, so nothing to standardise: its plain mean 3.
    // (With z = 0 for 乙 averaged in, P would be 2.75 − 0.612372 × 0.829156 = 2.24: 乙's flat 3s would
    // pull every applicant halfway to the mean, and S would get 2.75 whatever 乙 gave.)
    const table = [
      HEADER,
      row('杭州甲乙有限公司', '甲', 1),
      row('杭州丙丁有限公司', '甲', 2),
      row('宁波戊己有限公司', '甲', 3),
      ...['杭州甲乙有限公司', '杭州丙丁有限公司', '宁波戊己有限公司', '宁波庚辛有限公司'].map((n) => row(n, '乙', 3)),
      row('宁波戊己有限公司', '丙', 4),
    ];
    const merged = mergeExpertScores(parseExpertRows(table, 'z.csv', '', rules), four(), rules, { normalize: 'zscore' });
    const item = (id: string) => merged.perApplicant.get(id)!.items['expert.xinchuang'];
    expect(item('杭州市/P')).toBe(1.73);
    expect(item('杭州市/Q')).toBe(2.75);
    expect(item('宁波市/R')).toBe(3.77);
    expect(item('宁波市/S')).toBe(3);
    const byCode = (code: string) => merged.findings.filter((f) => f.code === code);
    const allItems = rules.experts.map((e) => e.name).join('、');
    expect(byCode('EXPERT_ZSCORE_SAME_SCORES').map((f) => f.args)).toEqual([{ expert: '乙', items: allItems, count: 4, rows: '5、6、7、8', rowsEn: '5, 6, 7, 8' }]);
    expect(byCode('EXPERT_ZSCORE_ONE_APPLICANT').map((f) => [f.args.expert, f.args.enterprise, f.location?.row, f.applicant])).toEqual([
      ['丙', '宁波戊己有限公司', 9, '宁波市/R'],
    ]);
    expect(byCode('EXPERT_ZSCORE_RAW_MEAN').map((f) => [f.args.enterprise, f.args.items, f.applicant])).toEqual([['宁波庚辛有限公司', allItems, '宁波市/S']]);
  });

  it('says nothing of the kind without --normalize zscore', () => {
    const table = [HEADER, row('杭州甲乙有限公司', '乙', 3), row('杭州丙丁有限公司', '乙', 3)];
    const merged = mergeExpertScores(parseExpertRows(table, 'z.csv', '', rules), four(), rules);
    expect(merged.findings.filter((f) => f.code.startsWith('EXPERT_ZSCORE_'))).toEqual([]);
  });
});

describe('the panel chair’s list', () => {
  it('holds spread, incomplete rows, duplicates and z-score cases without changing any applicant’s status', () => {
    const table = [
      HEADER,
      [HZ, '', '乙', '宁波市', '1', '2', '4', '3', '3', ''], // row 2: 绩效 left empty
      [HZ, '', '丙', '温州市', '4', '3', '4.5', '2', '4', '3'], // row 3: 信创 1 vs 4, spread 3
      [HZ, '', '丙', '温州市', '4', '3', '4.5', '2', '4', '3'], // row 4: row 3 pasted twice
      [NB, '', '丁', '温州市', '9', '1', '1', '1', '1', '1'], // row 5: 9 out of range
    ];
    const s = subm();
    const without = evaluate(s, rules, { checks: [presenceOnly] });
    const merged = mergeExpertScores(parseExpertRows(table, 's.csv', '', rules), s, rules, { normalize: 'zscore' });
    const result = evaluate(s, rules, { expert: merged, checks: [presenceOnly] });
    expect(result.applicants.map((a) => [a.id, a.status])).toEqual(expect.arrayContaining(without.applicants.map((a) => [a.id, a.status])));
    expect(result.summary.qualified).toBe(without.summary.qualified);
    expect(result.summary.flagged).toBe(without.summary.flagged);
    const codes = result.panelReview.map((f) => f.code);
    for (const code of ['EXPERT_SPREAD', 'EXPERT_ROW_INCOMPLETE', 'EXPERT_ROW_DUPLICATE', 'EXPERT_VALUE_OUT_OF_RANGE', 'EXPERT_ZSCORE_ONE_APPLICANT'])
      expect(codes, code).toContain(code);
    // Most severe first; each names its enterprise as matched.
    expect(result.panelReview[0]!.severity).toBe('error');
    for (const f of result.panelReview) if (f.applicant) expect([HZ, NB]).toContain(f.args.enterprise);
    // On the list, counted in the summary, and on no applicant's own findings.
    expect(result.applicants.flatMap((a) => a.findings).filter((f) => f.code.startsWith('EXPERT_'))).toEqual([]);
    expect(result.summary.errors).toBe(without.summary.errors + result.panelReview.filter((f) => f.severity === 'error').length);
  });

  it('names every expert’s score and cell in a spread', () => {
    const table = [HEADER, [NB, '', '甲', '', '1', '1', '1', '1', '1', '1'], [NB, '', '乙', '', '4', '1', '1', '1', '1', '1']];
    const s = submission(pack('宁波市/甬堃科技', '宁波市', NB));
    const merged = mergeExpertScores(parseExpertRows(table, 's.csv', '', rules), s, rules);
    const result = evaluate(s, rules, { expert: merged, checks: [presenceOnly] });
    expect(result.panelReview.map((f) => f.code)).toEqual(['EXPERT_SPREAD']);
    expect(result.panelReview[0]!.args.scores).toBe('甲 1（E2）、乙 4（E3）');
    expect(result.panelReview[0]!.args).toMatchObject({ enterprise: NB, item: '信创应用示范', spread: 3, threshold: 1.5 });
  });
});
