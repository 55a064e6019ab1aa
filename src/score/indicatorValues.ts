/**
 * N and M per indicator, as the notice defines them, from what Attachment 2 holds. The rules file
 * says how each indicator is entered (`input`), so a later batch changes data, not this code.
 */
import type { Cell, Location } from '../model/location.js';
import type { IndicatorKey } from '../model/indicators.js';
import type { A2Record, IndicatorInput } from '../model/records.js';
import type { IndicatorRule, Rules } from '../rules/schema.js';
import { add, div, fromNumber, rational, sign, ZERO, type Rational } from './decimal.js';

export interface IndicatorValue {
  /** null when nothing usable was typed. */
  n: Rational | null;
  m: Rational | null;
  /** The cell a person should open to see N (for findings about this indicator). */
  nLoc?: Location;
}

export type IndicatorValues = Partial<Record<IndicatorKey, IndicatorValue>>;

function valueOf(cell: Cell<number | null> | undefined): Rational | null {
  const v = cell?.value;
  return typeof v === 'number' && Number.isFinite(v) ? fromNumber(v) : null;
}

/** (cores / coresPerUnit + memoryGb / memoryGbPerUnit) / 2: 「CPU总核和总内存分别除以单位量后取平均值」. */
export function serverUnits(cores: Rational | null, memoryGb: Rational | null, rules: Pick<Rules, 'server'>): Rational | null {
  if (!cores || !memoryGb) return null;
  const coreUnits = div(cores, fromNumber(rules.server.coresPerUnit));
  const memoryUnits = div(memoryGb, fromNumber(rules.server.memoryGbPerUnit));
  return div(add(coreUnits, memoryUnits), rational(2n));
}

/** N and M of an indicator whose value is typed directly or computed from its own row only. */
function ownValue(rule: IndicatorRule, input: IndicatorInput | undefined, rules: Rules): IndicatorValue {
  if (!input) return { n: null, m: null };
  const nLoc = input.n?.loc;
  const typed: IndicatorValue = { n: valueOf(input.n), m: valueOf(input.m), ...(nLoc ? { nLoc } : {}) };
  switch (rule.input) {
    case 'nm':
      return typed;
    case 'server': {
      // Each side is either cores and memory (the template's four cells, or 「64核256G」 typed where N
      // or M goes) or a count already in 4核16G units, as the notice prints the form.
      const s = input.server;
      const n = s?.cloudCores || s?.cloudMemoryGb ? serverUnits(valueOf(s.cloudCores), valueOf(s.cloudMemoryGb), rules) : typed.n;
      const m = s?.allCores || s?.allMemoryGb ? serverUnits(valueOf(s.allCores), valueOf(s.allMemoryGb), rules) : typed.m;
      const loc = s?.cloudCores?.loc ?? s?.cloudMemoryGb?.loc ?? nLoc;
      return { n, m, ...(loc ? { nLoc: loc } : {}) };
    }
    case 'ticks': {
      const m = rule.mConstant !== undefined ? fromNumber(rule.mConstant) : null;
      const ticks = input.ticks ? Object.values(input.ticks) : [];
      const ticked = ticks.filter((c) => c?.value === true).length;
      // The ticks are the answer. A typed N stands on its own only when nothing is ticked (the reader
      // warns); an N that disagrees with the ticks is an error there, so either value goes unscored.
      if (ticked === 0 && typed.n !== null) return { ...typed, m };
      if (!input.ticks) return { ...typed, m };
      const firstLoc = ticks.find((c) => c)?.loc;
      return { n: rational(BigInt(ticked)), m, ...(firstLoc ? { nLoc: firstLoc } : {}) };
    }
    case 'nOnly':
      return { n: typed.n, m: null, ...(nLoc ? { nLoc } : {}) };
  }
}

/**
 * N and M of every indicator in the rules, for one applicant's Attachment 2 (none without it).
 *
 * An `nOnly` indicator's M is the sum of the N of its `mSumOf` indicators as typed, whether or not
 * those indicators were verified: the notice defines it as 「为云上业务五部分N总和」, the applicant's own
 * declared figure, and making it depend on verification would let a missing screenshot under 研发
 * shrink M and so raise the 系统协同 ratio, rewarding the error. For the same reason a part that is
 * blank, unreadable or negative leaves M unknown (null) rather than counting as 0: a blank 其他 would
 * turn M = 10 into 7 and raise the score. The indicator is then not scored; the form reader says why
 * (`A2_SUM_PART_MISSING`).
 */
export function indicatorValues(a2: A2Record | undefined, rules: Rules): IndicatorValues {
  const out: IndicatorValues = {};
  for (const rule of rules.indicators) out[rule.key] = ownValue(rule, a2?.indicators[rule.key], rules);
  if (!a2) return out;
  for (const rule of rules.indicators) {
    if (rule.input !== 'nOnly' || !rule.mSumOf) continue;
    let m: Rational | null = ZERO;
    for (const part of rule.mSumOf) {
      const v = out[part] ?? ownValue(rulesIndicator(rules, part), a2.indicators[part], rules);
      if (!v.n || sign(v.n) < 0) {
        m = null;
        break;
      }
      m = add(m, v.n);
    }
    out[rule.key] = { ...out[rule.key]!, m };
  }
  return out;
}

function rulesIndicator(rules: Rules, key: IndicatorKey): IndicatorRule {
  // An mSumOf part that is not itself scored in this batch is read as plain N.
  return rules.indicators.find((r) => r.key === key) ?? { key, input: 'nm' } as IndicatorRule;
}
