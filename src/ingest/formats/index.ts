/**
 * The spreadsheet formats besides .xlsx that reach a city bureau, each read by its own reader into
 * the same Grids, with an info finding naming the format: .xls/.et (BIFF in OLE2), HTML tables and
 * XML Spreadsheet 2003 files saved as .xls, CSV/TSV text saved as .xls, and Word (.docx) tables. The
 * format is told by the bytes (openWorkbook), not by the name.
 */
import { basename, extname } from 'node:path';
import { findingsOf, type Finding } from '../../findings/finding.js';
import { decodeSheetText } from './text.js';
import { fileCodes } from '../files/codes.js';
import type { Grid } from '../forms/grid.js';
import { EncryptedWorkbookError, NotWorkbookError } from './errors.js';

const finding = findingsOf(fileCodes);

export type OtherFormat = 'ole2-legacy' | 'html' | 'xml2003' | 'text' | 'docx';

/** The format as people call it, for the findings. */
export function formatName(format: OtherFormat, ext: string): { formatZh: string; formatEn: string } {
  switch (format) {
    case 'ole2-legacy':
      return ext === '.et' || ext === '.ett'
        ? { formatZh: 'WPS 表格（.et，Excel 97–2003 格式）', formatEn: 'WPS Spreadsheets (.et, the Excel 97–2003 format)' }
        : { formatZh: 'Excel 97–2003 工作簿（.xls）', formatEn: 'Excel 97–2003 (.xls)' };
    case 'html':
      return { formatZh: '网页（HTML）表格', formatEn: 'a web page (HTML) table' };
    case 'xml2003':
      return { formatZh: '「XML 表格 2003」', formatEn: 'XML Spreadsheet 2003' };
    case 'text':
      return { formatZh: '文本（CSV）', formatEn: 'plain text (CSV)' };
    case 'docx':
      return { formatZh: 'Word 文档（.docx）', formatEn: 'a Word document (.docx)' };
  }
}

const ENCODING_NAMES = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 BOM', gb18030: 'GB18030', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' } as const;

export interface ReadOther {
  grids: Grid[] | null;
  findings: Finding[];
}

/** The sheet name Excel gives a text or HTML file it opens: the file's name without its extension. */
function sheetNameOf(path: string): string {
  const base = basename(path);
  return base.slice(0, base.length - extname(base).length) || base;
}

/**
 * Read `bytes` (already known to be `format`, sizes checked) as Grids, or say why not. Each reader
 * (and its library) is loaded on first use: a run of .xlsx forms, the common case, never loads them.
 */
export async function readOtherFormat(format: OtherFormat, bytes: Uint8Array, path: string, ext: string): Promise<ReadOther> {
  const where = { file: path };
  try {
    switch (format) {
      case 'ole2-legacy': {
        const { gridsFromXls } = await import('./xls.js');
        return { grids: gridsFromXls(bytes, path), findings: [finding('WORKBOOK_LEGACY_XLS', formatName(format, ext), where)] };
      }
      case 'html': {
        const { gridsFromHtml } = await import('./html.js');
        return { grids: gridsFromHtml(decodeSheetText(bytes).text, path, sheetNameOf(path)), findings: [finding('WORKBOOK_IS_HTML', { ext }, where)] };
      }
      case 'xml2003': {
        const { gridsFromXml2003 } = await import('./xml2003.js');
        return { grids: gridsFromXml2003(decodeSheetText(bytes).text, path), findings: [finding('WORKBOOK_IS_XML_2003', { ext }, where)] };
      }
      case 'text': {
        const { gridsFromCsv } = await import('./csv.js');
        const { grids, encoding } = gridsFromCsv(bytes, path, sheetNameOf(path));
        return { grids, findings: [finding('WORKBOOK_IS_CSV_TEXT', { ext, encoding: ENCODING_NAMES[encoding] }, where)] };
      }
      case 'docx': {
        const { gridsFromDocx } = await import('./docx.js');
        const grids = gridsFromDocx(bytes, path);
        return { grids, findings: [finding('WORKBOOK_IS_DOCX', { tables: grids.length }, where)] };
      }
    }
  } catch (e) {
    if (e instanceof EncryptedWorkbookError) return { grids: null, findings: [finding('WORKBOOK_ENCRYPTED', {}, where)] };
    if (e instanceof NotWorkbookError) return { grids: null, findings: [finding('FILE_NOT_WORKBOOK', { detected: e.detected }, where)] };
    const message = String((e as Error)?.message ?? e).slice(0, 300);
    return { grids: null, findings: [finding('WORKBOOK_FORMAT_UNREADABLE', { ...formatName(format, ext), message }, where)] };
  }
}
