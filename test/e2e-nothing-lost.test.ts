/**
 * "No applicant found in the input is ever dropped from the outputs": for every fixture tree, good
 * and bad, on disk and zipped, each applicant folder appears exactly once in results.json with a
 * status, and a rejected applicant carries among its own findings the errors that rejected it.
 * Applicant folders are found here independently of the tool's discovery.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yunshang } from './e2e-helpers.js';
import { writeBadTree, type BadTree } from '../src/fixtures/bad.js';
import { gbk, writeZip, type RawZipEntry } from '../src/fixtures/zipWriter.js';

const CITIES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];
const WORKBOOK = /\.(xlsx|xlsm|xls|et|csv|wps)$/i;
const NOISE = (name: string) => name.startsWith('~$') || name.startsWith('.') || name === '__MACOSX' || name.toLowerCase() === 'thumbs.db';

interface JsonApplicant {
  id: string;
  status: string;
  rejectedBy: string[];
  findings: { code: string; severity: string }[];
}

/**
 * Folders that hold a workbook or a 证明材料 folder and are not cities, relative to `root`. Symbolic
 * links are not entered: the tool must not follow those that lead out, and none here lead in.
 */
async function applicantFoldersOnDisk(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const isApplicant =
    dir !== root &&
    !CITIES.includes(dir.split(/[\\/]/).pop()!) &&
    entries.some((e) => (e.isDirectory() && e.name === '证明材料') || (e.isFile() && WORKBOOK.test(e.name) && !NOISE(e.name)));
  if (isApplicant) return [relative(root, dir).split('\\').join('/')];
  const found: string[] = [];
  for (const e of entries) if (e.isDirectory() && !NOISE(e.name) && e.name !== '证明材料') found.push(...(await applicantFoldersOnDisk(root, join(dir, e.name))));
  return found;
}

const score = (input: string, out: string) => yunshang(['score', input, '--out', out, '--no-pdf', '--quiet']);

async function scoredApplicants(input: string, out: string): Promise<JsonApplicant[]> {
  const run = score(input, out);
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as { applicants: JsonApplicant[] }).applicants;
}

/** Each id once, each with a status; each rejection explained by errors of the applicant's own. */
function expectAllAccountedFor(applicants: JsonApplicant[], expected: string[]): void {
  const ids = applicants.map((a) => a.id);
  expect([...ids].sort()).toEqual([...expected].sort());
  expect(new Set(ids).size).toBe(ids.length);
  for (const a of applicants) {
    expect(['qualified', 'flagged', 'rejected'], a.id).toContain(a.status);
    if (a.status !== 'rejected') continue;
    expect(a.rejectedBy.length, a.id).toBeGreaterThan(0);
    const own = new Set(a.findings.filter((f) => f.severity === 'error').map((f) => f.code));
    for (const code of a.rejectedBy) expect(own, `${a.id} rejected by ${code}`).toContain(code);
  }
}

let work: string;
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

beforeAll(async () => {
  expect(existsSync('dist/cli/main.js'), 'run `npx tsc -p .` (npm test does) before these tests').toBe(true);
  work = await mkdtemp(join(tmpdir(), 'yunshang-e2e-lost-'));
});

describe('every applicant folder appears exactly once in results.json', () => {
  it('in the sample province fixtures/submissions', async () => {
    const root = resolve('fixtures/submissions');
    const expected = await applicantFoldersOnDisk(root);
    expect(expected.length).toBeGreaterThan(20);
    expectAllAccountedFor(await scoredApplicants(root, join(work, 'out-sample')), expected);
  });

  it('in the bad-input province, city zips and links leading out included', async () => {
    const tree: BadTree = await writeBadTree({ out: join(work, 'bad'), outside: join(work, 'outside') });
    const onDisk = await applicantFoldersOnDisk(tree.root);
    // Inside the zips, as the generator wrote them (the tool's own zip reader is what is under test).
    const inZips = tree.applicants.filter((id) => id.includes('.zip/'));
    expect(inZips.length).toBeGreaterThan(0);
    expect([...onDisk, ...inZips].sort()).toEqual([...tree.applicants].sort());
    expectAllAccountedFor(await scoredApplicants(tree.root, join(work, 'out-bad')), tree.applicants);
  });

  it('in a city delivered as 杭州市.zip with GBK names, given on the command line', async () => {
    const city = resolve('fixtures/submissions/杭州市');
    const folders = await applicantFoldersOnDisk(city);
    const entries: RawZipEntry[] = [];
    for (const e of await readdir(city, { withFileTypes: true, recursive: true })) {
      if (!e.isFile()) continue;
      const rel = relative(city, join(e.parentPath, e.name)).split('\\').join('/');
      entries.push({ name: gbk(`杭州市/${rel}`), data: new Uint8Array(await readFile(join(e.parentPath, e.name))), deflate: true });
    }
    const zip = join(work, '杭州市.zip');
    await writeFile(zip, writeZip(entries));
    const applicants = await scoredApplicants(zip, join(work, 'out-zip'));
    expectAllAccountedFor(applicants, folders);
  });
});
