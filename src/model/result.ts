/**
 * The one result object (docs/notice.md § 本工具的保证). `evaluate` makes it; every renderer (console, json, junit, github,
 * xlsx, pdf) reads it and none recomputes a score. results.json is this object, serialised.
 */
import type { Finding, Severity } from './finding.js';
import type { ExpertKey, IndicatorKey } from './indicators.js';
import type { InputKind } from './records.js';
import type { DecisionOutcome } from './decision.js';

export type ApplicantStatus = 'qualified' | 'flagged' | 'rejected';

/**
 * Where a value came from (results.json schema v2): the file, sheet and cell a person can open, and the
 * text typed there. `unit` says what conversion was applied when the typed unit was not the
 * indicator's (「500GB」 read in TB: `GB → TB`). A value replaced by a review decision says so in `decision`.
 */
export interface ValueSource {
  /** Relative to the input root, `/`-separated, like every place in the Result. */
  file: string;
  sheet?: string;
  cell?: string;
  /** The cell's text as typed ('' for an empty cell). */
  raw: string;
  unit?: string;
  /** Set when a 人工复核 decision replaced the value read from the cell: the sheet row and the value before. */
  decision?: { row: number; file: string; before: number | null };
}

/** The four numbers behind 云服务器's N (cloud) and M (all), when typed as cores and memory. */
export type ServerPart = 'cloudCores' | 'cloudMemoryGb' | 'allCores' | 'allMemoryGb';

/**
 * The sources of an indicator's N and M. A value typed in one cell has `n` / `m`; the others say what
 * they were made of: the server's N and M from the cores and memory in `server` (when typed that way),
 * 数据协同's N from the ticks in `ticks`, 系统协同's M as the sum of the N of `mSumOf` (each with its
 * own source), and an M the rules file fixes (`mFromRules`: 数据协同's 6 categories).
 */
export interface IndicatorSources {
  n?: ValueSource;
  m?: ValueSource;
  server?: Partial<Record<ServerPart, ValueSource>>;
  /** collaboration.data: each category's tick cell, by category name (研发数据 …). */
  ticks?: Partial<Record<string, ValueSource>>;
  mSumOf?: IndicatorKey[];
  mFromRules?: boolean;
}

export interface IndicatorResult {
  /** N and M as used for scoring (server in 4核16G units; collaboration.systems M = Σ business N). */
  n: number | null;
  m: number | null;
  selfScore: number;
  /** Province-wide rank by the rules' ranking key; null when not ranked (unverified or rejected). */
  rank: number | null;
  /** How many applicants were ranked on this indicator. */
  rankedCount: number;
  grade: string | null;
  horizontalScore: number;
  score: number;
  verified: boolean;
  /** Where N and M came from (see IndicatorSources); `{}` when nothing was read (no Attachment 2). */
  sources: IndicatorSources;
  /**
   * Rows of the 人工复核记录表 that changed this indicator's numbers: its own value corrected or a finding
   * on it waived, or another applicant's decision that moved the province-wide ranking on it.
   */
  decisions?: number[];
}

export interface ExpertResult {
  /** Mean per item over the experts counted (recused experts left out); null when nobody scored. */
  items: Partial<Record<ExpertKey, number | null>>;
  experts: number;
  recused: string[];
}

/** A1's key fields, copied for the reports' identity blocks. */
export interface ApplicantIdentity {
  registeredAddress: string | null;
  legalRepresentative: string | null;
  employees: number | null;
  itLead: string | null;
  itLeadPhone: string | null;
  mainBusiness: string | null;
  salesLastYear: number | null;
  profitLastYear: number | null;
  cloudInvestment3y: number | null;
  itInvestment3y: number | null;
}

/** A form as it arrived: its file (relative to the input root), its sheet, and the file's format. */
export interface ReceivedForm {
  file: string;
  sheet: string;
  /** The file format, upper case as people name it (XLSX, CSV …). */
  format: string;
}

