import type { ApplicantPack } from '../../model/records.js';
import type { Rules } from '../../rules/schema.js';
import type { Limits } from '../files/limits.js';
import type { PortableApplicant } from './portable.js';

/** Given once to each worker: everything reading an applicant needs besides the applicant. */
export interface WorkerSetup {
  rules: Rules;
  limits: Limits;
  /**
   * TEST SEAM ONLY (see PoolOptions.stallForTest): the worker spins forever when it starts the
   * applicant whose folder has this name, or opens the workbook `folder/relPath`, standing in for a
   * workbook that never finishes parsing.
   */
  stallForTest?: string;
  /** TEST SEAM ONLY (see PoolOptions.exitForTest): the thread exits when it starts this applicant. */
  exitForTest?: string;
  /**
   * Shared with the pool (Int32Array of 2): the index of the job this thread is reading and the index,
   * in that applicant's files, of the workbook it has open (-1: none yet). The pool looks at it only
   * when a job runs out of time, to blame the workbook, so reading sends no message per workbook.
   */
  reading: SharedArrayBuffer;
}

export interface ReadJob {
  index: number;
  applicant: PortableApplicant;
}

/** What a worker says: that it has started (once), then for each job its pack, or why not. */
export type JobResult = { ready: true } | { index: number; pack: ApplicantPack } | { index: number; error: string };

/** Slots of WorkerSetup.reading. */
export const READING_JOB = 0;
export const READING_FILE = 1;
