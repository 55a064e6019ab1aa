import type { Location } from '../model/location.js';
import type { Finding, Severity } from '../model/finding.js';

export type { Finding, Severity };

export const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** What a code means: default severity, message templates with `{placeholders}`, and how to fix it. */
export interface CodeMeta {
  severity: Severity;
  zh: string;
  en: string;
  fixZh: string;
  fixEn: string;
}

export type CodeTable = Record<string, CodeMeta>;

/** A code table's finding maker, typed so only the table's own codes can be reported. */
export function findingsOf<T extends CodeTable>(table: T) {
  return function make(
    code: keyof T & string,
    args: Record<string, string | number> = {},
    location?: Location,
    extra: Pick<Finding, 'applicant' | 'city' | 'indicator'> = {},
  ): Finding<keyof T & string> {
    const f: Finding<keyof T & string> = { code, severity: table[code]!.severity, args };
    if (location) f.location = location;
    if (extra.applicant !== undefined) f.applicant = extra.applicant;
    if (extra.city !== undefined) f.city = extra.city;
    if (extra.indicator !== undefined) f.indicator = extra.indicator;
    return f;
  };
}
