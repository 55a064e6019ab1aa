/**
 * 附件1–3 as the notice prints them, filled the ways people fill them (fixtures/notice-layout, written
 * by openpyxl from scripts/fixtures/notice_layout.py): each reads to what a person reads there and
 * scores as its twin in our template's layout does; each ambiguous cell is an error at that cell.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { addA1Sheet, addA2Sheet, addA3Sheet, type A1Values, type A2Values, type A3RowValues } from '../src/template/build.js';
import { writeWorkbook } from '../src/template/writeTemplates.js';
import type { FormsFound } from '../src/ingest/forms/index.js';
import type { WorkbookReader } from '../src/ingest/files/openWorkbook.js';
import type { ApplicantPack, Submission } from '../src/model/records.js';
import type { ApplicantResult } from '../src/model/result.js';
import { evaluate } from '../src/evaluate.js';
import { duplicatesCheck } from '../src/validate/checks/values/duplicates.js';
import { a3ConsistencyCheck } from '../src/validate/checks/values/a3Consistency.js';
import { checks as registryChecks } from '../src/validate/registry.js';
import { indicatorValues } from '../src/score/indicatorValues.js';
import { toNumber, type Rational } from '../src/score/decimal.js';
import { formsOf, READERS } from './lean-helpers.js';

const DIR = fileURLToPath(new URL('../fixtures/notice-layout/', import.meta.url));

let rules: Rules;
let tmp: string;
beforeAll(async () => {
  rules = await loadRules();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yunshang-notice-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** What a person reads on each of these 附件2 (the script's VALUES): server as cores and memory. */
const A2_READ: A2Values = {
  indicators: {
    'infra.storage': { n: 415.9, m: 1000 },
    'infra.server': { server: { cloudCores: 64, cloudMemoryGb: 256, allCores: 160, allMemoryGb: 640 } },
    'infra.security': { n: 12.5, m: 30 },
    'infra.database': { n: 8, m: 20 },
    'business.rnd': { n: 2, m: 3 },
    'business.production': { n: 3, m: 5 },
    'business.supplyChain': { n: 1, m: 2 },
    'business.marketing': { n: 2, m: 2 },
    'business.other': { n: 1, m: 4 },
    'management.office': { n: 4, m: 6 },
    'management.devices': { n: 120, m: 300 },
    'management.equipment': { n: 2, m: 3 },
    'collaboration.systems': { n: 3 },
    'collaboration.data': { ticks: ['研发数据', '设计数据', '生产数据'] },
    'investment.cloud': { n: 300, m: 900 },
  },
};

const A1_READ: A1Values = {
  enterpriseName: '杭州云上示范科技有限公司',
  registeredAddress: '浙江省杭州市滨江区长河街道江南大道 1 号',
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
  itStatus: '已建成 ERP、MES、PLM。',
  cloudApps: 'ERP、CRM、OA 已上云',
  cloudProviders: '阿里云、华为云',
  cloudEffect: '上云后运维成本下降 30%。',
  typicalCases: '设备远程运维平台。',
  suggestions: '加大上云补贴。',
};

const A3_READ: A3RowValues[] = [
  { seq: 1, district: '滨江区', enterpriseName: '杭州云上示范科技有限公司', mainBusiness: '智能装备制造', salesLastYear: 52000.5, profitLastYear: -120, itInvestment3y: 900, cloudInvestment3y: 300, itLead: '李四', phone: '0571-88888888', opinion: '同意推荐' },
  { seq: 2, district: '余杭区', enterpriseName: '杭州数智化纤有限公司', mainBusiness: '化纤', salesLastYear: 18000, profitLastYear: 950, itInvestment3y: 420, cloudInvestment3y: 150, itLead: '王五', phone: '13900000002', opinion: '同意推荐' },
  { seq: 3, district: '萧山区', enterpriseName: '杭州精工轴承有限公司', mainBusiness: '轴承', salesLastYear: 9000, profitLastYear: 310, itInvestment3y: 200, cloudInvestment3y: 60, itLead: '赵六', phone: '13900000003', opinion: '同意推荐' },
];

async function fixture(reader: WorkbookReader, name: string): Promise<FormsFound> {
  return formsOf(reader, await readFile(path.join(DIR, name)), name, rules);
}

