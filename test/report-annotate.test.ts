import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { annotateWorkbook } from '../src/report/annotate.js';
import { renderFix, renderMessage } from '../src/report/catalogue.js';
import type { Finding } from '../src/findings/finding.js';

const FILE = '杭州市/杭州喆云科技有限公司/附件2-用云水平评估表.xlsx';
const RED = 'FFFFC7CE';
const YELLOW = 'FFFFEB9C';
let input: Buffer;

/** A form whose value cells share one style (a thin border and a font), as every real form's table does. */
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用云水平评估表');
  ws.getCell('A1').value = '制造业云上企业用云水平评估表';
  ws.mergeCells('A1:F1');
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  for (const row of [7, 8, 9, 10])
    for (const col of ['D', 'E', 'F']) {
      const c = ws.getCell(`${col}${row}`);
      c.border = border;
      c.font = { name: '宋体', size: 11 };
    }
  ws.getCell('D7').value = '云存储';
  ws.getCell('E7').value = 12;
  ws.getCell('F7').value = 10;
  ws.getCell('E8').value = 3;
  ws.getCell('F8').value = '500GB';
  ws.getCell('E9').value = 1;
  ws.getCell('E9').note = '企业自己的批注';
  ws.getCell('D10').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  wb.addWorksheet('说明').getCell('A1').value = '填表说明';
  input = Buffer.from(await wb.xlsx.writeBuffer());
});

function finding(code: string, severity: Finding['severity'], cell: string | undefined, args: Record<string, string | number> = {}, sheet = '用云水平评估表'): Finding {
  return { code, severity, args, location: cell ? { file: FILE, sheet, cell } : { file: FILE, sheet } };
}

const nGreater = finding('N_GREATER_THAN_M', 'error', 'E7', { n: 12, m: 10, indicator: '云存储', indicatorEn: 'Cloud storage' });
const phone = finding('PHONE_INVALID', 'warning', 'E7', { field: '联系电话', fieldEn: 'Phone', value: '123' });
const converted = finding('VALUE_UNIT_CONVERTED', 'info', 'F8', { field: '企业存储数据总量', raw: '500GB', value: 0.48828125, unit: 'TB' });
const warnOnly = finding('PHONE_INVALID', 'warning', 'E8', { field: '联系电话', fieldEn: 'Phone', value: '456' });
const onTheirNote = finding('PHONE_INVALID', 'warning', 'E9', { field: '联系电话', fieldEn: 'Phone', value: '789' });
const noCell = finding('A2_MISSING', 'error', undefined, {}, '不存在的表');

async function read(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb;
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

function argb(cell: ExcelJS.Cell): string | undefined {
  return (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
}

/** What a person sees of a cell's style (「General」 is what no number format means). */
function look(cell: ExcelJS.Cell): object {
  const numFmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null;
  return { fill: cell.fill ?? null, font: cell.font ?? null, border: cell.border ?? null, numFmt };
}

/** Each cell's style id (`s`) in the sheet XML, and each style id's fill id in styles.xml. */
function styleIds(xlsx: Uint8Array, sheetPart = 'xl/worksheets/sheet1.xml'): { cells: Map<string, number>; fillOf: number[] } {
  const parts = unzipSync(xlsx);
  const sheet = strFromU8(parts[sheetPart]!);
  const cells = new Map<string, number>();
  for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)\/?>/g)) {
    const s = /\ss="(\d+)"/.exec(m[2]!);
    cells.set(m[1]!, s ? Number(s[1]) : 0);
  }
  const styles = strFromU8(parts['xl/styles.xml']!);
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
  const fillOf = [...xfs.matchAll(/<xf\b[^>]*?fillId="(\d+)"/g)].map((m) => Number(m[1]));
  return { cells, fillOf };
}

