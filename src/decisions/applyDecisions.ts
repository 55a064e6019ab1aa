/**
 * The clerk's 人工复核 decisions, applied to the records' findings and values before anything is scored
 * or ranked (evaluate.ts calls this, then scores as always). Pure: the same sheet and records give the
 * same outcome. A decision is applied whole or not at all: a row that names no applicant, a code the
 * applicant does not have, an unknown indicator, a 新值 that is no number or would put N above M, no
 * 理由, or two rows saying opposite things, is refused with an error finding at its row and changes nothing.
 *
 * - 豁免问题: the findings named (code, optionally its place) stay listed, marked waived with the reason,
 *   and no longer count for status, verification or points.
 * - 更正数值: N or M replaced; the source keeps the cell and its text and says which row replaced the
 *   value and what it was. Findings about the value replaced (at its cell, or N above M) are resolved.
 * - 终止申报: the applicant is rejected (「提供虚假材料…终止其申报」) with the reason as a finding.
 * - 恢复受理: the findings that rejected the applicant are waived, so it is scored and ranked again.
 */
import { findingsOf, type Finding } from '../findings/finding.js';
import type { DecisionKind, DecisionOutcome, DecisionRow, DecisionSheet } from '../model/decision.js';
import type { IndicatorKey } from '../model/indicators.js';
import type { Location } from '../model/location.js';
import type { ApplicantPack } from '../model/records.js';
import type { IndicatorSources, ValueSource } from '../model/result.js';
import { applicantName, normaliseCreditCode, normaliseEnterpriseName } from '../model/enterpriseName.js';
import { DECISION_TYPES } from '../forms/layout.js';
import { labelKey } from '../forms/normalise.js';
import type { IndicatorRule, Rules } from '../rules/schema.js';
import { parseNumber } from '../ingest/forms/parseNumber.js';
import { add, fromNumber, sign, toNumber, ZERO, type Rational } from '../score/decimal.js';
import { indicatorValues, type IndicatorValues } from '../score/indicatorValues.js';
import { ratioProblem } from '../score/selfScore.js';
import { indicatorSources } from '../score/indicatorSources.js';
import { decisionCodes } from './codes.js';

const finding = findingsOf(decisionCodes);

/** The finding a 终止申报 puts on the applicant; it rejects like the rules' `effects.reject` codes. */
export const TERMINATED = 'DECISION_TERMINATED';

/** Codes about an N/M pair as a whole: a correction that leaves the pair consistent resolves them. */
const PAIR_CODES: ReadonlySet<string> = new Set(['N_GREATER_THAN_M', 'M_ZERO_WITH_N', 'SCORE_N_GREATER_THAN_M']);

/** Whether a finding still counts: a waived one is listed but decides nothing. */
export function counts(f: Finding): boolean {
  return f.waived === undefined;
}

/** Whether a finding rejects its applicant (the rules' reject codes, or a 终止申报). */
export function rejects(f: Finding, rules: Rules): boolean {
  return f.severity === 'error' && counts(f) && (rules.effects.reject.includes(f.code) || f.code === TERMINATED);
}

/** A corrected value, for the source it replaces. */
export interface Correction {
  key: IndicatorKey;
  side: 'n' | 'm';
  row: number;
  value: number;
  raw: string;
  before: number | null;
}

/** What the decisions make of one applicant. */
export interface DecidedApplicant {
  /** Its findings: waivers marked, a 终止申报's finding added. */
  findings: Finding[];
  /** Its N and M with the corrections in (only when a correction was applied). */
  values?: IndicatorValues;
  corrections: Correction[];
  /** Rows applied to it, and per indicator the rows that changed it. */
  rows: number[];
  indicatorRows: Map<IndicatorKey, number[]>;
}

export interface Decided {
  file: string;
  applicants: Map<string, DecidedApplicant>;
  /** One per sheet row, in sheet order; `changes` are filled once the Result is known (describeChanges.ts). */
  outcomes: DecisionOutcome[];
  /** The refusals: errors (and duplicate warnings) at the sheet's rows, belonging to no applicant. */
  findings: Finding[];
}

export interface DecisionInput {
  packs: readonly ApplicantPack[];
  /** Each applicant's findings, as evaluate collected them. */
  findings: ReadonlyMap<string, readonly Finding[]>;
  rules: Rules;
}

/** The type as typed, or null: 「豁免问题」, 「豁免」, 「waive」 … */
function kindOf(typed: string): DecisionKind | null {
  const t = typed.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  for (const [kind, name] of Object.entries(DECISION_TYPES) as [DecisionKind, string][]) {
    if (t === name || t === kind || (t.length >= 2 && name.startsWith(t))) return kind;
  }
  return null;
}

