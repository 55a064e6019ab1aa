import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { applicantsOf, FILE_NAMES, MIN_APPLICANTS_WITH_DEFECTS, planProvince, type ProvincePlan } from '../src/fixtures/province.js';
import { defectsMarkdown, writeProvince, type WriteSummary } from '../src/fixtures/write.js';
import { expertScoresCsv, planExpertScores } from '../src/fixtures/experts.js';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  return out.sort();
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let rules: Rules;
let tmp: string;
let root: string;
let plan: ProvincePlan;
let summary: WriteSummary;

beforeAll(async () => {
  rules = await loadRules();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yunshang-fixtures-'));
  root = path.join(tmp, 'submissions');
  plan = planProvince({ applicants: MIN_APPLICANTS_WITH_DEFECTS, seed: 20211125, defects: true });
  summary = await writeProvince(plan, root, rules);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('writeProvince', () => {
  it('writes one A3 per city and the forms and licence of every applicant', async () => {
    const files = new Set(await filesUnder(root));
    for (const city of plan.cities) expect(files.has(`${city.city}/${FILE_NAMES.a3}`)).toBe(true);
    for (const a of applicantsOf(plan)) {
      const has = (name: string) => files.has(`${a.id}/${name}`);
      if (a.layout === 'combined') expect(has(FILE_NAMES.combined)).toBe(true);
      else expect(has(FILE_NAMES.a1)).toBe(true);
      if (a.layout === 'separate') expect(has(FILE_NAMES.a2)).toBe(a.a2 !== null);
      expect(has(FILE_NAMES.systems) && has(FILE_NAMES.products) && has('证明材料/营业执照.pdf')).toBe(true);
    }
  });

  it('keeps A1 and A2 as two sheets of one workbook for the combined applicant', async () => {
    const a = applicantsOf(plan).find((x) => x.layout === 'combined')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, a.id, FILE_NAMES.combined));
    expect(wb.worksheets.length).toBe(2);
  });

  it('writes real images and PDFs, every screenshot with its own bytes except the shared one', async () => {
    const byHash = new Map<string, string[]>();
    for (const f of await filesUnder(root)) {
      const bytes = await readFile(path.join(root, f));
      if (f.endsWith('.pdf')) expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (!/\/截图\//.test(f)) continue;
      const isText = plan.defects.some((d) => d.code === 'SCREENSHOT_NOT_IMAGE' && `${d.applicant}/${d.path}` === f);
      if (isText) expect(bytes.toString('utf8')).toMatch(/文本文件/);
      else if (f.endsWith('.png')) expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      else expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(bytes.length).toBeLessThan(2000);
      const h = sha(bytes);
      byHash.set(h, [...(byHash.get(h) ?? []), f]);
    }
    const repeated = [...byHash.values()].filter((v) => v.length > 1);
    const shared = plan.defects.find((d) => d.code === 'SCREENSHOT_SHARED_ACROSS_APPLICANTS')!;
    expect(repeated.length).toBe(1);
    expect(repeated[0]).toContain(`${shared.applicant}/${shared.path}`);
  });

  it('leaves out the screenshot meant to be missing', async () => {
    const d = plan.defects.find((x) => x.code === 'SCREENSHOT_MISSING')!;
    await expect(stat(path.join(root, d.applicant, d.path!))).rejects.toThrow();
  });

  it('points every defect in a workbook to the cell holding the broken value', async () => {
    for (const d of summary.defects) {
      if (d.code === 'A2_MISSING' || d.code === 'PACK_WITHOUT_A3_ROW') continue;
      expect(d.cell, d.code).toMatch(/^[A-Z]+\d+$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(root, d.location));
      const cell = wb.getWorksheet(d.sheet!)!.getCell(d.cell!);
      if (d.marker !== undefined) expect(cell.value).toBe(d.marker);
    }
    const md = defectsMarkdown(plan, summary.defects);
    for (const d of summary.defects) expect(md).toContain(`\`${d.code}\``);
  });

  it('writes byte-identical files when run twice', async () => {
    const one = { ...plan, cities: plan.cities.slice(0, 2) };
    const again = path.join(tmp, 'again');
    await writeProvince(one, again, rules);
    for (const f of await filesUnder(again)) {
      const [a, b] = await Promise.all([readFile(path.join(again, f)), readFile(path.join(root, f))]);
      expect(sha(a), f).toBe(sha(b));
    }
  });
});

describe('sample expert scores', () => {
  it('writes a BOM CSV with the six items from the rules, within each maximum', () => {
    const experts = planExpertScores(plan, rules);
    const csv = expertScoresCsv(experts.rows, rules);
    expect(csv.startsWith('\ufeff企业名称,统一社会信用代码,专家,专家所在市,')).toBe(true);
    for (const e of rules.experts) expect(csv.split('\r\n')[0]).toContain(e.name);
    for (const r of experts.rows) for (const e of rules.experts) expect(r.items[e.key]).toBeLessThanOrEqual(e.max);
  });

  it('has a recused expert from a city with applicants and one spread above the warning', () => {
    const experts = planExpertScores(plan, rules);
    expect(applicantsOf(plan).some((a) => a.city === experts.recused.city)).toBe(true);
    expect(experts.rows.some((r) => r.expert === experts.recused.expert && r.expertCity === experts.recused.city)).toBe(true);
    const v = experts.spread!.values;
    expect(Math.max(...v) - Math.min(...v)).toBeGreaterThan(rules.expertPanel.spreadWarning);
  });

  it('leaves rejected applicants and the second copy of a duplicate out', () => {
    const experts = planExpertScores(plan, rules);
    const names = new Set(experts.rows.map((r) => r.creditCode));
    const rejected = applicantsOf(plan).filter((a) => a.defects.includes('A2_MISSING') || a.defects.includes('ADDRESS_OUTSIDE_ZJ'));
    for (const a of rejected) expect(names.has(a.creditCode)).toBe(false);
    const perExpert = experts.rows.filter((r) => r.expert === '专家乙').map((r) => r.creditCode);
    expect(new Set(perExpert).size).toBe(perExpert.length);
  });
});
