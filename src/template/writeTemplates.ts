import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { Rules } from '../rules/schema.js';
import { TEMPLATE_FILES, type FormKind } from '../forms/layout.js';
import {
  addA1Sheet,
  addA2Sheet,
  addA3Sheet,
  addDecisionsSheet,
  addExpertSheet,
  addProductListSheet,
  addSystemListSheet,
} from './build.js';
import { workbookBytes } from '../util/workbookBytes.js';
import { writeNewFiles } from '../util/outputFolder.js';
import { loadExcel } from '../util/loadExcel.js';

/** Writes one workbook to a short temporary name and renames it, replacing `file` if it exists. */
export async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await writeNewFiles([{ path: file, data: await workbookBytes(wb) }], { force: true });
}

const BUILDERS: Record<FormKind, (wb: ExcelJS.Workbook, rules: Rules) => void> = {
  a1: (wb) => addA1Sheet(wb),
  a2: (wb, rules) => addA2Sheet(wb, rules),
  a3: (wb) => addA3Sheet(wb, ''),
  systems: (wb, rules) => addSystemListSheet(wb, rules),
  products: (wb) => addProductListSheet(wb),
  experts: (wb, rules) => addExpertSheet(wb, rules),
  decisions: (wb) => addDecisionsSheet(wb),
};

/** The blank forms, by file name, in the order the notice lists them (then ours). */
export async function templateFiles(rules: Rules): Promise<{ name: string; data: Uint8Array }[]> {
  const files: { name: string; data: Uint8Array }[] = [];
  for (const kind of Object.keys(TEMPLATE_FILES) as FormKind[]) {
    const wb = new (await loadExcel()).Workbook();
    BUILDERS[kind](wb, rules);
    files.push({ name: TEMPLATE_FILES[kind], data: await workbookBytes(wb) });
  }
  return files;
}

/**
 * Writes the blank forms into `outDir` (created when missing) and returns their paths. An
 * existing form there is never replaced unless `force`: it may be one somebody filled in.
 */
export async function writeTemplates(outDir: string, rules: Rules, opts: { force?: boolean } = {}): Promise<string[]> {
  const files = await templateFiles(rules);
  return writeNewFiles(
    files.map((f) => ({ path: path.join(outDir, f.name), data: f.data })),
    { force: Boolean(opts.force) },
  );
}
