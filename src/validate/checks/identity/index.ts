import type { AnyCheck } from '../../check.js';
import { creditCodeCheck } from './creditCode.js';

/** Checks of who the applicant is. */
export const identityChecks = [creditCodeCheck] as const satisfies readonly AnyCheck[];
