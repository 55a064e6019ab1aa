/**
 * The lean reader: an .xlsx's bytes to one Grid per worksheet, without exceljs. It unzips only the
 * parts the forms need (workbook, its rels, shared strings, styles, the worksheets and their rels)
 * and scans each once with saxes. Size checks happen before this is called (openWorkbook).
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Grid } from '../forms/grid.js';
import { gridFromSheetXml } from './sheetPart.js';
import { readSharedStrings } from './sharedStringsPart.js';
import { readStyleFormats } from './stylesPart.js';
import { isWorksheetPart, readRels, readWorkbookInfo, worksheetRelsPart } from './workbookPart.js';

const ALWAYS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']);
const WORKSHEET_RELS = /xl\/worksheets\/_rels\/sheet\d+[.]xml[.]rels/;

function neededPart(name: string): boolean {
  return ALWAYS.has(name) || isWorksheetPart(name) || WORKSHEET_RELS.test(name);
}

export function gridsFromXlsx(bytes: Uint8Array, file: string): Grid[] {
  const parts = unzipSync(bytes, { filter: (f) => neededPart(f.name) });
  const text = (name: string): string | undefined => (parts[name] ? strFromU8(parts[name]) : undefined);
  const workbookXml = text('xl/workbook.xml');
  if (workbookXml === undefined) throw new Error('xl/workbook.xml is missing');
  const info = readWorkbookInfo(workbookXml, text('xl/_rels/workbook.xml.rels'), (name) => name in parts);
  const sharedStrings = readSharedStrings(text('xl/sharedStrings.xml'));
  const styleFormats = readStyleFormats(text('xl/styles.xml'));
  return info.sheets.map((sheet) =>
    gridFromSheetXml(text(sheet.part)!, {
      name: sheet.name,
      file,
      sharedStrings,
      styleFormats,
      date1904: info.date1904,
      rels: readRels(text(worksheetRelsPart(sheet.part))),
    }),
  );
}
