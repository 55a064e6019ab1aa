import type { AnyCheck } from '../../check.js';
import { presenceCheck } from './presence.js';
import { numbersCheck } from './numbers.js';
import { phoneCheck } from './phone.js';
import { addressCheck } from './address.js';
import { investmentCheck } from './investment.js';
import { a3ConsistencyCheck } from './a3Consistency.js';
import { duplicatesCheck } from './duplicates.js';

/** The values checks, in the order they run. Owned by this folder; the registry imports the list. */
export const valueChecks = [
  presenceCheck,
  numbersCheck,
  phoneCheck,
  addressCheck,
  investmentCheck,
  a3ConsistencyCheck,
  duplicatesCheck,
] as const satisfies readonly AnyCheck[];
