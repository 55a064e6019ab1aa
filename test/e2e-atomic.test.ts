/**
 * "A failed run never leaves a half-written report": the real CLI run twice into one output folder,
 * the second run made to fail for real (no mocks), or replacing the set of an earlier version.
 * Runs killed at each step of the write phase: test/e2e-output-kill.test.ts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { yunshang } from './e2e-helpers.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planProvince } from '../src/fixtures/province.js';
import { writeProvince } from '../src/fixtures/write.js';
import { loadRules } from '../src/rules/load.js';

const STACK_LINE = /^\s+at\s.*:\d+:\d+\)?$/m;

const cli = (args: string[]) => yunshang(args);

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

const TEMP_NAME = /\.tmp-|\.bak-|^\.yunshang-[0-9a-f]{10}\./;
const REPORTS = ['results.json', '评审结果.xlsx', '评审结果.html', '评审报告.pdf'];

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
  it('replaces the reports as a whole: the PDFs of cities no longer in the input are gone, nothing is left beside', async () => {
    expect([...first.keys()].filter((k) => k.startsWith('cities/') && k.endsWith('.pdf')).length).toBeGreaterThan(1);
    const run = cli(['score', join(province, '杭州市'), '--out', out, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const after = await snapshot(out);
    expect([...after.keys()].filter((k) => TEMP_NAME.test(k))).toEqual([]);
    expect(after.get('results.json')).not.toEqual(first.get('results.json'));
    const json = JSON.parse(String(after.get('results.json'))) as { applicants: { city: string }[] };
    expect(new Set(json.applicants.map((a) => a.city))).toEqual(new Set(['杭州市']));
    expect((await stat(join(out, 'cities'))).isDirectory()).toBe(true);
    expect([...after.keys()].filter((k) => k.startsWith('cities/') && k.endsWith('.pdf'))).toEqual(['cities/杭州市.pdf']);
    expect((await readdir(work)).filter((n) => n.startsWith('.yunshang-'))).toEqual([]);
  });

  it('replaces the reports an earlier version left without a marker, with its temporary leftovers', async () => {
    // An earlier version wrote no marker and no 评审结果.html (the page came after the marker).
    await rm(join(out, '.yunshang-output'));
    await rm(join(out, '评审结果.html'));
    await writeFile(join(out, 'results.json.tmp-4242-0123456789ab'), 'half written');
    await writeFile(join(out, 'cities', '温州市.pdf.bak-4242-0123456789ab'), 'backup');
    const run = cli(['score', join(province, '杭州市'), '--out', out, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const after = await snapshot(out);
    expect([...after.keys()].filter((k) => TEMP_NAME.test(k))).toEqual([]);
    expect(after.has('.yunshang-output')).toBe(true);
  });

  it('takes a marked out/ as its own: a file put into it goes with the previous set, as the README says', async () => {
    await writeFile(join(out, '我的笔记.docx'), 'mine');
    const run = cli(['score', join(province, '杭州市'), '--out', out, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    expect((await snapshot(out)).has('我的笔记.docx')).toBe(false);
  });

  it('refuses an unmarked out/ holding a file of the user, and leaves it as it was', async () => {
    await rm(join(out, '.yunshang-output'));
    await writeFile(join(out, '我的笔记.docx'), 'mine');
    const before = await snapshot(out);
    const run = cli(['score', join(province, '杭州市'), '--out', out, '--quiet']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('不是 yunshang 写出的文件夹');
    expect(run.stderr).not.toMatch(STACK_LINE);
    const after = await snapshot(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [k, v] of before) expect(after.get(k), k).toEqual(v);
  });
});
