/**
 * The 25 expert points: per item, the mean over the experts who scored the applicant, leaving out an
 * expert from the applicant's own city (回避). With `zscore`, each expert's scores are first
 * standardised over the applicants they scored, so a strict and a lenient expert weigh the same.
 */
import type { Finding } from '../findings/finding.js';
import { findingsOf } from '../findings/finding.js';
import type { ExpertKey } from '../model/indicators.js';
import type { Submission } from '../model/records.js';
import type { ExpertResult } from '../model/result.js';
import type { Rules } from '../rules/schema.js';
import { div, fromNumber, rational, roundHalfUp, sum, toNumber } from '../score/decimal.js';
import { expertCodes } from './codes.js';
import type { ExpertInput, ExpertRow, ExpertSheet } from '../model/expert.js';
import { normaliseCreditCode, normaliseEnterpriseName } from '../model/enterpriseName.js';
import { normaliseCityName } from '../data/zhejiang.js';

const finding = findingsOf(expertCodes);

export type { ExpertInput };

export interface MergeOptions {
  normalize: 'none' | 'zscore';
}

interface Counted {
  row: ExpertRow;
  applicantId: string;
}

/** Which applicant each row is about: by credit code when given, else by normalised name. */
function matchRows(sheet: ExpertSheet, submission: Submission, findings: Finding[]): { counted: Counted[]; recused: Map<string, string[]> } {
  const byCode = new Map<string, { id: string; city: string }>();
  const byName = new Map<string, { id: string; city: string }>();
  for (const c of submission.cities)
    for (const p of c.applicants) {
      const code = p.a1?.fields.creditCode?.value;
      if (code) byCode.set(normaliseCreditCode(code), { id: p.id, city: p.city });
      const name = p.a1?.fields.enterpriseName?.value ?? p.folderName;
      byName.set(normaliseEnterpriseName(name), { id: p.id, city: p.city });
    }
  const counted: Counted[] = [];
  const recused = new Map<string, string[]>();
  for (const row of sheet.rows) {
    const hit = (row.creditCode && byCode.get(normaliseCreditCode(row.creditCode))) || (row.enterpriseName && byName.get(normaliseEnterpriseName(row.enterpriseName)));
    const loc = { file: sheet.file, sheet: sheet.sheet, row: row.row };
    if (!hit) {
      findings.push(finding('EXPERT_UNKNOWN_ENTERPRISE', { name: row.enterpriseName ?? row.creditCode ?? '' }, loc));
      continue;
    }
    if (row.expertCity && hit.city && normaliseCityName(row.expertCity) === normaliseCityName(hit.city)) {
      findings.push(finding('EXPERT_RECUSED', { expert: row.expert, city: row.expertCity }, loc, { applicant: hit.id, city: hit.city }));
      (recused.get(hit.id) ?? recused.set(hit.id, []).get(hit.id)!).push(row.expert);
      continue;
    }
    counted.push({ row, applicantId: hit.id });
  }
  return { counted, recused };
}

function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { mean, sd };
}

/**
 * z-score normalisation of one item: each expert's score z = (x − expert's mean) / expert's sd over
 * the applicants that expert scored (0 when the expert gave everyone the same), then an applicant's
 * mean z is mapped back onto the item's scale with the mean and sd of all scores given for the item,
 * and clamped to [0, max].
 */
export function zscoreItem(scores: { expert: string; applicantId: string; value: number }[], max: number): Map<string, number> {
  const byExpert = new Map<string, number[]>();
  for (const s of scores) (byExpert.get(s.expert) ?? byExpert.set(s.expert, []).get(s.expert)!).push(s.value);
  const stats = new Map([...byExpert].map(([e, xs]) => [e, meanSd(xs)]));
  const all = meanSd(scores.map((s) => s.value));
  const zs = new Map<string, number[]>();
  for (const s of scores) {
    const { mean, sd } = stats.get(s.expert)!;
    const z = sd === 0 ? 0 : (s.value - mean) / sd;
    (zs.get(s.applicantId) ?? zs.set(s.applicantId, []).get(s.applicantId)!).push(z);
  }
  const out = new Map<string, number>();
  for (const [id, list] of zs) {
    const zbar = list.reduce((a, b) => a + b, 0) / list.length;
    out.set(id, Math.min(max, Math.max(0, all.mean + zbar * all.sd)));
  }
  return out;
}

export function mergeExpertScores(sheet: ExpertSheet, submission: Submission, rules: Rules, opts: MergeOptions = { normalize: 'none' }): ExpertInput {
  const findings: Finding[] = [...sheet.findings];
  const { counted, recused } = matchRows(sheet, submission, findings);
  const decimals = rules.rounding.decimals;
  const perApplicant = new Map<string, ExpertResult>();

  const normalised = new Map<ExpertKey, Map<string, number>>();
  if (opts.normalize === 'zscore') {
    for (const e of rules.experts) {
      const scores = counted.flatMap((c) => (c.row.items[e.key] === undefined ? [] : [{ expert: c.row.expert, applicantId: c.applicantId, value: c.row.items[e.key]! }]));
      normalised.set(e.key, zscoreItem(scores, e.max));
    }
  }

  for (const c of submission.cities)
    for (const p of c.applicants) {
      const mine = counted.filter((x) => x.applicantId === p.id);
      const result: ExpertResult = { items: {}, experts: new Set(mine.map((m) => m.row.expert)).size, recused: recused.get(p.id) ?? [] };
      const about = { applicant: p.id, city: p.city };
      // No scores at all: evaluate() says so (EXPERT_NOT_SCORED) for applicants still in the running.
      if (mine.length === 0) {
        for (const e of rules.experts) result.items[e.key] = null;
        perApplicant.set(p.id, result);
        continue;
      }
      for (const m of mine) {
        const missing = rules.experts.filter((e) => m.row.items[e.key] === undefined).map((e) => e.name);
        if (missing.length > 0 && missing.length < rules.experts.length)
          findings.push(finding('EXPERT_ROW_INCOMPLETE', { expert: m.row.expert, items: missing.join('、') }, { file: sheet.file, sheet: sheet.sheet, row: m.row.row }, about));
      }
      for (const e of rules.experts) {
        const values = mine.map((m) => m.row.items[e.key]).filter((v): v is number => v !== undefined);
        if (values.length === 0) {
          result.items[e.key] = null;
          continue;
        }
        const spread = Math.max(...values) - Math.min(...values);
        if (spread > rules.expertPanel.spreadWarning)
          findings.push(
            finding('EXPERT_SPREAD', { item: e.name, spread: toNumber(roundHalfUp(fromNumber(spread), decimals)), min: Math.min(...values), max: Math.max(...values), threshold: rules.expertPanel.spreadWarning }, undefined, about),
          );
        const exactMean = div(sum(values.map(fromNumber)), rational(BigInt(values.length)));
        const value = opts.normalize === 'zscore' ? fromNumber(normalised.get(e.key)!.get(p.id) ?? toNumber(exactMean)) : exactMean;
        result.items[e.key] = toNumber(roundHalfUp(value, decimals));
      }
      perApplicant.set(p.id, result);
    }
  return { perApplicant, findings };
}
