import type { ApplicantPack } from '../../model/records.js';
import type { Rules } from '../../rules/schema.js';
import type { Limits } from '../files/limits.js';
import type { PortableApplicant } from './portable.js';

/** Given once to each worker: everything reading an applicant needs besides the applicant. */
export interface WorkerSetup {
  rules: Rules;
  limits: Limits;
}

export interface ReadJob {
  index: number;
  applicant: PortableApplicant;
}

export type JobResult = { index: number; pack: ApplicantPack } | { index: number; error: string };
