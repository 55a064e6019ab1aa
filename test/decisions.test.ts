/**
 * The clerk's 人工复核 decisions inside the pure evaluation: each type changes exactly what it should
 * (numbers worked by hand from the notice's formulas), each bad row is refused at its row and changes
 * nothing, and the same inputs and decisions give the same bytes. Sheets are built here as the rows
 * a clerk types (parseDecisionRows), so each test shows its decisions.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluateOptions } from '../src/evaluate.js';
import { parseDecisionRows } from '../src/ingest/readDecisions.js';
import type { DecisionSheet } from '../src/model/decision.js';
import type { ApplicantResult, Result } from '../src/model/result.js';
import type { Submission } from '../src/model/records.js';
import { resultsJson } from '../src/report/json.js';
import { writeResultsXlsx } from '../src/report/xlsx.js';
import { exitCodeFor } from '../src/report/exitCode.js';
import { formatText } from '../src/report/formatters/text.js';
import { formatJunit } from '../src/report/formatters/junit.js';
import { formatGithub } from '../src/report/formatters/github.js';
import { a2, city, defaultRules, pack, submission } from './score-helpers.js';

const rules = defaultRules();
const HEADER = ['企业', '类型', '对象', '新值', '理由', '经办人', '日期'];
const FILE = '人工复核记录表.csv';

/** A sheet as typed: the header, then one row per decision (sheet rows 2, 3 …). */
function sheet(...rows: string[][]): DecisionSheet {
  return parseDecisionRows([HEADER, ...rows], FILE, '');
}

function run(sub: Submission, decisions?: DecisionSheet): Result {
  const o: EvaluateOptions = { checks: [] };
  if (decisions) o.decisions = decisions;
  return evaluate(sub, rules, o);
}

function byId(r: Result, id: string): ApplicantResult {
  const a = r.applicants.find((x) => x.id === id);
  if (!a) throw new Error(`no applicant ${id}`);
  return a;
}

/** 甲 and 乙, every indicator N/M = 1/2 (55.5 each, see evaluate-scoring); 甲's 研发 screenshot missing. */
function twoWithEvidenceError(): Submission {
  return submission([
    city('杭州市', [
      pack({
        city: '杭州市',
        folder: '甲',
        findings: [
          {
            code: 'SCREENSHOT_MISSING',
            severity: 'error',
            args: { system: 'PLM', indicator: '研发', file: '截图/研发1-登录页.png' },
            location: { file: '杭州市/甲/系统清单.xlsx', sheet: '系统清单', cell: 'G4' },
            indicator: 'business.rnd',
          },
        ],
      }),
      pack({ city: '杭州市', folder: '乙' }),
    ]),
  ]);
}

describe('豁免问题 (waive a finding)', () => {
  it('makes the indicator verified again and gives its points back: 研发 0 → 0.5 × 2.5 + 0.5 × 5 = 3.75, total 51.75 → 55.5', () => {
    const sub = twoWithEvidenceError();
    const before = byId(run(sub), '杭州市/甲');
    // Unverified: 0 points and no rank; 乙 ranked alone on 研发. 55.5 − 3.75 = 51.75.
    expect(before.indicators['business.rnd']).toMatchObject({ selfScore: 0, rank: null, score: 0, verified: false });
    expect(before).toMatchObject({ status: 'flagged', total: 51.75, provinceRank: 2 });

    const r = run(sub, sheet(['甲', '豁免问题', 'SCREENSHOT_MISSING 系统清单!G4', '', '查验纸质原件，截图随件报送', '王敏', '2021-06-10']));
    const a = byId(r, '杭州市/甲');
    // Tied with 乙 at N = 1: rank 1 of 2, ceil(0.1 × 2) = 1 → A, 5 points; self 5 × 1/2 = 2.5.
    expect(a.indicators['business.rnd']).toMatchObject({ selfScore: 2.5, rank: 1, rankedCount: 2, grade: 'A', horizontalScore: 5, score: 3.75, verified: true, decisions: [2] });
    expect(a).toMatchObject({ status: 'qualified', total: 55.5, decisions: [2] });
    // Still listed, marked with the row and the reason.
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]).toMatchObject({ code: 'SCREENSHOT_MISSING', waived: { row: 2, file: FILE, reason: '查验纸质原件，截图随件报送' } });
    expect(r.summary.errors).toBe(0);
    expect(r.decisions).toHaveLength(1);
    expect(r.decisions[0]).toMatchObject({ row: 2, applicant: '杭州市/甲', kind: 'waive', applied: true, refusal: null, indicator: 'business.rnd', waived: 1 });
    expect(r.decisions[0]!.changes).toEqual([
      { field: 'status', before: 'flagged', after: 'qualified' },
      { field: 'total', before: 51.75, after: 55.5 },
      { field: 'provinceRank', before: 2, after: 1 },
      { field: 'selfScore', indicator: 'business.rnd', before: 0, after: 2.5 },
      { field: 'rank', indicator: 'business.rnd', before: null, after: 1 },
      { field: 'horizontalScore', indicator: 'business.rnd', before: 0, after: 5 },
      { field: 'score', indicator: 'business.rnd', before: 0, after: 3.75 },
      { field: 'verified', indicator: 'business.rnd', before: false, after: true },
    ]);
    // 乙 now shares 研发 with 甲: rank 1 of 2, still A.
    expect(byId(r, '杭州市/乙').indicators['business.rnd']).toMatchObject({ rank: 1, rankedCount: 2, score: 3.75 });
  });

  it('waives by code alone every finding of that code, and only the applicant named', () => {
    const r = run(twoWithEvidenceError(), sheet(['杭州市/甲', '豁免', 'screenshot_missing', '', '同一集团平台，两家法人', '王敏', '']));
    expect(byId(r, '杭州市/甲').findings.every((f) => f.waived)).toBe(true);
    expect(r.decisions[0]).toMatchObject({ applied: true, waived: 1 });
  });
});