/** The same answers in our template's layout, written by our builders and read back. */
async function twin(reader: WorkbookReader, build: (wb: ExcelJS.Workbook) => void, name: string): Promise<FormsFound> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(tmp, `${reader}-${name}`);
  await writeWorkbook(wb, file);
  return formsOf(reader, await readFile(file), name, rules);
}

const num = (r: Rational | null) => (r ? toNumber(r) : null);

/** N and M per indicator as scoring takes them. */
function numbers(found: FormsFound): Record<string, [number | null, number | null]> {
  const values = indicatorValues(found.a2, rules);
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [num(v.n), num(v.m)]]));
}

function pack(id: string, found: FormsFound, a1: FormsFound): ApplicantPack {
  const p: ApplicantPack = { id: `杭州市/${id}`, city: '杭州市', folderName: id, evidence: [], files: [], findings: [] };
  if (a1.a1) p.a1 = a1.a1;
  if (found.a2) p.a2 = found.a2;
  p.findings = [...a1.findings, ...found.findings].map((f) => ({ ...f, applicant: p.id, city: p.city }));
  return p;
}

/**
 * Both applicants ranked in one province, with every check that looks at the forms' values (the
 * evidence checks would only say both lack their 证明材料; the duplicate check that they are one).
 */
function scoreTogether(packs: ApplicantPack[]): Map<string, ApplicantResult> {
  const submission: Submission = {
    root: 'x',
    kind: 'province',
    cities: [{ name: '杭州市', id: '杭州市', applicants: packs, findings: [] }],
    findings: [],
  };
  const checks = registryChecks.filter((c) => !c.id.startsWith('evidence.') && c !== duplicatesCheck);
  const result = evaluate(submission, rules, { checks });
  return new Map(result.applicants.map((a) => [a.id.split('/')[1]!, a]));
}

/**
 * An applicant's scores without its findings, to compare two ways of filling the same answers (their
 * province ranks differ only by the last tie-break, the folder name).
 */
function scores(a: ApplicantResult) {
  const indicators = Object.fromEntries(
    Object.entries(a.indicators).map(([k, i]) => [k, { n: i.n, m: i.m, selfScore: i.selfScore, rank: i.rank, grade: i.grade, horizontalScore: i.horizontalScore, score: i.score, verified: i.verified }]),
  );
  return { name: a.name, identity: a.identity, indicators, selfTotal: a.selfTotal, horizontalTotal: a.horizontalTotal, indicatorTotal: a.indicatorTotal, total: a.total };
}

const errorsAndWarnings = (f: FormsFound) => f.findings.filter((x) => x.severity !== 'info').map((x) => [x.code, x.location?.cell]);

const WAYS = ['A2-值填在栏目文字后.xlsx', 'A2-栏目文字改为数字.xlsx', 'A2-值填在右侧单元格.xlsx', 'A2-勾选在类别右侧.xlsx'];

