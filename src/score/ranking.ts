/**
 * Province and city ranking by total, with the tie-breaks of SPEC 5, and the city's own 推荐排序
 * looked up for comparison.
 */
import { normaliseEnterpriseName } from '../model/enterpriseName.js';
import type { A3Record } from '../model/records.js';
import { compare, type Rational } from './decimal.js';

export interface RankingEntry {
  id: string;
  /** Display name (A1 企业名称, else the folder name). */
  name: string;
  total: Rational;
  expertTotal: Rational | null;
  selfTotal: Rational;
  /** 近三年上云投入: A1's figure, else A2 investment.cloud N; null when neither was given. */
  cloudInvestment: Rational | null;
}

/** Pinyin order for Chinese names (ICU's zh-CN collation is pinyin). */
const pinyin = new Intl.Collator('zh-CN');

/** Higher first; a missing value after any given one. */
function descending(a: Rational | null, b: Rational | null): number {
  if (a && b) return compare(b, a);
  if (a) return -1;
  if (b) return 1;
  return 0;
}

/**
 * Better first: total, then expert total, then self total, then 近三年上云投入 (all descending), then
 * name in pinyin order, then id so the order never depends on input order.
 */
export function compareForRanking(a: RankingEntry, b: RankingEntry): number {
  return (
    descending(a.total, b.total) ||
    descending(a.expertTotal, b.expertTotal) ||
    descending(a.selfTotal, b.selfTotal) ||
    descending(a.cloudInvestment, b.cloudInvestment) ||
    pinyin.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Rank 1..n in ranking order; the tie-breaks end in the id, so no two entries share a rank. */
export function rankEntries(entries: readonly RankingEntry[]): Map<string, number> {
  const sorted = [...entries].sort(compareForRanking);
  return new Map(sorted.map((e, i) => [e.id, i + 1]));
}


/** The 序号 of the A3 row whose 企业名称 is this applicant's, or null when none matches. */
export function cityRecommendedRank(a3: A3Record | undefined, name: string | null): number | null {
  if (!a3 || !name) return null;
  const wanted = normaliseEnterpriseName(name);
  if (!wanted) return null;
  for (const row of a3.rows) {
    const rowName = row.enterpriseName.value;
    if (rowName && normaliseEnterpriseName(rowName) === wanted) {
      const seq = row.seq.value;
      return typeof seq === 'number' && Number.isFinite(seq) ? seq : null;
    }
  }
  return null;
}
