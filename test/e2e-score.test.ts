/**
 * The clerk's day on a generated province identical to fixtures/submissions: `score` twice, with the
 * expert sheet and a 初选名单, then what the reports say about every applicant and every planted defect.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadRules } from '../src/rules/load.js';
import { planProvince, DEFAULT_PLAN_OPTIONS } from '../src/fixtures/province.js';
import { writeProvince, type LocatedDefect } from '../src/fixtures/write.js';
import { planExpertScores, expertScoresCsv } from '../src/fixtures/experts.js';
import type { Result, ApplicantResult } from '../src/model/result.js';
import type { Finding } from '../src/findings/finding.js';
import { yunshang, type CliRun } from './e2e-helpers.js';
import { writeFile } from 'node:fs/promises';

let root: string;
let province: string;
let defects: LocatedDefect[];
let result: Result;
let runs: CliRun[];

const out = (n: number) => join(root, `out${n}`);

beforeAll(async () => {
  const rules = await loadRules();
  root = await mkdtemp(join(tmpdir(), 'yunshang-e2e-'));
  province = join(root, 'submissions');
  const plan = planProvince(DEFAULT_PLAN_OPTIONS);
  defects = (await writeProvince(plan, province, rules)).defects;
  await writeFile(join(root, 'experts.csv'), expertScoresCsv(planExpertScores(plan, rules).rows, rules));
  runs = [1, 2].map((n) =>
    yunshang(['score', province, '--out', out(n), '--expert-scores', join(root, 'experts.csv'), '--select', '20', '--quiet']),
  );
  result = JSON.parse(await readFile(join(out(1), 'results.json'), 'utf8'));
}, 180_000);

const allFindings = (r: Result): Finding[] => [...r.findings, ...r.panelReview, ...r.applicants.flatMap((a) => a.findings)];

async function applicantFolders(dir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const city of await readdir(dir, { withFileTypes: true })) {
    if (!city.isDirectory()) continue;
    for (const app of await readdir(join(dir, city.name), { withFileTypes: true }))
      if (app.isDirectory()) ids.push(`${city.name}/${app.name}`);
  }
  return ids.sort();
}

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('yunshang score on a whole province', () => {
  it('exits 0 and writes results.json, 评审结果.xlsx, 评审结果.html, 评审报告.pdf and one PDF per city', async () => {
    expect(runs.map((r) => r.status)).toEqual([0, 0]);
    const files = await readdir(out(1));
    expect(files).toEqual(expect.arrayContaining(['results.json', '评审结果.xlsx', '评审结果.html', '评审报告.pdf', 'cities']));
    expect((await readdir(join(out(1), 'cities'))).length).toBe(11);
  });

  it('gives byte-identical results.json, 评审结果.xlsx, 评审结果.html and PDFs on a second run', async () => {
    for (const f of ['results.json', '评审结果.xlsx', '评审结果.html', '评审报告.pdf', 'cities/杭州市.pdf']) {
      const [a, b] = await Promise.all([readFile(join(out(1), f)), readFile(join(out(2), f))]);
      expect(a.equals(b), f).toBe(true);
    }
  });

  it('lists every applicant folder exactly once in results.json and in 总排名, rejected ones with their reason and no rank', async () => {
    const folders = await applicantFolders(province);
    expect(folders.length).toBe(44);
    expect(result.applicants.map((a) => a.id).sort()).toEqual(folders);
    const rows = await sheetRows(join(out(1), '评审结果.xlsx'), '总排名');
    expect(rows.length).toBe(44);
    const names = rows.map((r) => r[2]);
    expect(new Set(names).size).toBe(43); // the duplicate enterprise appears twice, once per city folder
    for (const a of result.applicants.filter((x) => x.status === 'rejected')) {
      expect(a.provinceRank).toBeNull();
      expect(a.rejectedBy.length).toBeGreaterThan(0);
      for (const code of a.rejectedBy) expect(a.findings.some((f) => f.code === code && f.severity === 'error')).toBe(true);
      const row = rows.find((r) => r[0] == null && r[2] === a.name && r[1] === a.city)!;
      expect(row, a.id).toBeDefined();
      expect(String(row[12])).not.toBe('');
    }
    const ranked = rows.filter((r) => typeof r[0] === 'number').map((r) => r[0]);
    expect(ranked).toEqual(Array.from({ length: ranked.length }, (_, i) => i + 1));
  });

  it('reports each planted defect with its code at its file, sheet and cell', () => {
    const findings = allFindings(result);
    expect(defects.length).toBe(11);
    for (const d of defects) {
      const hit = findings.find(
        (f) =>
          f.code === d.code &&
          f.location?.file === d.location &&
          (d.sheet === undefined || f.location?.sheet === d.sheet) &&
          (d.cell === undefined || f.location?.cell === d.cell),
      );
      expect(hit, `${d.code} at ${d.location}!${d.cell ?? ''}`).toBeDefined();
    }
  });

  it('raises no error on applicants without a planted defect, whatever units or digits they typed', () => {
    const planted = new Set(defects.flatMap((d) => [d.applicant, ...(d.related ?? [])]));
    const unexpected = result.applicants
      .filter((a) => !planted.has(a.id))
      .flatMap((a) => a.findings.filter((f) => f.severity === 'error').map((f) => `${a.id}: ${f.code}`));
    expect(unexpected).toEqual([]);
  });

  it('gives indicators whose evidence failed verified: false and 0 points', () => {
    const byId = new Map(result.applicants.map((a) => [a.id, a] as const));
    const evidence = defects.filter((d) => ['SCREENSHOT_MISSING', 'SCREENSHOT_NOT_IMAGE', 'SYSTEM_COUNT_MISMATCH'].includes(d.code));
    expect(evidence.length).toBe(3);
    for (const d of evidence) {
      const a: ApplicantResult = byId.get(d.applicant)!;
      const ind = a.indicators[d.indicator!];
      expect(ind, `${d.applicant} ${d.indicator}`).toMatchObject({ verified: false, score: 0, selfScore: 0, rank: null, grade: null });
    }
  });

  it('puts exactly 20 non-rejected applicants on the 初选名单, in total order', async () => {
    const rows = await sheetRows(join(out(1), '评审结果.xlsx'), '初选名单');
    expect(rows.length).toBe(20);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const totals = rows.map((r) => r[3] as number);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    const selected = result.applicants.filter((a) => a.selected);
    expect(selected.length).toBe(20);
    expect(selected.every((a) => a.status !== 'rejected')).toBe(true);
  });

  it('merges the expert sheet: totals out of 100, recusal noted', () => {
    expect(result.expertScored).toBe(true);
    const ranked = result.applicants.filter((a) => a.status !== 'rejected');
    expect(ranked.every((a) => a.maxTotal === 100 && a.expertTotal !== null)).toBe(true);
    expect(allFindings(result).some((f) => f.code === 'EXPERT_RECUSED')).toBe(true);
    expect(allFindings(result).some((f) => f.code === 'EXPERT_SPREAD')).toBe(true);
    // The panel's findings are the panel chair's list, never an applicant's.
    expect(result.panelReview.map((f) => f.code)).toEqual(expect.arrayContaining(['EXPERT_RECUSED', 'EXPERT_SPREAD']));
    expect(result.applicants.some((a) => a.findings.some((f) => f.code.startsWith('EXPERT_')))).toBe(false);
    for (const a of ranked) expect(a.total).toBeCloseTo(a.indicatorTotal + a.expertTotal!, 10);
  });
});

describe('yunshang validate', () => {
  it('lists the planted defects and exits 1 on the province', () => {
    const r = yunshang(['validate', province, '--format', 'json', '--quiet']);
    expect(r.status).toBe(1);
    const codes = new Set((JSON.parse(r.stdout).findings as Finding[]).map((f) => f.code));
    for (const d of defects) expect(codes.has(d.code), d.code).toBe(true);
  });

  it('exits 0 on a clean applicant folder', () => {
    const clean = result.applicants.find((a) => a.status === 'qualified')!;
    const r = yunshang(['validate', join(province, clean.id)]);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(r.status).toBe(0);
  });
});

describe('yunshang validate --format junit and --annotate', () => {
  it('writes JUnit XML that parses, one suite per applicant plus one for the province, failures = errors', async () => {
    const r = yunshang(['validate', province, '--format', 'junit', '--quiet']);
    expect(r.status).toBe(1);
    const { SaxesParser } = await import('saxes');
    const parser = new SaxesParser();
    const suites: Record<string, string>[] = [];
    let failures = 0;
    parser.on('opentag', (t) => {
      if (t.name === 'testsuite') suites.push(t.attributes as Record<string, string>);
      if (t.name === 'failure') failures++;
    });
    parser.write(r.stdout).close();
    expect(suites.length).toBe(result.applicants.length + 1);
    const errors = allFindings(result).filter((f) => f.severity === 'error' && !f.code.startsWith('EXPERT_')).length;
    expect(failures).toBe(errors);
    expect(suites.reduce((n, s) => n + Number(s.failures), 0)).toBe(errors);
  });

  it('copies the workbook with the offending cell filled and noted, leaving the input untouched', async () => {
    const d = defects.find((x) => x.code === 'N_GREATER_THAN_M')!;
    const input = join(province, d.location);
    const before = await readFile(input);
    const dir = join(root, 'annotated');
    const r = yunshang(['validate', province, '--annotate', dir, '--quiet', '--format', 'json']);
    expect(r.status).toBe(1);
    expect((await readFile(input)).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, d.location));
    const cell = wb.getWorksheet(d.sheet!)!.getCell(d.cell!);
    expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(String(cell.note && typeof cell.note === 'object' ? cell.note.texts?.map((t) => t.text).join('') : cell.note)).toContain('N_GREATER_THAN_M');
    // Only enterprises with something to fix get a folder; test/e2e-annotate.test.ts checks the rest.
    const clean = result.applicants.find((a) => a.status === 'qualified' && !a.findings.some((f) => f.severity !== 'info'))!;
    await expect(readdir(join(dir, clean.id))).rejects.toThrow();
  });
});

describe('yunshang draft-a3', () => {
  it('pre-fills one row per pack from A1, in the computed city order', async () => {
    const city = '杭州市';
    const file = join(root, 'draft.xlsx');
    const r = yunshang(['draft-a3', join(province, city), '--out', file, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const { readForms } = await import('../src/ingest/forms/index.js');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const a3 = readForms(wb, 'draft.xlsx', await loadRules()).a3!;
    // A city bureau only has its own packs, so its city ranking is computed over them alone.
    const scored = yunshang(['score', join(province, city), '--out', join(root, 'city-out'), '--no-pdf', '--format', 'json']);
    expect(scored.status, scored.stderr).toBe(0);
    const packs = (JSON.parse(scored.stdout) as Result).applicants;
    expect(a3.rows.length).toBe(packs.length);
    const expectedOrder = [...packs].sort((x, y) => (x.cityRank ?? 99) - (y.cityRank ?? 99)).map((a) => a.name);
    expect(a3.rows.map((row) => row.enterpriseName.value)).toEqual(expectedOrder);
    expect(a3.rows.map((row) => row.seq.value)).toEqual(packs.map((_, i) => i + 1));
    for (const row of a3.rows) {
      const a = packs.find((p) => p.name === row.enterpriseName.value)!;
      expect(row.salesLastYear.value).toBe(a.identity.salesLastYear);
      expect(row.profitLastYear.value).toBe(a.identity.profitLastYear);
      expect(row.cloudInvestment3y.value).toBe(a.identity.cloudInvestment3y);
      expect(row.itInvestment3y.value).toBe(a.identity.itInvestment3y);
      expect(row.itLead.value).toBe(a.identity.itLead);
      expect(row.phone.value).toBe(a.identity.itLeadPhone);
    }
  });

  it('says, in its output and in the workbook, that the order ranks the city’s own packs; by default writes into the current folder', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'yunshang-draft-'));
    const r = yunshang(['draft-a3', join(province, '杭州市'), '--quiet'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('已生成 杭州市-推荐排序表-草稿.xlsx');
    expect(r.stdout).toContain('这里只比较了本市的企业，全省汇总后的排序可能与此不同');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(cwd, '杭州市-推荐排序表-草稿.xlsx'));
    const note = wb.worksheets[0]!.getCell('A1').note;
    expect(typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('')).toContain('全省汇总后的排序可能与此不同');
    expect(String(wb.getWorksheet('说明')!.getCell('A2').value)).toContain('这里只比较了本市的企业');
    // Never beside the input.
    await expect(readdir(province)).resolves.not.toContain('杭州市-推荐排序表-草稿.xlsx');
  });
});
