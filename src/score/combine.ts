/**
 * Indicator score and totals. Every total is a sum of already-rounded items, added exactly, so the
 * printed columns add up to the printed total.
 */
import type { ExpertResult } from '../model/result.js';
import type { Rules } from '../rules/schema.js';
import { add, fromNumber, mul, roundHalfUp, sum, ZERO, type Rational } from './decimal.js';

/** combination.self × (rounded) self-score + combination.horizontal × horizontal score, rounded. */
export function indicatorScore(
  selfScore: Rational,
  horizontalScore: Rational,
  combination: Rules['combination'],
  decimals: number,
): Rational {
  const combined = add(
    mul(fromNumber(combination.self), selfScore),
    mul(fromNumber(combination.horizontal), horizontalScore),
  );
  return roundHalfUp(combined, decimals);
}

export interface ScoredIndicator {
  dimension: string;
  selfScore: Rational;
  horizontalScore: Rational;
  score: Rational;
}

export interface Totals {
  /** Per dimension key of the rules (every dimension present, 0 when it has no indicator scored). */
  dimensions: Record<string, Rational>;
  selfTotal: Rational;
  horizontalTotal: Rational;
  /** Sum of the indicator scores (the part out of 75). */
  indicatorTotal: Rational;
  /** indicatorTotal plus the expert total when given. */
  total: Rational;
}

export function totals(indicators: readonly ScoredIndicator[], dimensionKeys: readonly string[], expertTotal: Rational | null): Totals {
  const dimensions: Record<string, Rational> = {};
  for (const k of dimensionKeys) dimensions[k] = ZERO;
  for (const i of indicators) dimensions[i.dimension] = add(dimensions[i.dimension] ?? ZERO, i.score);
  const indicatorTotal = sum(indicators.map((i) => i.score));
  return {
    dimensions,
    selfTotal: sum(indicators.map((i) => i.selfScore)),
    horizontalTotal: sum(indicators.map((i) => i.horizontalScore)),
    indicatorTotal,
    total: expertTotal ? add(indicatorTotal, expertTotal) : indicatorTotal,
  };
}

/**
 * Sum of the expert items of the rules, each rounded first (an item is a mean over experts, 10/3 for
 * instance) so the printed items add up; an item nobody scored counts 0.
 */
export function expertTotal(expert: ExpertResult, rules: Pick<Rules, 'experts'>, decimals: number): Rational {
  let total = ZERO;
  for (const item of rules.experts) {
    const v = expert.items[item.key];
    if (typeof v === 'number' && Number.isFinite(v)) total = add(total, roundHalfUp(fromNumber(v), decimals));
  }
  return total;
}

/** Highest total possible: the indicator weights, plus the expert items' maxima once experts scored. */
export function maxTotal(rules: Pick<Rules, 'indicators' | 'experts'>, withExperts: boolean): Rational {
  const indicators = sum(rules.indicators.map((i) => fromNumber(i.weight)));
  return withExperts ? add(indicators, sum(rules.experts.map((e) => fromNumber(e.max)))) : indicators;
}