/** Five applicants differing only in 云存储 N (M = 1, 企业0 10/10), as in evaluate-scoring. */
function fiveOnStorage(): Submission {
  const storage: [number, number][] = [[10, 10], [0.567, 1], [0.5, 1], [0.4, 1], [0.3, 1]];
  return submission([city('杭州市', storage.map((nm, i) => pack({ city: '杭州市', folder: `企业${i}`, a2: a2({ nm: { 'infra.storage': nm } }) })))]);
}

describe('更正数值 (correct N or M)', () => {
  it("changes that indicator's self-score, everyone's horizontal ranks on it, and the totals, by hand", () => {
    // 企业4's N corrected from 0.3 to 0.9. Every other indicator ties (A, 3.75 each: 14 × 3.75 = 52.5 …
    // 55.5 − 3.75 = 51.75 without storage). Storage after: N 10, 0.9, 0.567, 0.5, 0.4 ranked 1–5;
    // bands on n = 5: A rank ≤ ceil(0.5) = 1, B ≤ ceil(2.0) = 2, C ≤ ceil(4.5) = 5.
    const sub = fiveOnStorage();
    const plain = run(sub);
    const r = run(sub, sheet(['企业4', '更正数值', '云存储 N', '0.9', '电话核实：上云存储 0.9 TB', '王敏', '2021-06-11']));
    const storage = (res: Result, id: string) => byId(res, `杭州市/${id}`).indicators['infra.storage'];

    // 企业4: self 5 × 0.9 / 1 = 4.5; rank 2 → B, 4 points; 0.5 × 4.5 + 0.5 × 4 = 4.25 (was 1.5, C 3 → 2.25).
    expect(storage(plain, '企业4')).toMatchObject({ n: 0.3, selfScore: 1.5, rank: 5, grade: 'C', score: 2.25 });
    expect(storage(r, '企业4')).toMatchObject({ n: 0.9, m: 1, selfScore: 4.5, rank: 2, grade: 'B', horizontalScore: 4, score: 4.25, verified: true, decisions: [2] });
    // 企业1 drops from B to C: 0.5 × 2.84 + 0.5 × 3 = 2.92 (was 3.42); 企业2 and 企业3 move down, still C.
    expect(storage(r, '企业1')).toMatchObject({ rank: 3, grade: 'C', score: 2.92 });
    expect(storage(plain, '企业1')).toMatchObject({ rank: 2, grade: 'B', score: 3.42 });
    expect(storage(r, '企业2')).toMatchObject({ rank: 4, grade: 'C', score: 2.75 });
    expect(storage(r, '企业3')).toMatchObject({ rank: 5, grade: 'C', score: 2.5 });
    expect(storage(r, '企业0')).toMatchObject({ rank: 1, grade: 'A', score: 5 });
    // Each number the correction moved says so, the others' too; 企业0's storage did not move.
    expect(storage(r, '企业1').decisions).toEqual([2]);
    expect(storage(r, '企业0').decisions).toBeUndefined();
    expect(byId(r, '杭州市/企业1').indicators['infra.security'].decisions).toBeUndefined();
    // Totals: 51.75 + storage score; the province order follows.
    expect(r.applicants.map((a) => [a.name, a.total, a.provinceRank])).toEqual([
      ['企业0', 56.75, 1],
      ['企业4', 56, 2],
      ['企业1', 54.67, 3],
      ['企业2', 54.5, 4],
      ['企业3', 54.25, 5],
    ]);
    expect(byId(plain, '杭州市/企业4')).toMatchObject({ total: 54, provinceRank: 5 });
    // The original value and its cell stay recorded; the source says which row replaced it.
    expect(storage(r, '企业4').sources.n).toMatchObject({ cell: 'E6', decision: { row: 2, file: FILE, before: 0.3 } });
    expect(r.decisions[0]!.changes).toEqual([
      { field: 'total', before: 54, after: 56 },
      { field: 'provinceRank', before: 5, after: 2 },
      { field: 'n', indicator: 'infra.storage', before: 0.3, after: 0.9 },
      { field: 'selfScore', indicator: 'infra.storage', before: 1.5, after: 4.5 },
      { field: 'rank', indicator: 'infra.storage', before: 5, after: 2 },
      { field: 'horizontalScore', indicator: 'infra.storage', before: 3, after: 4 },
      { field: 'score', indicator: 'infra.storage', before: 2.25, after: 4.25 },
    ]);
  });

  it('reads the indicator by key and M, in the indicator unit with a unit typed (「2000GB」 → TB)', () => {
    // 企业1: M 1 → 2000 GB = 1.953125 TB; self 5 × 0.567 / 1.953125 = 1.45152 → 1.45.
    const r = run(fiveOnStorage(), sheet(['企业1', '更正数值', 'infra.storage M', '2000GB', '原件为 2000GB', '', '']));
    expect(byId(r, '杭州市/企业1').indicators['infra.storage']).toMatchObject({ m: 1.953125, selfScore: 1.45 });
  });

  it('sums 系统协同 M again from a corrected 云上业务 N', () => {
    // Default: five business N = 1, M = 5, 系统协同 N = 1 → 5 × 1/5 = 1. 研发 N → 5: M = 9, 5 × 1/9 = 0.56.
    const sub = submission([city('杭州市', [pack({ city: '杭州市', folder: '甲' })])]);
    const r = run(sub, sheet(['甲', '更正数值', '研发 N', '5', '电话核实', '', '']));
    // N 5 over M 2 is refused whole: 研发 and 系统协同 as without it.
    expect(byId(r, '杭州市/甲').indicators['business.rnd']).toMatchObject({ n: 1, m: 2 });
    expect(byId(r, '杭州市/甲').indicators['collaboration.systems']).toMatchObject({ m: 5 });
    expect(r.decisions[0]).toMatchObject({ applied: false, refusal: { code: 'DECISION_N_GREATER_THAN_M' } });
    const ok = run(sub, sheet(['甲', '更正数值', '研发 M', '5', '电话核实', '', ''], ['甲', '更正数值', '研发 N', '5', '电话核实', '', '']));
    const a = byId(ok, '杭州市/甲');
    expect(a.indicators['business.rnd']).toMatchObject({ n: 5, m: 5, selfScore: 5 });
    expect(a.indicators['collaboration.systems']).toMatchObject({ n: 1, m: 9, selfScore: 0.56, decisions: [3] });
  });

  it('resolves the N above M finding when the corrected pair is consistent', () => {
    const sub = submission([
      city('杭州市', [
        pack({
          city: '杭州市',
          folder: '甲',
          a2: a2({ nm: { 'management.devices': [1892, 1844] } }),
          findings: [{ code: 'N_GREATER_THAN_M', severity: 'error', args: {}, location: { file: '附件2-用云水平评估表.xlsx', sheet: '用云水平评估表', cell: 'E16' }, indicator: 'management.devices' }],
        }),
      ]),
    ]);
    const r = run(sub, sheet(['甲', '更正数值', '设备接入 M', '1900', '电话核实：共 1900 台', '王敏', '']));
    const a = byId(r, '杭州市/甲');
    // 5 × 1892 / 1900 = 4.978… → 4.98; the finding stays listed, waived by row 2.
    expect(a.indicators['management.devices']).toMatchObject({ n: 1892, m: 1900, selfScore: 4.98, verified: true });
    expect(a.findings[0]).toMatchObject({ code: 'N_GREATER_THAN_M', waived: { row: 2 } });
    expect(a.status).toBe('qualified');
  });
});

