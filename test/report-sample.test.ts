import { describe, expect, it } from 'vitest';
import { sampleResult, SAMPLE_HOSTILE, SAMPLE_REJECTED } from './result-sample.js';

describe('the synthetic sample result', () => {
  it('ranks every applicant but the rejected one and keeps totals as sums of rounded items', () => {
    const r = sampleResult();
    expect(r.applicants).toHaveLength(12);
    expect(r.applicants.at(-1)!.name).toBe(SAMPLE_REJECTED);
    expect(r.applicants.at(-1)!.provinceRank).toBeNull();
    expect(r.applicants.filter((a) => a.provinceRank !== null).map((a) => a.provinceRank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(r.applicants.some((a) => a.name === SAMPLE_HOSTILE)).toBe(true);
    for (const a of r.applicants) {
      const sum = Object.values(a.indicators).reduce((s, i) => s + i.score, 0);
      expect(a.total).toBeCloseTo(sum, 6);
    }
  });

  it('is the same object on every call and scales to the number asked for', () => {
    expect(JSON.stringify(sampleResult({ expertScored: true }))).toBe(JSON.stringify(sampleResult({ expertScored: true })));
    const big = sampleResult({ applicants: 40, expertScored: true });
    expect(big.applicants).toHaveLength(40);
    expect(big.applicants[0]!.total).toBeGreaterThan(big.applicants[10]!.total);
    expect(big.applicants[0]!.maxTotal).toBe(100);
  });
});
