/**
 * A reading thread: reads the applicants it is given one at a time, in order, and answers with their
 * packs. One at a time so the pool knows which job is running (the oldest it has not answered) and
 * can blame a timeout on it alone; which workbook it is in is kept in memory shared with the pool. It must be the compiled file (dist/ingest/workers/worker.js): Node
 * cannot run the TypeScript source in a thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readApplicant } from '../readApplicant.js';
import { READING_FILE, READING_JOB, type JobResult, type ReadJob, type WorkerSetup } from './messages.js';
import { fromPortable } from './portable.js';
import { packForPosting } from './transfer.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('worker.js runs only as a worker thread');

const reading = new Int32Array(setup.reading);
const queue: ReadJob[] = [];
let busy = false;

const say = (r: JobResult) => port.postMessage(r);

async function drain(): Promise<void> {
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    const index = job.index;
    Atomics.store(reading, READING_FILE, -1);
    Atomics.store(reading, READING_JOB, index);
    if (setup.stallForTest === job.applicant.folderName) stallForever();
    if (setup.exitForTest === job.applicant.folderName) process.exit(1);
    try {
      const applicant = fromPortable(job.applicant);
      const pack = await readApplicant(applicant, setup.rules, setup.limits, {
        onWorkbook: (file) => {
          Atomics.store(reading, READING_FILE, applicant.files.indexOf(file));
          if (setup.stallForTest === `${applicant.folderName}/${file.relPath}`) stallForever();
        },
      });
      say({ index, pack: packForPosting(pack) });
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

// Loading the modules above takes a while on a busy machine; no job's clock runs before this.
say({ ready: true });

port.on('message', (job: ReadJob) => {
  queue.push(job);
  if (!busy) void drain();
});