describe('终止申报 / 恢复受理', () => {
  it('rejects an applicant with the reason as its finding, and takes it out of every ranking', () => {
    const sub = fiveOnStorage();
    const r = run(sub, sheet(['企业0', '终止申报', '', '', '提供虚假材料（合同系伪造）', '李强', '2021-06-12']));
    const a = byId(r, '杭州市/企业0');
    expect(a).toMatchObject({ status: 'rejected', rejectedBy: ['DECISION_TERMINATED'], provinceRank: null, total: 0, decisions: [2] });
    expect(a.findings.find((f) => f.code === 'DECISION_TERMINATED')).toMatchObject({ severity: 'error', args: { reason: '提供虚假材料（合同系伪造）', row: 2, clerk: '李强' }, location: { file: FILE, row: 2 } });
    // Four ranked on storage now: 0.567 first (A, ceil 0.4 = 1).
    expect(byId(r, '杭州市/企业1').indicators['infra.storage']).toMatchObject({ rank: 1, rankedCount: 4, grade: 'A' });
    expect(r.decisions[0]!.changes).toEqual([
      { field: 'status', before: 'qualified', after: 'rejected' },
      { field: 'total', before: 56.75, after: 0 },
      { field: 'provinceRank', before: 1, after: null },
    ]);
  });

  it('reinstates a duplicate that turned out to be two legal entities', () => {
    const dup = { code: 'DUPLICATE_ENTERPRISE', severity: 'error' as const, args: { name: '德航', other: '丽水市/德航' }, location: { file: 'a.xlsx', sheet: '申报表', cell: 'B2' } };
    const sub = submission([
      city('温州市', [pack({ city: '温州市', folder: '德航', findings: [dup] })]),
      city('丽水市', [pack({ city: '丽水市', folder: '德航', findings: [dup] })]),
    ]);
    expect(run(sub).applicants.every((a) => a.status === 'rejected')).toBe(true);
    const r = run(sub, sheet(['丽水市/德航', '恢复受理', '', '', '经核实为两家法人（统一社会信用代码不同）', '李强', '']));
    expect(byId(r, '丽水市/德航')).toMatchObject({ status: 'qualified', rejectedBy: [], provinceRank: 1, total: 55.5 });
    expect(byId(r, '温州市/德航')).toMatchObject({ status: 'rejected' });
    expect(r.decisions[0]).toMatchObject({ applied: true, waived: 1 });
  });
});

