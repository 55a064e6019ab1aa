/**
 * Reading applicant folders on every core. Each job is one applicant; packs are placed by their index,
 * so the result (and every report made from it) does not depend on which thread finished first.
 * A worker that fails or dies loses nothing: its applicants are read again in this thread, and an
 * applicant that cannot be read even then gets a finding instead of disappearing.
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
import { readApplicant } from '../readSubmission.js';
import type { JobResult, ReadJob, WorkerSetup } from './messages.js';
import { toPortable, withQuickReads, type PortableApplicant } from './portable.js';

const fileFinding = findingsOf(fileCodes);

/** Below this many applicants starting threads costs more than it saves. */
export const MIN_APPLICANTS_FOR_WORKERS = 16;
/** Jobs a worker holds at once, so its next file read overlaps the current parse. */
const IN_FLIGHT_PER_WORKER = 2;

export interface PoolOptions {
  /** 'auto' (default): threads for a province-sized input; 'always' even for a few; 'never' in-process only. */
  workers?: 'auto' | 'always' | 'never';
  /** Threads to start (default: os.availableParallelism()). */
  threads?: number;
  /** Called each time an applicant's pack is ready, with the count so far. */
  onPack?: (pack: ApplicantPack, done: number) => void;
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

async function readHere(app: DiscoveredApplicant, rules: Rules, limits: Limits): Promise<ApplicantPack> {
  try {
    return await readApplicant(withQuickReads(app), rules, limits);
  } catch (e) {
    return unreadablePack(app, e instanceof Error ? e.message : String(e));
  }
}

/** Reads every applicant, in threads when worthwhile; packs come back in the order of `apps`. */
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
  const portable = apps.map(toPortable);
  const worthIt = mode === 'always' || (apps.length >= MIN_APPLICANTS_FOR_WORKERS && threads > 1);
  const jobs = portable.flatMap((p, index) => (p ? [{ index, applicant: p }] : []));

  if (script && worthIt && jobs.length > 0) {
    const leftover = await runPool(script, jobs, Math.min(threads, jobs.length), { rules, limits }, place);
    for (const i of leftover) if (packs[i] === undefined) place(i, await readHere(apps[i]!, rules, limits));
  }
  for (let i = 0; i < apps.length; i++) if (packs[i] === undefined) place(i, await readHere(apps[i]!, rules, limits));
  return packs as ApplicantPack[];
}

/**
 * Runs `jobs` on `size` workers. Resolves with the indices that no worker answered (failed job, dead
 * worker, workers unavailable), for the caller to read in-process.
 */
function runPool(
  script: string,
  jobs: { index: number; applicant: PortableApplicant }[],
  size: number,
  setup: WorkerSetup,
  place: (i: number, pack: ApplicantPack) => void,
): Promise<number[]> {
  return new Promise((resolve) => {
    const leftover: number[] = [];
    let next = 0;
    let respawns = size;
    const live = new Map<Worker, Set<number>>();

    const finishIfDone = () => {
      if (next < jobs.length) return;
      for (const held of live.values()) if (held.size > 0) return;
      for (const w of live.keys()) void w.terminate();
      live.clear();
      resolve(leftover);
    };
    const feed = (w: Worker) => {
      const held = live.get(w);
      if (!held) return;
      while (held.size < IN_FLIGHT_PER_WORKER && next < jobs.length) {
        const job = jobs[next++]!;
        held.add(job.index);
        w.postMessage({ index: job.index, applicant: job.applicant } satisfies ReadJob);
      }
    };
    const lose = (w: Worker) => {
      const held = live.get(w);
      if (!held) return;
      live.delete(w);
      leftover.push(...held);
      void w.terminate();
      if (next < jobs.length && respawns-- > 0) spawn();
      if (live.size === 0) {
        // No thread left: the rest is read in-process.
        while (next < jobs.length) leftover.push(jobs[next++]!.index);
      }
      finishIfDone();
    };
    const spawn = () => {
      let w: Worker;
      try {
        w = new Worker(script, { workerData: setup });
      } catch {
        if (live.size === 0) while (next < jobs.length) leftover.push(jobs[next++]!.index);
        finishIfDone();
        return;
      }
      live.set(w, new Set());
      w.on('message', (r: JobResult) => {
        live.get(w)?.delete(r.index);
        if ('pack' in r) place(r.index, r.pack);
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
