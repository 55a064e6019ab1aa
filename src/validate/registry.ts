/**
 * The one list of validation checks. Each check module carries its codes and messages; the findings
 * catalogue and docs/findings.md are built from this list, so they cannot drift.
 */
import type { AnyCheck } from './check.js';
import { valueChecks } from './checks/values/index.js';
import { evidenceChecks } from './checks/evidence/index.js';
import { outlierChecks } from './checks/outliers/index.js';
import { identityChecks } from './checks/identity/index.js';

export const checks = [...valueChecks, ...identityChecks, ...evidenceChecks, ...outlierChecks] as const satisfies readonly AnyCheck[];

/** The codes one check can report (distributes over a union of checks). */
type CodesOf<C> = C extends { codes: infer T } ? keyof T & string : never;

/** Every code a validation check can report. */
export type CheckCode = CodesOf<(typeof checks)[number]>;
