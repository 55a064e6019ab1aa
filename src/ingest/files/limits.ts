/**
 * Bounds on what one input file may cost. exceljs unzips every part into strings with no limit of
 * its own, so these sizes, checked on the zip's central directory before parsing, are the real
 * protection against zip bombs and runaway memory; the time limit is only a guard on top.
 */
export interface Limits {
  /** Largest uncompressed size of one part of an .xlsx (a sheet, the shared strings …). */
  maxPartBytes: number;
  /** Largest uncompressed size of all parts of an .xlsx together. */
  maxTotalBytes: number;
  /** How long one workbook may take to load before it is given up with WORKBOOK_TIMEOUT. */
  timeoutMs: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  maxPartBytes: 50 * MB,
  maxTotalBytes: 100 * MB,
  timeoutMs: 30_000,
};

/** Largest uncompressed size of one entry of a city zip (a form, a scanned contract, a screenshot). */
export const DEFAULT_MAX_ENTRY_BYTES = 50 * MB;
