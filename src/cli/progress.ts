/**
 * Progress on a TTY only: an ora spinner with counts, silent when piped or with --quiet. ora and chalk
 * stay in the CLI layer; the core reports progress through plain callbacks.
 */
import ora, { type Ora } from 'ora';

export interface Progress {
  update(text: string): void;
  done(text: string): void;
  fail(text: string): void;
}

export function createProgress(quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (quiet) return { update() {}, done() {}, fail() {} };
  if (!stream.isTTY) {
    return {
      update() {},
      done: (text) => stream.write(`${text}（用时 ${elapsed()}）\n`),
      fail: (text) => stream.write(`${text}\n`),
    };
  }
  const spinner: Ora = ora({ stream, text: '' }).start();
  return {
    update: (text) => {
      spinner.text = text;
    },
    done: (text) => spinner.succeed(`${text}（用时 ${elapsed()}）`),
    fail: (text) => spinner.fail(text),
  };
}

/** Colours only on a TTY and never with NO_COLOR. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
}