describe.each(READERS)('the notice’s 附件2, filled the ways people fill it (%s reader)', (reader) => {
  let twinA2: FormsFound;
  let twinA1: FormsFound;
  let noticeA1: FormsFound;
  beforeAll(async () => {
    twinA2 = await twin(reader, (wb) => addA2Sheet(wb, rules, A2_READ), 'twin-a2.xlsx');
    twinA1 = await twin(reader, (wb) => addA1Sheet(wb, A1_READ), 'twin-a1.xlsx');
    noticeA1 = await fixture(reader, 'A1-通知原样.xlsx');
    expect(twinA2.findings).toEqual([]);
  });

  it.each(WAYS)('reads %s to the values a person reads, with nothing worse than a note', async (name) => {
    const found = await fixture(reader, name);
    expect(errorsAndWarnings(found)).toEqual([]);
    expect(numbers(found)).toEqual(numbers(twinA2));
    expect(numbers(found)['infra.server']).toEqual([16, 40]);
    expect(numbers(found)['collaboration.systems']).toEqual([3, 9]);
    expect(numbers(found)['collaboration.data']).toEqual([3, 6]);
  });

  it.each(WAYS)('scores %s as its twin in the template’s layout, every indicator verified', async (name) => {
    const found = await fixture(reader, name);
    const results = scoreTogether([pack('notice', found, noticeA1), pack('twin', twinA2, twinA1)]);
    const notice = results.get('notice')!;
    expect(notice.status).toBe('qualified');
    expect(Object.values(notice.indicators).every((i) => i.verified)).toBe(true);
    expect(scores(notice)).toEqual(scores(results.get('twin')!));
  });

  it('keeps for each value the cell that holds it and the cell’s whole text', async () => {
    const after = (await fixture(reader, 'A2-值填在栏目文字后.xlsx')).a2!.indicators;
    expect(after['infra.storage']!.n).toEqual({
      value: 415.9,
      loc: { file: 'A2-值填在栏目文字后.xlsx', sheet: 'Sheet1', cell: 'D4' },
      raw: 'N：企业使用云存储数据总量（单位：TB）：415.9',
    });
    expect(after['infra.security']!.m).toMatchObject({ value: 30, loc: { cell: 'E6' }, raw: expect.stringMatching(/（单位：万元）：３０$/) });
    expect(after['investment.cloud']!.m).toMatchObject({ value: 900, loc: { cell: 'E21' }, unit: '元' });
    // As printed: the server's N and M in 4核16G units, in their own label cells.
    expect(after['infra.server']).toMatchObject({ n: { value: 16, loc: { cell: 'D5' } }, m: { value: 40, loc: { cell: 'E5' } } });
    expect(after['infra.server']!.server).toBeUndefined();
    expect(after['collaboration.data']!.ticks!.生产数据).toMatchObject({ value: true, loc: { cell: 'D20' }, raw: '生产数据（√）' });

    const bare = (await fixture(reader, 'A2-栏目文字改为数字.xlsx')).a2!.indicators;
    expect(bare['infra.storage']!.m).toMatchObject({ value: 1000, loc: { cell: 'E4' }, raw: '1000TB' });
    // 「64核256G」 typed where N goes: both numbers point at that cell.
    expect(bare['infra.server']!.server).toMatchObject({
      cloudCores: { value: 64, loc: { cell: 'D5' }, raw: '64核256G' },
      cloudMemoryGb: { value: 256, loc: { cell: 'D5' }, raw: '64核256G' },
      allCores: { value: 160, loc: { cell: 'E5' } },
    });

    const beside = (await fixture(reader, 'A2-值填在右侧单元格.xlsx')).a2!.indicators;
    expect(beside['infra.storage']!.n).toMatchObject({ value: 415.9, loc: { cell: 'E4' }, raw: '415.9' });
    // Boxes pasted from Word, each in the cell before its name.
    expect(beside['collaboration.data']!.ticks!.供应链数据).toMatchObject({ value: false, loc: { cell: 'F18' }, raw: '☐' });
    expect(beside['collaboration.data']!.ticks!.研发数据).toMatchObject({ value: true, loc: { cell: 'D18' }, raw: '☑' });

    const marksAfter = (await fixture(reader, 'A2-勾选在类别右侧.xlsx')).a2!.indicators;
    // Left blank: the unticked category's answer is the empty cell right of its name.
    expect(marksAfter['collaboration.data']!.ticks!.服务数据).toMatchObject({ value: false, loc: { cell: 'G20' }, raw: '' });
  });

  it('reports a tick between two names, with no other mark to show the side, at its cell', async () => {
    const found = await fixture(reader, 'A2-歧义-勾选归属不明.xlsx');
    expect(errorsAndWarnings(found)).toEqual([['A2_TICK_OWNER_UNCLEAR', 'E18']]);
    expect(found.findings[0]).toMatchObject({ severity: 'error', indicator: 'collaboration.data', args: { mark: '√', seen: '左侧是「研发数据」，右侧是「供应链数据」' } });
    const results = scoreTogether([pack('notice', found, noticeA1), pack('twin', twinA2, twinA1)]);
    expect(results.get('notice')!.indicators['collaboration.data']).toMatchObject({ verified: false, score: 0 });
  });

  it('reports a value typed twice, differently, at the second cell', async () => {
    const found = await fixture(reader, 'A2-歧义-两处填值.xlsx');
    expect(errorsAndWarnings(found)).toEqual([['A2_VALUE_TWICE', 'F4']]);
    expect(found.findings[0]).toMatchObject({ indicator: 'infra.storage', args: { field: '云存储 M', inLabel: '900', beside: '1000' } });
    const results = scoreTogether([pack('notice', found, noticeA1), pack('twin', twinA2, twinA1)]);
    expect(results.get('notice')!.indicators['infra.storage']).toMatchObject({ m: null, verified: false, score: 0 });
  });

  it('reads a 数据协同 N typed with nothing ticked, with a warning, and scores it as the twin that ticks as many', async () => {
    const found = await fixture(reader, 'A2-数据协同只填N.xlsx');
    expect(errorsAndWarnings(found)).toEqual([['A2_DATA_N_WITHOUT_TICKS', 'D17']]);
    expect(found.findings[0]).toMatchObject({ severity: 'warning', args: { n: 3 } });
    const results = scoreTogether([pack('notice', found, noticeA1), pack('twin', twinA2, twinA1)]);
    expect(results.get('notice')!.status).toBe('flagged');
    expect(scores(results.get('notice')!)).toEqual(scores(results.get('twin')!));
  });

  it('reports a 数据协同 N that disagrees with the ticks at the N cell, and does not score the indicator', async () => {
    const found = await fixture(reader, 'A2-数据协同N与勾选不符.xlsx');
    expect(errorsAndWarnings(found)).toEqual([['A2_DATA_N_DISAGREES', 'D17']]);
    expect(found.findings[0]).toMatchObject({ severity: 'error', args: { n: 4, ticked: 3, categories: '研发数据、设计数据、生产数据' } });
    const results = scoreTogether([pack('notice', found, noticeA1), pack('twin', twinA2, twinA1)]);
    expect(results.get('notice')!.indicators['collaboration.data']).toMatchObject({ verified: false, score: 0 });
  });

  it('says that 系统协同’s M cannot be computed when 其他’s N is blank, in either layout, instead of shrinking it', async () => {
    const found = await fixture(reader, 'A2-其他N空白.xlsx');
    expect(errorsAndWarnings(found)).toEqual([['A2_SUM_PART_MISSING', 'D12']]);
    expect(found.findings[0]).toMatchObject({ indicator: 'collaboration.systems', args: { parts: '「其他」', m: '云上业务五部分N总和' } });
    const blankOther = structuredClone(A2_READ);
    blankOther.indicators!['business.other'] = { m: 4 };
    const twinBlank = await twin(reader, (wb) => addA2Sheet(wb, rules, blankOther), 'twin-other-blank.xlsx');
    expect(errorsAndWarnings(twinBlank)).toEqual([['A2_SUM_PART_MISSING', 'E12']]);
    const results = scoreTogether([pack('notice', found, noticeA1), pack('twin', twinBlank, twinA1)]);
    const notice = results.get('notice')!;
    // Today's M would have been 2 + 3 + 1 + 2 = 8, and 5 × 3/8 scored instead of nothing.
    expect(notice.indicators['collaboration.systems']).toMatchObject({ n: 3, m: null, selfScore: 0, score: 0, verified: false });
    expect(notice.indicators['business.other']).toMatchObject({ verified: false, score: 0 });
    expect(notice.findings.filter((f) => f.indicator === 'collaboration.systems').map((f) => f.code)).toEqual(['A2_SUM_PART_MISSING']);
    expect(scores(notice)).toEqual(scores(results.get('twin')!));
  });

  it('reports 「64核」 typed as the server’s N, cores without memory, at its cell', async () => {
    const found = await fixture(reader, 'A2-云服务器只填核数.xlsx');
    expect(errorsAndWarnings(found)).toEqual([['A2_SERVER_VALUE_UNREADABLE', 'D5']]);
    expect(found.findings[0]).toMatchObject({ indicator: 'infra.server', args: { raw: '64核', unit: '4核16G' } });
    const results = scoreTogether([pack('notice', found, noticeA1), pack('twin', twinA2, twinA1)]);
    expect(results.get('notice')!.indicators['infra.server']).toMatchObject({ n: null, verified: false, score: 0 });
  });
});

