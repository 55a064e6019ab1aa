import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { generateFixtures } from '../src/fixtures/generate.js';
import { discover } from '../src/ingest/files/discover.js';
import { readApplicants, timedOutPack, workerScript } from '../src/ingest/workers/pool.js';
import { DEFAULT_LIMITS } from '../src/ingest/files/limits.js';
import { readSubmission } from '../src/ingest/readSubmission.js';
import type { DiscoveredApplicant } from '../src/ingest/files/tree.js';

let rules: Rules;
let dir: string;
let apps: DiscoveredApplicant[];
beforeAll(async () => {
  rules = await loadRules();
  dir = await mkdtemp(path.join(os.tmpdir(), 'yunshang-pool-'));
  await generateFixtures({ out: dir, applicants: 22, seed: 11, defects: true, expertScores: null });
  apps = (await discover(dir)).cities.flatMap((c) => c.applicants);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading applicants on worker threads', () => {
  it('finds the compiled worker script (npm test builds dist/ first)', () => {
    expect(workerScript()).toMatch(/worker\.js$/);
  });

  it('returns the same packs in the same order as reading in-process, whatever the thread count', async () => {
    const inProcess = await readApplicants(apps, rules, undefined, { workers: 'never' });
    const onTwo = await readApplicants(apps, rules, undefined, { workers: 'always', threads: 2 });
    const onThree = await readApplicants(apps, rules, undefined, { workers: 'always', threads: 3 });
    expect(inProcess.map((p) => p.id)).toEqual(apps.map((a) => a.id));
    expect(onTwo).toEqual(inProcess);
    expect(onThree).toEqual(inProcess);
  });

  it('brings packs across unchanged: same key order and the same shared location objects', async () => {
    const inProcess = await readApplicants(apps, rules, undefined, { workers: 'never' });
    const threaded = await readApplicants(apps, rules, undefined, { workers: 'always', threads: 2 });
    // Key order decides the bytes of results.json; toEqual above does not look at it.
    expect(threaded.map((p) => JSON.stringify(p))).toEqual(inProcess.map((p) => JSON.stringify(p)));
    // A finding that points at a cell's own location object still does after the crossing.
    const sharedLocations = (packs: typeof inProcess) =>
      packs.map((p) => {
        const locs = new Set<unknown>();
        const visit = (v: unknown): void => {
          if (v === null || typeof v !== 'object') return;
          for (const [k, x] of Object.entries(v)) k === 'loc' ? locs.add(x) : visit(x);
        };
        visit([p.a1, p.a2, p.systems, p.products]);
        return p.findings.filter((f) => locs.has(f.location)).length;
      });
    expect(sharedLocations(threaded)).toEqual(sharedLocations(inProcess));
    expect(sharedLocations(inProcess).some((n) => n > 0)).toBe(true);
  });

  it('reports every pack as it arrives and loses none', async () => {
    const seen: number[] = [];
    const packs = await readApplicants(apps, rules, undefined, { workers: 'always', threads: 2, onPack: (_p, done) => seen.push(done) });
    expect(packs).toHaveLength(apps.length);
    expect(seen).toEqual(apps.map((_a, i) => i + 1));
  });

  it('loses no applicant when a reading thread dies in the middle of the work', async () => {
    const some = apps.slice(0, 10);
    const inProcess = await readApplicants(some, rules, undefined, { workers: 'never' });
    const packs = await readApplicants(some, rules, undefined, { workers: 'always', threads: 2, exitForTest: some[2]!.folderName });
    expect(packs).toEqual(inProcess);
  });

  it('reads an applicant whose files have no source (made in memory) in-process, in its place', async () => {
    const bytes = Buffer.from('not a workbook');
    const memory: DiscoveredApplicant = {
      id: '杭州市/内存公司',
      city: '杭州市',
      folderName: '内存公司',
      files: [{ path: '杭州市/内存公司/附件1.xlsx', relPath: '附件1.xlsx', size: bytes.length, read: async () => bytes }],
    };
    const mixed = [apps[0]!, memory, apps[1]!];
    const packs = await readApplicants(mixed, rules, undefined, { workers: 'always', threads: 2 });
    expect(packs.map((p) => p.id)).toEqual(mixed.map((a) => a.id));
    expect(packs[1]!.findings.map((f) => f.code)).toContain('WORKBOOK_IS_CSV_TEXT');
  });

  it('turns a file that vanished before its thread read it into a finding on that applicant', async () => {
    const gone: DiscoveredApplicant = {
      id: '杭州市/消失公司',
      city: '杭州市',
      folderName: '消失公司',
      files: [{ path: '杭州市/消失公司/附件1.xlsx', relPath: '附件1.xlsx', size: 1, read: async () => Buffer.alloc(0), source: { kind: 'fs', absPath: path.join(dir, 'no-such-file.xlsx') } }],
    };
    const packs = await readApplicants([gone, apps[0]!], rules, undefined, { workers: 'always', threads: 2 });
    expect(packs[0]!.findings).toEqual([expect.objectContaining({ code: 'FILE_UNREADABLE', applicant: '杭州市/消失公司', city: '杭州市', location: { file: '杭州市/消失公司/附件1.xlsx' } })]);
  });

  it('gives readSubmission the same cities and applicants with and without threads', async () => {
    const plain = await readSubmission(dir, rules, { workers: 'never' });
    const threaded = await readSubmission(dir, rules, { workers: 'always', threads: 2 });
    expect(threaded).toEqual(plain);
  });
});

