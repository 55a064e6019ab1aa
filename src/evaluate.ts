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
  IndicatorSources,
  Receipt,
  ReceivedForm,
  Result,
  Selection,
} from './model/result.js';
import type { EvidenceFile, SniffedType } from './model/records.js';
import { compareCityNames, locateAddress } from './data/zhejiang.js';
import { acceptedLicense } from './validate/checks/evidence/license.js';
import { EVIDENCE_DIR } from './validate/checks/evidence/evidencePaths.js';
import { indicatorSources } from './score/indicatorSources.js';
import { cloudInvestmentRule, type Rules } from './rules/schema.js';
import { runCheck, type AnyCheck } from './validate/check.js';
import { checks as registryChecks } from './validate/registry.js';
import { scoreCodes } from './score/codes.js';
import { expertCodes } from './expert/codes.js';
import { compare, fromNumber, toNumber, ZERO, type Rational } from './score/decimal.js';
import { indicatorValues, type IndicatorValue } from './score/indicatorValues.js';
import { ratioProblem, selfScore, type RatioProblem } from './score/selfScore.js';
import { horizontalGrades, type HorizontalRanking } from './score/horizontalGrade.js';
import { expertTotal as sumExpertItems, indicatorScore, maxTotal, totals } from './score/combine.js';
import { cityRecommendedRank, cityRecommendedRow, compareForRanking, decidingCriterion, rankEntries, type RankingEntry } from './score/ranking.js';
import { compareFindings, sortFindings } from './findings/findingOrder.js';
import { applicantName } from './model/enterpriseName.js';
import type { DecisionSheet } from './model/decision.js';
import { applyDecisions, counts, markSources, rejects, type DecidedApplicant } from './decisions/applyDecisions.js';
import { describeChanges, markKnockOn } from './decisions/describeChanges.js';

export interface EvaluateOptions {
  expert?: ExpertInput;
  selection?: { by: 'count' | 'threshold'; value: number };
  /** The checks to run; the registry's by default. Passing [] scores the records and their ingest findings alone. */
  checks?: readonly AnyCheck[];
  /** The clerk's 人工复核记录表: applied before scoring and ranking (decisions/applyDecisions.ts). */
  decisions?: DecisionSheet;
}

const scoreFinding = findingsOf(scoreCodes);
const expertFinding = findingsOf(expertCodes);
const pinyin = new Intl.Collator('zh-CN');

/**
 * The panel chair's list: what must be fixed first (errors, then warnings, then notes), then by
 * city in official order and applicant, then where it sits on the sheet.
 */
function panelReviewOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || compareCityNames(a.city ?? '', b.city ?? '') || compareFindings(a, b),
  );
}

/** The rules file may change a code's severity; this is the one place that happens. */
function applyOverrides(f: Finding, rules: Rules): Finding {
  const s = rules.severityOverrides[f.code];
  return s && s !== f.severity ? { ...f, severity: s } : f;
}

const nameOf = applicantName;

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
  sources: Partial<Record<IndicatorKey, IndicatorSources>>;
  verified: Set<IndicatorKey>;
  selfScores: Map<IndicatorKey, Rational>;
}

function assess(pack: ApplicantPack, city: CitySubmission, own: Finding[], rules: Rules, expert: ExpertInput | undefined, panel: Finding[], decided?: { applicant?: DecidedApplicant; file: string }): Assessed {
  const findings = [...own];
  // A finding waived on review (人工复核) stays listed but decides nothing from here on.
  const rejectedBy = [...new Set(findings.filter((f) => rejects(f, rules)).map((f) => f.code))].sort();
  const rejected = rejectedBy.length > 0;
  // The panel scores only applicants still in the running: a rejected one lacks expert scores by design.
  // That nobody scored it is the panel's to put right, so it goes on their list, not the applicant's.
  if (expert && !rejected && !(expert.perApplicant.get(pack.id)?.experts ?? 0))
    panel.push(applyOverrides(expertFinding('EXPERT_NOT_SCORED', { enterprise: nameOf(pack) }, undefined, { applicant: pack.id, city: pack.city }), rules));
  const values = decided?.applicant?.values ?? indicatorValues(pack.a2, rules);
  const indicatorsInError = new Set(findings.filter((f) => f.severity === 'error' && counts(f) && f.indicator).map((f) => f.indicator!));
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
    : findings.some((f) => counts(f) && SEVERITY_ORDER[f.severity] >= flagLevel)
      ? 'flagged'
      : 'qualified';
  const sources = markSources(indicatorSources(pack.a2, rules), decided?.applicant, decided?.file ?? '');
  return { pack, city, name: nameOf(pack), findings, status, rejectedBy, values, sources, verified, selfScores };
}

