/**
 * Submission + rules (+ expert scores) → the one Result. Pure: no file system, no clock; the same
 * input gives the same Result whatever order the applicants arrive in.
 */
import { SEVERITY_ORDER, findingsOf, type Finding } from './findings/finding.js';
import { INDICATOR_KEYS, type IndicatorKey } from './model/indicators.js';
import type { ExpertInput } from './model/expert.js';
import type { ApplicantPack, CitySubmission, Submission } from './model/records.js';
import type {
  ApplicantIdentity,
  ApplicantResult,
  ApplicantStatus,
  IndicatorResult,
  Result,
} from './model/result.js';
import type { Rules } from './rules/schema.js';
import { runCheck, type Check } from './validate/check.js';
import { checks as registryChecks } from './validate/registry.js';
import { scoreCodes } from './score/codes.js';
import { expertCodes } from './expert/codes.js';
import { compare, fromNumber, toNumber, ZERO, type Rational } from './score/decimal.js';
import { indicatorValues, type IndicatorValue } from './score/indicatorValues.js';
import { ratioProblem, selfScore, type RatioProblem } from './score/selfScore.js';
import { horizontalGrades, type HorizontalRanking } from './score/horizontalGrade.js';
import { expertTotal as sumExpertItems, indicatorScore, maxTotal, totals } from './score/combine.js';
import { cityRecommendedRank, rankEntries, type RankingEntry } from './score/ranking.js';
import { sortFindings } from './findings/findingOrder.js';

export interface EvaluateOptions {
  expert?: ExpertInput;
  selection?: { by: 'count' | 'threshold'; value: number };
  /** The checks to run; the registry's by default. Passing [] scores the records and their ingest findings alone. */
  // A check's `run` takes a reporter typed to its own codes, so only `any` admits a list of different checks.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  checks?: readonly Check<any>[];
}

const scoreFinding = findingsOf(scoreCodes);
const expertFinding = findingsOf(expertCodes);
const pinyin = new Intl.Collator('zh-CN');

/** The rules file may change a code's severity; this is the one place that happens. */
function applyOverrides(f: Finding, rules: Rules): Finding {
  const s = rules.severityOverrides[f.code];
  return s && s !== f.severity ? { ...f, severity: s } : f;
}

function nameOf(pack: ApplicantPack): string {
  const typed = pack.a1?.fields.enterpriseName?.value?.trim();
  return typed ? typed : pack.folderName;
}

function identityOf(pack: ApplicantPack): ApplicantIdentity {
  const f = pack.a1?.fields ?? {};
  return {
    registeredAddress: f.registeredAddress?.value ?? null,
    legalRepresentative: f.legalRepresentative?.value ?? null,
    employees: f.employees?.value ?? null,
    itLead: f.itLead?.value ?? null,
    itLeadPhone: f.itLeadPhone?.value ?? null,
    mainBusiness: f.mainBusiness?.value ?? null,
    salesLastYear: f.salesLastYear?.value ?? null,
    profitLastYear: f.profitLastYear?.value ?? null,
    cloudInvestment3y: f.cloudInvestment3y?.value ?? null,
    itInvestment3y: f.itInvestment3y?.value ?? null,
  };
}

const PROBLEM_CODE: Record<Exclude<RatioProblem, null>, keyof typeof scoreCodes> = {
  missing: 'SCORE_VALUE_MISSING',
  negative: 'SCORE_VALUE_NEGATIVE',
  nGreaterThanM: 'SCORE_N_GREATER_THAN_M',
};

function shown(r: Rational | null): number | string {
  return r ? toNumber(r) : '—';
}

/** One applicant before ranking: its findings decided, its N and M read, its self-scores computed. */
interface Assessed {
  pack: ApplicantPack;
  city: CitySubmission;
  name: string;
  findings: Finding[];
  status: ApplicantStatus;
  rejectedBy: string[];
  values: Partial<Record<IndicatorKey, IndicatorValue>>;
  verified: Set<IndicatorKey>;
  selfScores: Map<IndicatorKey, Rational>;
}

