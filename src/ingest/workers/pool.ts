/**
 * Reading applicant folders on every core. Each job is one applicant; packs are placed by their index,
 * so the result (and every report made from it) does not depend on which thread finished first.
 * A worker that fails or dies loses nothing: its applicants are read again in this thread, and an
 * applicant that cannot be read even then gets a finding instead of disappearing. An applicant still
 * being read at the time limit gets WORKBOOK_TIMEOUT, and its thread is replaced (a parse cannot be
 * interrupted any other way): a pathological workbook cannot stall the run.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findingsOf } from '../../findings/finding.js';
import type { ApplicantPack } from '../../model/records.js';
import type { Rules } from '../../rules/schema.js';
import { fileCodes } from '../files/codes.js';
import { DEFAULT_LIMITS, type Limits } from '../files/limits.js';
import type { DiscoveredApplicant } from '../files/tree.js';
import { readApplicant } from '../readApplicant.js';
import { READING_FILE, READING_JOB, type JobResult, type ReadJob, type WorkerSetup } from './messages.js';
import { isPortable, portablePath, toPortable, withQuickReads } from './portable.js';
import { packFromPost } from './transfer.js';

const fileFinding = findingsOf(fileCodes);

/**
 * Jobs a worker holds at once (it reads them one after another): enough that it never waits for the
 * next one while this thread is busy, e.g. collecting garbage among a province's packs for 20 ms.
 */
const IN_FLIGHT_PER_WORKER = 16;

export interface PoolOptions {
  /**
   * 'auto' (default) and 'always': on threads whenever the compiled worker script exists, because
   * only a thread can be stopped when a workbook takes too long (Limits.timeoutMs); 'never': in-process.
   */
  workers?: 'auto' | 'always' | 'never';
  /** Threads to start (default: os.availableParallelism(), never more than there are applicants). */
  threads?: number;
  /** Called each time an applicant's pack is ready, with the count so far. */
  onPack?: (pack: ApplicantPack, done: number) => void;
  /**
   * TEST SEAM ONLY, never set by the tool: the worker reading the applicant whose folder has this
   * name (`folder`, as it starts it, or `folder/relPath`, as it opens that workbook) spins forever, as
   * a pathological workbook would, so tests can check the time limit without such a workbook (none
   * can be made honestly) and without timing assertions.
   */
  stallForTest?: string;
  /** TEST SEAM ONLY, like stallForTest: the worker starting the applicant with this folder name exits. */
  exitForTest?: string;
}

/** The compiled worker script; run from the TypeScript sources (tests), the built copy in dist/ is used. */
export function workerScript(): string | null {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = here.replace(/([\\/])src([\\/]ingest[\\/]workers[\\/]worker\.js)$/, '$1dist$2');
  return built !== here && existsSync(built) ? built : null;
}

function unreadablePack(app: DiscoveredApplicant, message: string): ApplicantPack {
  const f = fileFinding('FILE_UNREADABLE', { message }, { file: app.id }, { applicant: app.id, city: app.city });
  return { id: app.id, city: app.city, folderName: app.folderName, evidence: [], files: app.files.map((x) => x.relPath), findings: [f] };
}

/**
 * The pack of an applicant whose reading was stopped at the time limit: never read again (it would
 * hang again), never dropped. Blamed on the workbook being read when known, else on the folder.
 */
export function timedOutPack(app: DiscoveredApplicant, timeoutMs: number, file: string | null): ApplicantPack {
  const f = fileFinding('WORKBOOK_TIMEOUT', { timeoutMs }, { file: file ?? (app.id || app.folderName) }, { applicant: app.id, city: app.city });
  return { id: app.id, city: app.city, folderName: app.folderName, evidence: [], files: app.files.map((x) => x.relPath), findings: [f] };
}

async function readHere(app: DiscoveredApplicant, rules: Rules, limits: Limits): Promise<ApplicantPack> {
  try {
    return await readApplicant(withQuickReads(app), rules, limits);
  } catch (e) {
    return unreadablePack(app, e instanceof Error ? e.message : String(e));
  }
}

