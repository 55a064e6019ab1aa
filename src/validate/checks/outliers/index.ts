import type { AnyCheck } from '../../check.js';
import { valueOutliersCheck } from './valueOutliers.js';

/** Hints for reviewers: never a score change. */
export const outlierChecks = [valueOutliersCheck] as const satisfies readonly AnyCheck[];
