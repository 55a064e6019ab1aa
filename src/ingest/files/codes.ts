import type { CodeTable } from '../../findings/finding.js';

/** Codes reported while finding and opening files (discovery, sniffing, zips). */
export const fileCodes = {} as const satisfies CodeTable;