describe.each(READERS)('the notice’s 附件1 and 附件3 (%s reader)', (reader) => {
  it('reads 附件1’s printed grid (three pairs a row, labels spaced or broken over lines, 企业名称 (盖章)) as its twin', async () => {
    const found = await fixture(reader, 'A1-通知原样.xlsx');
    expect(found.findings).toEqual([]);
    const fields = found.a1!.fields;
    for (const [key, value] of Object.entries(A1_READ)) expect(fields[key as keyof typeof fields]?.value, key).toBe(value);
    expect(fields.legalRepresentative!.loc.cell).toBe('D5');
    expect(fields.itInvestment3y!.loc.cell).toBe('F9');
    const twinA1 = await twin(reader, (wb) => addA1Sheet(wb, A1_READ), 'twin-a1.xlsx');
    const values = (f: FormsFound) => Object.fromEntries(Object.entries(f.a1!.fields).map(([k, c]) => [k, c!.value]));
    // The notice's form has no 统一社会信用代码 row; ours adds one.
    expect(values(found)).toEqual({ ...values(twinA1), creditCode: undefined });
  });

  it('reads 附件3’s headers as printed and leaves out the lines under the table (填报人, 日期, 盖章)', async () => {
    const found = await fixture(reader, 'A3-通知原样.xlsx');
    expect(found.findings).toEqual([]);
    const twinA3 = await twin(reader, (wb) => addA3Sheet(wb, '杭州市', A3_READ), 'twin-a3.xlsx');
    const rows = (f: FormsFound) =>
      f.a3!.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'row').map(([k, c]) => [k, (c as { value: unknown }).value])));
    expect(rows(found)).toEqual(rows(twinA3));
    expect(found.a3!.rows.map((r) => r.row)).toEqual([3, 4, 5]);

    // Through evaluate: each enterprise finds its 推荐排序, and no line under the table is taken for an enterprise.
    const packs: ApplicantPack[] = A3_READ.map((row, i) => ({
      id: `杭州市/${i}`,
      city: '杭州市',
      folderName: String(i),
      a1: { file: 'a1.xlsx', sheet: '申报表', fields: { enterpriseName: { value: String(row.enterpriseName), loc: { file: 'a1.xlsx', cell: 'B2' } } } },
      evidence: [],
      files: [],
      findings: [],
    }));
    const checks = registryChecks.filter((c) => c === a3ConsistencyCheck);
    for (const a3 of [found.a3!, twinA3.a3!]) {
      const result = evaluate({ root: 'x', kind: 'province', cities: [{ name: '杭州市', id: '杭州市', a3, applicants: packs, findings: [] }], findings: [] }, rules, { checks });
      expect(result.applicants.map((a) => [a.name, a.cityRecommendedRank]).sort()).toEqual(A3_READ.map((r) => [r.enterpriseName, r.seq]).sort());
      expect(result.findings.filter((f) => f.code.startsWith('A3_')).map((f) => f.code)).toEqual([]);
      expect(result.applicants.flatMap((a) => a.findings).filter((f) => f.code.startsWith('A3_') || f.code.startsWith('PACK_'))).toEqual([]);
    }
  });
});

