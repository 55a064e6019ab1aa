/**
 * "A failed run never leaves a half-written report": the real CLI run twice into one output folder,
 * the second run made to fail for real (no mocks) after the reports were rendered in memory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planProvince } from '../src/fixtures/province.js';
import { writeProvince } from '../src/fixtures/write.js';
import { loadRules } from '../src/rules/load.js';

const BIN = resolve('bin/yunshang.js');
const STACK_LINE = /^\s+at\s.*:\d+:\d+\)?$/m;

function cli(args: string[]): { status: number | null; stderr: string } {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.YUNSHANG_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  return { status: r.status, stderr: r.stderr };
}

/** Every file under `dir` (relative path → bytes); directories are listed with a trailing `/`. */
async function snapshot(dir: string): Promise<Map<string, Buffer | 'dir'>> {
  const out = new Map<string, Buffer | 'dir'>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const abs = join(e.parentPath, e.name);
    const rel = relative(dir, abs).split('\\').join('/');
    if (e.isDirectory()) out.set(`${rel}/`, 'dir');
    else out.set(rel, await readFile(abs));
  }
  return out;
}

const TEMP_NAME = /\.tmp-/;
const REPORTS = ['results.json', '评审结果.xlsx', '评审报告.pdf'];

let province: string;
let out: string;
/** The reports of the first, successful run. */
let first: Map<string, Buffer | 'dir'>;
let work: string;

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

beforeAll(async () => {
  expect(existsSync('dist/cli/main.js'), 'run `npx tsc -p .` (npm test does) before these tests').toBe(true);
  work = await mkdtemp(join(tmpdir(), 'yunshang-e2e-atomic-'));
  province = join(work, 'province');
  out = join(work, 'out');
  await writeProvince(planProvince({ applicants: 11, seed: 7, defects: false }), province, await loadRules());
});

beforeEach(async () => {
  await rm(out, { recursive: true, force: true });
  const run = cli(['score', province, '--out', out, '--quiet']);
  expect(run.status, run.stderr).toBe(0);
  first = await snapshot(out);
  for (const r of REPORTS) expect(first.has(r), r).toBe(true);
});

describe('a second run that fails', () => {
  it('while creating the city PDFs (cities/ is a file) leaves every previous report byte for byte and no temporary file', async () => {
    await rm(join(out, 'cities'), { recursive: true });
    await writeFile(join(out, 'cities'), 'not a folder');
    const before = await snapshot(out);
    // Another input, so a report written by mistake would differ from the previous one.
    const run = cli(['score', join(province, '杭州市'), '--out', out, '--quiet']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(out);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const after = await snapshot(out);
    expect([...after.keys()].filter((k) => TEMP_NAME.test(k))).toEqual([]);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [k, v] of before) expect(after.get(k), k).toEqual(v);
    for (const r of REPORTS) expect(after.get(r), r).toEqual(first.get(r));
  });

  it('while rendering the PDF (an unreadable font) writes nothing at all', async () => {
    const font = join(out, '..', 'broken-font.ttf');
    await writeFile(font, 'this is not a font');
    const run = cli(['score', join(province, '杭州市'), '--out', out, '--quiet', '--font', font]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const after = await snapshot(out);
    expect([...after.keys()].filter((k) => TEMP_NAME.test(k))).toEqual([]);
    expect([...after.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [k, v] of first) expect(after.get(k), k).toEqual(v);
  });
});

describe('a second run that succeeds', () => {
  it('replaces the reports and leaves no temporary file', async () => {
    const run = cli(['score', join(province, '杭州市'), '--out', out, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const after = await snapshot(out);
    expect([...after.keys()].filter((k) => TEMP_NAME.test(k))).toEqual([]);
    expect(after.get('results.json')).not.toEqual(first.get('results.json'));
    const json = JSON.parse(String(after.get('results.json'))) as { applicants: { city: string }[] };
    expect(new Set(json.applicants.map((a) => a.city))).toEqual(new Set(['杭州市']));
    expect((await stat(join(out, 'cities'))).isDirectory()).toBe(true);
  });
});