/** 「SCREENSHOT_SHARED_ACROSS_APPLICANTS 证明材料/截图/a.png」 → the code and the place, if any. */
function codeAndPlace(target: string): { code: string; place: string } {
  const t = target.normalize('NFKC').trim();
  const m = /^([A-Za-z][A-Za-z0-9_]*)\s*[@,，:：;；]?\s*(.*)$/.exec(t);
  if (!m) return { code: t, place: '' };
  return { code: m[1]!.toUpperCase(), place: m[2]!.trim() };
}

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Whether a finding sits at the place the clerk named: a cell exactly, else a part of its file/sheet/cell. */
function atPlace(loc: Location | undefined, place: string): boolean {
  if (!place) return true;
  if (!loc) return false;
  const p = fold(place);
  const tail = /^(?:.*!)?([a-z]{1,3}\d+)$/.exec(p);
  if (tail && loc.cell && fold(loc.cell) === tail[1] && (p === tail[1] || fold(`${loc.sheet ?? ''}!${loc.cell}`).endsWith(p))) return true;
  const whole = fold([loc.file ?? '', loc.sheet ?? '', loc.cell ?? '', loc.row !== undefined ? `第${loc.row}行` : ''].join(' '));
  return whole.includes(p);
}

/** 「云服务器 N」, 「infra.storage m」, 「云存储的M」 → the indicator and the side, or null. */
function indicatorAndSide(target: string, rules: Rules): { rule: IndicatorRule; side: 'n' | 'm' } | null {
  const t = target.normalize('NFKC').trim();
  const m = /^(.*?)[\s的:：._\-/]*([NnMm])$/.exec(t);
  if (!m || !m[1]) return null;
  const name = m[1].trim();
  const key = labelKey(name);
  const rule = rules.indicators.find((r) => r.key.toLowerCase() === name.toLowerCase() || labelKey(r.name) === key || labelKey(r.nameEn).toLowerCase() === key.toLowerCase());
  return rule ? { rule, side: m[2]!.toLowerCase() as 'n' | 'm' } : null;
}

/** Why an indicator's M cannot be corrected, when it is computed rather than typed. */
function computedM(rule: IndicatorRule, rules: Rules): { why: string; whyEn: string } | null {
  if (rule.mSumOf) {
    const names = rule.mSumOf.map((k) => rules.indicators.find((r) => r.key === k)?.name ?? k);
    return { why: `为 ${names.join('、')} 的 N 之和`, whyEn: `the sum of the N of ${rule.mSumOf.join(', ')}` };
  }
  if (rule.mConstant !== undefined) return { why: `由规则文件定为 ${rule.mConstant}`, whyEn: `fixed at ${rule.mConstant} by the rules file` };
  return null;
}

interface Pending {
  row: DecisionRow;
  outcome: DecisionOutcome;
  kind: DecisionKind;
  pack: ApplicantPack;
  /** waive: the findings named; reinstate: those that reject. */
  matched?: Finding[];
  correction?: { rule: IndicatorRule; side: 'n' | 'm'; value: number };
  /** What two rows must agree on to be the same decision, and what they differ in. */
  subject: string;
  content: string;
}

