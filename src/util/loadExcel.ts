/**
 * exceljs, loaded on first use. Reading never needs it (the lean reader does), and loading it at
 * start-up costs a few hundred milliseconds and tens of MB of heap that every garbage collection
 * during reading would have to walk.
 */
import type ExcelJS from 'exceljs';

export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
