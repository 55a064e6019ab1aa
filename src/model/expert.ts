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
  /** The expert's name as typed, or 「（第N行）」 for a row without one. */
  expert: string;
  /** The same expert however the name was spaced or typed (full-width, spaces): what duplicates are found by. */
  expertKey: string;
  expertCity: string | null;
  items: Partial<Record<ExpertKey, number>>;
  /** The cell of each item of this row, for naming it in findings. */
  cells: Partial<Record<ExpertKey, string>>;
  /** Items whose cell held something that could not be counted (reported in `problems`). */
  refused: ExpertKey[];
  /**
   * Findings about this row's cells. They name the enterprise as typed; merging names it as matched
   * and ties them to the applicant, so they are reported there.
   */
  problems: Finding[];
}

export interface ExpertSheet {
  /** The sheet's path as shown in reports: relative to the current directory, else its file name. */
  file: string;
  sheet: string;
  rows: ExpertRow[];
  /** Findings about the sheet as a whole (an item column missing). */
  findings: Finding[];
}

/** The merged panel scores, per applicant, with the findings merging raised. */
export interface ExpertInput {
  /** Key: applicant id. */
  perApplicant: Map<string, ExpertResult>;
  findings: Finding[];
}
