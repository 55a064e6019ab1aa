/**
 * Reads the panel's 专家评分表 (CSV or XLSX): one row per expert and enterprise. CSV bytes are
 * decoded first (UTF-8 with or without BOM, else GB18030) so no character is ever split.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Finding } from '../findings/finding.js';
import { findingsOf } from '../findings/finding.js';
import type { ExpertRow, ExpertSheet } from '../model/expert.js';
import type { Rules } from '../rules/schema.js';
import { decodeText } from '../util/decodeText.js';
import { UsageError } from '../util/errors.js';
import { expertCodes } from '../expert/codes.js';
import { plainText } from '../expert/text.js';
import { labelKey } from '../forms/normalise.js';
import { address, gridFromWorksheet } from './forms/grid.js';
import { loadExcel } from '../util/loadExcel.js';

const finding = findingsOf(expertCodes);

const COLUMNS = {
  enterpriseName: ['企业名称', '申报企业', '企业'],
  creditCode: ['统一社会信用代码', '信用代码'],
  expert: ['专家', '专家姓名', '评审专家'],
  expertCity: ['专家所在市', '专家所在地市', '所在市'],
} as const;

/** Parses rows of cells (header row found among the first rows) into expert rows with findings. */
export function parseExpertRows(table: string[][], file: string, sheet: string, rules: Rules): ExpertSheet {
  const findings: Finding[] = [];
  const loc = (row: number, col?: number) => ({ file, sheet, row, ...(col !== undefined ? { cell: address(row, col + 1) } : {}) });
  const headerIndex = table.findIndex((r) => r.some((c) => COLUMNS.expert.includes(labelKey(plainText(c)) as never)));
  if (headerIndex < 0) {
    findings.push(finding('EXPERT_COLUMN_MISSING', { column: '专家' }, { file, sheet }));
    return { file, sheet, rows: [], findings };
  }
  const header = table[headerIndex]!.map((c) => labelKey(plainText(c)));
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const cName = col(COLUMNS.enterpriseName);
  const cCode = col(COLUMNS.creditCode);
  const cExpert = col(COLUMNS.expert);
  const cCity = col(COLUMNS.expertCity);
  if (cName < 0 && cCode < 0) findings.push(finding('EXPERT_COLUMN_MISSING', { column: '企业名称' }, loc(headerIndex + 1)));
  const itemCols = rules.experts.map((e) => ({ e, c: header.findIndex((h) => h.startsWith(labelKey(plainText(e.name))) || h === e.key) }));
  for (const { e, c } of itemCols) if (c < 0) findings.push(finding('EXPERT_COLUMN_MISSING', { column: e.name }, loc(headerIndex + 1)));

  const rows: ExpertRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const r = table[i]!;
    const rowNo = i + 1;
    if (r.every((c) => plainText(c) === '')) continue;
    const get = (c: number) => (c >= 0 ? plainText(r[c] ?? '') : '');
    const row: ExpertRow = {
      row: rowNo,
      enterpriseName: get(cName) || null,
      creditCode: get(cCode).toUpperCase() || null,
      expert: get(cExpert) || `（第${rowNo}行）`,
      expertCity: get(cCity) || null,
      items: {},
    };
    for (const { e, c } of itemCols) {
      const raw = get(c);
      if (raw === '') continue;
      const v = Number(raw.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
      if (!Number.isFinite(v)) {
        findings.push(finding('EXPERT_VALUE_NOT_NUMBER', { item: e.name, raw, max: e.max }, loc(rowNo, c)));
      } else if (v < 0 || v > e.max) {
        findings.push(finding('EXPERT_VALUE_OUT_OF_RANGE', { item: e.name, value: v, max: e.max }, loc(rowNo, c)));
      } else {
        row.items[e.key] = v;
      }
    }
    rows.push(row);
  }
  return { file, sheet, rows, findings };
}

export async function readExpertScores(file: string, rules: Rules): Promise<ExpertSheet> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new UsageError(`无法读取专家评分表：${file}`, { cause });
  }
  if (extname(file).toLowerCase() === '.csv') {
    const { text } = decodeText(bytes);
    let table: string[][];
    try {
      table = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (e) {
      return { file, sheet: '', rows: [], findings: [finding('EXPERT_SHEET_UNREADABLE', { reason: (e as Error).message }, { file })] };
    }
    return parseExpertRows(table, file, '', rules);
  }
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { file, sheet: '', rows: [], findings: [finding('EXPERT_SHEET_UNREADABLE', { reason: (e as Error).message }, { file })] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { file, sheet: '', rows: [], findings: [finding('EXPERT_SHEET_UNREADABLE', { reason: '工作簿中没有工作表' }, { file })] };
  // The same cell normalisation as the forms (rich text, formulas' results, merged cells, dates).
  const grid = gridFromWorksheet(ws, file);
  const table: string[][] = [];
  for (let r = 1; r <= grid.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= grid.colCount; c++) cells.push(grid.isMaster(r, c) ? grid.at(r, c).text : '');
    table.push(cells);
  }
  return parseExpertRows(table, file, ws.name, rules);
}