/** A sheet built cell by cell, for the cases no fixture shows. */
async function sheet(reader: WorkbookReader, rows: (string | number | null)[][], name: string): Promise<FormsFound> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评估');
  ws.addRows(rows);
  const file = path.join(tmp, `${reader}-${name}`);
  await wb.xlsx.writeFile(file);
  return formsOf(reader, await readFile(file), name, rules);
}

describe.each(READERS)('附件2 cells that could mean two things (%s reader)', (reader) => {
  const TITLE = ['制造业“云上企业”用云水平评估表'];

  it('reads a value after a label in other words only when it is all a number, or after the label’s last bracket', async () => {
    const found = await sheet(
      reader,
      [TITLE, ['云存储（5）', 'N：415.9', 'M：企业存储总量（TB）1,000'], ['研发（5）', 'N：研发系统数量（个） ３', 'M：研发系统总数 五个']],
      'words.xlsx',
    );
    const ind = found.a2!.indicators;
    expect(ind['infra.storage']!.n!.value).toBe(415.9);
    expect(ind['infra.storage']!.m!.value).toBe(1000);
    expect(ind['business.rnd']!.n!.value).toBe(3);
    // 「M：研发系统总数 五个」: no bracket to end the label, not a number: nothing read, and scoring says so.
    expect(ind['business.rnd']!.m).toMatchObject({ value: null, loc: { cell: 'C3' } });
  });

  it('reports a box ticked and unticked in one cell, and a second mark with no name beside it', async () => {
    const found = await sheet(
      reader,
      [TITLE, ['数据协同（5）', '☑研发数据☐', '供应链数据'], [null, '☑设计数据', '☐销售数据'], [null, '☑生产数据', '服务数据', '√', '√']],
      'conflict.xlsx',
    );
    expect(errorsAndWarnings(found).filter(([c]) => String(c).startsWith('A2_TICK')).sort()).toEqual([
      ['A2_TICK_CONFLICT', 'B2'],
      ['A2_TICK_OWNER_UNCLEAR', 'E4'],
    ]);
    expect(found.findings.find((f) => f.code === 'A2_TICK_OWNER_UNCLEAR')!.args).toMatchObject({ seen: '旁边没有类别名称' });
  });

  it('reports a box next to its name that says the opposite of the mark in the name', async () => {
    const found = await sheet(reader, [TITLE, ['指标', 'N', 'M'], ['☑研发数据', '否', '供应链数据', '否']], 'both.xlsx');
    expect(errorsAndWarnings(found).filter(([c]) => c === 'A2_TICK_CONFLICT')).toEqual([['A2_TICK_CONFLICT', 'B3']]);
  });

  it('reports the server given both as four numbers and as a count by its N label', async () => {
    const found = await sheet(
      reader,
      [
        TITLE,
        ['云服务器（5）', 'N：云服务器使用数量（单位计算能力：4核16G）：16', 'M：企业服务器使用总数（单位计算能力：4核16G）'],
        ['云服务器CPU总核数', 64, '全部服务器CPU总核数', 160],
        ['云服务器总内存（GB）', 256, '全部服务器总内存（GB）', 640],
      ],
      'two-forms.xlsx',
    );
    expect(errorsAndWarnings(found).filter(([c]) => c === 'A2_SERVER_TWO_FORMS')).toEqual([['A2_SERVER_TWO_FORMS', 'B2']]);
  });

  it('reads the server’s N in units and its M as cores and memory, each side on its own', async () => {
    const found = await sheet(
      reader,
      [TITLE, ['云服务器（5）', 'N：云服务器使用数量（单位计算能力：4核16G）：16', 'M：企业服务器使用总数（单位计算能力：4核16G）：160核 0.625T']],
      'mixed.xlsx',
    );
    expect(numbers(found)['infra.server']).toEqual([16, 40]);
    const s = found.a2!.indicators['infra.server']!;
    expect(s.n).toMatchObject({ value: 16, loc: { cell: 'B2' } });
    expect(s.server).toEqual({
      allCores: { value: 160, loc: expect.objectContaining({ cell: 'C2' }), raw: s.server!.allCores!.raw },
      allMemoryGb: { value: 640, loc: expect.objectContaining({ cell: 'C2' }), raw: s.server!.allCores!.raw, unit: 'T' },
    });
  });
});

