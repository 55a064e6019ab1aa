/**
 * "A report must never execute what an enterprise typed": enterprise text starting with = + - @,
 * a tab or CR, or their full-width forms, goes through the real CLI into results.json, 评审结果.xlsx,
 * the PDFs and the annotated copies, and comes out as literal text, never as a formula.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yunshang } from './e2e-helpers.js';
import { HOSTILE, writeBadTree, type BadTree } from '../src/fixtures/bad.js';
import { annotateWorkbook } from '../src/report/annotate.js';


const cli = (args: string[]) => yunshang(args);

async function filesUnder(dir: string, ext: RegExp): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && ext.test(e.name)) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}

interface SheetScan {
  /** `sheet!A1: formula` for every formula cell. */
  formulas: string[];
  /** Every plain string value. */
  strings: Set<string>;
}

/** Every cell of every sheet, as exceljs reads it back, plus the raw `<f>` elements of the sheet parts. */
async function scanWorkbook(file: string): Promise<SheetScan> {
  const bytes = await readFile(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const scan: SheetScan = { formulas: [], strings: new Set() };
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (cell.formula || (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v))) {
          scan.formulas.push(`${ws.name}!${cell.address}: ${cell.formula ?? JSON.stringify(v)}`);
        } else if (typeof v === 'string') scan.strings.add(v);
        else if (v && typeof v === 'object' && 'richText' in v) scan.strings.add((v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(''));
      });
    });
  }
  const parts = unzipSync(new Uint8Array(bytes), { filter: (f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name) });
  for (const [name, data] of Object.entries(parts)) {
    for (const m of strFromU8(data).matchAll(/<f[ >][\s\S]*?(<\/f>|\/>)/g)) scan.formulas.push(`${name}: ${m[0]}`);
  }
  return scan;
}

async function pdfText(file: string): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join('\n'));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** Every string anywhere in a parsed JSON value. */
function jsonStrings(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) jsonStrings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) jsonStrings(x, out);
  return out;
}

/** The enterprise names: each is printed on the applicant's own review page of the PDF. */
const NAMES = [HOSTILE.name, HOSTILE.fullWidthName, HOSTILE.tabName.trim()];

let tree: BadTree;
let out: string;
let annotated: string;
let work: string;

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

beforeAll(async () => {
  expect(existsSync('dist/cli/main.js'), 'run `npx tsc -p .` (npm test does) before these tests').toBe(true);
  work = await mkdtemp(join(tmpdir(), 'yunshang-e2e-injection-'));
  tree = await writeBadTree({ out: join(work, 'province') });
  out = join(work, 'out');
  annotated = join(work, 'annotated');
  const score = cli(['score', tree.root, '--out', out, '--quiet']);
  expect(score.status, score.stderr).toBe(0);
  const validate = cli(['validate', tree.root, '--annotate', annotated, '--quiet']);
  expect(validate.status, validate.stderr).toBe(1);
});

describe('enterprise text that looks like a formula', () => {
  it('covers = + - @, tab, CR and the full-width ＝＋－＠', () => {
    const raw = Object.values(HOSTILE).join('\n');
    for (const start of ['=', '+', '-', '@', '\t=', '\r=', '＝', '＋', '－', '＠']) expect(raw).toMatch(new RegExp(`(^|\\n)${start.replace(/[+]/g, '\\+')}`));
  });

  it('is kept verbatim in results.json', async () => {
    const strings = jsonStrings(JSON.parse(await readFile(join(out, 'results.json'), 'utf8')));
    for (const s of tree.hostile) expect(strings, s).toContain(s);
  });

  it('is written into 评审结果.xlsx as plain strings, and the workbook holds no formula at all', async () => {
    const scan = await scanWorkbook(join(out, '评审结果.xlsx'));
    expect(scan.formulas).toEqual([]);
    for (const s of NAMES) expect(scan.strings, s).toContain(s);
  });

  it('is printed literally in the province PDF and in its city PDF', async () => {
    const province = await pdfText(join(out, '评审报告.pdf'));
    for (const s of NAMES) expect(province, s).toContain(s);
    const hangzhou = await pdfText(join(out, 'cities', '杭州市.pdf'));
    expect(hangzhou).toContain(HOSTILE.name);
    expect(hangzhou).not.toContain(HOSTILE.fullWidthName);
  });

  it('stays text in the annotated copies sent back to enterprises', async () => {
    const copies = await filesUnder(annotated, /\.xlsx$/i);
    expect(copies.length).toBeGreaterThan(0);
    for (const file of copies) expect((await scanWorkbook(file)).formulas, file).toEqual([]);
    // The hostile packs have nothing to fix, so validate sends them nothing back; their forms are
    // marked here directly, with the hostile text in the 问题汇总 sheet too, as a pack with findings would be.
    const folder = join(tree.root, '杭州市', HOSTILE.folder);
    const forms = await filesUnder(folder, /\.xlsx$/i);
    expect(forms.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const form of forms) {
      const bytes = await readFile(form);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const f = { code: 'PHONE_INVALID', severity: 'warning' as const, args: { field: HOSTILE.itLead, fieldEn: HOSTILE.itLead, value: HOSTILE.legalRepresentative }, location: { sheet: ws.name, cell: 'B2' } };
      const row = { severity: 'warning' as const, file: HOSTILE.name, place: HOSTILE.mainBusiness, message: HOSTILE.legalRepresentative, fix: HOSTILE.itLead, code: 'PHONE_INVALID', marked: true };
      const out = join(work, 'direct.xlsx');
      await writeFile(out, (await annotateWorkbook(bytes, [f], { issues: { title: HOSTILE.name, rows: [row] } })).data);
      const scan = await scanWorkbook(out);
      expect(scan.formulas, form).toEqual([]);
      for (const s of scan.strings) seen.add(s.trim());
    }
    for (const s of [HOSTILE.name, HOSTILE.legalRepresentative, HOSTILE.itLead, HOSTILE.mainBusiness]) expect(seen, s).toContain(s);
  });
});
