/**
 * A reading thread: reads the applicants it is given one at a time, in order, and answers with their
 * packs. One at a time so the pool knows which job is running (the oldest it has not answered) and
 * can blame a timeout on it alone. It must be the compiled file (dist/ingest/workers/worker.js): Node
 * cannot run the TypeScript source in a thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readApplicant } from '../readSubmission.js';
import type { JobResult, ReadJob, WorkerSetup } from './messages.js';
import { fromPortable } from './portable.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('worker.js runs only as a worker thread');

const queue: ReadJob[] = [];
let busy = false;

const say = (r: JobResult) => port.postMessage(r);

async function drain(): Promise<void> {
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    const index = job.index;
    say({ index, reading: null });
    if (setup.stallForTest !== undefined && job.applicant.folderName === setup.stallForTest) stallForever();
    try {
      const pack = await readApplicant(fromPortable(job.applicant), setup.rules, setup.limits, {
        onWorkbook: (file) => say({ index, reading: file.path }),
      });
      say({ index, pack });
    } catch (e) {
      say({ index, error: e instanceof Error ? e.message : String(e) });
    }
  }
  busy = false;
}

/** The test seam's stand-in for a parser that never returns: only terminating the thread ends it. */
function stallForever(): never {
  for (;;) {
    // Spin without yielding, as a runaway parse would.
  }
}

port.on('message', (job: ReadJob) => {
  queue.push(job);
  if (!busy) void drain();
});
