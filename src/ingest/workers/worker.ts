/**
 * A reading thread: takes one applicant folder at a time and answers with its pack. It must be the
 * compiled file (dist/ingest/workers/worker.js): Node cannot run the TypeScript source in a thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readApplicant } from '../readSubmission.js';
import type { JobResult, ReadJob, WorkerSetup } from './messages.js';
import { fromPortable } from './portable.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('worker.js runs only as a worker thread');

port.on('message', (job: ReadJob) => {
  readApplicant(fromPortable(job.applicant), setup.rules, setup.limits).then(
    (pack) => port.postMessage({ index: job.index, pack } satisfies JobResult),
    (e: unknown) => port.postMessage({ index: job.index, error: e instanceof Error ? e.message : String(e) } satisfies JobResult),
  );
});
