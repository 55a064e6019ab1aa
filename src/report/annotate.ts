/**
 * `validate --annotate`: a copy of an input workbook with each offending cell filled (red for an
 * error, yellow for a warning) and a cell note holding the messages and codes, for the city to send
 * back to the enterprise (SPEC 7). The input bytes are never changed.
 *
 * Findings that name no cell (a missing field, a whole file or sheet) go into one note on A1 of their
 * sheet — or of the first sheet when they name no sheet or a sheet the workbook does not have —
 * because A1 is where a person opening the file looks first. A1 is not filled for them: the fill
 * marks a cell that is itself wrong.
 */
import type ExcelJS from 'exceljs';
import { SEVERITY_ORDER, type Finding, type Severity } from '../findings/finding.js';
import { renderMessage, type Lang } from './catalogue.js';
import { cellText, FILLS } from './xlsx.js';
import { FIXED_DATE, workbookBytes } from '../util/workbookBytes.js';
import { loadExcel } from '../util/loadExcel.js';

const SEVERITY_TAG: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'note' },
};

const FILE_LEVEL: Record<Lang, string> = { zh: '本文件的问题：', en: 'Problems with this file:' };

interface Target {
  ws: ExcelJS.Worksheet;
  address: string;
  /** Findings about this very cell (filled) and findings placed here for want of a cell (note only). */
  own: Finding[];
  placed: Finding[];
}

const CELL_ADDRESS = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

function noteLine(f: Finding, lang: Lang): string {
  return `【${SEVERITY_TAG[lang][f.severity]}】${renderMessage(f, lang)} [${f.code}]`;
}

/** The text of a note already on the cell (plain or rich), so ours is added and theirs kept. */
function existingNote(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

function worst(findings: readonly Finding[]): Severity | null {
  let w: Severity | null = null;
  for (const f of findings) if (w === null || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[w]) w = f.severity;
  return w;
}

export async function annotateWorkbook(input: Buffer, fileFindings: readonly Finding[], lang: Lang): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  // A copy: exceljs hands the buffer to JSZip, which must never be able to touch the caller's bytes.
  await wb.xlsx.load(Buffer.from(input) as unknown as ArrayBuffer);
  if (!wb.created) wb.created = FIXED_DATE;
  if (!wb.modified) wb.modified = FIXED_DATE;
  const first = wb.worksheets[0];
  if (!first) return workbookBytes(wb);

  const targets = new Map<string, Target>();
  const targetFor = (ws: ExcelJS.Worksheet, address: string): Target => {
    // A merged range is one cell to a person: annotate its top-left (master) cell.
    const master = ws.getCell(address).master ?? ws.getCell(address);
    const key = `${ws.name}\u0000${master.address}`;
    let t = targets.get(key);
    if (!t) targets.set(key, (t = { ws, address: master.address, own: [], placed: [] }));
    return t;
  };

  for (const f of fileFindings) {
    const loc = f.location ?? {};
    const ws = loc.sheet !== undefined ? wb.getWorksheet(loc.sheet) : undefined;
    const cell = loc.cell?.toUpperCase().replace(/\$/g, '');
    if (ws && cell && CELL_ADDRESS.test(cell)) targetFor(ws, cell).own.push(f);
    else targetFor(ws ?? first, 'A1').placed.push(f);
  }

  for (const t of targets.values()) {
    const cell = t.ws.getCell(t.address);
    const severity = worst(t.own);
    if (severity === 'error' || severity === 'warning') {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: severity === 'error' ? FILLS.rejected : FILLS.flagged } };
    }
    const bySeverity = (list: Finding[]) => [...list].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
    const lines = bySeverity(t.own).map((f) => noteLine(f, lang));
    if (t.placed.length) lines.push(FILE_LEVEL[lang], ...bySeverity(t.placed).map((f) => noteLine(f, lang)));
    const before = existingNote(cell);
    // The same finding reported twice on one cell is said once.
    cell.note = cellText([before, ...new Set(lines)].filter(Boolean).join('\n'));
  }
  return workbookBytes(wb);
}
