/**
 * What each applied decision changed, for the reports: the applicant's status, total and province
 * rank, and the numbers of the indicator it is about, without any decision (`before`) and with all of
 * them (`after`). The decisions of one applicant act together (a waiver and a correction on one
 * indicator), so each of its rows shows their joint effect on it.
 */
import type { DecisionChange, DecisionOutcome } from '../model/decision.js';
import type { ApplicantResult, IndicatorResult, Result } from '../model/result.js';

const INDICATOR_FIELDS = ['n', 'm', 'selfScore', 'rank', 'horizontalScore', 'score', 'verified'] as const satisfies readonly (keyof IndicatorResult & DecisionChange['field'])[];
const APPLICANT_FIELDS = ['status', 'total', 'provinceRank'] as const satisfies readonly (keyof ApplicantResult & DecisionChange['field'])[];

export function describeChanges(outcomes: readonly DecisionOutcome[], before: Result, after: Result): DecisionOutcome[] {
  const was = new Map(before.applicants.map((a) => [a.id, a]));
  const now = new Map(after.applicants.map((a) => [a.id, a]));
  return outcomes.map((o) => {
    const a0 = o.applicant !== null ? was.get(o.applicant) : undefined;
    const a1 = o.applicant !== null ? now.get(o.applicant) : undefined;
    if (!o.applied || !a0 || !a1) return o;
    // The applicant's status, total and rank first: what a reader of one line needs before the details.
    const changes: DecisionChange[] = [];
    for (const field of APPLICANT_FIELDS) if (a0[field] !== a1[field]) changes.push({ field, before: a0[field], after: a1[field] });
    if (o.indicator) {
      const i0 = a0.indicators[o.indicator];
      const i1 = a1.indicators[o.indicator];
      for (const field of INDICATOR_FIELDS)
        if (i0[field] !== i1[field]) changes.push({ field, indicator: o.indicator, before: i0[field], after: i1[field] });
    }
    return { ...o, changes };
  });
}

const RANKING_FIELDS = ['n', 'm', 'selfScore', 'rank', 'rankedCount', 'grade', 'horizontalScore', 'score', 'verified'] as const satisfies readonly (keyof IndicatorResult)[];

/**
 * Marks the knock-on effects: an indicator whose numbers differ from the run without decisions, though
 * no decision was about it for this applicant (another applicant's corrected N moved everyone's rank on
 * that indicator; a 终止申报 took one out of every ranking), lists the applied rows that can have moved
 * it — those about that indicator and those about no one indicator. `after` is changed in place: it is
 * the Result being built.
 */
export function markKnockOn(outcomes: readonly DecisionOutcome[], before: Result, after: Result): void {
  const applied = outcomes.filter((o) => o.applied);
  const was = new Map(before.applicants.map((a) => [a.id, a]));
  for (const a1 of after.applicants) {
    const a0 = was.get(a1.id);
    if (!a0) continue;
    for (const [key, i1] of Object.entries(a1.indicators) as [keyof typeof a1.indicators, IndicatorResult][]) {
      const i0 = a0.indicators[key];
      if (i1.decisions || RANKING_FIELDS.every((f) => i0[f] === i1[f])) continue;
      const rows = applied.filter((o) => o.indicator === key || o.indicator === undefined).map((o) => o.row);
      if (rows.length > 0) i1.decisions = [...new Set(rows)].sort((x, y) => x - y);
    }
  }
}
