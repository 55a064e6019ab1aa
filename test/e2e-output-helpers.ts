/** Real `yunshang` processes for the output tests: run to the end, or stopped at a step of the write phase. */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { BIN, cliEnv, yunshang, type CliRun } from './e2e-helpers.js';

export type Run = CliRun;

/** The CLI run to its end. */
export const cli = yunshang;

export interface Paused {
  pid: number;
  /** Resolves once the process has stopped at its step; rejects if it ended first. */
  paused: Promise<void>;
  ended: Promise<Run>;
  kill(): Promise<Run>;
}

/** The CLI started with the test hook set: it stops at `step` until `resume` exists (or for good). */
export function startPaused(args: string[], step: string, opts: { resume?: string; cwd?: string } = {}): Paused {
  const extra: Record<string, string> = { YUNSHANG_TEST_PAUSE_AT: step };
  if (opts.resume) extra.YUNSHANG_TEST_RESUME_FILE = opts.resume;
  const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: cliEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  let onPause: () => void;
  const paused = new Promise<void>((res) => (onPause = res));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    if (stderr.includes(`YUNSHANG_PAUSED ${step}\n`)) onPause();
  });
  const ended = new Promise<Run>((res) => child.once('close', (status, signal) => res({ status, signal, stdout, stderr })));
  const reached = Promise.race([paused, ended.then((r) => Promise.reject(new Error(`ended before ${step}: ${r.status} ${r.stderr}`)))]);
  // A run that is meant to end before its step (the one refused a lock) must not leave a rejection unheard.
  reached.catch(() => undefined);
  return {
    pid: child.pid!,
    paused: reached,
    ended,
    kill: async () => {
      child.kill('SIGKILL');
      return ended;
    },
  };
}

/** Every file under `dir` (relative path → bytes); folders with a trailing `/`. Null when `dir` is missing. */
export async function snapshot(dir: string): Promise<Map<string, string> | null> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return null;
  }
  const out = new Map<string, string>();
  for (const e of entries.sort((a, b) => (join(a.parentPath, a.name) < join(b.parentPath, b.name) ? -1 : 1))) {
    const abs = join(e.parentPath, e.name);
    const rel = relative(dir, abs).split('\\').join('/');
    out.set(e.isDirectory() ? `${rel}/` : rel, e.isDirectory() ? '' : (await readFile(abs)).toString('base64'));
  }
  return out;
}

/** Whether two snapshots hold the same files with the same bytes. */
export function sameSet(a: Map<string, string> | null, b: Map<string, string> | null): boolean {
  if (!a || !b || a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
