/**
 * 问题汇总: the list of everything an enterprise (or a city) has to fix, as a sheet put first in its
 * copy of 附件1 — where a missing file, a missing screenshot or a problem with no cell of its own
 * can be read — or as a small workbook of its own (问题清单.xlsx) when there is no 附件1 to carry it.
 */
import type ExcelJS from 'exceljs';
import type { Finding, Severity } from '../findings/finding.js';
import { isCellAddress } from '../model/location.js';
import { renderFix, renderMessage } from './catalogue.js';
import { word } from './words.js';
import { cellText, displayWidth, FILLS } from './xlsx.js';
import { FIXED_DATE, workbookBytes } from '../util/workbookBytes.js';
import { loadExcel } from '../util/loadExcel.js';

export const ISSUE_SHEET_NAME = '问题汇总';

/** What exceljs keeps on a worksheet but does not type: the written order and each view's selected tab. */
interface SheetOrder {
  orderNo: number;
  views?: { tabSelected?: boolean }[];
}

export interface IssueRow {
  severity: Severity;
  /** The file, relative to the folder the list is in (「附件2-用云水平评估表.xlsx」), or '' for the pack as a whole. */
  file: string;
  /** 「用云水平评估表 F9」, 「系统清单 第4行」, or '' when the finding names no place in the file. */
  place: string;
  message: string;
  fix: string;
  code: string;
  /** Whether the cell is marked in the copy of its workbook. */
  marked: boolean;
}

export interface IssueSheet {
  /** The heading line: 「台州辰立五金工具有限公司 申报材料问题汇总」. */
  title: string;
  rows: IssueRow[];
}

const SEVERITY_FONT: Partial<Record<Severity, string>> = { error: 'FF9C0006', warning: 'FF9C5700' };

/** 「用云水平评估表 F9」: the sheet and cell in words, as 退回意见 and this sheet print them. */
export function placeInFile(f: Finding): string {
  const loc = f.location ?? {};
  // A Word table's place is already words: 「第1个表格 第5行第2列」.
  if (loc.cell && !isCellAddress(loc.cell)) return [loc.sheet ?? '', loc.cell].filter(Boolean).join(' ');
  const at = loc.cell ? loc.cell : loc.row !== undefined ? `第${loc.row}行` : '';
  return [loc.sheet ? `「${loc.sheet}」工作表` : '', at ? (loc.cell ? `${at} 单元格` : at) : ''].filter(Boolean).join(' ');
}

export function issueRow(f: Finding, file: string, marked: boolean): IssueRow {
  return { severity: f.severity, file, place: placeInFile(f), message: renderMessage(f, 'zh'), fix: renderFix(f, 'zh'), code: f.code, marked };
}

const COLUMNS: { header: string; width: number; value: (r: IssueRow, i: number) => string | number }[] = [
  { header: '序号', width: 6, value: (_r, i) => i + 1 },
  { header: '级别', width: 6, value: (r) => word(r.severity, 'zh') },
  { header: '文件', width: 30, value: (r) => r.file || '（整份申报材料）' },
  { header: '位置', width: 24, value: (r) => r.place || '—' },
  { header: '问题', width: 50, value: (r) => r.message },
  { header: '修改建议', width: 44, value: (r) => r.fix },
  { header: '表中已标出', width: 10, value: (r) => (r.marked ? '是' : '否') },
  { header: '代码', width: 24, value: (r) => r.code },
];

/**
 * Adds the 问题汇总 sheet to `wb`; with `first`, it becomes the first sheet and the one that opens,
 * so nobody misses it.
 */
export function addIssueSheet(wb: ExcelJS.Workbook, list: IssueSheet, opts: { first?: boolean } = {}): ExcelJS.Worksheet {
  let name = ISSUE_SHEET_NAME;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${ISSUE_SHEET_NAME}${i}`;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.getCell('A1').value = cellText(list.title);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell('A2').value = '下列问题需要修改；能对应到单元格的，已在各表中用颜色标出（红色为错误，黄色为警告），鼠标移到单元格上可看到说明。';
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  const header = ws.getRow(3);
  COLUMNS.forEach((col, j) => {
    const cell = header.getCell(j + 1);
    cell.value = col.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS.header } };
    cell.border = { bottom: { style: 'thin' } };
  });
  list.rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    COLUMNS.forEach((col, j) => {
      const v = col.value(r, i);
      const cell = row.getCell(j + 1);
      cell.value = typeof v === 'string' ? cellText(v) : v;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    const colour = SEVERITY_FONT[r.severity];
    if (colour) row.getCell(2).font = { bold: true, color: { argb: colour } };
  });
  const widths = COLUMNS.map((col) => {
    const longest = Math.max(displayWidth(col.header), ...list.rows.map((r, i) => displayWidth(String(col.value(r, i)))));
    return Math.min(col.width, Math.max(6, longest + 2));
  });
  widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
  // No program sets a wrapped row's height from a file; estimated here from the longest cell, a CJK character counting two.
  list.rows.forEach((r, i) => {
    const lines = Math.max(...COLUMNS.map((col, j) => Math.ceil(displayWidth(String(col.value(r, i))) / Math.max(1, widths[j]! - 1))));
    ws.getRow(4 + i).height = Math.max(1, lines) * 15;
  });
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };

  if (opts.first) {
    const sheets = wb.worksheets as unknown as SheetOrder[];
    const mine = ws as unknown as SheetOrder;
    mine.orderNo = Math.min(...sheets.map((w) => w.orderNo)) - 1;
    // One selected tab: two would open the workbook with its sheets grouped, and typing would change both.
    for (const w of sheets) for (const v of w.views ?? []) v.tabSelected = w === mine;
    wb.views = (wb.views?.length ? wb.views : [{}]).map((v) => ({ ...v, activeTab: 0, firstSheet: 0 })) as typeof wb.views;
  }
  return ws;
}

/** 问题清单.xlsx: the list alone, for a folder without a 附件1 workbook to put it in. */
export async function issueListWorkbook(list: IssueSheet): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'yunshang';
  wb.created = wb.modified = FIXED_DATE;
  addIssueSheet(wb, list);
  return workbookBytes(wb);
}
