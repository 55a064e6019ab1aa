import { describe, expect, it } from 'vitest';
import { fromNumber, toNumber } from '../src/score/decimal.js';
import { bandFor, horizontalGrades, type HorizontalEntry } from '../src/score/horizontalGrade.js';
import { defaultRules } from './score-helpers.js';

const rules = defaultRules();
const bands = rules.horizontal.bands;

function entries(ns: number[], ms?: number[]): HorizontalEntry[] {
  return ns.map((n, i) => ({ id: `a${String(i).padStart(3, '0')}`, n: fromNumber(n), m: fromNumber(ms?.[i] ?? 100) }));
}

/** Grades in entry order. */
function gradesOf(ns: number[], rankBy: 'n' | 'm' | 'ratio' = 'n', ms?: number[]) {
  const es = entries(ns, ms);
  const r = horizontalGrades(es, 5, { rankBy, bands }, 2);
  return es.map((e) => {
    const g = r.grades.get(e.id)!;
    return { rank: g.rank, grade: g.grade, score: toNumber(g.score) };
  });
}

/** N = count, count-1, …, 1: every rank distinct. */
const descending = (count: number) => Array.from({ length: count }, (_, i) => count - i);

describe('band table (A ≤ 10%, B ≤ 40%, C ≤ 90%, D the rest, by r ≤ ceil(p × n))', () => {
  it('with 10 ranked: A = rank 1, B = 2–4, C = 5–9, D = 10', () => {
    expect(descending(10).map((_, i) => bandFor(i + 1, 10, bands).grade).join('')).toBe('ABBBCCCCCD');
  });

  it('with 11 ranked: ceil(0.1 × 11) = 2, so ranks 1–2 are A; ceil(4.4) = 5, ceil(9.9) = 10', () => {
    expect(descending(11).map((_, i) => bandFor(i + 1, 11, bands).grade).join('')).toBe('AABBBCCCCCD');
  });

  it('with 40 ranked: A = 1–4, B = 5–16, C = 17–36, D = 37–40', () => {
    const g = descending(40).map((_, i) => bandFor(i + 1, 40, bands).grade);
    expect(g.lastIndexOf('A') + 1).toBe(4);
    expect(g.lastIndexOf('B') + 1).toBe(16);
    expect(g.lastIndexOf('C') + 1).toBe(36);
    expect(g.filter((x) => x === 'D')).toHaveLength(4);
  });

  it('computes the band edge exactly from the share as written (0.55 × 100 is 55, not 56)', () => {
    const custom = [
      { grade: 'X', share: 0.55, factor: 1 },
      { grade: 'Y', share: 1, factor: 0.5 },
    ];
    expect(bandFor(55, 100, custom).grade).toBe('X');
    expect(bandFor(56, 100, custom).grade).toBe('Y');
  });

  it('puts a single ranked applicant in the top band', () => {
    expect(bandFor(1, 1, bands).grade).toBe('A');
  });
});

describe('horizontal ranking of one indicator', () => {
  it('ranks by N descending and scores weight × factor: A 5, B 4, C 3, D 2', () => {
    const g = gradesOf(descending(10));
    expect(g.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(g.map((x) => x.score)).toEqual([5, 4, 4, 4, 3, 3, 3, 3, 3, 2]);
  });

  it('lets ties share a rank (1, 2, 2, 4) by exact comparison', () => {
    // 0.1 + 0.2 typed as 0.3 and 0.3 are the same value; 0.30000000000000004 would not be.
    const g = gradesOf([5, 0.3, 0.3, 0.2]);
    expect(g.map((x) => x.rank)).toEqual([1, 2, 2, 4]);
  });

  it('gives all applicants tied across a band edge the better band, since r is their shared rank', () => {
    // 10 ranked: A is rank 1 only, B ends at 4. Ranks: 1, 2, 3, 4, 4, 4, 7, 8, 9, 10.
    const g = gradesOf([10, 9, 8, 7, 7, 7, 6, 5, 4, 3]);
    expect(g.map((x) => x.rank)).toEqual([1, 2, 3, 4, 4, 4, 7, 8, 9, 10]);
    expect(g.map((x) => x.grade).join('')).toBe('ABBBBBCCCD');
    const top = gradesOf([10, 10, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(top.slice(0, 3).map((x) => x.grade)).toEqual(['A', 'A', 'B']);
    expect(top[2]!.rank).toBe(3);
  });

  it('ranks N = 0 last with no grade and 0 points, and counts it among the ranked', () => {
    const es = entries([0, 5, 0, 3]);
    const r = horizontalGrades(es, 5, { rankBy: 'n', bands }, 2);
    expect(r.rankedCount).toBe(4);
    const g = es.map((e) => r.grades.get(e.id)!);
    expect(g.map((x) => x.rank)).toEqual([3, 1, 3, 2]);
    expect(g.map((x) => x.grade)).toEqual([null, 'A', null, 'B']);
    expect(g.map((x) => toNumber(x.score))).toEqual([0, 5, 0, 4]);
  });

  it('keeps N = 0 last when ranking by M', () => {
    const g = gradesOf([0, 1, 2], 'm', [1000, 10, 5]);
    expect(g.map((x) => x.rank)).toEqual([3, 1, 2]);
    expect(g[0]!.grade).toBeNull();
  });

  it('ranks by N/M exactly when the rules say ratio: 1/2 and 2/4 tie ahead of 3/10', () => {
    const g = gradesOf([3, 1, 2], 'ratio', [10, 2, 4]);
    expect(g.map((x) => x.rank)).toEqual([3, 1, 1]);
  });

  it('ranks nobody when nobody is eligible', () => {
    const r = horizontalGrades([], 5, { rankBy: 'n', bands }, 2);
    expect(r.rankedCount).toBe(0);
    expect(r.grades.size).toBe(0);
  });

  it('rounds weight × factor: 5 × 0.33 = 1.65', () => {
    const custom = [{ grade: 'A', share: 1, factor: 0.33 }];
    const r = horizontalGrades(entries([1]), 5, { rankBy: 'n', bands: custom }, 2);
    expect(toNumber(r.grades.get('a000')!.score)).toBe(1.65);
  });
});
