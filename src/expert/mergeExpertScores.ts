/**
 * The 25 expert points: per item, the mean over the experts who scored the applicant, leaving out an
 * expert from the applicant's own city (回避). With `zscore`, each expert's scores are first
 * standardised over the applicants they scored, so a strict and a lenient expert weigh the same.
 *
 * Every finding made here is about the panel's sheet and names the expert, the enterprise as matched
 * and the row or cell; `evaluate` puts them on the panel chair's 专家评分复核 list.
 */
import type { Finding } from '../findings/finding.js';
import { findingsOf } from '../findings/finding.js';
import type { ExpertKey } from '../model/indicators.js';
import type { ApplicantPack, Submission } from '../model/records.js';
import type { ExpertResult } from '../model/result.js';
import type { Rules } from '../rules/schema.js';
import { div, fromNumber, rational, roundHalfUp, sum, toNumber } from '../score/decimal.js';
import { expertCodes } from './codes.js';
import type { ExpertInput, ExpertRow, ExpertSheet } from '../model/expert.js';
import { expectedSheet } from './text.js';
import { applicantName, normaliseCreditCode, normaliseEnterpriseName } from '../model/enterpriseName.js';
import { normaliseCityName } from '../data/zhejiang.js';
import { ExpertSheetError } from '../util/errors.js';

const finding = findingsOf(expertCodes);

export type { ExpertInput };

export interface MergeOptions {
  normalize: 'none' | 'zscore';
}

interface Applicant {
  id: string;
  city: string;
  name: string;
}

interface Counted {
  row: ExpertRow;
  applicant: Applicant;
}

/** The rows an argument names, in each language's way: 「2、4」 (第2、4行) and 「2, 4」 (rows 2, 4). */
const rowArgs = (rows: number[]) => ({ rows: rows.join('、'), rowsEn: rows.join(', ') });

function about(f: Finding, a: Applicant): Finding {
  return { ...f, args: { ...f.args, enterprise: a.name }, applicant: a.id, city: a.city };
}

/** Which applicant each row is about: by credit code when given, else by normalised name. */
function matchRows(sheet: ExpertSheet, submission: Submission, rules: Rules, findings: Finding[]): Counted[] {
  const byCode = new Map<string, Applicant>();
  const byName = new Map<string, Applicant>();
  const applicant = (p: ApplicantPack): Applicant => ({ id: p.id, city: p.city, name: applicantName(p) });
  for (const c of submission.cities)
    for (const p of c.applicants) {
      const code = p.a1?.fields.creditCode?.value;
      if (code) byCode.set(normaliseCreditCode(code), applicant(p));
      const name = p.a1?.fields.enterpriseName?.value ?? p.folderName;
      byName.set(normaliseEnterpriseName(name), applicant(p));
    }
  const matched: Counted[] = [];
  for (const row of sheet.rows) {
    const hit = (row.creditCode && byCode.get(normaliseCreditCode(row.creditCode))) || (row.enterpriseName && byName.get(normaliseEnterpriseName(row.enterpriseName)));
    if (!hit) {
      const enterprise = row.enterpriseName ?? row.creditCode ?? '';
      findings.push(finding('EXPERT_UNKNOWN_ENTERPRISE', { expert: row.expert, enterprise }, { file: sheet.file, sheet: sheet.sheet, row: row.row }), ...row.problems);
      continue;
    }
    findings.push(...row.problems.map((f) => about(f, hit)));
    matched.push({ row, applicant: hit });
  }
  if (matched.length === 0) {
    const names = [...new Set(sheet.rows.map((r) => r.enterpriseName ?? r.creditCode ?? ''))];
    const shown = names.slice(0, 3).map((n) => `「${n}」`).join('、') + (names.length > 3 ? ` 等 ${names.length} 家` : '');
    throw new ExpertSheetError(
      `专家评分表 ${sheet.file} 中读不到任何评分：${sheet.rows.length} 行评分所列的企业（${shown}）都不在本次申报材料中。\n` +
        `企业名称或统一社会信用代码须与申报表（附件1）一致；${expectedSheet(rules)}。`,
    );
  }
  return matched;
}

