import type { CodeTable } from '../findings/finding.js';

/** Codes reported while scoring (what scoring itself notices). */
export const scoreCodes = {} as const satisfies CodeTable;
