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
   * applicant whose folder has this name, standing in for a workbook that never finishes parsing.
   */
  stallForTest?: string;
}

export interface ReadJob {
  index: number;
  applicant: PortableApplicant;
}

/**
 * What a worker says about a job: that it started it or is opening one of its workbooks (`reading`,
 * which starts the job's clock and names the file a timeout is blamed on), then its pack or why not.
 */
export type JobResult =
  | { index: number; reading: string | null }
  | { index: number; pack: ApplicantPack }
  | { index: number; error: string };
