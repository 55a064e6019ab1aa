import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { annotateWorkbook } from '../src/report/annotate.js';
import { renderMessage } from '../src/report/catalogue.js';
import type { Finding } from '../src/findings/finding.js';

const FILE = '杭州市/杭州喆云科技有限公司/附件2-用云水平评估表.xlsx';
let dir: string;
let inputPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yunshang-annotate-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用云水平评估表');
  ws.getCell('A1').value = '制造业云上企业用云水平评估表';
  ws.mergeCells('A1:F1');
  ws.getCell('D7').value = '云存储';
  ws.getCell('E7').value = 12;
  ws.getCell('F7').value = 10;
  ws.getCell('E8').value = 3;
  ws.getCell('F8').value = '500GB';
  ws.getCell('E9').value = 1;
  ws.getCell('E9').note = '企业自己的批注';
  wb.addWorksheet('说明').getCell('A1').value = '填表说明';
  inputPath = join(dir, 'input.xlsx');
  await wb.xlsx.writeFile(inputPath);
});

function finding(code: string, severity: Finding['severity'], cell: string | undefined, args: Record<string, string | number> = {}, sheet = '用云水平评估表'): Finding {
  return { code, severity, args, location: cell ? { file: FILE, sheet, cell } : { file: FILE, sheet } };
}

const nGreater = finding('N_GREATER_THAN_M', 'error', 'E7', { n: 12, m: 10, indicator: '云存储', indicatorEn: 'Cloud storage' });
const phone = finding('PHONE_INVALID', 'warning', 'E7', { field: '联系电话', fieldEn: 'Phone', value: '123' });
const converted = finding('VALUE_UNIT_CONVERTED', 'info', 'F8', { field: '企业存储数据总量', raw: '500GB', value: 0.49, unit: 'TB' });
const warnOnly = finding('PHONE_INVALID', 'warning', 'E8', { field: '联系电话', fieldEn: 'Phone', value: '456' });
const onTheirNote = finding('PHONE_INVALID', 'warning', 'E9', { field: '联系电话', fieldEn: 'Phone', value: '789' });
const noCell = finding('A2_MISSING', 'error', undefined, {}, '不存在的表');

async function annotatedBook(findings: Finding[]): Promise<{ wb: ExcelJS.Workbook; input: Buffer; before: Buffer }> {
  const input = await readFile(inputPath);
  const before = Buffer.from(input);
  const out = await annotateWorkbook(input, findings, 'zh');
  const file = join(dir, `out-${findings.length}.xlsx`);
  await writeFile(file, out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { wb, input, before };
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

function argb(cell: ExcelJS.Cell): string | undefined {
  return (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
}

describe('annotated copies of input workbooks', () => {
  it('fills a cell with an error red and notes every finding on it with message and code', async () => {
    const { wb } = await annotatedBook([nGreater, phone]);
    const cell = wb.getWorksheet('用云水平评估表')!.getCell('E7');
    expect(argb(cell)).toBe('FFFFC7CE');
    const note = noteText(cell);
    expect(note).toContain(renderMessage(nGreater, 'zh'));
    expect(note).toContain('[N_GREATER_THAN_M]');
    expect(note).toContain('[PHONE_INVALID]');
    expect(note.indexOf('N_GREATER_THAN_M')).toBeLessThan(note.indexOf('PHONE_INVALID'));
    expect(cell.value).toBe(12);
  });

  it('fills a cell with only a warning yellow and leaves a note-only cell for notes', async () => {
    const { wb } = await annotatedBook([warnOnly, converted]);
    const ws = wb.getWorksheet('用云水平评估表')!;
    expect(argb(ws.getCell('E8'))).toBe('FFFFEB9C');
    expect(argb(ws.getCell('F8'))).toBeUndefined();
    expect(noteText(ws.getCell('F8'))).toContain('[VALUE_UNIT_CONVERTED]');
  });

  it('keeps a note the enterprise already wrote and adds ours after it', async () => {
    const { wb } = await annotatedBook([onTheirNote]);
    const note = noteText(wb.getWorksheet('用云水平评估表')!.getCell('E9'));
    expect(note.startsWith('企业自己的批注')).toBe(true);
    expect(note).toContain('[PHONE_INVALID]');
  });

  it('puts findings without a usable cell into a note on A1 of the first sheet, without a fill', async () => {
    const { wb } = await annotatedBook([noCell]);
    const a1 = wb.worksheets[0]!.getCell('A1');
    expect(noteText(a1)).toContain('本文件的问题');
    expect(noteText(a1)).toContain('[A2_MISSING]');
    expect(argb(a1)).toBeUndefined();
    expect(a1.value).toBe('制造业云上企业用云水平评估表');
  });

  it('never changes the input buffer', async () => {
    const { input, before } = await annotatedBook([nGreater, phone, converted, warnOnly, noCell]);
    expect(input.equals(before)).toBe(true);
  });

  it('gives the same bytes for the same input and findings', async () => {
    const input = await readFile(inputPath);
    let a: Buffer;
    let b: Buffer;
    // Two different clocks: any time stamp in the file (zip entries, docProps) would show.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T08:00:00Z'));
      a = await annotateWorkbook(input, [nGreater, converted], 'zh');
      vi.setSystemTime(new Date('2026-06-30T17:31:07Z'));
      b = await annotateWorkbook(input, [nGreater, converted], 'zh');
    } finally {
      vi.useRealTimers();
    }
    expect(a.equals(b)).toBe(true);
  });
});

describe('annotating a merged cell', () => {
  it('marks the merged range\'s top-left cell when a finding names another cell inside it', async () => {
    const inMerge = finding('N_GREATER_THAN_M', 'error', 'C1', { n: 1, m: 0, indicator: '云存储', indicatorEn: 'Cloud storage' });
    const { wb } = await annotatedBook([inMerge]);
    const a1 = wb.getWorksheet('用云水平评估表')!.getCell('A1');
    expect(argb(a1)).toBe('FFFFC7CE');
    expect(noteText(a1)).toContain('[N_GREATER_THAN_M]');
  });
});
