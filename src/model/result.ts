/**
 * The one result object (SPEC 6). `evaluate` makes it; every renderer (console, json, junit, github,
 * xlsx, pdf) reads it and none recomputes a score. results.json is this object, serialised.
 */
import type { Finding, Severity } from './finding.js';
import type { ExpertKey, IndicatorKey } from './indicators.js';
import type { InputKind } from './records.js';

export type ApplicantStatus = 'qualified' | 'flagged' | 'rejected';

/**
 * Where a value came from (results.json schema v2): the file, sheet and cell a person can open, and the
 * text typed there. `unit` says what conversion was applied when the typed unit was not the
 * indicator's (「500GB」 → 0.49 TB). A value replaced by a review decision says so in `decision`.
 */
export interface ValueSource {
  file: string;
  sheet?: string;
  cell?: string;
  /** The cell's text as typed ('' for an empty cell). */
  raw: string;
  unit?: string;
  /** Set when a 人工复核 decision replaced the value read from the cell: the sheet row and the value before. */
  decision?: { row: number; file: string; before: number | null };
}

/** The sources of an indicator's N and M; the server's N and M also keep the cores and memory behind them. */
export interface IndicatorSources {
  n?: ValueSource;
  m?: ValueSource;
  server?: Partial<Record<'cloudCores' | 'cloudMemoryGb' | 'allCores' | 'allMemoryGb', ValueSource>>;
  /** collaboration.data: each category's tick cell. */
  ticks?: Partial<Record<string, ValueSource>>;
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
  /** Where N and M came from (filled by evaluate from the records' cells; see ValueSource). */
  sources?: IndicatorSources;
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

export interface ApplicantResult {
  id: string;
  city: string;
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
  findings: Finding[];
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

export interface Result {
  schemaVersion: 1;
  rules: { id: string; title: string };
  input: { root: string; kind: InputKind };
  /** True once expert scores were merged; until then the reports say 「待专家评分」. */
  expertScored: boolean;
  /** Present when a 初选名单 was asked for. */
  selection: { by: 'count' | 'threshold'; value: number } | null;
  summary: ResultSummary;
  /** Cities in the input, with their applicants' ids in province-rank order. */
  cities: { name: string; applicants: string[] }[];
  /** Applicants: ranked ones in province order, then rejected ones by city and name. */
  applicants: ApplicantResult[];
  /** Findings that belong to no applicant (discovery, city-level, expert sheet). */
  findings: Finding[];
}

export type { Severity };
