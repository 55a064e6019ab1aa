/**
 * Progress on a TTY only: an ora spinner with counts, silent when piped or with --quiet. ora and chalk
 * stay in the CLI layer; the core reports progress through plain callbacks.
 */
import ora, { type Ora } from 'ora';

export interface Progress {
  update(text: string): void;
  /** A line that stays (above the spinner on a TTY). */
  note(text: string): void;
  done(text: string): void;
  fail(text: string): void;
}

export function createProgress(quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (quiet) return { update() {}, note() {}, done() {}, fail() {} };
  // A terminal that reports no width (a pseudo-terminal nobody sized) makes ora clear thousands of
  // lines a frame; plain lines are the safe choice there.
  if (!stream.isTTY || !(stream.columns > 0)) {
    return {
      update() {},
      note: (text) => stream.write(`${text}\n`),
      done: (text) => stream.write(`${text}（用时 ${elapsed()}）\n`),
      fail: (text) => stream.write(`${text}\n`),
    };
  }
  const spinner: Ora = ora({ stream, text: '' }).start();
  return {
    update: (text) => {
      spinner.text = text;
    },
    note: (text) => {
      spinner.clear();
      stream.write(`${text}\n`);
      spinner.render();
    },
    done: (text) => spinner.succeed(`${text}（用时 ${elapsed()}）`),
    fail: (text) => spinner.fail(text),
  };
}

/** Colours only on a TTY and never with NO_COLOR. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
}
