/**
 * 横向评分: the notice ranks each indicator province-wide (「N值和M值将用于……全省排名，根据排名得到相应等级的
 * 横向评分」) but leaves the grade table open; the bands, their factors and the ranking key are rules data.
 */
import type { Rules } from '../rules/schema.js';
import { ceil, compare, div, fromNumber, mul, rational, roundHalfUp, sign, ZERO, type Rational } from './decimal.js';

export interface HorizontalEntry {
  /** Applicant id. Only eligible applicants are passed: not rejected, indicator verified. */
  id: string;
  n: Rational;
  m: Rational | null;
}

export interface HorizontalGrade {
  /** Competition rank (1, 2, 2, 4) among the eligible. */
  rank: number;
  /** null for N = 0, which is ranked but gets no grade. */
  grade: string | null;
  /** weight × the band's factor, rounded; 0 without a grade. */
  score: Rational;
}

export interface HorizontalRanking {
  rankedCount: number;
  grades: Map<string, HorizontalGrade>;
}

type Bands = Rules['horizontal']['bands'];
type RankBy = Rules['horizontal']['rankBy'];

function rankKey(e: HorizontalEntry, rankBy: RankBy): Rational {
  switch (rankBy) {
    case 'n':
      return e.n;
    case 'm':
      return e.m ?? ZERO;
    case 'ratio':
      return e.m && sign(e.m) > 0 ? div(e.n, e.m) : ZERO;
  }
}

/**
 * The first band whose share p satisfies rank ≤ ceil(p × count), with p × count computed exactly from
 * the share as written (0.1 × 30 is 3, not the 3.0000000000000004 of floats, so rank 4 is not an A).
 */
export function bandFor<B extends Bands[number]>(rank: number, count: number, bands: readonly B[]): B {
  return bandsFor(count, bands)(rank);
}

/** bandFor with the band edges for `count` computed once. */
function bandsFor<B extends Bands[number]>(count: number, bands: readonly B[]): (rank: number) => B {
  const lastRanks = bands.map((band) => Number(ceil(mul(fromNumber(band.share), rational(BigInt(count))))));
  return (rank) => {
    const i = lastRanks.findIndex((last) => rank <= last);
    // The rules schema makes the last share 1, so every rank ≤ count falls in some band.
    return bands[i < 0 ? bands.length - 1 : i]!;
  };
}

/**
 * Ranks the eligible applicants on one indicator, descending by the rules' key (exact comparison, ties
 * share a rank), N = 0 last whatever the key, and grades each rank by the band table.
 */
export function horizontalGrades(
  entries: readonly HorizontalEntry[],
  weight: number,
  horizontal: Pick<Rules['horizontal'], 'rankBy' | 'bands'>,
  decimals: number,
): HorizontalRanking {
  const keyed = entries.map((e) => ({ e, zero: sign(e.n) === 0, key: rankKey(e, horizontal.rankBy) }));
  const better = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => {
    if (a.zero !== b.zero) return a.zero ? 1 : -1;
    return compare(b.key, a.key);
  };
  keyed.sort((a, b) => better(a, b) || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  const grades = new Map<string, HorizontalGrade>();
  const count = keyed.length;
  const bandOf = bandsFor(count, horizontal.bands);
  const weightR = fromNumber(weight);
  let rank = 0;
  keyed.forEach((k, i) => {
    if (i === 0 || better(keyed[i - 1]!, k) !== 0) rank = i + 1;
    if (k.zero) {
      grades.set(k.e.id, { rank, grade: null, score: ZERO });
      return;
    }
    const band = bandOf(rank);
    grades.set(k.e.id, { rank, grade: band.grade, score: roundHalfUp(mul(weightR, fromNumber(band.factor)), decimals) });
  });
  return { rankedCount: count, grades };
}