function emptyIndicator(): IndicatorResult {
  return { n: null, m: null, selfScore: 0, rank: null, rankedCount: 0, grade: null, horizontalScore: 0, score: 0, verified: false, sources: {} };
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
  ].map((f) => applyOverrides(f, rules));
  // Findings about the panel's sheet are the panel chair's to review: they name the applicant they
  // concern but never change its status (a disagreement between experts is no defect of its materials).
  const panel = (options.expert?.findings ?? []).map((f) => applyOverrides(f, rules));

  const byApplicant = new Map<string, Finding[]>();
  const topLevel: Finding[] = [];
  for (const f of collected) {
    if (f.applicant !== undefined && ids.has(f.applicant)) {
      const list = byApplicant.get(f.applicant) ?? [];
      list.push(f);
      byApplicant.set(f.applicant, list);
    } else topLevel.push(f);
  }

  const decided = options.decisions ? applyDecisions(options.decisions, { packs: packs.map((p) => p.pack), findings: byApplicant, rules }) : null;
  if (decided) {
    for (const [id, d] of decided.applicants) byApplicant.set(id, d.findings);
    topLevel.push(...decided.findings);
  }
  const decidedFor = (id: string) => (decided ? { file: decided.file, ...(decided.applicants.has(id) ? { applicant: decided.applicants.get(id)! } : {}) } : undefined);
  const assessed = packs.map(({ pack, city }) => assess(pack, city, byApplicant.get(pack.id) ?? [], rules, options.expert, panel, decidedFor(pack.id)));
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
  const investmentRule = cloudInvestmentRule(rules);
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
        sources: a.sources[rule.key] ?? {},
      };
      const changedBy = decided?.applicants.get(a.pack.id)?.indicatorRows.get(rule.key);
      if (changedBy) indicators[rule.key].decisions = [...changedBy].sort((x, y) => x - y);
    }
    // The result type holds every known key; one that a later batch's rules do not score shows empty.
    for (const key of INDICATOR_KEYS) indicators[key] ??= emptyIndicator();
    const expert = options.expert?.perApplicant.get(a.pack.id) ?? null;
    const expertSum = expert ? sumExpertItems(expert, rules, decimals) : null;
    const t = totals(parts, dimensionKeys, rejected ? null : expertSum);
    const total = rejected ? ZERO : t.total;
    // The ranking's third tie-break: 附件1's cloud investment, else the cloud-investment indicator's N.
    const a1Investment = investmentRule?.a1 ? a.pack.a1?.fields[investmentRule.a1.n]?.value : undefined;
    const cloudInvestment =
      typeof a1Investment === 'number' && Number.isFinite(a1Investment)
        ? fromNumber(a1Investment)
        : investmentRule
          ? (a.values[investmentRule.key]?.n ?? null)
          : null;
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

  const asked = options.selection ?? null;
  const isSelected = (s: (typeof scored)[number]): boolean => {
    if (!asked || s.a.status === 'rejected') return false;
    if (asked.by === 'count') return provinceRanks.get(s.a.pack.id)! <= asked.value;
    return compare(s.total, fromNumber(asked.value)) >= 0;
  };
  const selection: Selection | null = asked
    ? { ...asked, count: scored.filter(isSelected).length, tie: asked.by === 'count' ? tieAtCut(ranked.map((s) => s.entry), asked.value) : null }
    : null;

  const max = toNumber(maxTotal(rules, withExperts));
  const applicants: ApplicantResult[] = scored.map((s) => {
    const { a, t } = s;
    const dimensions: Record<string, number> = {};
    for (const k of dimensionKeys) dimensions[k] = toNumber(t.dimensions[k] ?? ZERO);
    const a3Row = cityRecommendedRow(a.city.a3, a.name);
    const typedDistrict = a3Row?.district.value?.trim();
    const address = a.pack.a1?.fields.registeredAddress?.value;
    return {
      id: a.pack.id,
      city: a.pack.city,
      district: typedDistrict || (address ? locateAddress(address).district : null),
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
      received: receiptOf(a.pack),
      findings: sortFindings(a.findings),
      ...(decided?.applicants.get(a.pack.id)?.rows.length ? { decisions: [...decided.applicants.get(a.pack.id)!.rows].sort((x, y) => x - y) } : {}),
    };
  });

  // Rejected applicants have no rank: listed by city in the official order, then by name.
  const rejectedOrder = (x: ApplicantResult, y: ApplicantResult): number =>
    compareCityNames(x.city, y.city) || pinyin.compare(x.name, y.name) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const ordered = [
    ...applicants.filter((x) => x.provinceRank !== null).sort((x, y) => x.provinceRank! - y.provinceRank!),
    ...applicants.filter((x) => x.provinceRank === null).sort(rejectedOrder),
  ];

  const cityOf = new Map(packs.map((p) => [p.pack.id, p.city.name]));
  const cities = [...submission.cities]
    .sort((x, y) => compareCityNames(x.name, y.name))
    .filter((c, i, all) => i === 0 || all[i - 1]!.name !== c.name)
    .map((city) => ({
      name: city.name,
      applicants: ordered.filter((x) => cityOf.get(x.id) === city.name).map((x) => x.id),
      a3: city.a3 ? receivedForm(city.a3) : null,
    }));

  const allFindings = [...topLevel, ...panel, ...applicants.flatMap((x) => x.findings)];
  const count = (sev: Finding['severity']) => allFindings.filter((f) => f.severity === sev && counts(f)).length;
  const result: Result = {
    schemaVersion: 2,
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
    findings: cityOrder(sortFindings(topLevel)),
    panelReview: panelReviewOrder(panel),
    decisions: [],
  };
  // What each decision changed: the same input scored without the decisions, compared.
  if (decided) {
    const without = evaluate(submission, rules, { ...options, decisions: undefined });
    result.decisions = describeChanges(decided.outcomes, without, result);
    markKnockOn(result.decisions, without, result);
  }
  return result;
}

