import { describe, expect, it } from 'vitest';
import { fromNumber } from '../src/score/decimal.js';
import { cityRecommendedRank, rankEntries, type RankingEntry } from '../src/score/ranking.js';
import { normaliseEnterpriseName } from '../src/model/enterpriseName.js';
import { a3 } from './score-helpers.js';

function entry(id: string, o: { total?: number; expert?: number | null; self?: number; invest?: number | null; name?: string }): RankingEntry {
  return {
    id,
    name: o.name ?? id,
    total: fromNumber(o.total ?? 50),
    expertTotal: o.expert === undefined || o.expert === null ? null : fromNumber(o.expert),
    selfTotal: fromNumber(o.self ?? 30),
    cloudInvestment: o.invest === undefined || o.invest === null ? null : fromNumber(o.invest),
  };
}

function order(entries: RankingEntry[]): string[] {
  const ranks = rankEntries(entries);
  return [...ranks.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

describe('province ranking', () => {
  it('orders by total, highest first, ranks 1..n', () => {
    const ranks = rankEntries([entry('b', { total: 40.5 }), entry('a', { total: 60 }), entry('c', { total: 40.49 })]);
    expect([ranks.get('a'), ranks.get('b'), ranks.get('c')]).toEqual([1, 2, 3]);
  });

  it('breaks a tie in total by the expert total', () => {
    expect(order([entry('x', { expert: 10 }), entry('y', { expert: 12 })])).toEqual(['y', 'x']);
  });

  it('then by the self total', () => {
    expect(order([entry('x', { expert: 10, self: 20 }), entry('y', { expert: 10, self: 20.01 })])).toEqual(['y', 'x']);
  });

  it('then by 近三年上云投入, a missing figure last', () => {
    expect(order([entry('x', { invest: 100 }), entry('y', { invest: 250 }), entry('z', { invest: null })])).toEqual(['y', 'x', 'z']);
  });

  it('then by name in pinyin order: 阿里 before 百度 before 长城', () => {
    const names = ['长城', '阿里', '百度'];
    expect(order(names.map((n, i) => entry(`id${i}`, { name: n })))).toEqual(['id1', 'id2', 'id0']);
  });

  it('then by id, so the order never depends on input order', () => {
    const forward = [entry('杭州市/b', { name: '同名' }), entry('宁波市/a', { name: '同名' })];
    expect(order(forward)).toEqual(order([...forward].reverse()));
    expect(order(forward)).toEqual(['宁波市/a', '杭州市/b']);
  });

  it('applies the tie-breaks in order: total beats expert, expert beats self, self beats investment', () => {
    const es = [
      entry('a', { total: 50, expert: 5, self: 40, invest: 900, name: '阿' }),
      entry('b', { total: 50, expert: 6, self: 10, invest: 1, name: '百' }),
      entry('c', { total: 51, expert: 0, self: 0, invest: 0, name: '长' }),
      entry('d', { total: 50, expert: 5, self: 41, invest: 0, name: '大' }),
    ];
    expect(order(es)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('city recommended rank', () => {
  const table = a3([
    { seq: 1, name: '杭州某某（集团）有限公司' },
    { seq: 2, name: '杭州 云上 科技有限公司' },
  ]);

  it('finds the 序号 of the A3 row with the same name, ignoring spaces and bracket width', () => {
    expect(cityRecommendedRank(table, '杭州某某(集团)有限公司')).toBe(1);
    expect(cityRecommendedRank(table, '杭州云上科技有限公司')).toBe(2);
  });

  it('is null when no row matches or there is no A3', () => {
    expect(cityRecommendedRank(table, '宁波某某有限公司')).toBeNull();
    expect(cityRecommendedRank(undefined, '杭州云上科技有限公司')).toBeNull();
  });

  it('normalises full-width letters, ideographic spaces and brackets', () => {
    expect(normaliseEnterpriseName('ＡＢＣ　科技【浙江】')).toBe('abc科技(浙江)');
  });
});
