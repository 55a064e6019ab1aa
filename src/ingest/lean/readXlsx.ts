/**
 * The lean reader: an .xlsx's bytes to one Grid per worksheet, without exceljs. It unzips only the
 * parts the forms need (workbook, its rels, shared strings, styles, the worksheets and their rels)
 * and scans each once with saxes. Size checks happen before this is called (openWorkbook).
 */
import { strFromU8 } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import { entryData, readZipDirectory, unsupportedEntry, ZipFormatError, type ZipEntry } from '../files/zip.js';
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

/**
 * Node's zlib rather than fflate's inflate: the same bytes in about half the time, and the output is
 * capped at the declared size (the sizes were checked against the limits before this is called), so
 * a part that inflates to more than its header says fails instead of growing.
 */
function inflatePart(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const why = unsupportedEntry(entry);
  if (why) throw new ZipFormatError(`${entry.name}: ${why}`);
  const data = entryData(bytes, entry);
  if (entry.method === 0) return data;
  return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
}

/** The parts the forms need, by name (a later entry of the same name wins, as in fflate's unzip). */
function neededParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  for (const entry of readZipDirectory(bytes)) if (!entry.isDirectory && neededPart(entry.name)) parts.set(entry.name, inflatePart(bytes, entry));
  return parts;
}

export function gridsFromXlsx(bytes: Uint8Array, file: string): Grid[] {
  const parts = neededParts(bytes);
  const text = (name: string): string | undefined => {
    const part = parts.get(name);
    return part ? strFromU8(part) : undefined;
  };
  const workbookXml = text('xl/workbook.xml');
  if (workbookXml === undefined) throw new Error('xl/workbook.xml is missing');
  const info = readWorkbookInfo(workbookXml, text('xl/_rels/workbook.xml.rels'), (name) => parts.has(name));
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
