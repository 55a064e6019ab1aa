import readline from 'node:readline';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgress } from '../src/cli/progress.js';

/**
 * A stream that says it is a terminal of the given width and moves its cursor the way Node's
 * tty.WriteStream does (through readline), collecting what is written to it.
 */
function terminal(columns: number | undefined, isTTY = true): { stream: NodeJS.WriteStream; output: () => string } {
  const through = new PassThrough();
  const chunks: Buffer[] = [];
  through.on('data', (c: Buffer) => chunks.push(c));
  const stream = Object.assign(through, {
    isTTY,
    cursorTo: (x: number, y?: number) => readline.cursorTo(through, x, y),
    moveCursor: (dx: number, dy: number) => readline.moveCursor(through, dx, dy),
    clearLine: (dir: -1 | 0 | 1) => readline.clearLine(through, dir),
  }) as unknown as NodeJS.WriteStream;
  if (columns !== undefined) stream.columns = columns;
  return { stream, output: () => Buffer.concat(chunks).toString('utf8') };
}

const ESCAPE = String.fromCharCode(27);
const plain = (text: string) => text.replace(new RegExp(`${ESCAPE}\\[[0-9;?]*[A-Za-z]`, 'g'), '');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ora draws only when the terminal looks interactive, which it decides from CI and TERM.
const saved = { CI: process.env.CI, TERM: process.env.TERM };
beforeEach(() => {
  delete process.env.CI;
  process.env.TERM = 'xterm-256color';
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

describe('the progress line', () => {
  it('shows the counts on a terminal and ends with the elapsed time', async () => {
    const { stream, output } = terminal(100);
    const progress = createProgress(false, stream);
    progress.update('已读取 120 个文件，3 家企业');
    await pause(250);
    progress.note('输入：省级根目录');
    progress.update('生成 评审报告.pdf：已写出 50 页…');
    await pause(250);
    progress.done('已写出 3 个文件到 out');
    const text = plain(output());
    expect(text).toContain('已读取 120 个文件，3 家企业');
    expect(text).toContain('已写出 50 页');
    expect(text).toContain('输入：省级根目录\n');
    expect(text).toMatch(/已写出 3 个文件到 out（用时 \d+\.\d s）\n$/);
  });

  it('writes plain lines, without a spinner, when the output is not a terminal', () => {
    const { stream, output } = terminal(undefined, false);
    const progress = createProgress(false, stream);
    progress.update('已读取 120 个文件，3 家企业');
    progress.note('输入：省级根目录');
    progress.done('已写出 3 个文件到 out');
    expect(output()).toMatch(/^输入：省级根目录\n已写出 3 个文件到 out（用时 \d+\.\d s）\n$/);
  });

  it('writes plain lines on a terminal that reports no width (ora would clear thousands of lines)', () => {
    const { stream, output } = terminal(0);
    const progress = createProgress(false, stream);
    progress.update('已读取 120 个文件，3 家企业');
    progress.done('已写出 3 个文件到 out');
    expect(output()).toMatch(/^已写出 3 个文件到 out（用时 \d+\.\d s）\n$/);
  });

  it('writes nothing at all with --quiet', () => {
    const { stream, output } = terminal(100);
    const progress = createProgress(true, stream);
    progress.update('已读取 120 个文件');
    progress.note('输入');
    progress.done('完成');
    progress.fail('失败');
    expect(output()).toBe('');
  });
});
