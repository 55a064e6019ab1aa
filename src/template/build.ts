/**
 * Builders: each adds one form to a workbook, laid out like the printed attachment, optionally filled
 * from a plain object of what a person would type. The template command writes them blank; tests and
 * fixtures fill them.
 */
import type ExcelJS from 'exceljs';
import type { A1FieldKey } from '../model/records.js';
import type { DataCategory, ExpertKey, IndicatorKey } from '../model/indicators.js';
import type { Rules, IndicatorRule } from '../rules/schema.js';
import {
  A1_GRID,
  A2_COLUMNS,
  A2_HEADERS,
  EXPERT_SCORED,
  NOTICE_A2_NOTES,
  NOTICE_A2_TEXTS,
  NOTICE_EXPERT_TEXTS,
  explanationText,
  A3_COLUMNS,
  BLANK_LIST_ROWS,
  FORM_TITLES,
  PRODUCT_COLUMNS,
  SERVER_CELLS,
  SHEET_NAMES,
  SYSTEM_COLUMNS,
  TICK_GRID,
  TICK_NO,
  TICK_YES,
  a1Field,
  expertColumns,
  DECISION_SHEET_COLUMNS,
  DECISION_TYPES,
  type DecisionColumnKey,
  indicatorLabel,
  mLabel,
  nLabel,
  type ColumnSpec,
  type A1FieldSpec,
  systemIndicatorsByName,
} from '../forms/layout.js';
import { displayWidth } from '../forms/normalise.js';

/** What a person types into a cell: 12, '12.5TB', '１２', '无', '1,200'. */
export type Typed = string | number | null;

export interface A1Values extends Partial<Record<A1FieldKey, Typed>> {}
export interface A2IndicatorValues {
  n?: Typed;
  m?: Typed;
  server?: { cloudCores?: Typed; cloudMemoryGb?: Typed; allCores?: Typed; allMemoryGb?: Typed };
  ticks?: DataCategory[];
}
export interface A2Values {
  indicators?: Partial<Record<IndicatorKey, A2IndicatorValues>>;
}
export interface A3RowValues {
  seq?: Typed;
  district?: Typed;
  enterpriseName?: Typed;
  mainBusiness?: Typed;
  salesLastYear?: Typed;
  profitLastYear?: Typed;
  itInvestment3y?: Typed;
  cloudInvestment3y?: Typed;
  itLead?: Typed;
  phone?: Typed;
  opinion?: Typed;
}
export interface SystemRowValues {
  indicatorName?: Typed;
  name?: Typed;
  onCloud?: Typed;
  provider?: Typed;
  description?: Typed;
  loginScreenshot?: Typed;
  mainScreenshot?: Typed;
}
export interface ProductRowValues {
  name?: Typed;
  provider?: Typed;
  category?: Typed;
  contractNo?: Typed;
  period?: Typed;
  amount?: Typed;
  contractFile?: Typed;
  invoiceFile?: Typed;
}
export interface ExpertRowValues {
  enterpriseName?: Typed;
  creditCode?: Typed;
  expert?: Typed;
  expertCity?: Typed;
  items?: Partial<Record<ExpertKey, Typed>>;
}

/** A fixed creation date keeps two writes of the same forms byte-identical (no clock in files). */
import { FIXED_DATE } from '../util/workbookBytes.js';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FONT = 'SimSun';
const LABEL_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11, bold: true };
const VALUE_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11 };
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };

export function stampWorkbook(wb: ExcelJS.Workbook): void {
  wb.creator = 'yunshang';
  wb.lastModifiedBy = 'yunshang';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
}

/** Writes what a person typed. Text stays text: a name such as 「=1+1」 never becomes a formula. */
function put(cell: ExcelJS.Cell, v: Typed | undefined): void {
  if (v === undefined || v === null) return;
  // exceljs only makes a formula from a { formula } object; a string is stored as a shared string.
  cell.value = typeof v === 'number' ? v : String(v);
}

