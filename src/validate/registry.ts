/**
 * The one list of validation checks. Each check module carries its codes and messages; the findings
 * catalogue and docs/findings.md are built from this list, so they cannot drift.
 */
import type { Check } from './check.js';
import { valueChecks } from './checks/values/index.js';
import { evidenceChecks } from './checks/evidence/index.js';
import { outlierChecks } from './checks/outliers/index.js';
import { identityChecks } from './checks/identity/index.js';

// `any`: each check's reporter takes only its own codes, so the lists are not assignable to one table type.
export const checks: readonly Check<any>[] = [...valueChecks, ...identityChecks, ...evidenceChecks, ...outlierChecks];