/** What an applicant's folder held: the forms found and the evidence files, for the 收件登记. */
export interface Receipt {
  a1: ReceivedForm | null;
  a2: ReceivedForm | null;
  systems: ReceivedForm | null;
  products: ReceivedForm | null;
  /** The business licence scan the checks accept (path relative to the applicant folder), or null. */
  license: string | null;
  /** Files under 证明材料/, by what their bytes are. */
  evidence: { files: number; images: number; pdfs: number; other: number };
  /** Every file of the folder, forms and evidence included. */
  files: number;
}

export interface ApplicantResult {
  id: string;
  city: string;
  /** 区县: from the city's 推荐排序表 row, else from the registered address; null when neither says. */
  district: string | null;
  name: string;
  creditCode: string | null;
  status: ApplicantStatus;
  /** For a rejected applicant: the codes that rejected it. */
  rejectedBy: string[];
  provinceRank: number | null;
  cityRank: number | null;
  cityRecommendedRank: number | null;
  indicators: Record<IndicatorKey, IndicatorResult>;
  /** Subtotals per dimension key of the rules (sums of rounded indicator scores). */
  dimensions: Record<string, number>;
  selfTotal: number;
  horizontalTotal: number;
  /** Sum of the fifteen indicator scores: the part of the total out of 75 (0 when rejected). */
  indicatorTotal: number;
  /** Sum of the expert items, or null while 待专家评分. */
  expertTotal: number | null;
  expert: ExpertResult | null;
  /** Sum of the indicator scores plus the expert total when given. */
  total: number;
  /** 75 without expert scores, 100 with. */
  maxTotal: number;
  identity: ApplicantIdentity;
  /** Whether this applicant is on the 初选名单 (only with --select / --threshold). */
  selected: boolean;
  received: Receipt;
  findings: Finding[];
  /** Rows of the 人工复核记录表 applied to this applicant (see Result.decisions). */
  decisions?: number[];
}

export interface ResultSummary {
  applicants: number;
  ranked: number;
  rejected: number;
  qualified: number;
  flagged: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** What the ranking compared last between two applicants (see score/ranking.ts). */
export type RankingCriterion = 'total' | 'expertTotal' | 'selfTotal' | 'cloudInvestment' | 'name';

/**
 * Applicants with the same total on both sides of a `--select N` cut: the ranking's tie-breaks put
 * some in and some out, and a person should see which tie-break did (`name` means none of merit did).
 */
export interface SelectionTie {
  total: number;
  decidedBy: RankingCriterion;
  /** Ids, in rank order. */
  selected: string[];
  notSelected: string[];
}

export interface Selection {
  by: 'count' | 'threshold';
  value: number;
  /** How many made the list. */
  count: number;
  /** Only for `count`: a threshold takes every applicant with the same total or none. */
  tie: SelectionTie | null;
}

export interface Result {
  schemaVersion: 2;
  rules: { id: string; title: string };
  input: { root: string; kind: InputKind };
  /** True once expert scores were merged; until then the reports say 「待专家评分」. */
  expertScored: boolean;
  /** Present when a 初选名单 was asked for. */
  selection: Selection | null;
  summary: ResultSummary;
  /** Cities in the official order, with their applicants' ids in province-rank order and their 推荐排序表. */
  cities: { name: string; applicants: string[]; a3: ReceivedForm | null }[];
  /** Applicants: ranked ones in province order, then rejected ones by city and name. */
  applicants: ApplicantResult[];
  /** Findings that belong to no applicant (discovery, city-level). */
  findings: Finding[];
  /**
   * 专家评分复核: every finding about the expert panel's sheet (duplicates, values refused, spread,
   * incomplete rows, recusals, z-score cases, applicants nobody scored), most severe first. They name
   * the applicant they concern but are the panel chair's to act on: none changes an applicant's status.
   * Empty without an expert sheet.
   */
  panelReview: Finding[];
  /**
   * 人工复核记录: every row of the clerk's decisions sheet, in sheet order, applied (with what it changed)
   * or refused (with the finding saying why). Empty without `--decisions`.
   */
  decisions: DecisionOutcome[];
}

export type { Severity, DecisionOutcome };