/** Reads every applicant, on threads when the worker script exists; packs come back in the order of `apps`. */
export async function readApplicants(
  apps: readonly DiscoveredApplicant[],
  rules: Rules,
  limits: Limits = DEFAULT_LIMITS,
  opts: PoolOptions = {},
): Promise<ApplicantPack[]> {
  const packs: (ApplicantPack | undefined)[] = new Array(apps.length);
  let done = 0;
  const place = (i: number, pack: ApplicantPack) => {
    packs[i] = pack;
    opts.onPack?.(pack, ++done);
  };
  const mode = opts.workers ?? 'auto';
  const threads = Math.max(1, opts.threads ?? os.availableParallelism());
  const script = mode === 'never' ? null : workerScript();
  // A job's message is made only when it is sent: thousands of them at once would sit in this
  // thread's heap for the whole read.
  const jobs: number[] = [];
  apps.forEach((app, index) => {
    if (isPortable(app)) jobs.push(index);
  });
  const makeJob = (index: number): ReadJob => ({ index, applicant: toPortable(apps[index]!) });

  if (script && jobs.length > 0) {
    const setup: Omit<WorkerSetup, 'reading'> = { rules, limits };
    if (opts.stallForTest !== undefined) setup.stallForTest = opts.stallForTest;
    if (opts.exitForTest !== undefined) setup.exitForTest = opts.exitForTest;
    const timedOut = (i: number, file: string | null) => place(i, timedOutPack(apps[i]!, limits.timeoutMs, file));
    // Place strings shared by every pack of the run (see transfer.ts).
    const strings = new Map<string, string>();
    const posted = (i: number, pack: ApplicantPack) => place(i, packFromPost(pack, strings, apps[i]!.files));
    const leftover = await runPool(script, jobs, makeJob, Math.min(threads, jobs.length), setup, posted, timedOut);
    for (const i of leftover) if (packs[i] === undefined) place(i, await readHere(apps[i]!, rules, limits));
  }
  // Files made in memory (no source), or no worker script (running from the sources): in-process,
  // where no time limit can be enforced on the lean reader.
  for (let i = 0; i < apps.length; i++) if (packs[i] === undefined) place(i, await readHere(apps[i]!, rules, limits));
  return packs as ApplicantPack[];
}

interface WorkerState {
  /** Jobs sent and not answered, oldest first: the first is the one being read. */
  held: ReadJob[];
  /** The job whose clock is running and its deadline. */
  running?: { index: number; timer: NodeJS.Timeout };
  /** What the thread says it is reading (see WorkerSetup.reading). */
  reading: Int32Array;
  /** Whether the thread has started: its first job's clock waits for that. */
  ready: boolean;
}

/**
 * Runs `jobs` (indices of applicants, made into messages by `makeJob` when sent) on `size` workers,
 * one deadline (setup.limits.timeoutMs) per job from the moment its worker starts it. A job past its deadline gets `timedOut` and its worker is terminated and replaced;
 * the other jobs that worker held are sent to another. Resolves with the indices no worker answered
 * (failed job, crashed worker, workers unavailable), for the caller to read in-process.
 */