export function applyDecisions(sheet: DecisionSheet, input: DecisionInput): Decided {
  const { rules } = input;
  const refusals: Finding[] = [];
  const byId = new Map<string, ApplicantPack>();
  const byCode = new Map<string, ApplicantPack[]>();
  const byName = new Map<string, ApplicantPack[]>();
  const push = (m: Map<string, ApplicantPack[]>, k: string, p: ApplicantPack) => {
    const list = m.get(k) ?? [];
    if (!list.includes(p)) list.push(p);
    m.set(k, list);
  };
  for (const p of input.packs) {
    byId.set(p.id, p);
    const code = p.a1?.fields.creditCode?.value;
    if (code) push(byCode, normaliseCreditCode(code), p);
    push(byName, normaliseEnterpriseName(applicantName(p)), p);
    push(byName, normaliseEnterpriseName(p.folderName), p);
  }
  const where = (row: number): Location => ({ file: sheet.file, ...(sheet.sheet ? { sheet: sheet.sheet } : {}), row });
  const indicatorList = rules.indicators.map((r) => r.name).join('、');

  const outcomes: DecisionOutcome[] = [];
  const pending: Pending[] = [];
  for (const row of sheet.rows) {
    const kind = kindOf(row.type);
    const outcome: DecisionOutcome = {
      row: row.row,
      file: sheet.file,
      sheet: sheet.sheet,
      enterprise: row.enterprise,
      applicant: null,
      kind,
      target: row.target,
      value: row.value,
      reason: row.reason,
      clerk: row.clerk,
      date: row.date,
      applied: false,
      refusal: null,
      changes: [],
    };
    outcomes.push(outcome);
    const refuse = (code: keyof typeof decisionCodes, args: Record<string, string | number> = {}) => {
      const f = finding(code, { row: row.row, enterprise: row.enterprise, ...args }, where(row.row));
      outcome.refusal = f;
      refusals.push(f);
    };
    if (!kind) {
      refuse('DECISION_TYPE_UNKNOWN', { type: row.type });
      continue;
    }
    const candidates = byId.has(row.enterprise)
      ? [byId.get(row.enterprise)!]
      : (byCode.get(normaliseCreditCode(row.enterprise)) ?? byName.get(normaliseEnterpriseName(row.enterprise)) ?? []);
    if (candidates.length === 0 || row.enterprise === '') {
      refuse('DECISION_UNKNOWN_ENTERPRISE');
      continue;
    }
    if (candidates.length > 1) {
      refuse('DECISION_ENTERPRISE_AMBIGUOUS', { count: candidates.length, ids: candidates.map((p) => p.id).join('、') });
      continue;
    }
    const pack = candidates[0]!;
    outcome.applicant = pack.id;
    if (row.reason === '') {
      refuse('DECISION_REASON_MISSING');
      continue;
    }
    const own = input.findings.get(pack.id) ?? [];
    const p: Pending = { row, outcome, kind, pack, subject: `${pack.id}\u0000${kind}`, content: '' };
    if (kind === 'waive') {
      const { code, place } = codeAndPlace(row.target);
      const matched = own.filter((f) => f.code === code && atPlace(f.location, place));
      if (matched.length === 0) {
        const placeArgs = place ? { place: `（${place}）`, placeEn: ` at ${place}` } : { place: '', placeEn: '' };
        refuse('DECISION_CODE_NOT_FOUND', { code, ...placeArgs });
        continue;
      }
      p.matched = matched;
      p.subject += `\u0000${code}\u0000${fold(place)}`;
      const indicators = [...new Set(matched.map((f) => f.indicator).filter((k) => k !== undefined))];
      if (indicators.length === 1) outcome.indicator = indicators[0]!;
    } else if (kind === 'correct') {
      const target = indicatorAndSide(row.target, rules);
      if (!target) {
        refuse('DECISION_UNKNOWN_INDICATOR', { target: row.target, indicators: indicatorList });
        continue;
      }
      const { rule, side } = target;
      outcome.indicator = rule.key;
      const computed = side === 'm' ? computedM(rule, rules) : null;
      if (computed) {
        refuse('DECISION_M_COMPUTED', { indicator: rule.name, indicatorEn: rule.nameEn, ...computed });
        continue;
      }
      const parsed = parseNumber(row.value, rule.unit, rules);
      if ('error' in parsed || ('note' in parsed && parsed.note === 'nil') || parsed.value < 0) {
        refuse('DECISION_VALUE_NOT_NUMBER', { value: row.value });
        continue;
      }
      p.correction = { rule, side, value: parsed.value };
      p.subject += `\u0000${rule.key}\u0000${side}`;
      p.content = String(parsed.value);
    } else if (kind === 'reinstate') {
      // Whether there is anything to reinstate is asked after the contradictions: 终止申报 and
      // 恢复受理 of one applicant are refused together whatever else is wrong with either.
      p.matched = own.filter((f) => rejects(f, rules));
    }
    pending.push(p);
  }

  // Two rows about the same thing: the same content once (a warning), different content neither.
  const accepted: Pending[] = [];
  const bySubject = new Map<string, Pending[]>();
  for (const p of pending) {
    // 终止申报 and 恢复受理 of one applicant are one subject with opposite contents.
    const subject = p.kind === 'terminate' || p.kind === 'reinstate' ? `${p.pack.id}\u0000status` : p.subject;
    const content = p.kind === 'terminate' || p.kind === 'reinstate' ? p.kind : p.content;
    const list = bySubject.get(subject) ?? [];
    list.push({ ...p, content });
    bySubject.set(subject, list);
  }
  for (const list of bySubject.values()) {
    const first = list[0]!;
    const conflicting = list.find((p) => p.content !== first.content);
    if (conflicting) {
      for (const p of list) {
        const other = p.content !== first.content ? first : conflicting;
        const f = finding(
          'DECISION_CONTRADICTS',
          { row: p.row.row, other: other.row.row, enterprise: p.row.enterprise, ...contradiction(p, other) },
          where(p.row.row),
        );
        p.outcome.refusal = f;
        refusals.push(f);
      }
      continue;
    }
    if (first.kind === 'reinstate' && first.matched!.length === 0) {
      for (const p of list) {
        const f = finding('DECISION_NOT_REJECTED', { row: p.row.row, enterprise: p.row.enterprise }, where(p.row.row));
        p.outcome.refusal = f;
        refusals.push(f);
      }
      continue;
    }
    accepted.push(first);
    for (const p of list.slice(1)) {
      const f = finding('DECISION_DUPLICATE', { row: p.row.row, other: first.row.row, enterprise: p.row.enterprise }, where(p.row.row));
      p.outcome.refusal = f;
      refusals.push(f);
    }
  }

  const applicants = new Map<string, DecidedApplicant>();
  const byPack = new Map<string, Pending[]>();
  for (const p of accepted) (byPack.get(p.pack.id) ?? byPack.set(p.pack.id, []).get(p.pack.id)!).push(p);
  for (const [id, list] of byPack) {
    list.sort((a, b) => a.row.row - b.row.row);
    const pack = list[0]!.pack;
    applicants.set(id, decideApplicant(pack, list, input.findings.get(id) ?? [], sheet, rules, refusals, where));
  }
  return { file: sheet.file, applicants, outcomes, findings: refusals };
}

