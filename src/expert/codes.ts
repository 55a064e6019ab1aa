import type { CodeTable } from '../findings/finding.js';

/** Codes reported while the expert panel's score sheet. */
export const expertCodes = {} as const satisfies CodeTable;