describe('the template reads like the official form', () => {
  it('prints 具体说明, 评分解释, the 标杆示范 block and the 填表说明 as the notice does', async () => {
    const wb = new ExcelJS.Workbook();
    addA2Sheet(wb, rules);
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('云存储是一个以数据存储和管理为核心的云计算系统，该项旨在考察企业在云存储方面的综合水平');
    expect(texts).toContain('该项目自评分 = N ÷ M × 5，N值和M值将用于存储数据总量全省排名，根据排名得到相应等级的横向评分');
    expect(texts.some((t) => t.startsWith('N =（CPU总核/4 + 总内存/16）/2，即云服务器的CPU总核和总内存分别除以单位量后取平均值'))).toBe(true);
    expect(texts).toContain('创新应用（13）');
    expect(texts).toContain('典型示范（12）');
    expect(texts).toContain('考量企业在上云过程中应用的信创产品情况');
    expect(texts.filter((t) => t === '（专家评分）')).toHaveLength(rules.experts.length);
    expect(texts).toContain('（3）标杆示范部分，申报企业若有符合相关评分项的情况或案例，需提供相关情况的详细介绍和案例介绍。');
    const headers = (ws.getRow(2).values as unknown[]).slice(1).map((v) => String(v).replace(/\n/g, ''));
    expect(headers).toEqual(['评价维度（权重）', '应用类型和指标（权重）', '具体说明', '评分细项 N', 'N', '评分细项 M', 'M', '评分解释']);
  });
});

