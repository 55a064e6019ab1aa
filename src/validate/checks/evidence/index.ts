import type { AnyCheck } from '../../check.js';
import { licenseCheck } from './license.js';
import { productListCheck } from './productList.js';
import { systemListCheck } from './systemList.js';
import { screenshotsCheck } from './screenshots.js';
import { screenshotReuseCheck } from './screenshotReuse.js';
import { invoiceLastYearCheck } from './invoiceLastYear.js';

/** The evidence checks, in the order they run. Owned by this folder; the registry imports the list. */
export const evidenceChecks = [
  licenseCheck,
  productListCheck,
  systemListCheck,
  screenshotsCheck,
  screenshotReuseCheck,
  invoiceLastYearCheck,
] as const satisfies readonly AnyCheck[];
