import type { Check } from '../../check.js';

/** The evidence checks, in the order they run. Owned by this folder; the registry imports the list. */
export const evidenceChecks = [] as const satisfies readonly Check<any>[];
