/**
 * Province and city ranking by total, with the tie-breaks of docs/notice.md § 本工具的理解, and the city's own 推荐排序
 * looked up for comparison.
 */
import { normaliseEnterpriseName } from '../model/enterpriseName.js';
import type { A3Record, A3Row } from '../model/records.js';
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

import type { RankingCriterion } from '../model/result.js';

export type { RankingCriterion };

const CRITERIA: readonly (readonly [RankingCriterion, (a: RankingEntry, b: RankingEntry) => number])[] = [
  ['total', (a, b) => descending(a.total, b.total)],
  ['expertTotal', (a, b) => descending(a.expertTotal, b.expertTotal)],
  ['selfTotal', (a, b) => descending(a.selfTotal, b.selfTotal)],
  ['cloudInvestment', (a, b) => descending(a.cloudInvestment, b.cloudInvestment)],
  // Not a merit: it only makes the order independent of the order the folders were read in.
  ['name', (a, b) => pinyin.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)],
];

/**
 * Better first: total, then expert total, then self total, then 近三年上云投入 (all descending), then
 * name in pinyin order, then id so the order never depends on input order.
 */
export function compareForRanking(a: RankingEntry, b: RankingEntry): number {
  for (const [, c] of CRITERIA) {
    const r = c(a, b);
    if (r !== 0) return r;
  }
  return 0;
}

/** The first criterion on which `a` and `b` differ: what put one before the other. */
export function decidingCriterion(a: RankingEntry, b: RankingEntry): RankingCriterion | null {
  for (const [k, c] of CRITERIA) if (c(a, b) !== 0) return k;
  return null;
}

/** Rank 1..n in ranking order; the tie-breaks end in the id, so no two entries share a rank. */
export function rankEntries(entries: readonly RankingEntry[]): Map<string, number> {
  const sorted = [...entries].sort(compareForRanking);
  return new Map(sorted.map((e, i) => [e.id, i + 1]));
}


/** The A3 row whose 企业名称 is this applicant's, or null when none matches. */
export function cityRecommendedRow(a3: A3Record | undefined, name: string | null): A3Row | null {
  if (!a3 || !name) return null;
  const wanted = normaliseEnterpriseName(name);
  if (!wanted) return null;
  for (const row of a3.rows) {
    const rowName = row.enterpriseName.value;
    if (rowName && normaliseEnterpriseName(rowName) === wanted) return row;
  }
  return null;
}

/** The 序号 of the A3 row whose 企业名称 is this applicant's, or null when none matches. */
export function cityRecommendedRank(a3: A3Record | undefined, name: string | null): number | null {
  const seq = cityRecommendedRow(a3, name)?.seq.value;
  return typeof seq === 'number' && Number.isFinite(seq) ? seq : null;
}
