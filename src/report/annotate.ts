/**
 * A copy of an enterprise's (or a city's) workbook to send back: each cell a finding names is
 * filled — red for an error, yellow for a warning — and carries a note with the message, what to do
 * and the code. The input bytes are never changed. Notes are in Chinese: the copies go to the
 * enterprises.
 *
 * Every marked cell gets a style of its own (a copy of its style plus the fill). exceljs gives all
 * cells that share a style id one style object, so filling through `cell.fill` would paint every
 * cell of that style: a whole table red for one wrong value.
 *
 * Findings that name no cell, or a sheet the workbook does not have, cannot be marked; they are
 * handed back (`offCells`) for the 问题汇总 sheet.
 */
import type ExcelJS from 'exceljs';
import { SEVERITY_ORDER, type Finding, type Severity } from '../findings/finding.js';
import { renderFix, renderMessage } from './catalogue.js';
import { word } from './words.js';
import { cellText, FILLS } from './xlsx.js';
import { addIssueSheet, type IssueSheet } from './issueSheet.js';
import { FIXED_DATE, workbookBytes } from '../util/workbookBytes.js';
import { loadExcel } from '../util/loadExcel.js';

/** The fill of a marked cell, by the worst severity on it. Notes (info) never fill a cell. */
export const MARK_FILL: Partial<Record<Severity, string>> = { error: FILLS.rejected, warning: FILLS.flagged };

const CELL_ADDRESS = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

export interface AnnotateOptions {
  /** Add this list as the workbook's first sheet (问题汇总). */
  issues?: IssueSheet;
}

export interface Annotated {
  data: Buffer;
  /** The findings marked on a cell, and those the workbook had no cell for. */
  onCells: Finding[];
  offCells: Finding[];
}

/** The text of one finding in a cell note: 【错误】message / 修改建议：fix / （代码 X）. */
export function noteText(f: Finding): string {
  const fix = renderFix(f, 'zh');
  return [`【${word(f.severity, 'zh')}】${renderMessage(f, 'zh')}`, fix ? `修改建议：${fix}` : '', `（代码 ${f.code}）`].filter(Boolean).join('\n');
}

/** The text of a note already on the cell (plain or rich), so ours is added and theirs kept. */
function existingNote(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

function worst(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((w, f) => (SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[w] ? f.severity : w), 'info');
}

/** The cell a finding names, as a normalised address, when it names one. */
export function cellAddress(f: Finding): string | undefined {
  const cell = f.location?.cell?.toUpperCase().replace(/\$/g, '');
  return cell && CELL_ADDRESS.test(cell) ? cell : undefined;
}

export async function annotateWorkbook(input: Uint8Array, findings: readonly Finding[], opts: AnnotateOptions = {}): Promise<Annotated> {
  const wb = new (await loadExcel()).Workbook();
  // A copy: exceljs hands the buffer to JSZip, which must never be able to touch the caller's bytes.
  await wb.xlsx.load(Buffer.from(input) as unknown as ArrayBuffer);
  if (!wb.created) wb.created = FIXED_DATE;
  if (!wb.modified) wb.modified = FIXED_DATE;

  const byCell = new Map<string, { ws: ExcelJS.Worksheet; address: string; findings: Finding[] }>();
  const onCells: Finding[] = [];
  const offCells: Finding[] = [];
  for (const f of findings) {
    const sheet = f.location?.sheet;
    const ws = sheet !== undefined ? wb.getWorksheet(sheet) : undefined;
    const address = cellAddress(f);
    if (!ws || !address) {
      offCells.push(f);
      continue;
    }
    // A merged range is one cell to a person: mark its top-left (master) cell.
    const master = ws.getCell(address).master ?? ws.getCell(address);
    const key = `${ws.name}\u0000${master.address}`;
    const entry = byCell.get(key) ?? byCell.set(key, { ws, address: master.address, findings: [] }).get(key)!;
    entry.findings.push(f);
    onCells.push(f);
  }

  for (const { ws, address, findings: here } of byCell.values()) {
    const cell = ws.getCell(address);
    const argb = MARK_FILL[worst(here)];
    // A new style object for this cell alone (see the header): the shared one stays as it was.
    if (argb) cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } };
    const ordered = [...here].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
    const lines = [...new Set(ordered.map(noteText))];
    cell.note = cellText([existingNote(cell), ...lines].filter(Boolean).join('\n\n'));
  }

  if (opts.issues) addIssueSheet(wb, opts.issues, { first: true });
  return { data: await workbookBytes(wb), onCells, offCells };
}