describe('bad decisions are refused at their row and change nothing', () => {
  const sub = twoWithEvidenceError();
  const plain = run(sub);
  const cases: [string, string[], string][] = [
    ['an unknown enterprise', ['丙', '豁免问题', 'SCREENSHOT_MISSING', '', '理由', '', ''], 'DECISION_UNKNOWN_ENTERPRISE'],
    ['a code the applicant does not have', ['甲', '豁免问题', 'SCREENSHOT_REUSED', '', '理由', '', ''], 'DECISION_CODE_NOT_FOUND'],
    ['a code at a place where it is not', ['甲', '豁免问题', 'SCREENSHOT_MISSING G9', '', '理由', '', ''], 'DECISION_CODE_NOT_FOUND'],
    ['an unknown indicator', ['甲', '更正数值', '云计算 N', '3', '理由', '', ''], 'DECISION_UNKNOWN_INDICATOR'],
    ['no N or M', ['甲', '更正数值', '云存储', '3', '理由', '', ''], 'DECISION_UNKNOWN_INDICATOR'],
    ['a new value that is not a number', ['甲', '更正数值', '云存储 N', '约二十', '理由', '', ''], 'DECISION_VALUE_NOT_NUMBER'],
    ['a negative new value', ['甲', '更正数值', '云存储 N', '-1', '理由', '', ''], 'DECISION_VALUE_NOT_NUMBER'],
    ['N above M after the change', ['甲', '更正数值', '云存储 N', '3', '理由', '', ''], 'DECISION_N_GREATER_THAN_M'],
    ['an M the rules compute', ['甲', '更正数值', '数据协同 M', '8', '理由', '', ''], 'DECISION_M_COMPUTED'],
    ['no reason', ['甲', '豁免问题', 'SCREENSHOT_MISSING', '', '', '王敏', ''], 'DECISION_REASON_MISSING'],
    ['an unknown type', ['甲', '批准', 'SCREENSHOT_MISSING', '', '理由', '', ''], 'DECISION_TYPE_UNKNOWN'],
    ['reinstating one not rejected', ['乙', '恢复受理', '', '', '理由', '', ''], 'DECISION_NOT_REJECTED'],
  ];
  for (const [what, row, code] of cases) {
    it(`refuses ${what} (${code})`, () => {
      const r = run(sub, sheet(row));
      expect(r.decisions[0]).toMatchObject({ row: 2, applied: false, changes: [], refusal: { code, severity: 'error', location: { file: FILE, row: 2 } } });
      // An error at the sheet's row, belonging to no applicant; the applicants exactly as without it.
      expect(r.findings.filter((f) => f.code === code)).toHaveLength(1);
      expect(r.findings.find((f) => f.code === code)!.applicant).toBeUndefined();
      expect(r.applicants).toEqual(plain.applicants);
    });
  }

  it('refuses two corrections of one value that disagree, both of them', () => {
    const r = run(sub, sheet(['甲', '更正数值', '云存储 N', '1', '电话', '', ''], ['甲', '更正数值', '云存储 n', '0.5', '原件', '', '']));
    expect(r.decisions.map((d) => [d.row, d.applied, d.refusal?.code, d.refusal?.args.other])).toEqual([
      [2, false, 'DECISION_CONTRADICTS', 3],
      [3, false, 'DECISION_CONTRADICTS', 2],
    ]);
    expect(r.applicants).toEqual(plain.applicants);
  });

  it('refuses 终止申报 and 恢复受理 of one applicant together', () => {
    const r = run(sub, sheet(['甲', '终止申报', '', '', '虚假材料', '', ''], ['甲', '恢复受理', '', '', '核实无误', '', '']));
    expect(r.decisions.map((d) => [d.applied, d.refusal?.code, d.refusal?.args.other])).toEqual([
      [false, 'DECISION_CONTRADICTS', 3],
      [false, 'DECISION_CONTRADICTS', 2],
    ]);
    expect(byId(r, '杭州市/甲').status).not.toBe('rejected');
  });

  it('applies a repeated row once, with a warning at the repeat', () => {
    const row = ['甲', '豁免问题', 'SCREENSHOT_MISSING', '', '查验原件', '', ''];
    const r = run(sub, sheet(row, row));
    expect(r.decisions.map((d) => [d.applied, d.refusal?.code ?? null])).toEqual([
      [true, null],
      [false, 'DECISION_DUPLICATE'],
    ]);
    expect(r.findings.find((f) => f.code === 'DECISION_DUPLICATE')).toMatchObject({ severity: 'warning', args: { row: 3, other: 2 } });
    expect(byId(r, '杭州市/甲').indicators['business.rnd'].verified).toBe(true);
  });

  it('refuses a name two applicants share, and takes the applicant id instead', () => {
    const two = submission([city('温州市', [pack({ city: '温州市', folder: '德航' })]), city('丽水市', [pack({ city: '丽水市', folder: '德航' })])]);
    const r = run(two, sheet(['德航', '终止申报', '', '', '虚假材料', '', ''], ['丽水市/德航', '终止申报', '', '', '虚假材料', '', '']));
    expect(r.decisions.map((d) => [d.applied, d.refusal?.code ?? null, d.applicant])).toEqual([
      [false, 'DECISION_ENTERPRISE_AMBIGUOUS', null],
      [true, null, '丽水市/德航'],
    ]);
  });
});

