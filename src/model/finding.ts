import type { Location } from './location.js';
import type { IndicatorKey } from './indicators.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A finding is data: a stable code, its arguments and where it is. The words live in the code tables
 * (gathered in `report/catalogue.ts`) and are rendered by the formatters, never stored here.
 */
export interface Finding<C extends string = string> {
  /** One of the codes in the catalogue (`FindingCode` in report/catalogue.ts); code tables type it narrower. */
  code: C;
  severity: Severity;
  args: Record<string, string | number>;
  location?: Location;
  /** Applicant id (folder relative to the input root) when the finding belongs to one. */
  applicant?: string;
  /** City name when the finding belongs to one. */
  city?: string;
  /** The indicator this finding is about: an error here makes that indicator unverified. */
  indicator?: IndicatorKey;
  /**
   * Set when a 人工复核 decision waived it (or a correction or reinstatement resolved it): the finding
   * stays listed, marked 已复核豁免 with the reason, and no longer counts for status, verification or points.
   */
  waived?: { row: number; file: string; reason: string };
}