describe('annotated copies of input workbooks', () => {
  it('fills a cell with an error red and notes every finding on it with message, fix and code', async () => {
    const a = await annotateWorkbook(input, [nGreater, phone]);
    const cell = (await read(a.data)).getWorksheet('用云水平评估表')!.getCell('E7');
    expect(argb(cell)).toBe(RED);
    const note = noteText(cell);
    expect(note).toContain(`【错误】${renderMessage(nGreater, 'zh')}`);
    expect(note).toContain(`修改建议：${renderFix(nGreater, 'zh')}`);
    expect(note).toContain('（代码 N_GREATER_THAN_M）');
    expect(note).toContain('（代码 PHONE_INVALID）');
    expect(note.indexOf('N_GREATER_THAN_M')).toBeLessThan(note.indexOf('PHONE_INVALID'));
    expect(cell.value).toBe(12);
    expect(a.onCells).toEqual([nGreater, phone]);
  });

  it('changes no other cell, although they share the marked cell’s style', async () => {
    const a = await annotateWorkbook(input, [nGreater]);
    const before = (await read(input)).getWorksheet('用云水平评估表')!;
    const after = (await read(a.data)).getWorksheet('用云水平评估表')!;
    for (const row of [1, 7, 8, 9, 10])
      for (const col of ['A', 'D', 'E', 'F']) {
        const address = `${col}${row}`;
        if (address === 'E7') continue;
        expect(look(after.getCell(address)), address).toEqual(look(before.getCell(address)));
      }
    // The marked cell keeps its border and font under the fill.
    expect(after.getCell('E7').border).toEqual(before.getCell('E7').border);
    expect(after.getCell('E7').font).toEqual(before.getCell('E7').font);
  });

  it('gives the marked cell a style id of its own in the file, and the cells that shared its id keep one without a fill', async () => {
    const was = styleIds(input);
    expect(was.cells.get('E7')).toBe(was.cells.get('F7')); // the shared style that once turned a whole table red
    const now = styleIds((await annotateWorkbook(input, [nGreater])).data);
    expect(now.cells.get('E7')).not.toBe(now.cells.get('F7'));
    expect(now.fillOf[now.cells.get('E7')!]).not.toBe(0);
    for (const address of ['D7', 'F7', 'E8', 'F8', 'D9', 'E10', 'F10']) expect(now.cells.get(address), address).toBe(now.cells.get('F7'));
    expect(now.fillOf[now.cells.get('F7')!]).toBe(0);
    expect(now.fillOf[now.cells.get('D10')!]).not.toBe(0); // its own grey fill, untouched
  });

  it('fills a cell with only a warning yellow, and gives a note-only cell a note without a fill', async () => {
    const wb = await read((await annotateWorkbook(input, [warnOnly, converted])).data);
    const ws = wb.getWorksheet('用云水平评估表')!;
    expect(argb(ws.getCell('E8'))).toBe(YELLOW);
    expect(argb(ws.getCell('F8'))).toBeUndefined();
    expect(noteText(ws.getCell('F8'))).toContain('（代码 VALUE_UNIT_CONVERTED）');
    expect(noteText(ws.getCell('F8'))).toContain('已按TB换算为 0.49');
  });

  it('keeps a note the enterprise already wrote and adds ours after it', async () => {
    const wb = await read((await annotateWorkbook(input, [onTheirNote])).data);
    const note = noteText(wb.getWorksheet('用云水平评估表')!.getCell('E9'));
    expect(note.startsWith('企业自己的批注')).toBe(true);
    expect(note).toContain('（代码 PHONE_INVALID）');
  });

  it('hands back the findings it has no cell for, marking nothing for them', async () => {
    const a = await annotateWorkbook(input, [noCell, nGreater]);
    expect(a.offCells).toEqual([noCell]);
    expect(a.onCells).toEqual([nGreater]);
    const wb = await read(a.data);
    expect(noteText(wb.worksheets[0]!.getCell('A1'))).toBe('');
  });

  it('puts 问题汇总 first, selected and opening, with every row it is given', async () => {
    const a = await annotateWorkbook(input, [nGreater], {
      issues: {
        title: '杭州喆云科技有限公司 申报材料问题汇总',
        rows: [
          { severity: 'error', file: '', place: '', message: renderMessage(noCell, 'zh'), fix: renderFix(noCell, 'zh'), code: 'A2_MISSING', marked: false },
          { severity: 'error', file: '附件2-用云水平评估表.xlsx', place: '「用云水平评估表」工作表 E7 单元格', message: renderMessage(nGreater, 'zh'), fix: '', code: 'N_GREATER_THAN_M', marked: true },
        ],
      },
    });
    const wb = await read(a.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题汇总', '用云水平评估表', '说明']);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('杭州喆云科技有限公司 申报材料问题汇总');
    expect(sheet.getRow(4).getCell(3).value).toBe('（整份申报材料）');
    expect(sheet.getRow(4).getCell(8).value).toBe('A2_MISSING');
    expect(sheet.getRow(5).getCell(4).value).toBe('「用云水平评估表」工作表 E7 单元格');
    const parts = unzipSync(a.data);
    expect(strFromU8(parts['xl/workbook.xml']!)).toMatch(/activeTab="0"/);
    const selected = Object.entries(parts).filter(([name, bytes]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name) && /tabSelected="1"/.test(strFromU8(bytes)));
    expect(selected).toHaveLength(1);
  });

  it('never changes the input buffer', async () => {
    const before = Buffer.from(input);
    await annotateWorkbook(input, [nGreater, phone, converted, warnOnly, noCell]);
    expect(input.equals(before)).toBe(true);
  });

  it('gives the same bytes for the same input and findings', async () => {
    let a: Buffer;
    let b: Buffer;
    // Two different clocks: any time stamp in the file (zip entries, docProps) would show.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T08:00:00Z'));
      a = (await annotateWorkbook(input, [nGreater, converted])).data;
      vi.setSystemTime(new Date('2026-06-30T17:31:07Z'));
      b = (await annotateWorkbook(input, [nGreater, converted])).data;
    } finally {
      vi.useRealTimers();
    }
    expect(a.equals(b)).toBe(true);
  });

  it('marks the merged range’s top-left cell when a finding names another cell inside it', async () => {
    const inMerge = finding('N_GREATER_THAN_M', 'error', 'C1', { n: 1, m: 0, indicator: '云存储', indicatorEn: 'Cloud storage' });
    const wb = await read((await annotateWorkbook(input, [inMerge])).data);
    const a1 = wb.getWorksheet('用云水平评估表')!.getCell('A1');
    expect(argb(a1)).toBe(RED);
    expect(noteText(a1)).toContain('（代码 N_GREATER_THAN_M）');
  });
});

describe('annotating a form saved by LibreOffice', () => {
  it('marks the one cell and leaves every other cell of every sheet looking as it did', async () => {
    const file = join('fixtures', 'saved-by-libreoffice', '附件2-用云水平评估表.xlsx');
    const bytes = await readFile(file);
    const original = await read(bytes);
    const sheet = original.worksheets[0]!;
    const f: Finding = { code: 'VALUE_NOT_NUMBER', severity: 'error', args: { field: '生产 M', unit: '个', raw: '约二十' }, location: { file, sheet: sheet.name, cell: 'F9' } };
    const annotated = await read((await annotateWorkbook(bytes, [f])).data);
    let compared = 0;
    for (const ws of original.worksheets) {
      const other = annotated.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (ws === sheet && cell.address === 'F9') return;
          compared++;
          expect(look(other.getCell(cell.address)), `${ws.name}!${cell.address}`).toEqual(look(cell));
        }),
      );
    }
    expect(compared).toBeGreaterThan(100);
    expect(argb(annotated.getWorksheet(sheet.name)!.getCell('F9'))).toBe(RED);
  });
});
