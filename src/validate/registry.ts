/**
 * The one list of validation checks. Each check module carries its codes and messages; the findings
 * catalogue and docs/findings.md are built from this list, so they cannot drift.
 */
import type { AnyCheck } from './check.js';
import { valueChecks } from './checks/values/index.js';
import { evidenceChecks } from './checks/evidence/index.js';
import { outlierChecks } from './checks/outliers/index.js';
import { identityChecks } from './checks/identity/index.js';

export const checks: readonly AnyCheck[] = [...valueChecks, ...identityChecks, ...evidenceChecks, ...outlierChecks];
