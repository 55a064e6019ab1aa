/**
 * A city bureau's `validate --annotate` on the sample province with its planted defects
 * (fixtures/DEFECTS.md): every copy read back with exceljs and compared, cell by cell, with the
 * workbook it came from and with what `validate --format json` reports in the same run.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yunshang, type CliRun } from './e2e-helpers.js';
import { OUTPUT_MARKER } from '../src/util/outputFolder.js';

const PROVINCE = join('fixtures', 'submissions');
const RED = 'FFFFC7CE';
const YELLOW = 'FFFFEB9C';

interface JsonFinding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: { zh: string; en: string };
  location?: { file?: string; sheet?: string; cell?: string; row?: number };
  applicant?: string;
  city?: string;
}

let work: string;
let out: string;
let run: CliRun;
let findings: JsonFinding[];
/** Relative paths of everything written, `/`-separated. */
let written: string[];

async function filesUnder(dir: string): Promise<string[]> {
  const list: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) list.push(relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  return list.sort();
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** What a person sees of a cell's style (「General」 is what no number format means). */
function look(cell: ExcelJS.Cell): object {
  const numFmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null;
  return { fill: cell.fill ?? null, font: cell.font ?? null, border: cell.border ?? null, numFmt };
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

/** The findings someone has to act on: errors and warnings. */
const toAct = (f: JsonFinding) => f.severity === 'error' || f.severity === 'warning';

/** The folder whose owner fixes the finding: the enterprise for what is in its folder, else the city. */
function ownerFolder(f: JsonFinding): string {
  const file = f.location?.file;
  if (f.applicant !== undefined && (file === undefined || file === f.applicant || file.startsWith(`${f.applicant}/`))) return f.applicant;
  return f.city!;
}

beforeAll(async () => {
  expect(existsSync('dist/cli/main.js'), 'run `npx tsc -p .` (npm test does) before these tests').toBe(true);
  work = await mkdtemp(join(tmpdir(), 'yunshang-annotate-'));
  out = join(work, 'ann');
  run = yunshang(['validate', PROVINCE, '--format', 'json', '--annotate', out, '--quiet']);
  findings = JSON.parse(run.stdout).findings;
  written = await filesUnder(out);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('validate --annotate on a province with planted defects', () => {
  it('exits 1 for the errors and says in the summary who has to act', () => {
    expect(run.status, run.stderr).toBe(1);
    const owners = new Set(findings.filter(toAct).map(ownerFolder));
    const enterprises = [...owners].filter((o) => o.includes('/'));
    expect(run.stderr).toContain(`需要退回企业修改后重新报送（${enterprises.length} 家）`);
    for (const id of enterprises) expect(run.stderr).toContain(`${id.replace('/', ' ')}（`);
    expect(run.stderr).toContain('市经信局需自行修改本市材料（2 个市）');
    expect(run.stderr).toContain(`其余 ${44 - enterprises.length} 家企业无需退回。`);
  });

  it('fills exactly the cells that have an error or warning in `validate --format json` (no more, no fewer), red or yellow by the worst', async () => {
    // Expected: file | sheet | cell (the master of a merged range), with the worst severity there.
    const expected = new Map<string, 'error' | 'warning'>();
    const originals = new Map<string, ExcelJS.Workbook>();
    for (const f of findings.filter(toAct)) {
      const { file, sheet, cell } = f.location ?? {};
      if (!file?.endsWith('.xlsx') || !sheet || !cell) continue;
      const wb = originals.get(file) ?? (await workbook(join(PROVINCE, file)));
      originals.set(file, wb);
      const ws = wb.getWorksheet(sheet);
      if (!ws) continue;
      const key = `${file}|${sheet}|${(ws.getCell(cell).master ?? ws.getCell(cell)).address}`;
      if (expected.get(key) !== 'error') expected.set(key, f.severity as 'error' | 'warning');
    }
    expect(expected.size).toBeGreaterThanOrEqual(10);

    const filled = new Map<string, string | undefined>();
    let unchanged = 0;
    for (const path of written.filter((p) => p.endsWith('.xlsx') && !p.endsWith('/问题清单.xlsx'))) {
      const original = await workbook(join(PROVINCE, path));
      const copy = await workbook(join(out, path));
      // Only 问题汇总 may be added; no sheet of the enterprise's is lost.
      expect(copy.worksheets.map((w) => w.name).filter((n) => n !== '问题汇总'), path).toEqual(original.worksheets.map((w) => w.name));
      for (const ws of original.worksheets) {
        const other = copy.getWorksheet(ws.name)!;
        const addresses = new Set<string>();
        for (const s of [ws, other]) s.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => addresses.add(c.address)));
        for (const address of addresses) {
          const before = ws.getCell(address);
          const after = other.getCell(address);
          const key = `${path}|${ws.name}|${address}`;
          if (expected.has(key)) {
            filled.set(key, (after.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb);
            // Under the fill the cell keeps its font and border.
            expect(after.font ?? null, key).toEqual(before.font ?? null);
            expect(after.border ?? null, key).toEqual(before.border ?? null);
            expect(after.value, key).toEqual(before.value);
          } else {
            expect(look(after), key).toEqual(look(before));
            expect(after.value, key).toEqual(before.value);
            unchanged++;
          }
        }
      }
    }
    expect([...filled.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, severity] of expected) expect(filled.get(key), key).toBe(severity === 'error' ? RED : YELLOW);
    expect(unchanged).toBeGreaterThan(1000);
  });

  it('notes each marked cell with the Chinese message, the fix and the code of every finding there', async () => {
    for (const f of findings.filter(toAct)) {
      const { file, sheet, cell } = f.location ?? {};
      if (!file?.endsWith('.xlsx') || !sheet || !cell) continue;
      const note = noteText((await workbook(join(out, file))).getWorksheet(sheet)!.getCell(cell));
      expect(note, `${file} ${cell}`).toContain(f.message.zh);
      expect(note).toContain('修改建议：');
      expect(note).toContain(`（代码 ${f.code}）`);
    }
  });

  it('gives a folder only to enterprises with something to fix, and the city’s own files to the city', () => {
    const owners = new Set(findings.filter(toAct).map(ownerFolder));
    const folders = new Set(written.filter((p) => p.split('/').length === 3).map((p) => p.split('/').slice(0, 2).join('/')));
    expect([...folders].sort()).toEqual([...owners].filter((o) => o.includes('/')).sort());
    // City level: each city's marked 推荐排序表, in the city folder.
    expect(written.filter((p) => p.split('/').length === 2)).toEqual(['杭州市/附件3-推荐排序表.xlsx', '衢州市/附件3-推荐排序表.xlsx']);
    // An enterprise with notes only (a unit converted) gets nothing back.
    expect(findings.some((f) => f.applicant === '杭州市/杭州恒昇纺织有限公司' && f.severity === 'info')).toBe(true);
    expect(folders.has('杭州市/杭州恒昇纺织有限公司')).toBe(false);
  });

  it('writes each of them a 退回意见 addressed to it, listing all its findings with file, cell and what to do', async () => {
    const owners = new Map<string, JsonFinding[]>();
    for (const f of findings.filter(toAct)) {
      const o = ownerFolder(f);
      if (o.includes('/')) owners.set(o, [...(owners.get(o) ?? []), f]);
    }
    for (const [folder, mine] of owners) {
      const letter = await readFile(join(out, folder, '退回意见.txt'), 'utf8');
      const name = folder.split('/')[1]!;
      expect(letter.startsWith('\uFEFF退回意见'), folder).toBe(true);
      expect(letter).toContain(`${name}：`);
      expect(letter).toContain(`发现以下 ${mine.length} 个问题需要修改或核实`);
      for (const f of mine) {
        expect(letter, `${folder} ${f.code}`).toContain(f.message.zh);
        expect(letter).toContain(`（问题代码 ${f.code}）`);
        if (f.location?.cell) expect(letter).toContain(`${f.location.cell} 单元格`);
        const file = f.location?.file?.slice(folder.length + 1);
        if (file) expect(letter).toContain(file);
      }
      expect(letter).toContain('请修改后重新报送。');
      expect(letter).toContain(`${folder.split('/')[0]}经济和信息化局`);
    }
  });

  it('lists a finding without a cell on 问题汇总, the first sheet of the enterprise’s 附件1 copy', async () => {
    const missing = findings.find((f) => f.code === 'A2_MISSING')!;
    const copy = await workbook(join(out, missing.applicant!, '附件1-申报表.xlsx'));
    const sheet = copy.worksheets[0]!;
    expect(sheet.name).toBe('问题汇总');
    const codes: unknown[] = [];
    sheet.eachRow((row, n) => n > 3 && codes.push(row.getCell(8).value));
    expect(codes).toEqual(['A2_MISSING']);
    const letter = await readFile(join(out, missing.applicant!, '退回意见.txt'), 'utf8');
    expect(letter).toContain('位置：整份申报材料');
    expect(letter).toContain('「附件1-申报表.xlsx」的「问题汇总」工作表');
  });

  it('never writes into the input', async () => {
    expect(written.some((p) => p.startsWith('..'))).toBe(false);
    expect(existsSync(join(PROVINCE, '台州市', '台州辰立五金工具有限公司', '退回意见.txt'))).toBe(false);
  });
});

describe('validate --annotate on clean input', () => {
  it('writes nothing for a pack with notes only and says that nothing needs sending back', async () => {
    const dir = join(work, 'clean');
    const r = yunshang(['validate', join(PROVINCE, '杭州市', '杭州恒昇纺织有限公司'), '--annotate', dir, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('未发现问题，可以报送');
    expect(r.stdout).toContain('没有需要退回的材料');
    // The folder is the tool's (its marker lets the next run replace it), and holds nothing to send.
    expect((existsSync(dir) ? await filesUnder(dir) : []).filter((f) => !f.endsWith(OUTPUT_MARKER))).toEqual([]);
  });
});
