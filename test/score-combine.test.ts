import { describe, expect, it } from 'vitest';
import { fromNumber, toNumber } from '../src/score/decimal.js';
import { expertTotal, indicatorScore, maxTotal, totals } from '../src/score/combine.js';
import { defaultRules } from './score-helpers.js';

const rules = defaultRules();
const d = fromNumber;
const score = (self: number, horizontal: number) => toNumber(indicatorScore(d(self), d(horizontal), rules.combination, 2));

describe('indicator score', () => {
  it('is 0.5 × rounded self-score + 0.5 × horizontal score: 0.5 × 2.84 + 0.5 × 4 = 3.42', () => {
    expect(score(2.84, 4)).toBe(3.42);
  });

  it('rounds the combination half up on the exact value: 0.5 × 3.33 + 0.5 × 3 = 3.165 → 3.17', () => {
    expect(score(3.33, 3)).toBe(3.17);
  });

  it('is half the self-score when the indicator has no grade', () => {
    expect(score(1.67, 0)).toBe(0.84);
  });
});

describe('totals', () => {
  it('adds the rounded items exactly so the printed columns add up', () => {
    const items = [
      { dimension: 'infra', selfScore: d(0.1), horizontalScore: d(0.2), score: d(0.15) },
      { dimension: 'infra', selfScore: d(0.2), horizontalScore: d(0.1), score: d(0.15) },
      { dimension: 'business', selfScore: d(3.33), horizontalScore: d(3), score: d(3.17) },
    ];
    const t = totals(items, ['infra', 'business', 'investment'], null);
    expect(toNumber(t.selfTotal)).toBe(3.63);
    expect(toNumber(t.horizontalTotal)).toBe(3.3);
    expect(toNumber(t.dimensions.infra!)).toBe(0.3);
    expect(toNumber(t.dimensions.business!)).toBe(3.17);
    expect(toNumber(t.dimensions.investment!)).toBe(0);
    expect(toNumber(t.total)).toBe(3.47);
  });

  it('adds the expert total to the total when given', () => {
    const items = [{ dimension: 'infra', selfScore: d(5), horizontalScore: d(5), score: d(5) }];
    expect(toNumber(totals(items, ['infra'], d(20.5)).total)).toBe(25.5);
    expect(toNumber(totals(items, ['infra'], d(20.5)).indicatorTotal)).toBe(5);
  });

  it('sums the expert items, each rounded first: 10/3 → 3.33, plus 4 and 2.5 = 9.83', () => {
    const t = expertTotal(
      { items: { 'expert.xinchuang': 10 / 3, 'expert.cloudNative': 4, 'expert.platform': 2.5, 'expert.performance': null }, experts: 3, recused: [] },
      rules,
      2,
    );
    expect(toNumber(t)).toBe(9.83);
  });

  it('makes the maximum 75 without experts and 100 with them, from the rules', () => {
    expect(toNumber(maxTotal(rules, false))).toBe(75);
    expect(toNumber(maxTotal(rules, true))).toBe(100);
  });
});
