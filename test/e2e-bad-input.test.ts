/**
 * Issue 6 end to end: the real CLI (bin/yunshang.js over dist/) on a province that mixes good packs
 * with every kind of bad file cities send. The tree comes from src/fixtures/bad.ts, which also says
 * what each bad case must be reported as.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, yunshang, type CliRun as Run } from './e2e-helpers.js';
import { writeBadTree, type BadTree } from '../src/fixtures/bad.js';


const cli = (args: string[], script: string[] = [BIN]) => yunshang(args, { script });

/** A line of a JavaScript stack trace: `    at fn (file.js:12:5)`. */
const STACK_LINE = /^\s+at\s.*:\d+:\d+\)?$/m;

interface JsonFinding {
  code: string;
  severity: string;
  message: { zh: string; en: string };
  place: string;
  location?: { file?: string };
  applicant?: string;
}
interface JsonApplicant {
  id: string;
  name: string;
  status: string;
  provinceRank: number | null;
  total: number;
  rejectedBy: string[];
  indicators: Record<string, { verified: boolean }>;
  findings: JsonFinding[];
}

let tree: BadTree;
let work: string;

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

beforeAll(async () => {
  expect(existsSync('dist/cli/main.js'), 'run `npx tsc -p .` (npm test does) before these tests').toBe(true);
  work = await mkdtemp(join(tmpdir(), 'yunshang-e2e-bad-'));
  tree = await writeBadTree({ out: join(work, 'province'), outside: join(work, 'outside') });
});

describe('validate on a province of good and bad packs', () => {
  let run: Run;
  let findings: JsonFinding[];
  beforeAll(() => {
    run = cli(['validate', tree.root, '--format', 'json', '--quiet']);
    findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  });

  it('exits 1 without a stack trace or an internal error', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toMatch(/内部错误|internal error/i);
  });

  it('reports every bad case with its own code at the file it concerns', () => {
    const missing = tree.cases.flatMap((c) =>
      c.codes
        .filter((code) => !findings.some((f) => f.code === code && f.location?.file === c.file && (!c.applicant || f.applicant === c.applicant)))
        .map((code) => `${c.name}: ${code} at ${c.file}`),
    );
    expect(missing).toEqual([]);
  });

  it('names the file in the place printed beside each message', () => {
    for (const c of tree.cases) {
      const f = findings.find((x) => c.codes.includes(x.code) && x.location?.file === c.file)!;
      expect(f.place, c.name).toContain(c.file);
      expect(f.message.zh.length, c.name).toBeGreaterThan(0);
    }
  });

  it('prints each code and file in the text report as well', () => {
    const text = cli(['validate', tree.root, '--quiet']);
    expect(text.status).toBe(1);
    expect(text.stderr).not.toMatch(STACK_LINE);
    for (const c of tree.cases) {
      for (const code of c.codes) expect(text.stdout, c.name).toContain(code);
      expect(text.stdout, c.name).toContain(c.file);
    }
  });

  it('raises no error on the good packs other than the ones planted in them', () => {
    const planted = new Set(tree.cases.filter((c) => c.applicant && tree.good.includes(c.applicant)).flatMap((c) => c.codes));
    const unexpected = findings.filter((f) => f.applicant && tree.good.includes(f.applicant) && f.severity === 'error' && !planted.has(f.code));
    expect(unexpected.map((f) => `${f.code} ${f.place}`)).toEqual([]);
  });
});

describe('score on a province of good and bad packs', () => {
  let run: Run;
  let applicants: JsonApplicant[];
  let out: string;
  beforeAll(async () => {
    out = join(work, 'out');
    run = cli(['score', tree.root, '--out', out, '--quiet', '--no-pdf']);
    applicants = (JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as { applicants: JsonApplicant[] }).applicants;
  });

  it('exits 0 without a stack trace', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('scores and ranks every good applicant, quirks and all', () => {
    for (const id of tree.good) {
      const a = applicants.find((x) => x.id === id);
      expect(a, id).toBeDefined();
      expect(a!.status, id).not.toBe('rejected');
      expect(a!.provinceRank, id).not.toBeNull();
      expect(a!.total, id).toBeGreaterThan(0);
    }
  });

  it('reads every row of a sheet that declares only A1 and a 50,000-character answer without a finding', () => {
    const quirky = tree.good.slice(0, 2).map((id) => applicants.find((a) => a.id === id)!);
    for (const a of quirky) {
      expect(a.findings.filter((f) => f.severity !== 'info').map((f) => f.code), a.id).toEqual([]);
      const indicators = Object.values(a.indicators);
      expect(indicators.length).toBe(15);
      expect(indicators.every((i) => i.verified), a.id).toBe(true);
    }
  });

  it('lists every applicant whose forms could not be read as rejected, with the file error beside the rejection', () => {
    const bad = tree.applicants.filter((id) => !tree.good.includes(id));
    for (const id of bad) {
      const a = applicants.find((x) => x.id === id);
      expect(a, id).toBeDefined();
      expect(a!.status, id).toBe('rejected');
      const own = tree.cases.filter((x) => x.applicant === id).flatMap((x) => x.codes);
      for (const code of own) expect(a!.findings.map((f) => f.code), id).toContain(code);
    }
  });

  it('extracts nothing from a zip, least of all entries named with .. or an absolute path', () => {
    for (const dir of [work, tree.root, out, tmpdir(), resolve(tree.root, '..', '..')]) {
      expect(existsSync(join(dir, '逃逸到上级.txt')), dir).toBe(false);
    }
    expect(existsSync('/tmp/绝对路径.txt')).toBe(false);
  });
});

describe('zip bombs of a gigabyte', () => {
  it('are refused from their sizes, with the memory of the run staying far below what they expand to', async () => {
    const GB = 1024 * 1024 * 1024;
    const big = await writeBadTree({ out: join(work, 'bombs'), bombBytes: GB });
    // The CLI in-process, so the child can report its own peak resident memory.
    const probe = [
      '--input-type=module',
      '-e',
      `const { main } = await import(${JSON.stringify(resolve('dist/cli/main.js'))});
       process.exitCode = await main(['node', 'yunshang', ...process.argv.slice(1)]);
       process.stderr.write('maxRSS=' + process.resourceUsage().maxRSS * 1024 + '\\n');`,
    ];
    const run = cli(['validate', big.root, '--format', 'json', '--quiet'], probe);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const codes = new Set((JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.code));
    for (const code of ['WORKBOOK_TOO_LARGE', 'WORKBOOK_CORRUPT', 'ZIP_ENTRY_TOO_LARGE', 'FILE_UNREADABLE']) expect(codes).toContain(code);
    const maxRss = Number(/maxRSS=(\d+)/.exec(run.stderr)?.[1]);
    expect(maxRss).toBeGreaterThan(0);
    expect(maxRss).toBeLessThan(GB);
  });
});
