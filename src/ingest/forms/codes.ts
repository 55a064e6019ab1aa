import type { CodeTable } from '../../findings/finding.js';

/** Codes reported while reading the forms (A1, A2, A3, 系统清单, 产品清单). */
export const formCodes = {} as const satisfies CodeTable;
