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
  sheets: SheetRef[];
  date1904: boolean;
}

const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** Relationship id → target of a .rels part. */
export function readRels(xml: string | undefined): Map<string, string> {
  const rels = new Map<string, string>();
  if (xml === undefined) return rels;
  scanXml(xml, {
    open(name, a) {
      if (name === 'Relationship' && a.Id !== undefined) rels.set(a.Id, a.Target ?? '');
    },
  });
  return rels;
}

export function readWorkbookInfo(workbookXml: string, relsXml: string | undefined, hasPart: (name: string) => boolean): WorkbookInfo {
  const rels = readRels(relsXml);
  const sheets: SheetRef[] = [];
  let date1904 = false;
  scanXml(workbookXml, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1';
      if (name !== 'sheet') return;
      const target = rels.get(a['r:id'] ?? '');
      if (target === undefined) return;
      const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
      // exceljs cuts longer sheet names to Excel's 31 characters.
      if (WORKSHEET_PART.test(part) && hasPart(part)) sheets.push({ name: (a.name ?? '').slice(0, 31), part });
    },
  });
  return { sheets, date1904 };
}

export function isWorksheetPart(name: string): boolean {
  return WORKSHEET_PART.test(name);
}

/** The relationships part of a worksheet part (`xl/worksheets/sheet3.xml` → `…/_rels/sheet3.xml.rels`). */
export function worksheetRelsPart(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}