describe('the same inputs and decisions', () => {
  it('give byte-identical results.json and 评审结果.xlsx', async () => {
    const decisions = () =>
      sheet(
        ['企业4', '更正数值', '云存储 N', '0.9', '电话核实', '王敏', '2021-06-11'],
        ['企业0', '终止申报', '', '', '虚假材料', '李强', '2021-06-12'],
        ['企业9', '豁免问题', 'X', '', '理由', '', ''],
      );
    const one = run(fiveOnStorage(), decisions());
    const two = run(fiveOnStorage(), decisions());
    expect(resultsJson(two)).toBe(resultsJson(one));
    const [x1, x2] = await Promise.all([writeResultsXlsx(one, rules, 'zh'), writeResultsXlsx(two, rules, 'zh')]);
    expect(Buffer.compare(x1, x2)).toBe(0);
  });
});

describe('a waived finding in validate\'s formats', () => {
  const r = run(twoWithEvidenceError(), sheet(['甲', '豁免问题', 'SCREENSHOT_MISSING', '', '查验原件', '王敏', '']));
  const findings = [...r.findings, ...r.applicants.flatMap((a) => a.findings)];

  it('is listed with its mark, counted as nothing and fails nothing', () => {
    expect(exitCodeFor(findings, 'error')).toBe(0);
    const text = formatText(findings, { lang: 'zh', color: false, applicants: r.applicants });
    expect(text).toContain('已复核豁免（人工复核记录表第2行）：查验原件');
    expect(text).not.toContain('请修改以上错误后再报送');
    expect(formatJunit(findings, r.applicants, 'zh', { minSeverity: 'error' })).not.toContain('<failure');
    expect(formatGithub(findings, 'zh')).toMatch(/^::notice .*已复核豁免/m);
  });
});
