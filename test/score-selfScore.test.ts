import { describe, expect, it } from 'vitest';
import { fromNumber, toNumber, type Rational } from '../src/score/decimal.js';
import { indicatorValues } from '../src/score/indicatorValues.js';
import { ratioProblem, selfScore } from '../src/score/selfScore.js';
import { a2, defaultRules, nm, nOnly, server, ticks } from './score-helpers.js';
import type { A2Record } from '../src/model/records.js';

const rules = defaultRules();
const num = (r: Rational | null) => (r ? toNumber(r) : null);
const self = (n: number | null, m: number | null) =>
  toNumber(selfScore(5, n === null ? null : fromNumber(n), m === null ? null : fromNumber(m), 2));

function only(...inputs: ReturnType<typeof nm>[]): A2Record {
  const indicators: A2Record['indicators'] = {};
  for (const i of inputs) indicators[i.key] = i;
  return { file: 'a2.xlsx', sheet: 's', indicators };
}

describe('N and M per indicator kind', () => {
  it('takes a plain indicator as typed: 5 × 0.567 TB / 1 TB = 2.835 → 2.84', () => {
    const v = indicatorValues(only(nm('infra.storage', 0.567, 1)), rules)['infra.storage']!;
    expect([num(v.n), num(v.m)]).toEqual([0.567, 1]);
    expect(toNumber(selfScore(5, v.n, v.m, 2))).toBe(2.84);
  });

  it('converts server cores and memory to 4核16G units: N = (64/4 + 256/16)/2 = 16, M = (128/4 + 512/16)/2 = 32, 5 × 16/32 = 2.5', () => {
    const v = indicatorValues(only(server(64, 256, 128, 512)), rules)['infra.server']!;
    expect(num(v.n)).toBe(16);
    expect(num(v.m)).toBe(32);
    expect(toNumber(selfScore(5, v.n, v.m, 2))).toBe(2.5);
    expect(v.nLoc?.cell).toBe('E8');
  });

  it('keeps fractional server units exact: N = (6/4 + 20/16)/2 = 1.375', () => {
    const v = indicatorValues(only(server(6, 20, 8, 32)), rules)['infra.server']!;
    expect(num(v.n)).toBe(1.375);
    expect(num(v.m)).toBe(2);
    // 5 × 1.375 / 2 = 3.4375 → 3.44
    expect(toNumber(selfScore(5, v.n, v.m, 2))).toBe(3.44);
  });

  it('counts ticked data categories over the constant 6: 5 × 4/6 = 3.333… → 3.33', () => {
    const v = indicatorValues(only(ticks(['研发数据', '设计数据', '生产数据', '服务数据'])), rules)['collaboration.data']!;
    expect(num(v.n)).toBe(4);
    expect(num(v.m)).toBe(6);
    expect(toNumber(selfScore(5, v.n, v.m, 2))).toBe(3.33);
  });

  it('counts no ticks as N = 0, which scores 0', () => {
    const v = indicatorValues(only(ticks([])), rules)['collaboration.data']!;
    expect(num(v.n)).toBe(0);
    expect(toNumber(selfScore(5, v.n, v.m, 2))).toBe(0);
  });

  it('sums the five business N into the M of system collaboration: M = 2+3+1+0+4 = 10, 5 × 3/10 = 1.5', () => {
    const record = a2({
      nm: {
        'business.rnd': [2, 3],
        'business.production': [3, 5],
        'business.supplyChain': [1, 1],
        'business.marketing': [0, 2],
        'business.other': [4, 4],
      },
      collaborationN: 3,
    });
    const v = indicatorValues(record, rules)['collaboration.systems']!;
    expect(num(v.n)).toBe(3);
    expect(num(v.m)).toBe(10);
    expect(toNumber(selfScore(5, v.n, v.m, 2))).toBe(1.5);
  });

  it('leaves the system-collaboration M unknown when a business N is blank or negative, never a smaller sum', () => {
    const full = (other: number | null) =>
      only(
        nm('business.rnd', 2, 3),
        nm('business.production', 3, 5),
        nm('business.supplyChain', 1, 1),
        nm('business.marketing', 1, 2),
        nm('business.other', other, 4),
        nOnly('collaboration.systems', 1),
      );
    expect(num(indicatorValues(full(3), rules)['collaboration.systems']!.m)).toBe(10);
    // A blank 其他 would have made M = 7 and raised the score from 5 × 1/10 to 5 × 1/7.
    const blank = indicatorValues(full(null), rules)['collaboration.systems']!;
    expect(blank.m).toBeNull();
    expect(ratioProblem(blank.n, blank.m)).toBe('missing');
    expect(toNumber(selfScore(5, blank.n, blank.m, 2))).toBe(0);
    expect(indicatorValues(full(-3), rules)['collaboration.systems']!.m).toBeNull();
  });

  it('leaves N and M empty for an applicant without Attachment 2', () => {
    const values = indicatorValues(undefined, rules);
    expect(Object.keys(values)).toHaveLength(rules.indicators.length);
    expect(values['infra.storage']).toEqual({ n: null, m: null });
  });
});

describe('self-score', () => {
  it('is weight × N / M rounded half up: 5 × 0.1/0.3 = 1.666… → 1.67', () => {
    expect(self(0.1, 0.3)).toBe(1.67);
  });

  it('is the full weight when everything is on the cloud', () => {
    expect(self(7, 7)).toBe(5);
  });

  it('is 0 when N = 0, also when M = 0', () => {
    expect(self(0, 12)).toBe(0);
    expect(self(0, 0)).toBe(0);
  });

  it('is 0 when N > M or M = 0 < N, which are errors', () => {
    expect(self(5, 4)).toBe(0);
    expect(self(3, 0)).toBe(0);
    expect(ratioProblem(fromNumber(3), fromNumber(0))).toBe('nGreaterThanM');
    expect(ratioProblem(fromNumber(5), fromNumber(4))).toBe('nGreaterThanM');
  });

  it('is 0 when a value is missing or negative', () => {
    expect(self(null, 4)).toBe(0);
    expect(self(-1, 4)).toBe(0);
    expect(ratioProblem(null, fromNumber(4))).toBe('missing');
    expect(ratioProblem(fromNumber(-1), fromNumber(4))).toBe('negative');
    expect(ratioProblem(fromNumber(0), fromNumber(0))).toBeNull();
  });
});
