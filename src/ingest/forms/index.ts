/**
 * From an opened workbook to typed records: each sheet is recognised by its title and read by its
 * form's reader. Findings carry the file, sheet and cell; the caller adds applicant and city.
 */
import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Finding } from '../../findings/finding.js';
import type { A1Record, A2Record, A3Record, ProductList, SystemList } from '../../model/records.js';
import type { Rules } from '../../rules/schema.js';
import { FORM_NAMES, type FormKind } from '../../forms/layout.js';
import { Grid, gridFromRows, gridFromWorksheet } from './grid.js';
import { recogniseGrid } from './recognise.js';
import { readA1 } from './readA1.js';
import { readA2 } from './readA2.js';
import { readA3 } from './readA3.js';
import { readSystemList } from './readSystemList.js';
import { readProductList } from './readProductList.js';
import { finding, type ReadContext } from './values.js';

export interface FormsFound {
  a1?: A1Record;
  a2?: A2Record;
  a3?: A3Record;
  systems?: SystemList;
  products?: ProductList;
  findings: Finding[];
}

type ReadKind = Exclude<FormKind, 'experts' | 'decisions'>;
const READERS: { [K in ReadKind]: (ctx: ReadContext) => FormsFound[K] | undefined } = {
  a1: readA1,
  a2: readA2,
  a3: readA3,
  systems: readSystemList,
  products: readProductList,
};

export { recogniseGrid, gridFromWorksheet };
export { parseNumber } from './parseNumber.js';
export { formCodes } from './codes.js';

/** Which form each sheet of a workbook is (sheets that are no form are left out). */
export function recogniseWorkbook(wb: ExcelJS.Workbook, file: string): { sheet: string; kind: FormKind }[] {
  return recogniseGrids(wb.worksheets.map((ws) => gridFromWorksheet(ws, file)));
}

export function recogniseGrids(grids: readonly Grid[]): { sheet: string; kind: FormKind }[] {
  return grids.flatMap((grid) => {
    const kind = recogniseGrid(grid);
    return kind ? [{ sheet: grid.sheet ?? '', kind }] : [];
  });
}

export function readForms(wb: ExcelJS.Workbook, file: string, rules: Rules): FormsFound {
  return readFormsFromGrids(
    wb.worksheets.map((ws) => gridFromWorksheet(ws, file)),
    file,
    rules,
  );
}

/** The forms on a workbook's sheets, whichever reader made the Grids (exceljs or the lean one). */
export function readFormsFromGrids(grids: readonly Grid[], file: string, rules: Rules): FormsFound {
  const out: FormsFound = { findings: [] };
  const firstSheet: Partial<Record<ReadKind, string>> = {};
  for (const grid of grids) {
    const kind = recogniseGrid(grid);
    // The expert and decisions sheets are read by `score --expert-scores` / `--decisions`, not as part of a pack.
    if (!kind || kind === 'experts' || kind === 'decisions') continue;
    if (firstSheet[kind] !== undefined) {
      out.findings.push(finding('FORM_DUPLICATE_SHEET', { form: FORM_NAMES[kind], first: firstSheet[kind]! }, grid.sheetLoc()));
      continue;
    }
    firstSheet[kind] = grid.sheet ?? '';
    readInto(out, kind, grid, rules);
  }
  return out;
}

function readInto(out: FormsFound, kind: ReadKind, grid: Grid, rules: Rules): void {
  const ctx: ReadContext = { grid, rules, findings: [] };
  try {
    const record = READERS[kind](ctx);
    if (record) (out as unknown as Record<string, unknown>)[kind] = record;
    out.findings.push(...ctx.findings);
  } catch (cause) {
    // A reader must never take the whole run down with it: the form is reported as unreadable.
    out.findings.push(finding('FORM_UNREADABLE', { form: FORM_NAMES[kind], reason: (cause as Error).message ?? String(cause) }, grid.sheetLoc()));
  }
}

/** Attachment 3 delivered as CSV (text already decoded). A title row is optional: the header decides. */
export function readA3Csv(text: string, file: string, rules: Rules): { a3?: A3Record; findings: Finding[] } {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (cause) {
    return {
      findings: [finding('FORM_UNREADABLE', { form: FORM_NAMES.a3, reason: (cause as Error).message }, { file })],
    };
  }
  const out: FormsFound = { findings: [] };
  readInto(out, 'a3', gridFromRows(rows, file), rules);
  const result: { a3?: A3Record; findings: Finding[] } = { findings: out.findings };
  if (out.a3) result.a3 = out.a3;
  return result;
}
