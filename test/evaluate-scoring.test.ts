import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate.js';
import type { ApplicantResult } from '../src/model/result.js';
import { a2, city, defaultRules, pack, submission } from './score-helpers.js';

const rules = defaultRules();
const noChecks = { checks: [] };

function byName(applicants: ApplicantResult[], name: string): ApplicantResult {
  const a = applicants.find((x) => x.name === name);
  if (!a) throw new Error(`no applicant ${name}`);
  return a;
}

describe('evaluate: scores', () => {
  it('scores two identical applicants by hand: 14 × (0.5 × 2.5 + 0.5 × 5) + (0.5 × 1 + 0.5 × 5) = 55.5', () => {
    // Every plain indicator N/M = 1/2 → 2.5; server (4/4 + 16/16)/2 = 1 over (8/4 + 32/16)/2 = 2 → 2.5;
    // 3 of 6 data categories → 2.5; system collaboration N = 1 over M = Σ five business N = 5 → 1.
    // Both tie on every indicator: rank 1 of 2, ceil(0.1 × 2) = 1 → A → 5 points.
    const sub = submission([city('杭州市', [pack({ city: '杭州市', folder: '百度智造' }), pack({ city: '杭州市', folder: '阿里云制造' })])]);
    const r = evaluate(sub, rules, noChecks);
    for (const a of r.applicants) {
      expect(a.indicators['infra.server']).toMatchObject({ n: 1, m: 2, selfScore: 2.5, rank: 1, rankedCount: 2, grade: 'A', horizontalScore: 5, score: 3.75, verified: true });
      expect(a.indicators['collaboration.systems']).toMatchObject({ n: 1, m: 5, selfScore: 1, score: 3 });
      expect(a.indicators['collaboration.data']).toMatchObject({ n: 3, m: 6, selfScore: 2.5 });
      expect(a.selfTotal).toBe(36);
      expect(a.horizontalTotal).toBe(75);
      expect(a.total).toBe(55.5);
      expect(a.dimensions).toEqual({ infra: 15, business: 18.75, management: 11.25, collaboration: 6.75, investment: 3.75 });
      expect(a.maxTotal).toBe(75);
      expect(a.expertTotal).toBeNull();
      expect(a.status).toBe('qualified');
    }
    // Equal in total, self total and investment: pinyin order of the names decides.
    expect(r.applicants.map((a) => [a.name, a.provinceRank, a.cityRank])).toEqual([
      ['阿里云制造', 1, 1],
      ['百度智造', 2, 2],
    ]);
  });

  it('combines 0.5 × 2.84 + 0.5 × 4 = 3.42 for the applicant ranked B on cloud storage', () => {
    // Five ranked: A = rank 1 (ceil 0.5), B = rank 2 (ceil 2.0). Storage N: 10, 0.567, 0.5, 0.4, 0.3.
    const storage: [number, number][] = [[10, 10], [0.567, 1], [0.5, 1], [0.4, 1], [0.3, 1]];
    const packs = storage.map((nmPair, i) => pack({ city: '杭州市', folder: `企业${i}`, a2: a2({ nm: { 'infra.storage': nmPair } }) }));
    const r = evaluate(submission([city('杭州市', packs)]), rules, noChecks);
    const second = r.applicants.find((a) => a.id === '杭州市/企业1')!;
    expect(second.indicators['infra.storage']).toMatchObject({ n: 0.567, m: 1, selfScore: 2.84, rank: 2, grade: 'B', horizontalScore: 4, score: 3.42 });
    const first = r.applicants.find((a) => a.id === '杭州市/企业0')!;
    expect(first.indicators['infra.storage']).toMatchObject({ selfScore: 5, rank: 1, grade: 'A', score: 5 });
    // 5 × 0.3 = 1.5; rank 5 of 5 is C (ceil 4.5 = 5): 0.5 × 1.5 + 0.5 × 3 = 2.25.
    expect(r.applicants.find((a) => a.id === '杭州市/企业4')!.indicators['infra.storage']).toMatchObject({ selfScore: 1.5, grade: 'C', score: 2.25 });
    // Only storage differs, so the province order follows it.
    expect(r.applicants.map((a) => a.id)).toEqual(['杭州市/企业0', '杭州市/企业1', '杭州市/企业2', '杭州市/企业3', '杭州市/企业4']);
  });

  it('ranks N = 0 last on an indicator with no grade, only its self-score of 0', () => {
    const packs = [
      pack({ city: '杭州市', folder: '甲', a2: a2({ nm: { 'infra.database': [0, 20] } }) }),
      pack({ city: '杭州市', folder: '乙' }),
    ];
    const r = evaluate(submission([city('杭州市', packs)]), rules, noChecks);
    expect(byName(r.applicants, '甲').indicators['infra.database']).toMatchObject({ n: 0, rank: 2, grade: null, horizontalScore: 0, score: 0, verified: true });
  });

  it('breaks a tie in total by 近三年上云投入 from A1', () => {
    const packs = [
      pack({ city: '杭州市', folder: '阿里', cloudInvestment3y: 100 }),
      pack({ city: '杭州市', folder: '长城', cloudInvestment3y: 300 }),
    ];
    const r = evaluate(submission([city('杭州市', packs)]), rules, noChecks);
    expect(r.applicants.map((a) => a.name)).toEqual(['长城', '阿里']);
  });

  it('ranks each city on its own beside the province ranking', () => {
    const packs = (c: string, ns: number[]) => ns.map((n, i) => pack({ city: c, folder: `${c}${i}`, a2: a2({ nm: { 'management.devices': [n, 100] } }) }));
    const r = evaluate(
      submission([city('杭州市', packs('杭州市', [10, 50])), city('宁波市', packs('宁波市', [30, 90]))]),
      rules,
      noChecks,
    );
    expect(r.applicants.map((a) => [a.id, a.provinceRank, a.cityRank])).toEqual([
      ['宁波市/宁波市1', 1, 1],
      ['杭州市/杭州市1', 2, 1],
      ['宁波市/宁波市0', 3, 2],
      ['杭州市/杭州市0', 4, 2],
    ]);
    expect(r.cities).toEqual([
      { name: '杭州市', applicants: ['杭州市/杭州市1', '杭州市/杭州市0'], a3: null },
      { name: '宁波市', applicants: ['宁波市/宁波市1', '宁波市/宁波市0'], a3: null },
    ]);
  });
});
