/**
 * The expert panel's sheet as read (one row per expert and enterprise) and what merging it gives the
 * evaluation: ingest produces the first, expert/ the second, evaluate consumes it.
 */
import type { Finding } from './finding.js';
import type { ExpertKey } from './indicators.js';
import type { ExpertResult } from './result.js';

export interface ExpertRow {
  /** 1-based row in the sheet (header is row 1 unless a title row precedes it). */
  row: number;
  enterpriseName: string | null;
  creditCode: string | null;
  expert: string;
  expertCity: string | null;
  items: Partial<Record<ExpertKey, number>>;
}

export interface ExpertSheet {
  file: string;
  sheet: string;
  rows: ExpertRow[];
  findings: Finding[];
}

/** The merged panel scores, per applicant, with the findings merging raised. */
export interface ExpertInput {
  /** Key: applicant id. */
  perApplicant: Map<string, ExpertResult>;
  findings: Finding[];
}
