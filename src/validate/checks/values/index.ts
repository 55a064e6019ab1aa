import type { Check } from '../../check.js';

/** The values checks, in the order they run. Owned by this folder; the registry imports the list. */
export const valueChecks = [] as const satisfies readonly Check<any>[];
