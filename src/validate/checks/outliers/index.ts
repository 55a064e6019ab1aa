import type { AnyCheck } from '../../check.js';
import { valueOutlierCheck } from './valueOutliers.js';

/** Hints for reviewers: never a score change. */
export const outlierChecks = [valueOutlierCheck] as const satisfies readonly AnyCheck[];
