/**
 * What `validate --annotate` builds, on a tree made in memory: a city delivered as a zip, a 推荐排序表
 * sent as CSV (which cannot be marked), an enterprise without 附件1, one with notes only.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReturnPacks, type ReturnPacks } from '../src/report/returnPacks.js';
import { formatReturnSummary } from '../src/report/formatters/returnSummary.js';
import type { Discovery, InputFile } from '../src/ingest/files/tree.js';
import type { Finding } from '../src/findings/finding.js';
import type { Submission } from '../src/model/records.js';
import type { ApplicantResult, Result } from '../src/model/result.js';

const CITY = '宁波市';
const ZIP = '宁波市.zip';
const A = `${ZIP}/宁波甬江模具有限公司`;
const B = `${ZIP}/宁波海天智造有限公司`;
const C = `${ZIP}/宁波慈溪电器有限公司`;

let a2: Buffer;

function file(path: string, relPath: string, data: Uint8Array | string = ''): InputFile {
  const bytes = Buffer.from(data);
  return { path, relPath, size: bytes.length, read: async () => bytes };
}

const f = (code: string, severity: Finding['severity'], args: Finding['args'], location: Finding['location'], applicant?: string): Finding => ({
  code,
  severity,
  args,
  ...(location ? { location } : {}),
  ...(applicant !== undefined ? { applicant } : {}),
  city: CITY,
});

const nGreater = f('N_GREATER_THAN_M', 'error', { n: 12, m: 10, indicator: '云存储', indicatorEn: 'Cloud storage' }, { file: `${A}/附件2-用云水平评估表.xlsx`, sheet: '用云水平评估表', cell: 'E7' }, A);
const a1Missing = f('A1_MISSING', 'error', {}, { file: A }, A);
const note = f('VALUE_UNIT_CONVERTED', 'info', { field: '云存储 N', raw: '500GB', value: 0.48828125, unit: 'TB' }, { file: `${B}/附件2-用云水平评估表.xlsx`, sheet: '用云水平评估表', cell: 'D3' }, B);
const notInA3 = f('PACK_WITHOUT_A3_ROW', 'error', { name: '宁波慈溪电器有限公司' }, { file: `${ZIP}/附件3-推荐排序表.csv` }, C);

function applicant(id: string, name: string, findings: Finding[]): ApplicantResult {
  return { id, city: CITY, name, findings } as unknown as ApplicantResult;
}

let packs: ReturnPacks;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用云水平评估表');
  ws.getCell('E7').value = 12;
  a2 = Buffer.from(await wb.xlsx.writeBuffer());
  const tree: Discovery = {
    root: 'in',
    kind: 'province',
    kindReason: { zh: '按城市文件夹识别', en: 'by city folders' },
    findings: [],
    cities: [
      {
        name: CITY,
        id: ZIP,
        files: [file(`${ZIP}/附件3-推荐排序表.csv`, '附件3-推荐排序表.csv', '序号,企业名称\n')],
        applicants: [
          { id: A, city: CITY, folderName: '宁波甬江模具有限公司', files: [file(`${A}/附件2-用云水平评估表.xlsx`, '附件2-用云水平评估表.xlsx', a2)] },
          { id: B, city: CITY, folderName: '宁波海天智造有限公司', files: [file(`${B}/附件2-用云水平评估表.xlsx`, '附件2-用云水平评估表.xlsx', a2)] },
          { id: C, city: CITY, folderName: '宁波慈溪电器有限公司', files: [] },
        ],
      },
    ],
  };
  const submission = { root: 'in', kind: 'province', findings: [], cities: [{ name: CITY, id: ZIP, applicants: [], findings: [] }] } as unknown as Submission;
  const result = {
    findings: [],
    applicants: [
      applicant(A, '宁波甬江模具有限公司', [a1Missing, nGreater]),
      applicant(B, '宁波海天智造有限公司', [note]),
      applicant(C, '宁波慈溪电器有限公司', [notInA3]),
    ],
  } as unknown as Result;
  packs = await buildReturnPacks(tree, submission, result);
});

describe('what validate --annotate sends back', () => {
  it('puts a zipped city’s enterprise under the city’s name, with its marked form, its list and its letter', () => {
    expect(packs.files.map((x) => x.path).sort()).toEqual([
      '宁波市/问题清单.xlsx',
      '宁波市/宁波甬江模具有限公司/问题清单.xlsx',
      '宁波市/宁波甬江模具有限公司/附件2-用云水平评估表.xlsx',
      '宁波市/宁波甬江模具有限公司/退回意见.txt',
    ].sort());
    expect(packs.enterprises.map((e) => e.folder)).toEqual(['宁波市/宁波甬江模具有限公司']);
    expect(packs.clean).toBe(2);
  });

  it('leaves the city’s row to add to the city, not to the enterprise it names', () => {
    expect(packs.cities).toEqual([{ city: CITY, files: ['宁波市/问题清单.xlsx'], counts: { error: 1, warning: 0, info: 0 } }]);
  });

  it('lists in 问题清单.xlsx, when there is no 附件1, every finding with whether its cell is marked', async () => {
    const list = packs.files.find((x) => x.path === '宁波市/宁波甬江模具有限公司/问题清单.xlsx')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(list.data) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('问题汇总');
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => n > 3 && rows.push([row.getCell(3).value, row.getCell(4).value, row.getCell(7).value, row.getCell(8).value]));
    expect(rows).toEqual([
      ['（整份申报材料）', '—', '否', 'A1_MISSING'],
      ['附件2-用云水平评估表.xlsx', '「用云水平评估表」工作表 E7 单元格', '是', 'N_GREATER_THAN_M'],
    ]);
  });

  it('writes the letter with each problem, where it is and what to do', () => {
    const letter = String(packs.files.find((x) => x.path.endsWith('退回意见.txt'))!.data);
    expect(letter).toContain('宁波甬江模具有限公司：');
    expect(letter).toContain('发现以下 2 个问题需要修改或核实');
    expect(letter).toContain('   位置：附件2-用云水平评估表.xlsx，「用云水平评估表」工作表 E7 单元格（已在表中标出）');
    expect(letter).toContain('   位置：整份申报材料');
    expect(letter).toContain('全部问题另列在「问题清单.xlsx」的「问题汇总」工作表中。');
    expect(letter).toContain('请修改后重新报送。');
    expect(letter).toContain('\r\n宁波市经济和信息化局\r\n');
  });

  it('summarises who has to act, in English too', () => {
    expect(formatReturnSummary(packs, 'out', 'zh')).toBe(
      [
        '需要退回企业修改后重新报送（1 家），材料在 out：',
        '  宁波市 宁波甬江模具有限公司（2 个错误）  out/宁波市/宁波甬江模具有限公司/',
        '市经信局需自行修改本市材料（1 个市）：',
        '  宁波市（1 个错误）  out/宁波市/问题清单.xlsx',
        '其余 2 家企业无需退回。',
        '',
      ].join('\n'),
    );
    expect(formatReturnSummary(packs, 'out', 'en')).toContain('  宁波市 宁波甬江模具有限公司 (2 errors)  out/宁波市/宁波甬江模具有限公司/');
  });
});