function contradiction(p: Pending, other: Pending): { what: string; whatEn: string } {
  if (p.kind === 'correct' || other.kind === 'correct') {
    const name = p.correction ? `${p.correction.rule.name} ${p.correction.side.toUpperCase()}` : '';
    const nameEn = p.correction ? `${p.correction.rule.nameEn} ${p.correction.side.toUpperCase()}` : '';
    return { what: `${name} 改为 ${p.content} 与 ${other.content}`, whatEn: `${nameEn} set to ${p.content} and to ${other.content}` };
  }
  return { what: `${DECISION_TYPES.terminate}与${DECISION_TYPES.reinstate}`, whatEn: 'terminated and reinstated' };
}

/** The cells a value of one side was read from (N's own cell, the server's cores and memory, the ticks). */
function sourceCells(src: IndicatorSources | undefined, side: 'n' | 'm'): ValueSource[] {
  if (!src) return [];
  const own = side === 'n' ? src.n : src.m;
  const server = src.server ? (side === 'n' ? [src.server.cloudCores, src.server.cloudMemoryGb] : [src.server.allCores, src.server.allMemoryGb]) : [];
  const ticks = side === 'n' ? Object.values(src.ticks ?? {}) : [];
  return [own, ...server, ...ticks].filter((v): v is ValueSource => v !== undefined && v.cell !== undefined);
}

