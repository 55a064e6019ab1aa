import type { Finding, Severity } from '../../findings/finding.js';

/** Findings by severity; one waived on review (人工复核) is listed but not counted. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.waived === undefined) c[f.severity]++;
  return c;
}
