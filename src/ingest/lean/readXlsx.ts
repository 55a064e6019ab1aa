/**
 * The lean reader: an .xlsx's bytes to one Grid per worksheet, without exceljs. It unzips only the
 * parts the forms need (workbook, its rels, shared strings, styles, the worksheets and their rels)
 * and scans each once. Size checks happen before this is called (openWorkbook).
 */
import { strFromU8 } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import { checkInflated, entryData, readZipDirectory, unsupportedEntry, ZipFormatError, type ZipEntry } from '../files/zip.js';
import type { Grid } from '../forms/grid.js';
import { gridFromSheetXml } from './sheetPart.js';
import { readSharedStrings } from './sharedStringsPart.js';
import { readStyleFormats } from './stylesPart.js';
import { isWorksheetPart, readRels, readWorkbookListing, workbookInfoOf, worksheetRelsPart, type WorkbookListing } from './workbookPart.js';
import { KnownParts, ResultCache } from './partCache.js';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const ALWAYS = new Set([WORKBOOK, WORKBOOK_RELS, 'xl/sharedStrings.xml', STYLES]);
/** The parts that are the same in every workbook of a template (shared strings and sheets are not). */
const TEMPLATE_PARTS = new Set([WORKBOOK, WORKBOOK_RELS, STYLES]);
const WORKSHEET_RELS = /xl\/worksheets\/_rels\/sheet\d+[.]xml[.]rels/;

function neededPart(name: string): boolean {
  return ALWAYS.has(name) || isWorksheetPart(name) || WORKSHEET_RELS.test(name);
}

/**
 * Node's zlib rather than fflate's inflate: the same bytes in about half the time, and the output is
 * capped at the declared size (the sizes were checked against the limits before this is called), so
 * a part that inflates to more than its header says fails instead of growing. Every part is checked
 * against its CRC-32, as a careful reader does: a damaged part must not pass as a changed value.
 */
function inflatePart(stored: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = entry.method === 0 ? stored : inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  checkInflated(entry, data);
  return data;
}

interface Part {
  entry: ZipEntry;
  stored: Uint8Array;
  /** The KnownParts id when an identical part was seen before, else 0. */
  knownId: number;
  /** Inflated; left undefined for a known part until someone needs its text. */
  data: Uint8Array | undefined;
}

const knownParts = new KnownParts();
const styleFormatsByPart = new ResultCache<readonly (string | undefined)[]>();
const workbookListingByParts = new ResultCache<WorkbookListing>();

/**
 * The parts the forms need, by name (two entries of one name fail the workbook: readZipDirectory). All are
 * inflated here, in directory order, so a broken one fails the workbook with the same error whatever
 * its turn; only known template parts wait, as identical bytes are known to inflate without error.
 */
function neededParts(bytes: Uint8Array): Map<string, Part> {
  const parts = new Map<string, Part>();
  for (const entry of readZipDirectory(bytes)) {
    if (entry.isDirectory || !neededPart(entry.name)) continue;
    const why = unsupportedEntry(entry);
    if (why) throw new ZipFormatError(`${entry.name}: ${why}`);
    const stored = entryData(bytes, entry);
    const knownId = TEMPLATE_PARTS.has(entry.name) ? knownParts.find(entry, stored) : 0;
    parts.set(entry.name, { entry, stored, knownId, data: knownId ? undefined : inflatePart(stored, entry) });
  }
  return parts;
}

function textOf(part: Part): string {
  return strFromU8((part.data ??= inflatePart(part.stored, part.entry)));
}

/** The id under which a template part's results are remembered (it inflated fine: it is in `parts`). */
function idOf(part: Part): number {
  return (part.knownId ||= knownParts.remember(part.entry, part.stored));
}

function styleFormatsOf(part: Part | undefined): readonly (string | undefined)[] {
  if (!part) return readStyleFormats(undefined);
  const id = idOf(part);
  const read = () => Object.freeze(readStyleFormats(textOf(part)));
  return id ? styleFormatsByPart.get(`${id}`, read) : read();
}

function workbookListingOf(workbook: Part, rels: Part | undefined): WorkbookListing {
  const workbookId = idOf(workbook);
  const relsId = rels ? idOf(rels) : -1;
  const read = () => readWorkbookListing(textOf(workbook), rels && textOf(rels));
  return workbookId && relsId ? workbookListingByParts.get(`${workbookId}:${relsId}`, read) : read();
}

export function gridsFromXlsx(bytes: Uint8Array, file: string): Grid[] {
  const parts = neededParts(bytes);
  const text = (name: string): string | undefined => {
    const part = parts.get(name);
    return part ? textOf(part) : undefined;
  };
  const workbook = parts.get(WORKBOOK);
  if (workbook === undefined) throw new Error('xl/workbook.xml is missing');
  const info = workbookInfoOf(workbookListingOf(workbook, parts.get(WORKBOOK_RELS)), (name) => parts.has(name));
  const sharedStrings = readSharedStrings(text('xl/sharedStrings.xml'));
  const styleFormats = styleFormatsOf(parts.get(STYLES));
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
