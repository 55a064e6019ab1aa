/**
 * The clerk's 人工复核记录表 as read (one row per decision) and what applying it gave: ingest produces
 * the first, decisions/ the second, evaluate puts the outcomes in the Result. A decision overrules the
 * automated checks on the province's authority (phone calls, originals checked, 实地考察), so each one
 * carries its reason, its clerk and its row, and the reports show it beside what it changed.
 */
import type { Finding } from './finding.js';
import type { IndicatorKey } from './indicators.js';

/** 豁免问题, 更正数值, 终止申报, 恢复受理. */
export type DecisionKind = 'waive' | 'correct' | 'terminate' | 'reinstate';

export const DECISION_KINDS: readonly DecisionKind[] = ['waive', 'correct', 'terminate', 'reinstate'];

/** One row of the sheet, every cell as typed (trimmed). */
export interface DecisionRow {
  /** 1-based row in the sheet. */
  row: number;
  /** 企业: a name, a 统一社会信用代码 or an applicant id (its folder relative to the input root). */
  enterprise: string;
  /** 类型 as typed (豁免问题 …). */
  type: string;
  /** 对象: a finding code (and optionally its place), or an indicator and N/M. */
  target: string;
  /** 新值 as typed. */
  value: string;
  /** 理由: required. */
  reason: string;
  /** 经办人. */
  clerk: string;
  /** 日期 as typed. */
  date: string;
}

export interface DecisionSheet {
  /** The sheet's path as shown in reports: relative to the current directory, else its file name. */
  file: string;
  sheet: string;
  rows: DecisionRow[];
}

/** A number or a status before and after the decisions (`before` without any decision, `after` with all of them). */
export interface DecisionChange {
  field: 'status' | 'total' | 'provinceRank' | 'n' | 'm' | 'selfScore' | 'rank' | 'horizontalScore' | 'score' | 'verified';
  /** Set for the indicator's own numbers (n, m, selfScore, rank, horizontalScore, score, verified). */
  indicator?: IndicatorKey;
  before: number | string | boolean | null;
  after: number | string | boolean | null;
}

/** One decision as the reports show it: applied with what it changed, or refused with why. */
export interface DecisionOutcome {
  row: number;
  file: string;
  sheet: string;
  enterprise: string;
  /** The applicant matched, or null when the enterprise is unknown or ambiguous. */
  applicant: string | null;
  /** The type understood, or null when 类型 is none of the four. */
  kind: DecisionKind | null;
  target: string;
  value: string;
  reason: string;
  clerk: string;
  date: string;
  applied: boolean;
  /** Why a decision was not applied: an error finding at the sheet's row. */
  refusal: Finding | null;
  /** The indicator a correction or a waived finding is about. */
  indicator?: IndicatorKey;
  /** How many findings a waiver (or a reinstatement) marked 已复核豁免. */
  waived?: number;
  /** What changed for the applicant: its status, total and rank, and the indicator's numbers. */
  changes: DecisionChange[];
}