/** Province-wide findings first, then each city's in the official order (stable within). */
function cityOrder(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.city === undefined ? (b.city === undefined ? 0 : -1) : b.city === undefined ? 1 : compareCityNames(a.city, b.city)));
}

/**
 * Applicants with the same total as the cut of a top-`count` list, on both sides of it. Null when the
 * list takes everyone or the last in and the first out differ in total.
 */
function tieAtCut(entries: RankingEntry[], count: number): Selection['tie'] {
  const sorted = [...entries].sort(compareForRanking);
  const lastIn = sorted[count - 1];
  const firstOut = sorted[count];
  if (!lastIn || !firstOut || compare(lastIn.total, firstOut.total) !== 0) return null;
  const same = sorted.map((e, i) => ({ e, i })).filter(({ e }) => compare(e.total, lastIn.total) === 0);
  return {
    total: toNumber(lastIn.total),
    decidedBy: decidingCriterion(lastIn, firstOut) ?? 'name',
    selected: same.filter(({ i }) => i < count).map(({ e }) => e.id),
    notSelected: same.filter(({ i }) => i >= count).map(({ e }) => e.id),
  };
}

/** The format as people name it, from the file's extension (XLSX, CSV …). */
function formatOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toUpperCase() : '';
}

function receivedForm(form: { file: string; sheet: string }): ReceivedForm {
  return { file: form.file, sheet: form.sheet, format: formatOf(form.file) };
}

const IMAGE: ReadonlySet<SniffedType> = new Set(['png', 'jpeg', 'gif', 'bmp', 'webp']);

function receiptOf(pack: ApplicantPack): Receipt {
  const evidence: EvidenceFile[] = pack.evidence.filter((f) => f.path.startsWith(`${EVIDENCE_DIR}/`));
  const images = evidence.filter((f) => IMAGE.has(f.type)).length;
  const pdfs = evidence.filter((f) => f.type === 'pdf').length;
  return {
    a1: pack.a1 ? receivedForm(pack.a1) : null,
    a2: pack.a2 ? receivedForm(pack.a2) : null,
    systems: pack.systems ? receivedForm(pack.systems) : null,
    products: pack.products ? receivedForm(pack.products) : null,
    license: acceptedLicense(pack.evidence)?.path ?? null,
    evidence: { files: evidence.length, images, pdfs, other: evidence.length - images - pdfs },
    files: pack.files.length,
  };
}
