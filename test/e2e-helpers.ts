/**
 * Runs the built CLI as a clerk would, in a child process: exit code, stdout and stderr. The one
 * set-up every end-to-end test shares: no colour, no debug stack traces, the Chinese locale a
 * bureau's machine has (an English LANG or LC_ALL on the developer's machine would switch the CLI's
 * language, see src/cli/texts.ts), and room for a province's worth of output.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/yunshang.js', import.meta.url));

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment of a test's CLI process; `extra` is applied last (e.g. `{ LANG: 'en_US.UTF-8' }`). */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' };
  delete env.YUNSHANG_DEBUG;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return { ...env, ...extra };
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Run as this user (and group), for permission tests. */
  uid?: number;
  /** What node runs instead of bin/yunshang.js (e.g. a wrapper script that breaks something first). */
  script?: string[];
}

export function yunshang(args: string[], opts: CliOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [...(opts.script ?? [BIN]), ...args], {
    encoding: 'utf8',
    cwd: opts.cwd,
    env: cliEnv(opts.env),
    maxBuffer: 256 * 1024 * 1024,
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  // A process that could not be started is the machine's failure, not the CLI's: say so instead of
  // letting a test compare an empty stdout.
  if (r.error) throw new Error(`could not run yunshang ${args.join(' ')}: ${r.error.message}`, { cause: r.error });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
