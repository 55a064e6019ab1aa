import type { AnyCheck } from '../../check.js';
import { presence } from './presence.js';
import { numbers } from './numbers.js';
import { phone } from './phone.js';
import { address } from './address.js';
import { investment } from './investment.js';
import { a3Consistency } from './a3Consistency.js';
import { duplicates } from './duplicates.js';

/** The values checks, in the order they run. Owned by this folder; the registry imports the list. */
export const valueChecks = [
  presence,
  numbers,
  phone,
  address,
  investment,
  a3Consistency,
  duplicates,
] as const satisfies readonly AnyCheck[];