function sheetName(wb: ExcelJS.Workbook, base: string): string {
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base}${i}`;
  return name;
}

function newSheet(wb: ExcelJS.Workbook, base: string, landscape: boolean): ExcelJS.Worksheet {
  stampWorkbook(wb);
  return wb.addWorksheet(sheetName(wb, base), {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
}

function title(ws: ExcelJS.Worksheet, text: string, columns: number): void {
  ws.mergeCells(1, 1, 1, columns);
  const c = ws.getCell(1, 1);
  c.value = text;
  c.font = { name: FONT, size: 16, bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
}

function label(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = LABEL_FONT;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = THIN;
}

function valueCell(cell: ExcelJS.Cell, spec: { kind: string; integer?: boolean; mayBeNegative?: boolean; list?: readonly string[] }): void {
  cell.font = VALUE_FONT;
  cell.border = THIN;
  cell.alignment = { vertical: 'middle', wrapText: true, horizontal: spec.kind === 'number' ? 'right' : 'left' };
  if (spec.kind === 'number') {
    // Warnings, not stops: 「12.5TB」 or 「无」 are accepted by the reader and noted, not refused.
    if (spec.integer)
      cell.dataValidation = {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '请填写整数',
        error: '此处应填写不小于 0 的整数。',
      };
    else if (!spec.mayBeNegative)
      cell.dataValidation = {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '请填写数字',
        error: '此处应填写不小于 0 的数字。',
      };
  } else {
    // Phone numbers and codes typed into a text cell keep their leading zeros and all digits.
    cell.numFmt = '@';
  }
  if (spec.list)
    cell.dataValidation = {
      type: 'list',
      formulae: [`"${spec.list.join(',')}"`],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'warning',
      error: `请从下拉列表中选择：${spec.list.join('、')}`,
    };
}

/** Merges a range and borders every cell of it: Excel draws a merged cell's edges from its parts. */
function mergeBordered(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) ws.getCell(r, c).border = THIN;
}

function fitWidth(texts: string[], min: number, max: number): number {
  const widest = Math.max(0, ...texts.map((t) => Math.max(...t.split('\n').map(displayWidth))));
  return Math.min(max, Math.max(min, widest + 2));
}

// ---------------------------------------------------------------------------------------------------

export function addA1Sheet(wb: ExcelJS.Workbook, values: A1Values = {}): ExcelJS.Worksheet {
  const ws = newSheet(wb, SHEET_NAMES.a1, false);
  title(ws, FORM_TITLES.a1, 6);
  ws.columns = [{ width: 16 }, { width: 20 }, { width: 16 }, { width: 18 }, { width: 18 }, { width: 20 }];
  let r = 2;
  for (const line of A1_GRID) {
    const row = ws.getRow(r);
    if (line.fields.length === 1) {
      const f = a1Field(line.fields[0]!);
      label(ws.getCell(r, 1), labelText(f));
      ws.mergeCells(r, 2, r, 6);
      const v = ws.getCell(r, 2);
      valueCell(v, f);
      for (let c = 3; c <= 6; c++) ws.getCell(r, c).border = THIN;
      put(v, values[f.key]);
      row.height = line.tall ? 90 : 30;
    } else {
      line.fields.forEach((key, i) => {
        const f = a1Field(key);
        label(ws.getCell(r, 1 + 2 * i), labelText(f));
        const v = ws.getCell(r, 2 + 2 * i);
        valueCell(v, f);
        put(v, values[f.key]);
      });
      row.height = 42;
    }
    r++;
  }
  ws.pageSetup.printArea = `A1:F${r - 1}`;
  return ws;
}

function labelText(f: A1FieldSpec): string {
  return f.hint ? `${f.label}\n${f.hint}` : f.label;
}

// ---------------------------------------------------------------------------------------------------

/**
 * 附件2 as the notice prints it (评价维度, 应用类型和指标, 具体说明, 评分细项, 评分解释, the 标杆示范 block
 * and the 填表说明 word for word), with a value cell right of each N and M label so the number has a
 * place of its own.
 */
export function addA2Sheet(wb: ExcelJS.Workbook, rules: Rules, values: A2Values = {}): ExcelJS.Worksheet {
  const ws = newSheet(wb, SHEET_NAMES.a2, true);
  const last = A2_COLUMNS.explanation;
  title(ws, FORM_TITLES.a2, last);
  ws.columns = A2_WIDTHS.map((width) => ({ width }));
  // 「评价维度」 over 「（权重）」, as printed, rather than wherever the narrow column wraps.
  A2_HEADERS.forEach((h, i) => label(ws.getCell(2, i + 1), h.replace(/^(.+?)（/, '$1\n（')));
  ws.getRow(2).height = 32;
  let r = 3;
  const blocks: { top: number; bottom: number }[] = [];
  for (const dim of rules.dimensions) {
    const inds = rules.indicators.filter((i) => i.dimension === dim.key);
    if (inds.length === 0) continue;
    const dimStart = r;
    for (const ind of inds) r = indicatorRows(ws, r, ind, values.indicators?.[ind.key] ?? {}, rules);
    label(ws.getCell(dimStart, A2_COLUMNS.dimension), `${dim.name}（${dim.weight}）`);
    mergeBordered(ws, dimStart, A2_COLUMNS.dimension, r - 1, A2_COLUMNS.dimension);
    blocks.push({ top: dimStart, bottom: r - 1 });
  }
  // The expert items are printed on the form, as in the notice, but scored by the panel.
  if (rules.experts.length > 0) {
    const top = r;
    r = expertRows(ws, r, rules);
    blocks.push({ top, bottom: r - 1 });
  }
  const s = rules.server;
  const notes = [
    ...NOTICE_A2_NOTES,
    '填写提示（本表增设 N、M 填写栏）：',
    '1、数值填在「N」「M」栏，单位见左侧栏目文字；没有的请填 0。',
    `2、云服务器填写CPU总核数和总内存（GB）四个数，N =（云服务器CPU总核数/${s.coresPerUnit} + 云服务器总内存/${s.memoryGbPerUnit}）/2，M 同理，由评审系统计算。`,
    '3、数据协同请在各类别右侧选择「是」或「否」，N 为选「是」的类别数；系统协同的 M 为云上业务五项 N 之和。两者均无需填写。',
  ];
  r++;
  const notesTop = r;
  const headings = new Set([NOTICE_A2_NOTES[0], notes[NOTICE_A2_NOTES.length]]);
  for (const text of notes) {
    ws.mergeCells(r, 1, r, last);
    const c = ws.getCell(r, 1);
    c.value = text;
    c.font = headings.has(text) ? LABEL_FONT : VALUE_FONT;
    c.alignment = { vertical: 'middle', wrapText: true };
    ws.getRow(r).height = rowHeight([[text, A2_WIDTHS.reduce((a, b) => a + b, 0)]], 11);
    r++;
  }
  blocks.push({ top: notesTop, bottom: r - 1 });
  keepBlocksOnPages(ws, blocks);
  ws.pageSetup.printArea = `A1:${colLetter(last)}${r - 1}`;
  ws.pageSetup.printTitlesRow = '2:2';
  return ws;
}

/**
 * Page breaks so that no dimension (with its merged name cell) is cut in two by the printer. Heights
 * are the rows' own; the page's height in sheet points follows from A4 landscape (842 × 595 points,
 * the margins newSheet sets) fitted to the columns' width, a column of width w being 7w + 5 pixels of
 * 0.75 point as Excel draws it. LibreOffice draws columns wider, so shrinks more and fits more: the
 * breaks then come early, never late.
 */
function keepBlocksOnPages(ws: ExcelJS.Worksheet, blocks: readonly { top: number; bottom: number }[]): void {
  const width = A2_WIDTHS.reduce((sum, w) => sum + (7 * w + 5) * 0.75, 0);
  const scale = Math.min(1, (842 - 2 * 0.5 * 72) / width);
  const page = (595 - 2 * 0.6 * 72) / scale;
  const height = (row: number) => ws.getRow(row).height ?? 15;
  const header = height(2);
  let used = height(1) + header;
  for (const b of blocks) {
    let h = 0;
    for (let k = b.top; k <= b.bottom; k++) h += height(k);
    if (used + h > page && used > header) {
      ws.getRow(b.top - 1).addPageBreak();
      used = header;
    }
    used += h;
  }
}

/** Column widths of the template's A2 (see A2_COLUMNS), fitting an A4 page across. */
const A2_WIDTHS = [12, 14, 34, 26, 9, 26, 9, 36];
const PROSE_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 10 };

/** Printed text of the notice (具体说明, 评分解释, the panel's items): smaller, wrapped, left aligned. */
function prose(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = PROSE_FONT;
  cell.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
  cell.border = THIN;
}

/** A row height (points) tall enough for each [text, column width] wrapped, at `size` points. */
function rowHeight(cells: readonly (readonly [string, number])[], size = 10, rows = 1): number {
  let lines = 1;
  for (const [text, width] of cells) lines = Math.max(lines, Math.ceil(displayWidth(text) / Math.max(1, width - 2)));
  return Math.max(22, Math.ceil((lines * (size + 3) + 6) / rows));
}

function widthOf(col: number, toCol = col): number {
  return A2_WIDTHS.slice(col - 1, toCol).reduce((a, b) => a + b, 0);
}

const NUMBER = { kind: 'number' } as const;
const INTEGER = { kind: 'number', integer: true } as const;

function indicatorRows(ws: ExcelJS.Worksheet, r: number, ind: IndicatorRule, v: A2IndicatorValues, rules: Rules): number {
  const C = A2_COLUMNS;
  const start = r;
  const count = ind.unit === '个' || ind.unit === '台' ? INTEGER : NUMBER;
  const grey = (c: ExcelJS.Cell) => {
    c.border = THIN;
    c.fill = GREY;
  };
  const labels: string[] = [];
  if (ind.input === 'server') {
    const pairs = [SERVER_CELLS.filter((c) => c.key.endsWith('Cores')), SERVER_CELLS.filter((c) => c.key.endsWith('MemoryGb'))];
    for (const pair of pairs) {
      pair.forEach((spec, i) => {
        label(ws.getCell(r, C.nLabel + 2 * i), spec.label);
        labels.push(spec.label);
        const c = ws.getCell(r, C.n + 2 * i);
        valueCell(c, spec.unit === '核' ? INTEGER : NUMBER);
        put(c, v.server?.[spec.key]);
      });
      r++;
    }
  } else if (ind.input === 'ticks') {
    // The notice's N and M of 数据协同: N is the number of categories ticked below, M the constant.
    label(ws.getCell(r, C.nLabel), nLabel(ind));
    grey(ws.getCell(r, C.n));
    label(ws.getCell(r, C.mLabel), mLabel(ind));
    grey(ws.getCell(r, C.m));
    labels.push(nLabel(ind), mLabel(ind));
    r++;
    const ticked = new Set(v.ticks ?? []);
    for (const pair of TICK_GRID) {
      pair.forEach((cat, i) => {
        label(ws.getCell(r, C.nLabel + 2 * i), cat);
        const c = ws.getCell(r, C.n + 2 * i);
        valueCell(c, { kind: 'yesno', list: [TICK_YES, TICK_NO] });
        c.alignment = { horizontal: 'center', vertical: 'middle' };
        if (v.ticks) c.value = ticked.has(cat) ? TICK_YES : TICK_NO;
      });
      r++;
    }
  } else {
    label(ws.getCell(r, C.nLabel), nLabel(ind));
    const n = ws.getCell(r, C.n);
    valueCell(n, count);
    put(n, v.n);
    label(ws.getCell(r, C.mLabel), mLabel(ind));
    labels.push(nLabel(ind), mLabel(ind));
    const m = ws.getCell(r, C.m);
    if (ind.input === 'nOnly') grey(m);
    else {
      valueCell(m, count);
      put(m, v.m);
    }
    r++;
  }
  const rows = r - start;
  label(ws.getCell(start, C.indicator), indicatorLabel(ind));
  mergeBordered(ws, start, C.indicator, r - 1, C.indicator);
  const description = NOTICE_A2_TEXTS[ind.key]?.description ?? '';
  prose(ws.getCell(start, C.description), description);
  mergeBordered(ws, start, C.description, r - 1, C.description);
  const explanation = explanationText(ind, rules);
  prose(ws.getCell(start, C.explanation), explanation);
  mergeBordered(ws, start, C.explanation, r - 1, C.explanation);
  const height = rowHeight(
    [
      [description, widthOf(C.description)],
      [explanation, widthOf(C.explanation)],
    ],
    10,
    rows,
  );
  const labelHeight = rowHeight(labels.map((t) => [t, widthOf(C.nLabel)] as const), 11);
  for (let k = start; k < r; k++) ws.getRow(k).height = Math.max(height, labelHeight);
  return r;
}

/**
 * The 标杆示范 block as printed: the dimension, each group over its items, each item with what the
 * panel considers and 「（专家评分）」. Maxima come from the rules, so a group's weight is its items' sum.
 */
function expertRows(ws: ExcelJS.Worksheet, r: number, rules: Rules): number {
  const C = A2_COLUMNS;
  const start = r;
  // The rules file groups the items (创新应用 13 = 4 + 4 + 5, 典型示范 12 = 4 + 4 + 4); an item that is its
  // own group is printed without one.
  const blocks: { name: string | undefined; items: Rules['experts'] }[] = [];
  for (const e of rules.experts) {
    const block = blocks.find((b) => b.name === e.group);
    if (block) block.items.push(e);
    else blocks.push({ name: e.group === e.name ? undefined : e.group, items: [e] });
  }
  for (const block of blocks) {
    const blockStart = r;
    for (const e of block.items) {
      const itemCol = block.name === undefined ? C.indicator : C.description;
      label(ws.getCell(r, itemCol), `${e.name}（${e.max}）`);
      if (itemCol < C.description) mergeBordered(ws, r, itemCol, r, C.description);
      const text = NOTICE_EXPERT_TEXTS[e.key] ?? '';
      prose(ws.getCell(r, C.nLabel), text);
      mergeBordered(ws, r, C.nLabel, r, C.m);
      const scored = ws.getCell(r, C.explanation);
      scored.value = EXPERT_SCORED;
      scored.font = VALUE_FONT;
      scored.alignment = { horizontal: 'center', vertical: 'middle' };
      scored.fill = GREY;
      scored.border = THIN;
      ws.getRow(r).height = rowHeight(
        [
          [text, widthOf(C.nLabel, C.m)],
          [`${e.name}（${e.max}）`, widthOf(C.description)],
        ],
        10,
      );
      r++;
    }
    if (block.name !== undefined) {
      const weight = block.items.reduce((sum, e) => sum + e.max, 0);
      label(ws.getCell(blockStart, C.indicator), `${block.name}（${weight}）`);
      mergeBordered(ws, blockStart, C.indicator, r - 1, C.indicator);
    }
  }
  const total = rules.experts.reduce((sum, e) => sum + e.max, 0);
  label(ws.getCell(start, C.dimension), `标杆示范（${total}）`);
  mergeBordered(ws, start, C.dimension, r - 1, C.dimension);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Column forms

interface ListOptions {
  subtitle?: string;
  landscape: boolean;
  blankRows: number;
}

function addListSheet<K extends string>(
  wb: ExcelJS.Workbook,
  kind: 'a3' | 'systems' | 'products' | 'experts' | 'decisions',
  columns: readonly ColumnSpec<K>[],
  rows: Partial<Record<K, Typed>>[] | undefined,
  opts: ListOptions,
): ExcelJS.Worksheet {
  const ws = newSheet(wb, SHEET_NAMES[kind], opts.landscape);
  const n = columns.length;
  title(ws, FORM_TITLES[kind], n);
  let header = 2;
  if (opts.subtitle !== undefined) {
    ws.mergeCells(2, 1, 2, n);
    const c = ws.getCell(2, 1);
    c.value = opts.subtitle;
    c.font = VALUE_FONT;
    c.alignment = { vertical: 'middle' };
    ws.getRow(2).height = 22;
    header = 3;
  }
  ws.columns = columns.map((col) => ({ width: columnWidth(col, rows) }));
  columns.forEach((col, i) => label(ws.getCell(header, i + 1), col.header));
  ws.getRow(header).height = 42;
  const data: Partial<Record<K, Typed>>[] = rows ?? Array.from({ length: opts.blankRows }, () => ({}));
  data.forEach((values, i) => {
    const r = header + 1 + i;
    columns.forEach((col, j) => {
      const c = ws.getCell(r, j + 1);
      valueCell(c, col);
      put(c, values[col.key]);
    });
    ws.getRow(r).height = 24;
  });
  ws.views = [{ state: 'frozen', ySplit: header }];
  ws.pageSetup.printArea = `A1:${colLetter(n)}${header + data.length}`;
  ws.pageSetup.printTitlesRow = `${header}:${header}`;
  return ws;
}

function columnWidth(col: ColumnSpec, rows: Partial<Record<string, Typed>>[] | undefined): number {
  const base = col.kind === 'path' ? 26 : col.key === 'description' || col.key === 'opinion' ? 24 : 8;
  const texts = [col.header.length > 8 ? col.header.slice(0, Math.ceil(col.header.length / 2)) : col.header];
  for (const r of rows ?? []) {
    const v = r[col.key];
    if (v !== undefined && v !== null) texts.push(String(v));
  }
  return fitWidth(texts, base, 40);
}

function colLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function addA3Sheet(wb: ExcelJS.Workbook, city: string, rows?: A3RowValues[]): ExcelJS.Worksheet {
  const unit = city ? `${city}经济和信息化局` : '';
  return addListSheet(wb, 'a3', A3_COLUMNS, rows as Partial<Record<string, Typed>>[] | undefined, {
    subtitle: `推荐单位（盖章）：${unit}`,
    landscape: true,
    blankRows: BLANK_LIST_ROWS,
  });
}

export function addSystemListSheet(wb: ExcelJS.Workbook, rules: Rules, rows?: SystemRowValues[]): ExcelJS.Worksheet {
  const numbered = rows?.map((r, i) => ({ seq: i + 1, ...r }));
  // 指标's drop-down: the indicators the rules file scores by a number of systems, by their names.
  const indicatorNames = [...systemIndicatorsByName(rules).keys()];
  const columns = SYSTEM_COLUMNS.map((c) => (c.key === 'indicatorName' ? { ...c, list: indicatorNames } : c));
  return addListSheet(wb, 'systems', columns, numbered as Partial<Record<string, Typed>>[] | undefined, {
    subtitle: '说明：每个系统一行；截图填写「证明材料」文件夹下的相对路径，如 证明材料/截图/ERP-登录页.png',
    landscape: true,
    blankRows: BLANK_LIST_ROWS,
  });
}

export function addProductListSheet(wb: ExcelJS.Workbook, rows?: ProductRowValues[]): ExcelJS.Worksheet {
  const numbered = rows?.map((r, i) => ({ seq: i + 1, ...r }));
  return addListSheet(wb, 'products', PRODUCT_COLUMNS, numbered as Partial<Record<string, Typed>>[] | undefined, {
    subtitle: '说明：起止日期如 2020.1.1-2020.12.31；合同文件、发票文件填写「证明材料」文件夹下的相对路径',
    landscape: true,
    blankRows: BLANK_LIST_ROWS,
  });
}

export function addExpertSheet(wb: ExcelJS.Workbook, rules: Rules, rows?: ExpertRowValues[]): ExcelJS.Worksheet {
  const flat = rows?.map((r) => {
    const { items, ...rest } = r;
    return { ...rest, ...(items ?? {}) } as Partial<Record<string, Typed>>;
  });
  const ws = addListSheet(wb, 'experts', expertColumns(rules), flat, {
    landscape: true,
    blankRows: BLANK_LIST_ROWS,
  });
  // Each item's maximum as the validation's upper bound, from the rules file.
  const cols = expertColumns(rules);
  const count = rows?.length ?? BLANK_LIST_ROWS;
  cols.forEach((col, j) => {
    const max = rules.experts.find((e) => e.key === col.key)?.max;
    if (max === undefined) return;
    for (let r = 3; r < 3 + count; r++)
      ws.getCell(r, j + 1).dataValidation = {
        type: 'decimal',
        operator: 'between',
        formulae: [0, max],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        error: `此项满分 ${max} 分，请填写 0 至 ${max} 之间的分数。`,
      };
  });
  return ws;
}

export type DecisionRowValues = Partial<Record<DecisionColumnKey, Typed>>;

/**
 * The clerk's 人工复核记录表 (`score --decisions`): one row per decision, the four types in a drop-down,
 * with a short 填写说明 sheet after it. `rows` fills it (tests, examples); blank rows otherwise.
 */
export function addDecisionsSheet(wb: ExcelJS.Workbook, rows?: DecisionRowValues[]): ExcelJS.Worksheet {
  const ws = addListSheet(wb, 'decisions', DECISION_SHEET_COLUMNS, rows, {
    landscape: true,
    blankRows: BLANK_LIST_ROWS,
    subtitle: '每条复核决定一行；理由必填。结果见 评审结果.xlsx「人工复核记录」；未执行的行列在「问题清单」。',
  });
  // What the clerk types is longer than the headers: room for a name, a code with its place and a reason.
  DECISION_SHEET_COLUMNS.forEach((col, j) => {
    const width = { enterprise: 30, target: 34, reason: 40 }[col.key as string];
    if (width) ws.getColumn(j + 1).width = width;
  });
  const help = newSheet(wb, '填写说明', true);
  help.columns = [{ width: 12 }, { width: 52 }, { width: 20 }, { width: 56 }];
  const lines: [string, string, string, string][] = [
    ['类型', '对象', '新值', '效果'],
    [DECISION_TYPES.waive, '问题代码，可加位置：SCREENSHOT_SHARED_ACROSS_APPLICANTS 证明材料/截图/erp.png', '', '该问题仍列出，标「已复核豁免」及理由，不再影响状态、核实和得分'],
    [DECISION_TYPES.correct, '指标名称或代码加 N 或 M：云存储 N、infra.server M', '数字，按该指标单位', '替换 N 或 M；原值及其单元格仍保留在来源中'],
    [DECISION_TYPES.terminate, '（不填）', '', '不予受理，理由列入该企业的问题（如：提供虚假材料）'],
    [DECISION_TYPES.reinstate, '（不填）', '', '撤销使其不予受理的问题（如重复申报经核实为两家法人），重新评分排名'],
  ];
  lines.forEach((cells, i) => {
    cells.forEach((text, j) => {
      const c = help.getCell(i + 1, j + 1);
      if (i === 0) label(c, text);
      else {
        c.value = text;
        valueCell(c, { kind: 'text' });
      }
    });
    help.getRow(i + 1).height = i === 0 ? 24 : 48;
  });
  return ws;
}
