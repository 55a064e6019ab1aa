import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { Rules } from '../rules/schema.js';
import { TEMPLATE_FILES, type FormKind } from '../forms/layout.js';
import {
  addA1Sheet,
  addA2Sheet,
  addA3Sheet,
  addExpertSheet,
  addProductListSheet,
  addSystemListSheet,
} from './build.js';
import { workbookBytes } from '../util/workbookBytes.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { loadExcel } from '../util/loadExcel.js';

/** Writes to a temporary name and renames, so a failed run never leaves half a workbook. */
export async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await writeFileAtomic(file, await workbookBytes(wb));
}

const BUILDERS: Record<FormKind, (wb: ExcelJS.Workbook, rules: Rules) => void> = {
  a1: (wb) => addA1Sheet(wb),
  a2: (wb, rules) => addA2Sheet(wb, rules),
  a3: (wb) => addA3Sheet(wb, ''),
  systems: (wb) => addSystemListSheet(wb),
  products: (wb) => addProductListSheet(wb),
  experts: (wb, rules) => addExpertSheet(wb, rules),
};

/** Writes the six blank forms into `outDir` (created when missing) and returns their paths. */
export async function writeTemplates(outDir: string, rules: Rules): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const kind of Object.keys(TEMPLATE_FILES) as FormKind[]) {
    const wb = new (await loadExcel()).Workbook();
    BUILDERS[kind](wb, rules);
    const file = path.join(outDir, TEMPLATE_FILES[kind]);
    await writeWorkbook(wb, file);
    written.push(file);
  }
  return written;
}
