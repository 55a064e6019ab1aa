/**
 * The sheets of a workbook in the order workbook.xml lists them, each with the part that holds it,
 * resolved as exceljs resolves it (so both readers see the same sheets, chart sheets left out).
 */
import { scanXml } from './xml.js';

export interface SheetRef {
  name: string;
  part: string;
}

export interface WorkbookInfo {
  sheets: Readonly<SheetRef>[];
  date1904: boolean;
}

/** What workbook.xml and its rels say: shared between workbooks of one template, so read-only. */
export interface WorkbookListing {
  readonly sheets: readonly Readonly<SheetRef>[];
  readonly date1904: boolean;
}

const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** Relationship id → target of a .rels part. */
export function readRels(xml: string | undefined): Map<string, string> {
  if (xml === undefined) return new Map();
  let rels = new Map<string, string>();
  scanXml(xml, () => {
    const found = (rels = new Map());
    return {
      open(name, a) {
        if (name !== 'Relationship') return;
        const id = a.get('Id');
        if (id !== undefined) found.set(id, a.get('Target') ?? '');
      },
    };
  });
  return rels;
}

/**
 * What workbook.xml and its rels say, before asking which parts the package holds: it depends on the two
 * texts alone, so readXlsx can remember it across workbooks of one template (frozen for that reason).
 */
export function readWorkbookListing(workbookXml: string, relsXml: string | undefined): WorkbookListing {
  const rels = readRels(relsXml);
  let sheets: SheetRef[] = [];
  let date1904 = false;
  scanXml(workbookXml, () => {
    const found: SheetRef[] = (sheets = []);
    date1904 = false;
    return {
      open(name, a) {
        if (name === 'workbookPr') date1904 = a.get('date1904') === '1';
        if (name !== 'sheet') return;
        const target = rels.get(a.get('r:id') ?? '');
        if (target === undefined) return;
        const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
        // exceljs cuts longer sheet names to Excel's 31 characters.
        if (WORKSHEET_PART.test(part)) found.push(Object.freeze({ name: (a.get('name') ?? '').slice(0, 31), part }));
      },
    };
  });
  return Object.freeze({ sheets: Object.freeze(sheets), date1904 });
}

/** The sheets of the listing whose part the package really holds (exceljs skips the others). */
export function workbookInfoOf(listing: WorkbookListing, hasPart: (name: string) => boolean): WorkbookInfo {
  return { sheets: listing.sheets.filter((sheet) => hasPart(sheet.part)), date1904: listing.date1904 };
}

export function readWorkbookInfo(workbookXml: string, relsXml: string | undefined, hasPart: (name: string) => boolean): WorkbookInfo {
  return workbookInfoOf(readWorkbookListing(workbookXml, relsXml), hasPart);
}

export function isWorksheetPart(name: string): boolean {
  return WORKSHEET_PART.test(name);
}

/** The relationships part of a worksheet part (`xl/worksheets/sheet3.xml` → `…/_rels/sheet3.xml.rels`). */
export function worksheetRelsPart(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}