/** Two rows of one expert for one applicant say the same when every item and the city agree. */
function sameScores(a: ExpertRow, b: ExpertRow, rules: Rules): boolean {
  const city = (r: ExpertRow) => (r.expertCity ? normaliseCityName(r.expertCity) : '');
  return city(a) === city(b) && rules.experts.every((e) => a.items[e.key] === b.items[e.key] && a.refused.includes(e.key) === b.refused.includes(e.key));
}

/**
 * One row per expert and applicant. Identical copies (pasted twice, or once by name and once by
 * credit code) count once, with a warning; copies that differ leave that expert out for that
 * applicant, with an error at every copy: which one is right is for the panel to say, not for us.
 */
function dropDuplicates(matched: Counted[], sheet: ExpertSheet, rules: Rules, findings: Finding[]): Counted[] {
  const groups = new Map<string, Counted[]>();
  for (const m of matched) {
    const key = `${m.applicant.id}\u0000${m.row.expertKey}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(m);
  }
  const kept: Counted[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    if (group.length === 1) {
      kept.push(first);
      continue;
    }
    const args = { expert: first.row.expert, enterprise: first.applicant.name, ...rowArgs(group.map((g) => g.row.row)) };
    const extra = { applicant: first.applicant.id, city: first.applicant.city };
    if (group.every((g) => sameScores(g.row, first.row, rules))) {
      findings.push(finding('EXPERT_ROW_DUPLICATE', args, { file: sheet.file, sheet: sheet.sheet, row: group[1]!.row.row }, extra));
      kept.push(first);
    } else {
      for (const g of group)
        findings.push(finding('EXPERT_ROW_CONFLICT', { ...args, count: group.length }, { file: sheet.file, sheet: sheet.sheet, row: g.row.row }, extra));
    }
  }
  // Back in sheet order, so everything downstream reads the rows as the sheet lists them.
  return kept.sort((a, b) => a.row.row - b.row.row);
}

function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { mean, sd };
}

export interface ItemScore {
  expert: string;
  applicantId: string;
  value: number;
}

export interface ZscoreOutcome {
  /** Normalised value per applicant, for applicants scored by at least one expert who could be placed. */
  values: Map<string, number>;
  /** Experts who scored a single applicant on the item: that applicant's id. */
  oneApplicant: Map<string, string>;
  /** Experts who gave every applicant they scored the same score: how many applicants. */
  sameScores: Map<string, number>;
}

/**
 * z-score normalisation of one item: each expert's score z = (x − expert's mean) / expert's sd over
 * the applicants that expert scored, then an applicant's mean z is mapped back onto the item's scale
 * with the mean and sd of all scores given for the item, and clamped to [0, max].
 *
 * An expert who scored one applicant, or gave all of them the same score (sd = 0), says nothing about
 * where an applicant stands among the others: no z can be formed (0/0), and calling it 0 would pull
 * the applicant to the item's mean whatever the expert gave. Such an expert's scores are left out of
 * the mean z; an applicant with no other expert gets no value here and keeps its plain mean.
 */
export function zscoreItem(scores: ItemScore[], max: number): ZscoreOutcome {
  const byExpert = new Map<string, ItemScore[]>();
  for (const s of scores) (byExpert.get(s.expert) ?? byExpert.set(s.expert, []).get(s.expert)!).push(s);
  const all = meanSd(scores.map((s) => s.value));
  const oneApplicant = new Map<string, string>();
  const sameScores = new Map<string, number>();
  const zs = new Map<string, number[]>();
  for (const [expert, mine] of byExpert) {
    const { mean, sd } = meanSd(mine.map((s) => s.value));
    if (mine.length === 1) oneApplicant.set(expert, mine[0]!.applicantId);
    else if (sd === 0) sameScores.set(expert, mine.length);
    else for (const s of mine) (zs.get(s.applicantId) ?? zs.set(s.applicantId, []).get(s.applicantId)!).push((s.value - mean) / sd);
  }
  const values = new Map<string, number>();
  for (const [id, list] of zs) {
    const zbar = list.reduce((a, b) => a + b, 0) / list.length;
    values.set(id, Math.min(max, Math.max(0, all.mean + zbar * all.sd)));
  }
  return { values, oneApplicant, sameScores };
}

/** Findings for the experts z-scores could not place, one per expert (items together), and the applicants left with plain means. */
function zscoreFindings(
  outcomes: Map<ExpertKey, ZscoreOutcome>,
  counted: Counted[],
  rawMean: Map<string, ExpertKey[]>,
  sheet: ExpertSheet,
  rules: Rules,
): Finding[] {
  const out: Finding[] = [];
  const itemName = new Map(rules.experts.map((e) => [e.key, e.name]));
  const byExpert = new Map<string, Counted[]>();
  for (const c of counted) (byExpert.get(c.row.expertKey) ?? byExpert.set(c.row.expertKey, []).get(c.row.expertKey)!).push(c);
  const one = new Map<string, ExpertKey[]>();
  const same = new Map<string, { items: ExpertKey[]; count: number }[]>();
  for (const [key, o] of outcomes) {
    for (const [expert, applicantId] of o.oneApplicant) {
      const k = `${expert}\u0000${applicantId}`;
      (one.get(k) ?? one.set(k, []).get(k)!).push(key);
    }
    for (const [expert, count] of o.sameScores) {
      const list = same.get(expert) ?? same.set(expert, []).get(expert)!;
      const entry = list.find((x) => x.count === count);
      if (entry) entry.items.push(key);
      else list.push({ items: [key], count });
    }
  }
  const names = (keys: ExpertKey[]) => keys.map((k) => itemName.get(k)!).join('、');
  for (const [k, items] of one) {
    const [expert, applicantId] = k.split('\u0000') as [string, string];
    const c = byExpert.get(expert)!.find((x) => x.applicant.id === applicantId)!;
    out.push(
      finding('EXPERT_ZSCORE_ONE_APPLICANT', { expert: c.row.expert, enterprise: c.applicant.name, items: names(items) }, { file: sheet.file, sheet: sheet.sheet, row: c.row.row }, {
        applicant: c.applicant.id,
        city: c.applicant.city,
      }),
    );
  }
  for (const [expert, list] of same) {
    const mine = byExpert.get(expert)!;
    for (const { items, count } of list)
      out.push(
        finding('EXPERT_ZSCORE_SAME_SCORES', { expert: mine[0]!.row.expert, items: names(items), count, ...rowArgs(mine.map((m) => m.row.row)) }, { file: sheet.file, sheet: sheet.sheet, row: mine[0]!.row.row }),
      );
  }
  const applicants = new Map(counted.map((c) => [c.applicant.id, c.applicant]));
  for (const [id, items] of rawMean) {
    const a = applicants.get(id)!;
    out.push(finding('EXPERT_ZSCORE_RAW_MEAN', { enterprise: a.name, items: names(items) }, { file: sheet.file, sheet: sheet.sheet }, { applicant: a.id, city: a.city }));
  }
  return out;
}

/**
 * Merges the sheet into per-applicant expert results. Throws `ExpertSheetError` when no row names an
 * applicant of the input, or no score could be counted for any of them: the totals would otherwise
 * say 「含专家评分」 with no expert point in them.
 */
export function mergeExpertScores(sheet: ExpertSheet, submission: Submission, rules: Rules, opts: MergeOptions = { normalize: 'none' }): ExpertInput {
  const findings: Finding[] = [...sheet.findings];
  const matched = matchRows(sheet, submission, rules, findings);
  const unique = dropDuplicates(matched, sheet, rules, findings);
  const decimals = rules.rounding.decimals;
  const loc = (row: ExpertRow) => ({ file: sheet.file, sheet: sheet.sheet, row: row.row });

  const counted: Counted[] = [];
  const recused = new Map<string, string[]>();
  for (const c of unique) {
    const { row, applicant: a } = c;
    if (rules.expertPanel.recuseSameCity && row.expertCity && a.city && normaliseCityName(row.expertCity) === normaliseCityName(a.city)) {
      findings.push(finding('EXPERT_RECUSED', { expert: row.expert, city: row.expertCity, enterprise: a.name }, loc(row), { applicant: a.id, city: a.city }));
      (recused.get(a.id) ?? recused.set(a.id, []).get(a.id)!).push(row.expert);
      continue;
    }
    // Items left empty; a cell that held something unreadable is reported as such, not again here.
    const empty = rules.experts.filter((e) => row.items[e.key] === undefined && !row.refused.includes(e.key));
    if (empty.length > 0)
      findings.push(finding('EXPERT_ROW_INCOMPLETE', { expert: row.expert, enterprise: a.name, items: empty.map((e) => e.name).join('、') }, loc(row), { applicant: a.id, city: a.city }));
    if (rules.experts.some((e) => row.items[e.key] !== undefined)) counted.push(c);
  }
  if (counted.length === 0)
    throw new ExpertSheetError(
      `专家评分表 ${sheet.file} 中读不到任何评分：与申报企业对上的 ${matched.length} 行里没有一个可计入的分数（空白、无法识别、超出满分、重复冲突或须回避）。\n${expectedSheet(rules)}。`,
    );

  const outcomes = new Map<ExpertKey, ZscoreOutcome>();
  if (opts.normalize === 'zscore')
    for (const e of rules.experts) {
      const scores = counted.flatMap((c) => (c.row.items[e.key] === undefined ? [] : [{ expert: c.row.expertKey, applicantId: c.applicant.id, value: c.row.items[e.key]! }]));
      outcomes.set(e.key, zscoreItem(scores, e.max));
    }
  const rawMean = new Map<string, ExpertKey[]>();

  const perApplicant = new Map<string, ExpertResult>();
  const byApplicant = new Map<string, Counted[]>();
  for (const c of counted) (byApplicant.get(c.applicant.id) ?? byApplicant.set(c.applicant.id, []).get(c.applicant.id)!).push(c);
  for (const city of submission.cities)
    for (const p of city.applicants) {
      const mine = byApplicant.get(p.id) ?? [];
      const result: ExpertResult = { items: {}, experts: new Set(mine.map((m) => m.row.expertKey)).size, recused: recused.get(p.id) ?? [] };
      // No scores at all: evaluate() says so (EXPERT_NOT_SCORED) for applicants still in the running.
      for (const e of rules.experts) {
        const given = mine.filter((m) => m.row.items[e.key] !== undefined);
        if (given.length === 0) {
          result.items[e.key] = null;
          continue;
        }
        const values = given.map((m) => m.row.items[e.key]!);
        const lo = Math.min(...values);
        const hi = Math.max(...values);
        if (hi - lo > rules.expertPanel.spreadWarning) {
          const a = mine[0]!.applicant;
          const scores = given.map((m) => `${m.row.expert} ${m.row.items[e.key]}（${m.row.cells[e.key]}）`).join('、');
          const scoresEn = given.map((m) => `${m.row.expert} ${m.row.items[e.key]} (${m.row.cells[e.key]})`).join(', ');
          findings.push(
            finding(
              'EXPERT_SPREAD',
              { enterprise: a.name, item: e.name, spread: toNumber(roundHalfUp(fromNumber(hi - lo), decimals)), min: lo, max: hi, scores, scoresEn, threshold: rules.expertPanel.spreadWarning },
              { file: sheet.file, sheet: sheet.sheet },
              { applicant: a.id, city: a.city },
            ),
          );
        }
        const exactMean = div(sum(values.map(fromNumber)), rational(BigInt(values.length)));
        let value = exactMean;
        if (opts.normalize === 'zscore') {
          const z = outcomes.get(e.key)!.values.get(p.id);
          if (z === undefined) (rawMean.get(p.id) ?? rawMean.set(p.id, []).get(p.id)!).push(e.key);
          else value = fromNumber(z);
        }
        result.items[e.key] = toNumber(roundHalfUp(value, decimals));
      }
      perApplicant.set(p.id, result);
    }
  if (opts.normalize === 'zscore') findings.push(...zscoreFindings(outcomes, counted, rawMean, sheet, rules));
  return { perApplicant, findings };
}
