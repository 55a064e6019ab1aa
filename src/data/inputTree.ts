/**
 * The names the input tree is read by, in one place: the applicant's evidence folder, the extensions
 * that say a file is meant as a form, zips, and the leftovers of operating systems and editors. The
 * eleven city names and their official order live in `zhejiang.ts`; the marker of our own output
 * folders lives with the writer that puts it there (`util/outputFolder.ts`).
 *
 * An extension only says what a file is meant to be: a file meant as a form is still opened by its
 * bytes, and a file with no or the wrong extension is recognised by its bytes too (ingest).
 */

/** The applicant's evidence folder, named by the notice's 证明材料. */
export const EVIDENCE_DIR = '证明材料';

/**
 * Workbooks people save the forms as: Excel (.xlsx, .xlsm, templates .xltx), the old .xls, WPS's
 * .et/.ett, and WPS Writer's .wps (which people pick by mistake; its bytes then say it is a text document,
 * FILE_NOT_WORKBOOK).
 */
export const WORKBOOK_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xltx', '.xls', '.et', '.ett', '.wps'];

/**
 * Word documents: 附件1 and 附件2 are often handed out as Word tables and filled in Word. Read for their
 * tables; one holding no form is left unread, as any other file beside the forms.
 */
export const FORM_DOCUMENT_EXTENSIONS: readonly string[] = ['.docx'];

/** Office Open XML workbooks: what a copy can be written back as, cells marked (`validate --annotate`). */
export const OOXML_WORKBOOK_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm'];

/** Text tables: the city's 推荐排序表 may come as CSV. */
export const CSV_EXTENSIONS: readonly string[] = ['.csv'];

/** A city delivered as one archive. */
export const ZIP_EXTENSION = '.zip';

/** The extension of a file name, lower case with its dot (`.xlsx`), or '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXTENSIONS.includes(extensionOf(name));
}

export function isFormDocumentName(name: string): boolean {
  return FORM_DOCUMENT_EXTENSIONS.includes(extensionOf(name));
}

export function isOoxmlWorkbookName(name: string): boolean {
  return OOXML_WORKBOOK_EXTENSIONS.includes(extensionOf(name));
}

export function isCsvName(name: string): boolean {
  return CSV_EXTENSIONS.includes(extensionOf(name));
}

/** A workbook, a Word document or a text table: what makes a folder one that holds forms. */
export function isFormFileName(name: string): boolean {
  return isWorkbookName(name) || isFormDocumentName(name) || isCsvName(name);
}

export function isZipName(name: string): boolean {
  return extensionOf(name) === ZIP_EXTENSION;
}

export function withoutZip(name: string): string {
  return isZipName(name) ? name.slice(0, -ZIP_EXTENSION.length) : name;
}

/** Whether a path relative to the applicant folder lies in its evidence folder. */
export function isEvidencePath(relPath: string): boolean {
  return relPath.startsWith(`${EVIDENCE_DIR}/`);
}

/** System and editor leftovers that are never part of a submission. */
export function isNoise(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    name.startsWith('~$') ||
    name.startsWith('._') ||
    lower === '.ds_store' ||
    lower === 'thumbs.db' ||
    lower === 'desktop.ini' ||
    name === '__MACOSX'
  );
}