function decideApplicant(
  pack: ApplicantPack,
  list: Pending[],
  original: readonly Finding[],
  sheet: DecisionSheet,
  rules: Rules,
  refusals: Finding[],
  where: (row: number) => Location,
): DecidedApplicant {
  const out: DecidedApplicant = { findings: [...original], corrections: [], rows: [], indicatorRows: new Map() };
  const mark = (f: Finding, p: Pending) => {
    const i = out.findings.indexOf(f);
    if (i >= 0 && counts(out.findings[i]!)) out.findings[i] = { ...f, waived: { row: p.row.row, file: sheet.file, reason: p.row.reason } };
  };
  const touch = (key: IndicatorKey | undefined, row: number) => {
    if (!key) return;
    const rows = out.indicatorRows.get(key) ?? [];
    if (!rows.includes(row)) rows.push(row);
    out.indicatorRows.set(key, rows);
  };

  // Corrections first, each checked with all the others in: N above M after them refuses the ones that made it so.
  let corrections = list.filter((p) => p.correction);
  const original_ = indicatorValues(pack.a2, rules);
  let values = original_;
  for (let round = 0; round <= list.length && corrections.length > 0; round++) {
    values = corrected(original_, corrections, rules);
    const bad = corrections.filter((p) => {
      const keys = affected(p.correction!.rule.key, p.correction!.side, rules);
      return keys.some((k) => ratioProblem(values[k]?.n ?? null, values[k]?.m ?? null) === 'nGreaterThanM');
    });
    if (bad.length === 0) break;
    for (const p of bad) {
      const k = p.correction!.rule.key;
      const rule = p.correction!.rule;
      const v = values[k]!;
      const f = finding(
        'DECISION_N_GREATER_THAN_M',
        { row: p.row.row, enterprise: p.row.enterprise, indicator: rule.name, indicatorEn: rule.nameEn, n: v.n ? toNumber(v.n) : '—', m: v.m ? toNumber(v.m) : '—' },
        where(p.row.row),
      );
      p.outcome.refusal = f;
      refusals.push(f);
    }
    corrections = corrections.filter((p) => !bad.includes(p));
    values = corrections.length > 0 ? corrected(original_, corrections, rules) : original_;
  }
  if (corrections.length > 0) {
    out.values = values;
    const sources = indicatorSources(pack.a2, rules);
    for (const p of corrections) {
      const { rule, side, value } = p.correction!;
      const before = original_[rule.key]?.[side] ?? null;
      out.corrections.push({ key: rule.key, side, row: p.row.row, value, raw: p.row.value, before: before ? toNumber(before) : null });
      // What was said about the value replaced no longer stands: findings at its cells, and N above M.
      const cells = sourceCells(sources[rule.key], side);
      for (const f of original) {
        if (f.indicator !== rule.key) continue;
        const atCell = f.location?.cell !== undefined && cells.some((c) => c.cell === f.location!.cell && c.sheet === f.location!.sheet && c.file === f.location!.file);
        if (atCell || PAIR_CODES.has(f.code)) mark(f, p);
      }
      for (const k of affected(rule.key, side, rules)) touch(k, p.row.row);
    }
  }
  const applied = new Set<Pending>(corrections);

  for (const p of list) {
    if (p.kind === 'waive' || p.kind === 'reinstate') {
      for (const f of p.matched!) {
        mark(f, p);
        touch(f.indicator, p.row.row);
      }
      p.outcome.waived = p.matched!.length;
      applied.add(p);
    } else if (p.kind === 'terminate') {
      out.findings.push(
        finding(
          'DECISION_TERMINATED',
          { reason: p.row.reason, row: p.row.row, clerk: p.row.clerk || '—' },
          where(p.row.row),
          { applicant: pack.id, city: pack.city },
        ),
      );
      applied.add(p);
    }
  }
  for (const p of list)
    if (applied.has(p)) {
      p.outcome.applied = true;
      out.rows.push(p.row.row);
    }
  return out;
}

/** An indicator and, for its N, those whose M is the sum of its N (系统协同 for each 云上业务 part). */
function affected(key: IndicatorKey, side: 'n' | 'm', rules: Rules): IndicatorKey[] {
  if (side === 'm') return [key];
  return [key, ...rules.indicators.filter((r) => r.mSumOf?.includes(key)).map((r) => r.key)];
}

/** The values with the corrections in, and every M that is a sum of corrected N summed again. */
function corrected(values: IndicatorValues, list: Pending[], rules: Rules): IndicatorValues {
  const out: IndicatorValues = { ...values };
  for (const p of list) {
    const { rule, side, value } = p.correction!;
    out[rule.key] = { ...(out[rule.key] ?? { n: null, m: null }), [side]: fromNumber(value) };
  }
  const changed = new Set(list.map((p) => p.correction!.rule.key));
  for (const rule of rules.indicators) {
    if (!rule.mSumOf || !rule.mSumOf.some((k) => changed.has(k))) continue;
    let m: Rational | null = ZERO;
    for (const part of rule.mSumOf) {
      const n = out[part]?.n ?? null;
      if (!n || sign(n) < 0) {
        m = null;
        break;
      }
      m = add(m, n);
    }
    out[rule.key] = { ...(out[rule.key] ?? { n: null, m: null }), m };
  }
  return out;
}

/** The sources with each corrected value saying which row replaced it and what it was. */
export function markSources(
  sources: Partial<Record<IndicatorKey, IndicatorSources>>,
  decided: DecidedApplicant | undefined,
  file: string,
): Partial<Record<IndicatorKey, IndicatorSources>> {
  if (!decided || decided.corrections.length === 0) return sources;
  const out = { ...sources };
  for (const c of decided.corrections) {
    const src = { ...(out[c.key] ?? {}) };
    // A value with no cell of its own (the server's cores and memory, the ticks) gets the sheet's row as its source.
    const was = src[c.side] ?? { file, raw: c.raw };
    src[c.side] = { ...was, decision: { row: c.row, file, before: c.before } };
    out[c.key] = src;
  }
  return out;
}
