/**
 * Every spreadsheet format that reaches a city bureau: one sample applicant's forms
 * as LibreOffice, xlwt, python-docx, web systems (HTML, XML Spreadsheet 2003) and text exports save
 * them (fixtures/formats, written by scripts/fixtures/formats.py). Each reads to the values its .xlsx
 * twin reads to, with an info naming the format, and the applicant scores as with its .xlsx forms.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { openWorkbookGrids } from '../src/ingest/files/openWorkbook.js';
import { readFormsFromGrids, type FormsFound } from '../src/ingest/forms/index.js';
import { readSubmission } from '../src/ingest/readSubmission.js';
import { evaluate } from '../src/evaluate.js';
import type { ApplicantResult } from '../src/model/result.js';
import { formatLocation } from '../src/model/location.js';
import { placeOf } from '../src/report/json.js';
import { memoryFile } from './lean-helpers.js';
import { returnLetterText } from '../src/report/returnLetter.js';
import CFB from 'cfb';
import { gbk } from './files-helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const FORMATS = path.join(FIXTURES, 'formats');
const CITY = path.join(FIXTURES, 'submissions', '杭州市');
const SAMPLE = '杭州达辰化纤股份有限公司';
const ORIGINAL = path.join(CITY, SAMPLE);
const A1 = '附件1-申报表';
const A2 = '附件2-用云水平评估表';
const SYSTEMS = '系统清单';
const PRODUCTS = '云计算产品和服务清单';
/** The city's 推荐排序表, beside the applicant folders. */
const A3 = '附件3-推荐排序表';
const twinOf = (form: string) => (form === A3 ? path.join(CITY, `${A3}.xlsx`) : path.join(ORIGINAL, `${form}.xlsx`));

