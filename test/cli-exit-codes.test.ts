/**
 * The one top-level catch: usage and I/O errors exit 2, the tool failing exits 3, so a script can
 * tell a bad input from a bug. The failure is made inside the real pipeline (evaluate throws).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const failing = vi.hoisted(() => ({ on: false }));

vi.mock('../src/evaluate.js', async (original) => {
  const real = await original<typeof import('../src/evaluate.js')>();
  return {
    ...real,
    evaluate: (...args: Parameters<typeof real.evaluate>) => {
      if (failing.on) throw new TypeError("Cannot read properties of undefined (reading 'n')");
      return real.evaluate(...args);
    },
  };
});

const { main, EXIT } = await import('../src/cli/main.js');

async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return { code: await main(['node', 'yunshang', ...args]), stderr };
  } finally {
    spy.mockRestore();
    out.mockRestore();
  }
}

afterEach(() => {
  failing.on = false;
});

describe('exit codes', () => {
  it('are 0, 1, 2 and 3, each distinct', () => {
    expect(EXIT).toEqual({ ok: 0, findings: 1, usage: 2, internal: 3 });
  });

  it('exits 2 on an unknown option', async () => {
    expect((await run('validate', 'fixtures/submissions', '--no-such-option')).code).toBe(EXIT.usage);
  });

  it('exits 2 when the input folder does not exist', async () => {
    const r = await run('validate', 'fixtures/no-such-folder', '--quiet');
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).not.toMatch(/内部错误/);
  });

  it('exits 3 and says 内部错误 when the tool itself fails', async () => {
    failing.on = true;
    const r = await run('validate', 'fixtures/submissions/杭州市', '--quiet');
    expect(r.code).toBe(EXIT.internal);
    expect(r.stderr).toMatch(/^yunshang: 内部错误：Cannot read properties of undefined/);
  });

  it('runs the same command normally when nothing fails', async () => {
    const r = await run('validate', 'fixtures/submissions/杭州市', '--quiet', '--format', 'json');
    expect([EXIT.ok, EXIT.findings]).toContain(r.code);
  });
});
