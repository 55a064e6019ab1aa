/**
 * The number format of each cell style (cellXfs), as exceljs resolves it: a custom numFmt by id,
 * else the built-in table exceljs knows. The Chinese built-in date formats (ids 27–36, 50–58) are
 * not in that table, so on both paths such cells stay numbers.
 */
import { scanXml } from './xml.js';

const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The same table for the .xls reader (formats/xls.ts), whose built-in formats have the same ids. */
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = BUILT_IN;

/** Number format string per style index (undefined: none). */
export function readStyleFormats(xml: string | undefined): (string | undefined)[] {
  if (xml === undefined) return [];
  let custom = new Map<number, string>();
  let xfIds: number[] = [];
  scanXml(xml, () => {
    const formats = (custom = new Map());
    const ids: number[] = (xfIds = []);
    let inCellXfs = false;
    return {
      open(name, a) {
        if (name === 'numFmt') formats.set(parseInt(a.get('numFmtId') ?? '', 10), (a.get('formatCode') ?? '').replace(/[\\](.)/g, '$1'));
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) ids.push(parseInt(a.get('numFmtId') ?? '', 10));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    };
  });
  return xfIds.map((id) => (id ? (custom.get(id) ?? BUILT_IN[id]) : undefined));
}

/** The date test exceljs applies while loading (it turns such numbers into Dates itself). */
export function exceljsIsDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