let rules: Rules;
let tmp: string;
beforeAll(async () => {
  rules = await loadRules();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'yunshang-formats-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function open(file: string, as = file) {
  const bytes = await readFile(file);
  return openWorkbookGrids(memoryFile(as, bytes));
}

async function forms(file: string): Promise<{ found: FormsFound; codes: string[] }> {
  const opened = await open(file);
  expect(opened.grids, `${file}: ${JSON.stringify(opened.findings)}`).not.toBeNull();
  return { found: readFormsFromGrids(opened.grids!, file, rules), codes: opened.findings.map((f) => `${f.severity} ${f.code}`) };
}

/** The records as a person reads them: no file, sheet or cell (those differ between formats by design). */
const values = (f: FormsFound) => JSON.parse(JSON.stringify(f, (k, v) => (k === 'file' || k === 'loc' || k === 'sheet' ? undefined : v)));

/** Each fixture, the form it holds, and the info that names its format. */
const CASES: { file: string; form: string; code: string }[] = [
  ...[A1, A2, SYSTEMS, PRODUCTS, A3].map((form) => ({ file: `libreoffice-xls/${form}.xls`, form, code: 'WORKBOOK_LEGACY_XLS' })),
  ...[A1, A2, SYSTEMS, PRODUCTS].map((form) => ({ file: `xlwt/${form}.xls`, form, code: 'WORKBOOK_LEGACY_XLS' })),
  ...[A1, A2].map((form) => ({ file: `libreoffice-docx/${form}.docx`, form, code: 'WORKBOOK_IS_DOCX' })),
  ...[A1, A2].map((form) => ({ file: `python-docx/${form}.docx`, form, code: 'WORKBOOK_IS_DOCX' })),
  ...[A1, A2].map((form) => ({ file: `html/${form}.xls`, form, code: 'WORKBOOK_IS_HTML' })),
  ...[A1, A2].map((form) => ({ file: `xml2003/${form}.xls`, form, code: 'WORKBOOK_IS_XML_2003' })),
  ...[SYSTEMS, PRODUCTS].map((form) => ({ file: `csv/${form}.xls`, form, code: 'WORKBOOK_IS_CSV_TEXT' })),
  { file: `csv/${SYSTEMS}-Unicode文本.xls`, form: SYSTEMS, code: 'WORKBOOK_IS_CSV_TEXT' },
];

describe('each format reads to the values its .xlsx twin reads to', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.code}, then the same records`, async () => {
      const [twin, other] = await Promise.all([forms(twinOf(c.form)), forms(path.join(FORMATS, c.file))]);
      expect(other.codes).toEqual([`info ${c.code}`]);
      expect(other.found.findings).toEqual(twin.found.findings);
      expect(values(other.found)).toEqual(values(twin.found));
      expect(Object.keys(values(twin.found)).length).toBeGreaterThan(1);
    });
  }

  it('names the format in the info, in both languages', async () => {
    const xls = (await open(path.join(FORMATS, 'libreoffice-xls', `${A1}.xls`))).findings[0]!;
    expect(xls.args).toEqual({ formatZh: 'Excel 97–2003 工作簿（.xls）', formatEn: 'Excel 97–2003 (.xls)' });
    const et = (await open(path.join(FORMATS, 'libreoffice-xls', `${A1}.xls`), `${A1}.et`)).findings[0]!;
    expect(et.code).toBe('WORKBOOK_LEGACY_XLS');
    expect(String(et.args.formatZh)).toContain('WPS 表格（.et');
    const gb = (await open(path.join(FORMATS, 'csv', `${SYSTEMS}.xls`))).findings[0]!;
    expect(gb.args).toEqual({ ext: '.xls', encoding: 'GB18030' });
    const bom = (await open(path.join(FORMATS, 'csv', `${PRODUCTS}.xls`))).findings[0]!;
    expect(bom.args).toEqual({ ext: '.xls', encoding: 'UTF-8 BOM' });
    const unicode = (await open(path.join(FORMATS, 'csv', `${SYSTEMS}-Unicode文本.xls`))).findings[0]!;
    expect(unicode.args).toEqual({ ext: '.xls', encoding: 'UTF-16' });
  });

  it('tells HTML and XML 2003 by their content however they begin', async () => {
    const title = '<tr><td colspan="2">制造业云上企业申报表</td></tr><tr><td>企业名称</td><td>杭州某某科技有限公司</td></tr>';
    for (const page of [
      `<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>td{}</style><table>${title}</table>`,
      `<!-- 导出时间 2021-11-30 --><table border=1>${title}</table>`,
      `\uFEFF<!DOCTYPE html><html><body><h1>导出</h1><table>${title}</table></body></html>`,
    ]) {
      const r = await openWorkbookGrids(memoryFile('导出.xls', Buffer.from(page)));
      expect(r.findings.map((f) => f.code), page).toEqual(['WORKBOOK_IS_HTML']);
      expect([...r.grids![0]!.filled()].map((c) => c.text)).toEqual(expect.arrayContaining(['制造业云上企业申报表', '杭州某某科技有限公司']));
    }
    const bare = '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="表1"><Table><Row><Cell ss:Index="2"><Data ss:Type="Number">12.5</Data></Cell></Row></Table></Worksheet></Workbook>';
    const r = await openWorkbookGrids(memoryFile('导出.xls', Buffer.from(bare)));
    expect(r.findings.map((f) => f.code)).toEqual(['WORKBOOK_IS_XML_2003']);
    expect(r.grids![0]!.at(1, 2)).toMatchObject({ address: 'B1', value: 12.5 });
  });

  it('keeps the cell addresses of a sheet in .xls, HTML and XML 2003 (E7 is E7 in Excel)', async () => {
    for (const file of [`libreoffice-xls/${A1}.xls`, `xlwt/${A1}.xls`, `html/${A1}.xls`, `xml2003/${A1}.xls`]) {
      const { found } = await forms(path.join(FORMATS, file));
      expect(found.a1!.fields.enterpriseName!.loc.cell, file).toBe('B2');
      expect(found.a1!.fields.employees!.loc.cell, file).toBe('B6');
    }
  });
});

describe('Word tables: places a person finds in Word', () => {
  it('names the table, row and column of a value (the title above the table is no row of it)', async () => {
    const { found } = await forms(path.join(FORMATS, 'python-docx', `${A1}.docx`));
    const loc = found.a1!.fields.employees!.loc;
    expect(loc).toMatchObject({ sheet: '第1个表格', cell: '第5行第2列' });
    expect(formatLocation(loc)).toBe(`${path.join(FORMATS, 'python-docx', `${A1}.docx`)} · 第1个表格 · 第5行第2列`);
    expect(placeOf({ file: 'a.docx', sheet: '第1个表格', cell: '第5行第2列' }, 'zh')).toBe('a.docx · 第1个表格 · 第5行第2列');
    expect(placeOf({ file: 'a.docx', sheet: '第1个表格', cell: '第5行第2列' }, 'en')).toBe('a.docx · table 1 · row 5, column 2');
    expect(placeOf({ file: 'a.docx', sheet: '第2个表格', cell: '表格上方第1段' }, 'en')).toBe('a.docx · table 2 · paragraph 1 above the table');
    expect(placeOf({ file: 'a.xlsx', sheet: '申报表', cell: 'B6' }, 'zh')).toBe('a.xlsx · 申报表!B6');
  });

  it('counts a cell by its place in its row, not by the grid column under a merged cell', async () => {
    const { found } = await forms(path.join(FORMATS, 'libreoffice-docx', `${A1}.docx`));
    // Row 7 of the table: 主营业务 and one cell spanning five columns.
    expect(found.a1!.fields.mainBusiness!.loc.cell).toBe('第7行第2列');
    expect(found.a1!.fields.employees!.loc.cell).toBe('第6行第2列');
  });

  it('leaves a Word document without a form unread, as other documents beside the forms', async () => {
    const dir = path.join(tmp, 'word-letter', '杭州市');
    await cp(CITY, dir, { recursive: true });
    await cp(path.join(FORMATS, 'python-docx', '申报说明.docx'), path.join(dir, SAMPLE, '申报说明.docx'));
    const sub = await readSubmission(dir, rules, { workers: 'never' });
    const pack = sub.cities[0]!.applicants.find((a) => a.folderName === SAMPLE)!;
    const letter = pack.findings.filter((f) => f.location?.file?.endsWith('申报说明.docx'));
    expect(letter.map((f) => [f.code, f.severity])).toEqual([['FILE_NOT_READ', 'info']]);
    expect(pack.a1).toBeDefined();
  });
});

describe('damaged and hostile files stay findings', () => {
  /** Deterministic bytes: the same damage on every run. */
  function damaged(bytes: Buffer, seed: number): Buffer {
    const out = Buffer.from(bytes);
    let x = seed;
    const next = () => (x = (x * 1103515245 + 12345) >>> 0) >>> 8;
    for (let i = 0; i < 16; i++) out[512 + (next() % (out.length - 512))] = next() & 0xff;
    return out;
  }

  it('an .xls with bytes overwritten anywhere is read or refused with an error, never a crash', async () => {
    const bytes = await readFile(path.join(FORMATS, 'libreoffice-xls', `${A2}.xls`));
    for (let seed = 1; seed <= 60; seed++) {
      const r = await openWorkbookGrids(memoryFile(`损坏${seed}.xls`, damaged(bytes, seed)));
      if (r.grids) expect(r.findings.map((f) => f.code), `seed ${seed}`).toEqual(['WORKBOOK_LEGACY_XLS']);
      else expect(r.findings.map((f) => f.severity), `seed ${seed}`).toEqual(['error']);
    }
  });

  it('a Word document with bytes overwritten is read or refused with an error', async () => {
    const bytes = await readFile(path.join(FORMATS, 'python-docx', `${A1}.docx`));
    for (let seed = 1; seed <= 20; seed++) {
      const r = await openWorkbookGrids(memoryFile(`损坏${seed}.docx`, damaged(bytes, seed)));
      if (!r.grids) expect(r.findings.map((f) => f.severity), `seed ${seed}`).toEqual(['error']);
    }
  });

  it('an HTML page spanning more cells than a sheet holds is refused, naming the format', async () => {
    const cell = '<td rowspan="20000" colspan="64">x</td>';
    const page = `<html><body><table>${Array.from({ length: 50 }, () => `<tr>${cell}</tr>`).join('')}</table></body></html>`;
    const r = await openWorkbookGrids(memoryFile('导出.xls', Buffer.from(page)));
    expect(r.grids).toBeNull();
    expect(r.findings.map((f) => [f.code, f.args.formatEn])).toEqual([['WORKBOOK_FORMAT_UNREADABLE', 'a web page (HTML) table']]);
  });

  it('an XML 2003 file with broken XML is refused, naming the format', async () => {
    const xml = (await readFile(path.join(FORMATS, 'xml2003', `${A1}.xls`), 'utf8')).replace('</Row>', '</Rw>');
    const r = await openWorkbookGrids(memoryFile('导出.xls', Buffer.from(xml)));
    expect(r.grids).toBeNull();
    expect(r.findings.map((f) => [f.code, f.args.formatEn])).toEqual([['WORKBOOK_FORMAT_UNREADABLE', 'XML Spreadsheet 2003']]);
  });
});

describe('what is sent back for a form in another format', () => {
  it('lists the problem at its Word place and never says cells were coloured when no copy was marked', async () => {
    const { found } = await forms(path.join(FORMATS, 'python-docx', `${A1}.docx`));
    const loc = found.a1!.fields.employees!.loc;
    const finding = { code: 'VALUE_NOT_NUMBER', severity: 'error' as const, args: { field: '员工数量', raw: '约一千人', unit: '人' }, location: { ...loc, file: `某公司/${A1}.docx` } };
    const unmarked = returnLetterText({ enterprise: '某公司', city: '杭州市', problems: [{ finding, file: `${A1}.docx`, marked: false }] });
    expect(unmarked).toContain(`位置：${A1}.docx，第1个表格 第5行第2列`);
    expect(unmarked).not.toContain('用颜色标出');
    const marked = returnLetterText({ enterprise: '某公司', city: '杭州市', problems: [{ finding, file: `${A1}.xlsx`, marked: true }] });
    expect(marked).toContain('用颜色标出');
  });
});

describe('.xls details the forms rely on', () => {
  it('reads formulas by their cached results, dates by their format, booleans, merges and a long string table', async () => {
    const opened = await open(path.join(FORMATS, 'edge', '边界.xls'));
    expect(opened.findings.map((f) => f.code)).toEqual(['WORKBOOK_LEGACY_XLS']);
    const [grid, second] = opened.grids!;
    expect(second!.sheet).toBe('第二页');
    expect(second!.at(1, 1).value).toBe('第二个工作表');
    const at = (a: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a)!;
      return grid!.at(Number(m[2]), m[1]!.charCodeAt(0) - 64);
    };
    expect(at('B1').value).toBe(3);
    expect(at('B2').value).toBe('云上企业');
    expect(at('B3')).toMatchObject({ value: null, error: '#DIV/0!' });
    expect(at('B4').value).toBe(true);
    expect(at('B5').value).toEqual(new Date(Date.UTC(2021, 10, 30)));
    expect(at('B6').value).toEqual(new Date(Date.UTC(2020, 1, 29)));
    expect(at('B7').value).toBe(true);
    expect(at('B8').value).toBe(0.1);
    expect(at('B9').value).toBe(123456789);
    expect(at('B10').value).toBe(-933.6);
    expect(grid!.span(2, 4)).toEqual({ top: 1, left: 3, bottom: 2, right: 4 });
    expect(at('C1').value).toBe('合并');
    for (let i = 1; i <= 600; i++) {
      expect(grid!.at(19 + i, 1).value).toBe(`第${i}条：企业已建成覆盖研发、生产、经营管理的信息化体系，设有专职信息化部门。`);
      expect(grid!.at(19 + i, 2).value).toBe(i);
    }
  });

  it('reads an Excel 95 (BIFF5) workbook, its byte strings in the code page it names', async () => {
    // LibreOffice no longer writes Excel 95: the records are put together here, the container by cfb.
    const rec = (type: number, ...parts: (number[] | Uint8Array)[]) => {
      const body = Buffer.concat(parts.map((p) => Buffer.from(p)));
      const head = Buffer.alloc(4);
      head.writeUInt16LE(type, 0);
      head.writeUInt16LE(body.length, 2);
      return Buffer.concat([head, body]);
    };
    const u16 = (v: number) => [v & 0xff, v >> 8];
    const bytes = (s: string) => [...u16(gbk(s).length), ...gbk(s)];
    const sheetName = gbk('申报表');
    const boundsheet = (at: number) => rec(0x85, [at & 0xff, (at >> 8) & 0xff, 0, 0, 0, 0, sheetName.length], sheetName);
    const globalsWithout = Buffer.concat([rec(0x809, u16(0x500), u16(5), [0, 0, 0, 0]), rec(0x42, u16(936)), boundsheet(0), rec(0x0a)]);
    const number = Buffer.alloc(8);
    number.writeDoubleLE(1671);
    const sheet = Buffer.concat([
      rec(0x809, u16(0x500), u16(0x10), [0, 0, 0, 0]),
      rec(0x204, u16(0), u16(0), u16(0), bytes('制造业云上企业申报表')),
      rec(0x204, u16(1), u16(0), u16(0), bytes('员工数量')),
      rec(0x203, u16(1), u16(1), u16(0), number),
      rec(0x0a),
    ]);
    const globals = Buffer.concat([rec(0x809, u16(0x500), u16(5), [0, 0, 0, 0]), rec(0x42, u16(936)), boundsheet(globalsWithout.length), rec(0x0a)]);
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, 'Book', Buffer.concat([globals, sheet]));
    const file = Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
    const r = await openWorkbookGrids(memoryFile('旧表.xls', file));
    expect(r.findings.map((f) => f.code)).toEqual(['WORKBOOK_LEGACY_XLS']);
    const grid = r.grids![0]!;
    expect(grid.sheet).toBe('申报表');
    expect([grid.at(1, 1).value, grid.at(2, 1).value, grid.at(2, 2).value]).toEqual(['制造业云上企业申报表', '员工数量', 1671]);
  });

  it('keeps an .xls with a password to open (FILEPASS) an error, advising to remove the password', async () => {
    const r = await open(path.join(FORMATS, 'edge', '加密-FILEPASS.xls'));
    expect(r.grids).toBeNull();
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['WORKBOOK_ENCRYPTED', 'error']]);
  });

  it('says a Word 97–2003 or WPS Writer document where a form should be is no workbook', async () => {
    const r = await open(path.join(FORMATS, 'edge', '申报说明.wps'));
    expect(r.grids).toBeNull();
    expect(r.findings.map((f) => [f.code, f.severity, f.args.detected])).toEqual([['FILE_NOT_WORKBOOK', 'error', 'doc/wps']]);
  });

  it('says an .xls cut short cannot be read, naming the format it saw', async () => {
    const bytes = await readFile(path.join(FORMATS, 'libreoffice-xls', `${SYSTEMS}.xls`));
    const r = await openWorkbookGrids(memoryFile('截断.xls', bytes.subarray(0, 5000)));
    expect(r.grids).toBeNull();
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['WORKBOOK_FORMAT_UNREADABLE', 'error']]);
    expect(r.findings[0]!.args.formatEn).toBe('Excel 97–2003 (.xls)');
  });
});

/** What decides an applicant's place: its status, totals and every indicator's score and rank. */
function scores(a: ApplicantResult) {
  const indicators = Object.fromEntries(
    Object.entries(a.indicators).map(([k, i]) => [k, { n: i.n, m: i.m, selfScore: i.selfScore, rank: i.rank, grade: i.grade, horizontalScore: i.horizontalScore, score: i.score, verified: i.verified }]),
  );
  return {
    id: a.id,
    name: a.name,
    creditCode: a.creditCode,
    status: a.status,
    rejectedBy: a.rejectedBy,
    district: a.district,
    provinceRank: a.provinceRank,
    cityRank: a.cityRank,
    cityRecommendedRank: a.cityRecommendedRank,
    selfTotal: a.selfTotal,
    horizontalTotal: a.horizontalTotal,
    total: a.total,
    dimensions: a.dimensions,
    indicators,
  };
}

/** The city's packs read and scored, with the sample applicant's forms replaced by `replace` (form → fixture). */
async function scoreCity(name: string, replace: Record<string, string>, workers: 'never' | 'always' = 'never') {
  const dir = path.join(tmp, name, '杭州市');
  await cp(CITY, dir, { recursive: true });
  for (const [form, fixture] of Object.entries(replace)) {
    const folder = form === A3 ? dir : path.join(dir, SAMPLE);
    await rm(path.join(folder, `${form}.xlsx`));
    await cp(path.join(FORMATS, fixture), path.join(folder, path.basename(fixture)));
  }
  const submission = await readSubmission(dir, rules, { workers });
  const result = evaluate(submission, rules);
  const sample = result.applicants.find((a) => a.name === SAMPLE)!;
  return { result, sample, files: [...(await readdir(dir)), ...(await readdir(path.join(dir, SAMPLE)))].sort() };
}

describe('an applicant whose forms come in other formats is scored as with its .xlsx forms', () => {
  let baseline: Awaited<ReturnType<typeof scoreCity>>;
  beforeAll(async () => {
    baseline = await scoreCity('xlsx', {});
  });

  const all = (dir: string, ext: string) => Object.fromEntries([A1, A2, SYSTEMS, PRODUCTS].map((f) => [f, `${dir}/${f}.${ext}`]));
  const variants: Record<string, Record<string, string>> = {
    'all four forms saved as .xls by LibreOffice': all('libreoffice-xls', 'xls'),
    "all four forms and the city's 附件3 saved as .xls by LibreOffice": { ...all('libreoffice-xls', 'xls'), [A3]: `libreoffice-xls/${A3}.xls` },
    'all four forms written as .xls by xlwt': all('xlwt', 'xls'),
    '附件1 and 附件2 as Word tables saved by LibreOffice': { [A1]: `libreoffice-docx/${A1}.docx`, [A2]: `libreoffice-docx/${A2}.docx` },
    '附件1 and 附件2 as Word tables made by python-docx': { [A1]: `python-docx/${A1}.docx`, [A2]: `python-docx/${A2}.docx` },
    '附件1 and 附件2 as HTML, the lists as CSV/TSV text, all saved as .xls': {
      [A1]: `html/${A1}.xls`,
      [A2]: `html/${A2}.xls`,
      [SYSTEMS]: `csv/${SYSTEMS}.xls`,
      [PRODUCTS]: `csv/${PRODUCTS}.xls`,
    },
    '附件1 and 附件2 as XML Spreadsheet 2003': { [A1]: `xml2003/${A1}.xls`, [A2]: `xml2003/${A2}.xls` },
  };
  for (const [name, replace] of Object.entries(variants)) {
    it(name, async () => {
      const run = await scoreCity(name.replace(/\W+/g, '-'), replace);
      expect(run.files).toEqual(expect.arrayContaining(Object.values(replace).map((f) => path.basename(f))));
      expect(run.sample.status).not.toBe('rejected');
      expect(run.result.applicants.map(scores)).toEqual(baseline.result.applicants.map(scores));
      // The same findings but the infos naming the formats (and the file names they carry).
      const codes = (a: ApplicantResult) => a.findings.filter((f) => !FORMAT_INFOS.has(f.code)).map((f) => `${f.severity} ${f.code}`).sort();
      expect(codes(run.sample)).toEqual(codes(baseline.sample));
      const all = (r: typeof baseline.result) => r.findings.filter((f) => !FORMAT_INFOS.has(f.code)).map((f) => `${f.severity} ${f.code} ${f.applicant ?? ''}`).sort();
      expect(all(run.result)).toEqual(all(baseline.result));
      expect(run.sample.findings.filter((f) => FORMAT_INFOS.has(f.code)).length).toBe(Object.keys(replace).filter((f) => f !== A3).length);
      expect(run.result.applicants.every((a) => a.status !== 'rejected')).toBe(baseline.result.applicants.every((a) => a.status !== 'rejected'));
    });
  }
});

describe('the reading threads read the other formats too', () => {
  it('scores an applicant with .xls and Word forms the same on reading threads as on the main thread', async () => {
    const replace = { [A1]: `python-docx/${A1}.docx`, [A2]: `libreoffice-xls/${A2}.xls`, [SYSTEMS]: `xlwt/${SYSTEMS}.xls` };
    const [threads, main] = await Promise.all([scoreCity('threads', replace, 'always'), scoreCity('main-thread', replace, 'never')]);
    expect(threads.result.applicants.map(scores)).toEqual(main.result.applicants.map(scores));
    expect(threads.sample.findings.map((f) => f.code).sort()).toEqual(main.sample.findings.map((f) => f.code).sort());
    expect(threads.sample.findings.filter((f) => FORMAT_INFOS.has(f.code)).length).toBe(3);
  });
});

const FORMAT_INFOS = new Set(['WORKBOOK_LEGACY_XLS', 'WORKBOOK_IS_HTML', 'WORKBOOK_IS_XML_2003', 'WORKBOOK_IS_CSV_TEXT', 'WORKBOOK_IS_DOCX']);
