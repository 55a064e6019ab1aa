import type { Check } from '../../check.js';

/** The outliers checks, in the order they run. Owned by this folder; the registry imports the list. */
export const outlierChecks = [] as const satisfies readonly Check<any>[];
