import { SEVERITY_ORDER, type Finding } from '../findings/finding.js';

/** `validate` exits 1 when any finding is at or above `--fail-on` (docs/notice.md § 本工具的保证), else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: 'error' | 'warning'): 0 | 1 {
  const floor = SEVERITY_ORDER[failOn];
  // A finding waived on review (人工复核) is listed but decides nothing.
  return findings.some((f) => f.waived === undefined && SEVERITY_ORDER[f.severity] >= floor) ? 1 : 0;
}