function assess(pack: ApplicantPack, city: CitySubmission, own: Finding[], rules: Rules, expert: ExpertInput | undefined): Assessed {
  const findings = [...own];
  const rejectedBy = [
    ...new Set(findings.filter((f) => f.severity === 'error' && rules.effects.reject.includes(f.code)).map((f) => f.code)),
  ].sort();
  const rejected = rejectedBy.length > 0;
  // The panel scores only applicants still in the running: a rejected one lacks expert scores by design.
  if (expert && !rejected && !(expert.perApplicant.get(pack.id)?.experts ?? 0))
    findings.push(applyOverrides(expertFinding('EXPERT_NOT_SCORED', {}, undefined, { applicant: pack.id, city: pack.city }), rules));
  const values = indicatorValues(pack.a2, rules);
  const indicatorsInError = new Set(findings.filter((f) => f.severity === 'error' && f.indicator).map((f) => f.indicator!));
  const verified = new Set<IndicatorKey>();
  const selfScores = new Map<IndicatorKey, Rational>();
  for (const rule of rules.indicators) {
    const v = values[rule.key]!;
    const problem = ratioProblem(v.n, v.m);
    if (problem && !indicatorsInError.has(rule.key) && pack.a2 && !rejected) {
      // Safety net: nothing else explained why this indicator cannot be scored (see score/codes.ts).
      const f = applyOverrides(
        scoreFinding(
          PROBLEM_CODE[problem],
          { indicatorName: rule.name, indicatorNameEn: rule.nameEn, n: shown(v.n), m: shown(v.m) },
          v.nLoc,
          { applicant: pack.id, city: pack.city, indicator: rule.key },
        ),
        rules,
      );
      findings.push(f);
      if (f.severity === 'error') indicatorsInError.add(rule.key);
    }
    // An unscorable pair is never verified, even when an override made its finding a warning.
    const isVerified = !indicatorsInError.has(rule.key) && problem === null;
    if (isVerified) verified.add(rule.key);
    selfScores.set(rule.key, isVerified ? selfScore(rule.weight, v.n, v.m, rules.rounding.decimals) : ZERO);
  }
  const flagLevel = SEVERITY_ORDER[rules.effects.flagOn];
  const status: ApplicantStatus = rejected
    ? 'rejected'
    : findings.some((f) => SEVERITY_ORDER[f.severity] >= flagLevel)
      ? 'flagged'
      : 'qualified';
  return { pack, city, name: nameOf(pack), findings, status, rejectedBy, values, verified, selfScores };
}

function emptyIndicator(): IndicatorResult {
  return { n: null, m: null, selfScore: 0, rank: null, rankedCount: 0, grade: null, horizontalScore: 0, score: 0, verified: false };
}

function numberOrNull(r: Rational | null): number | null {
  return r ? toNumber(r) : null;
}

/**
 * Rejected applicants are listed with their N, M and self-scores (so the clerk sees what was
 * claimed) but take part in nothing: no horizontal rank, indicator scores 0, total 0 and no place in
 * any ranking. A total of 0 rather than a would-be total keeps the sheets from suggesting a score
 * the applicant never had a right to.
 */