function runPool(
  script: string,
  jobs: number[],
  makeJob: (index: number) => ReadJob,
  size: number,
  setup: Omit<WorkerSetup, 'reading'>,
  /** Given each pack as a thread posted it (see transfer.ts). */
  posted: (i: number, pack: ApplicantPack) => void,
  timedOut: (i: number, file: string | null) => void,
): Promise<number[]> {
  return new Promise((resolve) => {
    const leftover: number[] = [];
    const queue = [...jobs];
    let crashRespawns = size;
    let finished = false;
    const live = new Map<Worker, WorkerState>();

    const finishIfDone = () => {
      if (finished || queue.length > 0) return;
      for (const s of live.values()) if (s.held.length > 0) return;
      finished = true;
      for (const w of live.keys()) void w.terminate();
      live.clear();
      resolve(leftover);
    };
    const giveUpOnThreads = () => {
      // No thread left: the rest is read in-process.
      if (live.size === 0) leftover.push(...queue.splice(0));
    };
    const stopClock = (s: WorkerState) => {
      if (s.running) clearTimeout(s.running.timer);
      delete s.running;
    };
    /**
     * A thread reads its jobs in order, so the oldest unanswered one is being read: its clock starts
     * when it becomes the oldest (sent to an idle thread, or the one before it answered) once the
     * thread has started. Seen from here that is a little after the thread really began it, never
     * before: a deadline can come late, not early.
     */
    const startClock = (w: Worker, s: WorkerState) => {
      const head = s.held[0];
      if (!s.ready || !head || s.running?.index === head.index) return;
      stopClock(s);
      s.running = { index: head.index, timer: setTimeout(() => expire(w, head.index), setup.limits.timeoutMs) };
    };
    const feed = (w: Worker) => {
      const s = live.get(w);
      if (!s) return;
      while (s.held.length < IN_FLIGHT_PER_WORKER && queue.length > 0) {
        const job = makeJob(queue.shift()!);
        s.held.push(job);
        w.postMessage(job);
      }
      startClock(w, s);
    };
    /** The workbook the thread has open for job `index`, if it said so. */
    const fileBeingRead = (s: WorkerState, index: number): string | null => {
      if (Atomics.load(s.reading, READING_JOB) !== index) return null;
      const at = Atomics.load(s.reading, READING_FILE);
      const job = s.held.find((j) => j.index === index);
      return (job && portablePath(job.applicant, at)) ?? null;
    };
    const expire = (w: Worker, index: number) => {
      const s = live.get(w);
      if (!s || s.running?.index !== index) return;
      const file = fileBeingRead(s, index);
      stopClock(s);
      live.delete(w);
      void w.terminate();
      timedOut(index, file);
      // The jobs queued behind it were not the cause: another thread reads them, first.
      queue.unshift(...s.held.filter((j) => j.index !== index).map((j) => j.index));
      if (queue.length > 0) spawn();
      giveUpOnThreads();
      finishIfDone();
    };
    const lose = (w: Worker) => {
      const s = live.get(w);
      if (!s) return;
      stopClock(s);
      live.delete(w);
      // The job it was reading may be the cause: it is read in this thread. The ones queued behind it
      // (up to IN_FLIGHT_PER_WORKER) go back to the queue for the other threads.
      const [reading, ...waiting] = s.held;
      if (reading) leftover.push(reading.index);
      queue.unshift(...waiting.map((j) => j.index));
      void w.terminate();
      if (queue.length > 0 && crashRespawns-- > 0) spawn();
      giveUpOnThreads();
      finishIfDone();
    };
    const spawn = () => {
      let w: Worker;
      const reading = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
      new Int32Array(reading).fill(-1);
      try {
        w = new Worker(script, { workerData: { ...setup, reading } satisfies WorkerSetup });
      } catch {
        giveUpOnThreads();
        finishIfDone();
        return;
      }
      const state: WorkerState = { held: [], reading: new Int32Array(reading), ready: false };
      live.set(w, state);
      w.on('message', (r: JobResult) => {
        if (!live.has(w)) return;
        if ('ready' in r) {
          state.ready = true;
          startClock(w, state);
          return;
        }
        if (state.running?.index === r.index) stopClock(state);
        state.held = state.held.filter((j) => j.index !== r.index);
        if ('pack' in r) posted(r.index, r.pack);
        else leftover.push(r.index);
        feed(w);
        finishIfDone();
      });
      w.on('error', () => lose(w));
      w.on('exit', () => lose(w));
      feed(w);
    };
    for (let i = 0; i < size; i++) spawn();
  });
}
