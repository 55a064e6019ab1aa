/**
 * N and M per indicator, as the notice defines them, from what Attachment 2 holds. The rules file
 * says how each indicator is entered (`input`), so a later batch changes data, not this code.
 */
import type { Cell, Location } from '../model/location.js';
import type { IndicatorKey } from '../model/indicators.js';
import type { A2Record, IndicatorInput } from '../model/records.js';
import type { IndicatorRule, Rules } from '../rules/schema.js';
import { add, div, fromNumber, rational, ZERO, type Rational } from './decimal.js';

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
      // A form that already holds units in N and M (no four numbers) is taken as typed.
      if (!input.server) return typed;
      const s = input.server;
      return {
        n: serverUnits(valueOf(s.cloudCores), valueOf(s.cloudMemoryGb), rules),
        m: serverUnits(valueOf(s.allCores), valueOf(s.allMemoryGb), rules),
        nLoc: s.cloudCores.loc,
      };
    }
    case 'ticks': {
      const m = rule.mConstant !== undefined ? fromNumber(rule.mConstant) : null;
      if (!input.ticks) return { ...typed, m };
      const ticked = Object.values(input.ticks).filter((c) => c?.value === true).length;
      const firstLoc = Object.values(input.ticks).find((c) => c)?.loc;
      return { n: rational(BigInt(ticked)), m, ...(firstLoc ? { nLoc: firstLoc } : {}) };
    }
    case 'nOnly':
      return { n: typed.n, m: null, ...(nLoc ? { nLoc } : {}) };
  }
}

/**
 * N and M of every indicator in the rules, for one applicant's Attachment 2 (none without it).
 *
 * An `nOnly` indicator's M is the sum of the N of its `mSumOf` indicators as typed (each after its
 * own parse; a blank N counts 0), whether or not those indicators were verified. The notice defines
 * M as 「云上业务五部分N总和」, the applicant's own declared figure; making it depend on verification
 * would let a missing screenshot under 研发 shrink M and so raise the 系统协同 ratio, rewarding the
 * error. The unverified business indicators already score 0 on their own.
 */
export function indicatorValues(a2: A2Record | undefined, rules: Rules): IndicatorValues {
  const out: IndicatorValues = {};
  for (const rule of rules.indicators) out[rule.key] = ownValue(rule, a2?.indicators[rule.key], rules);
  if (!a2) return out;
  for (const rule of rules.indicators) {
    if (rule.input !== 'nOnly' || !rule.mSumOf) continue;
    let m = ZERO;
    for (const part of rule.mSumOf) {
      const v = out[part] ?? ownValue(rulesIndicator(rules, part), a2.indicators[part], rules);
      if (v.n) m = add(m, v.n);
    }
    out[rule.key] = { ...out[rule.key]!, m };
  }
  return out;
}

function rulesIndicator(rules: Rules, key: IndicatorKey): IndicatorRule {
  // An mSumOf part that is not itself scored in this batch is read as plain N.
  return rules.indicators.find((r) => r.key === key) ?? { key, input: 'nm' } as IndicatorRule;
}