export function evaluate(submission: Submission, rules: Rules, options: EvaluateOptions = {}): Result {
  const decimals = rules.rounding.decimals;
  const packs = submission.cities.flatMap((city) => city.applicants.map((pack) => ({ pack, city })));
  const ids = new Set(packs.map((p) => p.pack.id));

  const ctx = { submission, rules };
  const collected = [
    ...submission.findings,
    ...submission.cities.flatMap((c) => c.findings),
    ...packs.flatMap((p) => p.pack.findings),
    ...(options.checks ?? registryChecks).flatMap((check) => runCheck(check, ctx)),
    ...(options.expert?.findings ?? []),
  ].map((f) => applyOverrides(f, rules));

  const byApplicant = new Map<string, Finding[]>();
  const topLevel: Finding[] = [];
  for (const f of collected) {
    if (f.applicant !== undefined && ids.has(f.applicant)) {
      const list = byApplicant.get(f.applicant) ?? [];
      list.push(f);
      byApplicant.set(f.applicant, list);
    } else topLevel.push(f);
  }

  const assessed = packs.map(({ pack, city }) => assess(pack, city, byApplicant.get(pack.id) ?? [], rules, options.expert));
  const eligible = assessed.filter((a) => a.status !== 'rejected');

  const horizontal = new Map<IndicatorKey, HorizontalRanking>();
  for (const rule of rules.indicators) {
    const entries = eligible
      .filter((a) => a.verified.has(rule.key))
      .map((a) => ({ id: a.pack.id, n: a.values[rule.key]!.n!, m: a.values[rule.key]!.m }));
    horizontal.set(rule.key, horizontalGrades(entries, rule.weight, rules.horizontal, decimals));
  }

  const withExperts = options.expert !== undefined;
  const dimensionKeys = rules.dimensions.map((d) => d.key);
  const scored = assessed.map((a) => {
    const rejected = a.status === 'rejected';
    const indicators = {} as Record<IndicatorKey, IndicatorResult>;
    const parts: { dimension: string; selfScore: Rational; horizontalScore: Rational; score: Rational }[] = [];
    for (const rule of rules.indicators) {
      const v = a.values[rule.key]!;
      const ranking = horizontal.get(rule.key)!;
      const grade = ranking.grades.get(a.pack.id);
      const self = a.selfScores.get(rule.key)!;
      const horizontalScore = grade?.score ?? ZERO;
      const score = rejected ? ZERO : indicatorScore(self, horizontalScore, rules.combination, decimals);
      parts.push({ dimension: rule.dimension, selfScore: self, horizontalScore, score });
      indicators[rule.key] = {
        n: numberOrNull(v.n),
        m: numberOrNull(v.m),
        selfScore: toNumber(self),
        rank: grade?.rank ?? null,
        rankedCount: ranking.rankedCount,
        grade: grade?.grade ?? null,
        horizontalScore: toNumber(horizontalScore),
        score: toNumber(score),
        verified: a.verified.has(rule.key),
      };
    }
    // The result type holds every known key; one that a later batch's rules do not score shows empty.
    for (const key of INDICATOR_KEYS) indicators[key] ??= emptyIndicator();
    const expert = options.expert?.perApplicant.get(a.pack.id) ?? null;
    const expertSum = expert ? sumExpertItems(expert, rules, decimals) : null;
    const t = totals(parts, dimensionKeys, rejected ? null : expertSum);
    const total = rejected ? ZERO : t.total;
    const a1Investment = a.pack.a1?.fields.cloudInvestment3y?.value;
    const cloudInvestment =
      typeof a1Investment === 'number' && Number.isFinite(a1Investment)
        ? fromNumber(a1Investment)
        : (a.values['investment.cloud']?.n ?? null);
    const entry: RankingEntry = { id: a.pack.id, name: a.name, total, expertTotal: expertSum, selfTotal: t.selfTotal, cloudInvestment };
    return { a, indicators, t, total, expert, expertSum, entry };
  });

  const ranked = scored.filter((s) => s.a.status !== 'rejected');
  const provinceRanks = rankEntries(ranked.map((s) => s.entry));
  const cityRanks = new Map<string, number>();
  const byCity = new Map<string, RankingEntry[]>();
  for (const s of ranked) {
    const list = byCity.get(s.a.pack.city) ?? [];
    list.push(s.entry);
    byCity.set(s.a.pack.city, list);
  }
  for (const list of byCity.values()) for (const [id, r] of rankEntries(list)) cityRanks.set(id, r);

  const selection = options.selection ?? null;
  const isSelected = (s: (typeof scored)[number]): boolean => {
    if (!selection || s.a.status === 'rejected') return false;
    if (selection.by === 'count') return provinceRanks.get(s.a.pack.id)! <= selection.value;
    return compare(s.total, fromNumber(selection.value)) >= 0;
  };

  const max = toNumber(maxTotal(rules, withExperts));
  const applicants: ApplicantResult[] = scored.map((s) => {
    const { a, t } = s;
    const dimensions: Record<string, number> = {};
    for (const k of dimensionKeys) dimensions[k] = toNumber(t.dimensions[k] ?? ZERO);
    return {
      id: a.pack.id,
      city: a.pack.city,
      name: a.name,
      creditCode: a.pack.a1?.fields.creditCode?.value?.trim() || null,
      status: a.status,
      rejectedBy: a.rejectedBy,
      provinceRank: provinceRanks.get(a.pack.id) ?? null,
      cityRank: cityRanks.get(a.pack.id) ?? null,
      cityRecommendedRank: cityRecommendedRank(a.city.a3, a.name),
      indicators: s.indicators,
      dimensions,
      selfTotal: toNumber(t.selfTotal),
      horizontalTotal: toNumber(t.horizontalTotal),
      indicatorTotal: toNumber(t.indicatorTotal),
      expertTotal: s.expertSum ? toNumber(s.expertSum) : null,
      expert: s.expert,
      total: toNumber(s.total),
      maxTotal: max,
      identity: identityOf(a.pack),
      selected: isSelected(s),
      findings: sortFindings(a.findings),
    };
  });

  const rejectedOrder = (x: ApplicantResult, y: ApplicantResult): number =>
    pinyin.compare(x.city, y.city) ||
    (x.city < y.city ? -1 : x.city > y.city ? 1 : 0) ||
    pinyin.compare(x.name, y.name) ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const ordered = [
    ...applicants.filter((x) => x.provinceRank !== null).sort((x, y) => x.provinceRank! - y.provinceRank!),
    ...applicants.filter((x) => x.provinceRank === null).sort(rejectedOrder),
  ];

  const cityNames = [...new Set(submission.cities.map((c) => c.name))].sort(
    (x, y) => pinyin.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0),
  );
  const cityOf = new Map(packs.map((p) => [p.pack.id, p.city.name]));
  const cities = cityNames.map((name) => ({
    name,
    applicants: ordered.filter((x) => cityOf.get(x.id) === name).map((x) => x.id),
  }));

  const allFindings = [...topLevel, ...applicants.flatMap((x) => x.findings)];
  const count = (sev: Finding['severity']) => allFindings.filter((f) => f.severity === sev).length;
  return {
    schemaVersion: 1,
    rules: { id: rules.id, title: rules.title },
    input: { root: submission.root, kind: submission.kind },
    expertScored: withExperts,
    selection,
    summary: {
      applicants: ordered.length,
      ranked: ordered.filter((x) => x.provinceRank !== null).length,
      rejected: ordered.filter((x) => x.status === 'rejected').length,
      qualified: ordered.filter((x) => x.status === 'qualified').length,
      flagged: ordered.filter((x) => x.status === 'flagged').length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
    cities,
    applicants: ordered,
    findings: sortFindings(topLevel),
  };
}