describe('the time limit on reading an applicant', () => {
  it('gives an applicant whose reading never ends WORKBOOK_TIMEOUT and still reads every other one', async () => {
    const stuck = apps[3]!;
    const limits = { ...DEFAULT_LIMITS, timeoutMs: 3_000 };
    const inProcess = await readApplicants(apps, rules, undefined, { workers: 'never' });
    const packs = await readApplicants(apps, rules, limits, { workers: 'always', threads: 2, stallForTest: stuck.folderName });
    expect(packs.map((p) => p.id)).toEqual(apps.map((a) => a.id));
    expect(packs[3]!.findings).toEqual([
      expect.objectContaining({ code: 'WORKBOOK_TIMEOUT', args: { timeoutMs: 3_000 }, applicant: stuck.id, city: stuck.city, location: { file: stuck.id } }),
    ]);
    expect(packs[3]!.files).toEqual(stuck.files.map((f) => f.relPath));
    for (let i = 0; i < apps.length; i++) if (i !== 3) expect(packs[i]).toEqual(inProcess[i]);
  });

  it('blames the timeout on the workbook the thread had open when the time ran out', async () => {
    const stuck = apps[5]!;
    const workbook = stuck.files.find((f) => f.relPath.startsWith('附件2'))!;
    const limits = { ...DEFAULT_LIMITS, timeoutMs: 3_000 };
    const packs = await readApplicants(apps.slice(0, 8), rules, limits, { workers: 'always', threads: 2, stallForTest: `${stuck.folderName}/${workbook.relPath}` });
    expect(packs.map((p) => p.id)).toEqual(apps.slice(0, 8).map((a) => a.id));
    expect(packs[5]!.findings).toEqual([
      expect.objectContaining({ code: 'WORKBOOK_TIMEOUT', applicant: stuck.id, location: { file: workbook.path } }),
    ]);
  });

  it('blames the timeout on the workbook being read when the thread said which', () => {
    const app = apps[0]!;
    const pack = timedOutPack(app, 30_000, `${app.id}/附件1-申报表.xlsx`);
    expect(pack.findings).toEqual([expect.objectContaining({ code: 'WORKBOOK_TIMEOUT', applicant: app.id, location: { file: `${app.id}/附件1-申报表.xlsx` } })]);
  });
});
