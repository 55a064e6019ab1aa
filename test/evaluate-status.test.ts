import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate.js';
import type { ExpertResult } from '../src/model/result.js';
import type { Finding } from '../src/findings/finding.js';
import { defineCheck } from '../src/validate/check.js';
import { a2, a3, city, defaultRules, pack, submission } from './score-helpers.js';

const rules = defaultRules();
const noChecks = { checks: [] };

function threeApplicants() {
  return submission([
    city('杭州市', [
      pack({ city: '杭州市', folder: '杭州甲', a2: a2({ nm: { 'infra.storage': [8, 10] } }) }),
      pack({
        city: '杭州市',
        folder: '杭州乙',
        name: null,
        a2: a2({ nm: { 'infra.storage': [9, 10] } }),
        findings: [{ code: 'A1_MISSING', severity: 'error', args: {} }],
      }),
    ]),
    city('宁波市', [pack({ city: '宁波市', folder: '宁波丙', a2: a2({ nm: { 'infra.storage': [5, 10] } }) })]),
  ]);
}

describe('evaluate: rejected, unverified and flagged applicants', () => {
  it('lists a rejected applicant once, unranked, with the codes that rejected it', () => {
    const r = evaluate(threeApplicants(), rules, noChecks);
    expect(r.applicants.map((a) => a.id).sort()).toEqual(['宁波市/宁波丙', '杭州市/杭州乙', '杭州市/杭州甲'].sort());
    const rejected = r.applicants[2]!;
    expect(rejected).toMatchObject({
      id: '杭州市/杭州乙',
      name: '杭州乙',
      status: 'rejected',
      rejectedBy: ['A1_MISSING'],
      provinceRank: null,
      cityRank: null,
      total: 0,
      selected: false,
    });
    // What was claimed stays visible; it takes part in no ranking and scores nothing.
    expect(rejected.indicators['infra.storage']).toMatchObject({ n: 9, m: 10, selfScore: 4.5, rank: null, grade: null, score: 0 });
    expect(r.applicants[0]!.indicators['infra.storage'].rankedCount).toBe(2);
    expect(r.applicants.slice(0, 2).map((a) => [a.name, a.provinceRank])).toEqual([
      ['杭州甲', 1],
      ['宁波丙', 2],
    ]);
    expect(r.summary).toMatchObject({ applicants: 3, ranked: 2, rejected: 1, qualified: 2, flagged: 0, errors: 1 });
    expect(r.cities.find((c) => c.name === '杭州市')!.applicants).toEqual(['杭州市/杭州甲', '杭州市/杭州乙']);
  });

  it('orders rejected applicants by city, then name', () => {
    const reject = [{ code: 'A2_MISSING', severity: 'error' as const, args: {} }];
    const sub = submission([
      city('宁波市', [pack({ city: '宁波市', folder: '宁波乙', a2: null, findings: reject }), pack({ city: '宁波市', folder: '宁波甲', a2: null, findings: reject })]),
      city('杭州市', [pack({ city: '杭州市', folder: '杭州丙', a2: null, findings: reject })]),
    ]);
    const r = evaluate(sub, rules, noChecks);
    expect(r.applicants.map((a) => a.name)).toEqual(['杭州丙', '宁波甲', '宁波乙']);
    expect(r.applicants.every((a) => a.status === 'rejected' && a.findings.length === 1)).toBe(true);
  });

  it('scores an indicator with an error finding 0, unverified and unranked, and ranks the others without it', () => {
    const sub = threeApplicants();
    sub.cities[1]!.applicants[0]!.findings.push({
      code: 'VALUE_NOT_A_NUMBER',
      severity: 'error',
      args: {},
      applicant: '宁波市/宁波丙',
      indicator: 'infra.storage',
      location: { file: '附件2-用云水平评估表.xlsx', sheet: '用云水平评估表', cell: 'E6' },
    });
    const r = evaluate(sub, rules, noChecks);
    const bing = r.applicants.find((a) => a.name === '宁波丙')!;
    expect(bing.status).toBe('flagged');
    expect(bing.indicators['infra.storage']).toMatchObject({ selfScore: 0, rank: null, grade: null, horizontalScore: 0, score: 0, verified: false });
    expect(bing.indicators['infra.security'].verified).toBe(true);
    const jia = r.applicants.find((a) => a.name === '杭州甲')!;
    expect(jia.indicators['infra.storage']).toMatchObject({ rank: 1, rankedCount: 1, grade: 'A' });
  });

  it('reports N > M that nothing else reported, at the N cell, and scores that indicator 0', () => {
    const sub = submission([city('杭州市', [pack({ city: '杭州市', folder: '甲', a2: a2({ nm: { 'infra.security': [12, 8] } }) })])]);
    const r = evaluate(sub, rules, noChecks);
    const a = r.applicants[0]!;
    expect(a.findings).toEqual([
      {
        code: 'SCORE_N_GREATER_THAN_M',
        severity: 'error',
        args: { indicatorName: '云安全', indicatorNameEn: 'Cloud security', n: 12, m: 8 },
        location: { file: '附件2-用云水平评估表.xlsx', sheet: '用云水平评估表', cell: 'E7' },
        applicant: '杭州市/甲',
        city: '杭州市',
        indicator: 'infra.security',
      },
    ]);
    expect(a.indicators['infra.security']).toMatchObject({ n: 12, m: 8, selfScore: 0, rank: null, verified: false });
    expect(a.status).toBe('flagged');
  });

  it('does not repeat N > M when a check already reported it for that indicator', () => {
    const sub = submission([
      city('杭州市', [
        pack({
          city: '杭州市',
          folder: '甲',
          a2: a2({ nm: { 'infra.security': [12, 8] } }),
          findings: [{ code: 'N_GREATER_THAN_M', severity: 'error', args: {}, indicator: 'infra.security' }],
        }),
      ]),
    ]);
    const r = evaluate(sub, rules, noChecks);
    expect(r.applicants[0]!.findings.map((f) => f.code)).toEqual(['N_GREATER_THAN_M']);
  });

  it('flags an applicant with a warning and keeps its scores', () => {
    const sub = threeApplicants();
    sub.cities[1]!.applicants[0]!.findings.push({ code: 'PHONE_INVALID', severity: 'warning', args: {}, applicant: '宁波市/宁波丙' });
    const r = evaluate(sub, rules, noChecks);
    const bing = r.applicants.find((a) => a.name === '宁波丙')!;
    expect(bing.status).toBe('flagged');
    expect(bing.indicators['infra.storage'].verified).toBe(true);
    expect(bing.provinceRank).toBe(2);
  });

  it('runs the checks it is given and applies the rules’ severity overrides once', () => {
    const codes = {
      TEST_SUSPICIOUS: { severity: 'warning', zh: '可疑', en: 'suspicious', fixZh: '核对', fixEn: 'check' },
    } as const;
    const check = defineCheck({
      id: 'test.suspicious',
      description: '报告每家名为宁波丙的企业',
      notice: '（测试用）',
      codes,
      run(ctx, report) {
        for (const c of ctx.submission.cities)
          for (const p of c.applicants) if (p.folderName === '宁波丙') report('TEST_SUSPICIOUS', {}, undefined, { applicant: p });
      },
    });
    const strict = defaultRules();
    strict.severityOverrides = { TEST_SUSPICIOUS: 'error' };
    strict.effects.reject = [...strict.effects.reject, 'TEST_SUSPICIOUS'];
    const r = evaluate(threeApplicants(), strict, { checks: [check] });
    const bing = r.applicants.find((a) => a.name === '宁波丙')!;
    expect(bing.status).toBe('rejected');
    expect(bing.rejectedBy).toEqual(['TEST_SUSPICIOUS']);
    expect(bing.findings).toEqual([{ code: 'TEST_SUSPICIOUS', severity: 'error', args: {}, applicant: '宁波市/宁波丙', city: '宁波市' }]);
    const lenient = evaluate(threeApplicants(), rules, { checks: [check] });
    expect(lenient.applicants.find((a) => a.name === '宁波丙')!.status).toBe('flagged');
  });

  it('lists every applicant exactly once with the checks of the registry too', () => {
    const sub = threeApplicants();
    const r = evaluate(sub, rules);
    const ids = r.applicants.map((a) => a.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toHaveLength(3);
    expect(r.applicants.filter((a) => a.status === 'rejected').every((a) => a.provinceRank === null)).toBe(true);
  });
});

describe('evaluate: findings, experts, selection and identity', () => {
  it('keeps applicant-less and unknown-applicant findings in the top-level list, province-wide ones first sorted by cell row then column, then by city', () => {
    const at = (cell: string, code = 'X'): Finding => ({ code, severity: 'info', args: {}, location: { file: 'f.xlsx', sheet: 's', cell } });
    const sub = threeApplicants();
    sub.findings.push(at('E10'), at('E9'), at('AA9'), at('B9', 'B'), { ...at('A1'), applicant: '杭州市/不存在' });
    sub.cities[0]!.findings.push({ code: 'A3_MISSING', severity: 'error', args: {}, city: '杭州市' });
    const r = evaluate(sub, rules, noChecks);
    expect(r.findings.map((f) => f.location?.cell ?? f.code)).toEqual(['B9', 'E9', 'AA9', 'E10', 'A1', 'A3_MISSING']);
    expect(r.summary).toMatchObject({ errors: 2, infos: 5 });
  });

  it('adds expert totals, makes the maximum 100 and breaks a tie by the expert total', () => {
    const sub = submission([city('杭州市', [pack({ city: '杭州市', folder: '阿里' }), pack({ city: '杭州市', folder: '百度' })])]);
    const expert = (x: number): ExpertResult => ({
      items: { 'expert.xinchuang': x, 'expert.cloudNative': 4, 'expert.cloudManagement': 5, 'expert.platform': 4, 'expert.newManufacturing': 4, 'expert.performance': 4 },
      experts: 3,
      recused: [],
    });
    const perApplicant = new Map([
      ['杭州市/阿里', expert(1)],
      ['杭州市/百度', expert(2)],
    ]);
    const r = evaluate(sub, rules, { checks: [], expert: { perApplicant, findings: [] } });
    expect(r.expertScored).toBe(true);
    expect(r.applicants.map((a) => [a.name, a.expertTotal, a.total, a.maxTotal])).toEqual([
      ['百度', 23, 55.5 + 23, 100],
      ['阿里', 22, 55.5 + 22, 100],
    ]);
  });

  it('selects the top N of the province ranking, never a rejected applicant', () => {
    const r = evaluate(threeApplicants(), rules, { checks: [], selection: { by: 'count', value: 5 } });
    expect(r.applicants.map((a) => a.selected)).toEqual([true, true, false]);
    const one = evaluate(threeApplicants(), rules, { checks: [], selection: { by: 'count', value: 1 } });
    expect(one.applicants.map((a) => a.selected)).toEqual([true, false, false]);
    expect(one.selection).toEqual({ by: 'count', value: 1, count: 1, tie: null });
  });

  it('selects every applicant at or above a threshold, compared exactly', () => {
    const r = evaluate(threeApplicants(), rules, noChecks);
    const second = r.applicants[1]!.total;
    const sel = evaluate(threeApplicants(), rules, { checks: [], selection: { by: 'threshold', value: second } });
    expect(sel.applicants.map((a) => a.selected)).toEqual([true, true, false]);
    expect(evaluate(threeApplicants(), rules, noChecks).applicants.every((a) => !a.selected)).toBe(true);
  });

  it('takes the name from A1, else the folder, and finds the city’s 推荐序号 by it', () => {
    const sub = submission([
      city(
        '杭州市',
        [
          pack({ city: '杭州市', folder: 'folder-1', name: '杭州某某（集团）有限公司', cloudInvestment3y: 120 }),
          pack({ city: '杭州市', folder: '杭州云上科技有限公司', name: null }),
        ],
        a3([
          { seq: 1, name: '杭州云上科技有限公司' },
          { seq: 2, name: '杭州某某(集团) 有限公司' },
        ]),
      ),
    ]);
    const r = evaluate(sub, rules, noChecks);
    const group = r.applicants.find((a) => a.id === '杭州市/folder-1')!;
    expect(group.name).toBe('杭州某某（集团）有限公司');
    expect(group.cityRecommendedRank).toBe(2);
    expect(group.identity.cloudInvestment3y).toBe(120);
    expect(group.identity.registeredAddress).toBeNull();
    expect(r.applicants.find((a) => a.id === '杭州市/杭州云上科技有限公司')!.cityRecommendedRank).toBe(1);
  });

  it('gives the same result whatever order cities and applicants come in', () => {
    const forward = threeApplicants();
    const backward = threeApplicants();
    backward.cities.reverse();
    for (const c of backward.cities) c.applicants.reverse();
    expect(JSON.stringify(evaluate(backward, rules, noChecks))).toBe(JSON.stringify(evaluate(forward, rules, noChecks)));
  });
});
