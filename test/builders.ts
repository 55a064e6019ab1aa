/**
 * The one home of the test builders' shared parts: where forms sit, a cell, the rules, a submission,
 * and the indicator lists read from the rules file instead of typed again. The score, value-check and
 * evidence-check builders (score-helpers.ts, checks-values-helpers.ts, checks-evidence-helpers.ts)
 * each add only the pack shape their tests vary.
 */
import { readFileSync } from 'node:fs';
import type { Cell } from '../src/model/location.js';
import { INDICATOR_KEYS, type IndicatorKey } from '../src/model/indicators.js';
import type { ApplicantPack, CitySubmission, InputKind, Submission } from '../src/model/records.js';
import type { Finding } from '../src/findings/finding.js';
import { runCheck, type AnyCheck, type CheckContext } from '../src/validate/check.js';
import { DEFAULT_RULES_FILE, parseRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';

/** Where the builders put each form (file name inside the applicant's folder, sheet name). */
export const FORMS = {
  a1: { file: '附件1-申报表.xlsx', sheet: '申报表' },
  a2: { file: '附件2-用云水平评估表.xlsx', sheet: '用云水平评估表' },
  a3: { file: '附件3-推荐排序表.xlsx', sheet: '推荐排序表' },
  systems: { file: '系统清单.xlsx', sheet: '系统清单' },
  products: { file: '云计算产品和服务清单.xlsx', sheet: '云计算产品和服务清单' },
} as const;

export function cell<T>(value: T, address: string, file: string, sheet: string): Cell<T> {
  return { value, loc: { file, sheet, cell: address } };
}

/** The default rules (this notice's), read fresh so a test may change its copy. */
export function defaultRules(): Rules {
  return parseRules(readFileSync(DEFAULT_RULES_FILE, 'utf8'), DEFAULT_RULES_FILE);
}

const RULES = defaultRules();

/** The default rules, one object shared by the tests that only read them (defaultRules() for a copy to change). */
export function sharedRules(): Rules {
  return RULES;
}

/** The indicators typed as a plain N and M (not the server's four numbers, ticks or a derived M). */
export const NM_KEYS: readonly IndicatorKey[] = INDICATOR_KEYS.filter((k) => RULES.indicators.find((i) => i.key === k)?.input === 'nm');

/** The indicators scored by a number of systems (系统清单 lists them). */
export const SYSTEM_KEYS: readonly IndicatorKey[] = RULES.indicators.filter((i) => i.evidence === 'systems').map((i) => i.key);

/** An indicator's name as the forms print it (研发, 行政办公 …). */
export function indicatorName(key: IndicatorKey): string {
  return RULES.indicators.find((i) => i.key === key)?.name ?? key;
}

export function city(name: string, applicants: ApplicantPack[]): CitySubmission {
  return { name, id: name, applicants, findings: [] };
}

export function submission(cities: CitySubmission[], opts: { kind?: InputKind; findings?: Finding[] } = {}): Submission {
  return { root: 'submissions', kind: opts.kind ?? 'province', cities, findings: opts.findings ?? [] };
}

/** A province holding these packs, grouped into their cities in the order met. */
export function provinceOf(...packs: ApplicantPack[]): Submission {
  const cities = new Map<string, ApplicantPack[]>();
  for (const p of packs) cities.set(p.city, [...(cities.get(p.city) ?? []), p]);
  return submission([...cities].map(([name, applicants]) => city(name, applicants)));
}

export function contextOf(sub: Submission): CheckContext {
  return { submission: sub, rules: RULES };
}

/** One check over a province of these packs. */
export function runOn(check: AnyCheck, ...packs: ApplicantPack[]): Finding[] {
  return runCheck(check, contextOf(provinceOf(...packs)));
}
