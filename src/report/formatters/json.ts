import type { Finding } from '../../findings/finding.js';
import type { Lang } from '../catalogue.js';
import { findingJson } from '../json.js';
import { countBySeverity } from './counts.js';

/**
 * `validate --format json`: the findings as results.json prints them (code, severity, message in both
 * languages, place, location …), with the counts first so a script need not count.
 */
export function formatJson(findings: readonly Finding[], lang: Lang): string {
  const c = countBySeverity(findings);
  const out = {
    schemaVersion: 1,
    summary: { errors: c.error, warnings: c.warning, infos: c.info },
    findings: findings.map((f) => findingJson(f, lang)),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
