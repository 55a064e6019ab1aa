/**
 * Every kind of value exceljs hands back, turned into one plain scalar here and nowhere else:
 * rich text (LibreOffice and WPS write mixed Chinese/Latin text this way), formulas with their cached
 * result, shared formulas, error values, hyperlinks whose text may itself be rich, dates.
 */
import type ExcelJS from 'exceljs';

export type Scalar = string | number | boolean | Date | null;

export interface ReadValue {
  value: Scalar;
  /** `#DIV/0!` and friends, shown by the cell instead of a value. */
  error?: string;
  /** A formula whose result was never computed (written by a tool, not saved by Excel/WPS). */
  noResult?: boolean;
}

/**
 * exceljs turns a formula's cached result in a date-formatted cell into a Date whatever it was: a
 * text or error result becomes an Invalid Date and the text is gone. The lean reader keeps it; here
 * the cell reads as a formula without a usable result (reported, read as empty), never as a date.
 */
const lostResult = (): ReadValue => ({ value: null, noResult: true });

export function readCellValue(v: ExcelJS.CellValue | unknown): ReadValue {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? lostResult() : { value: v };
  if (typeof v !== 'object') return { value: String(v) };
  const o = v as Record<string, unknown>;
  if ('error' in o) return { value: null, error: String(o.error) };
  if ('richText' in o && Array.isArray(o.richText)) return { value: richText(o.richText) };
  if ('formula' in o || 'sharedFormula' in o) {
    if (!('result' in o) || o.result === undefined || o.result === null) return { value: null, noResult: true };
    return readCellValue(o.result);
  }
  if ('hyperlink' in o || 'text' in o) {
    const t = o.text;
    if (t && typeof t === 'object' && 'richText' in (t as object)) return { value: richText((t as { richText: unknown[] }).richText) };
    return { value: t === undefined || t === null ? null : String(t) };
  }
  return { value: null };
}

function richText(runs: unknown[]): string {
  return runs.map((r) => (r && typeof r === 'object' && 'text' in r ? String((r as { text: unknown }).text ?? '') : '')).join('');
}

/** The text a person sees for a scalar (dates as yyyy-mm-dd, UTC as exceljs gives them). */
export function scalarText(v: Scalar): string {
  if (v === null) return '';
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** '' for an Invalid Date: toISOString would throw and stop the whole run over one cell. */
export function isoDate(d: Date): string {
  const y = d.getUTCFullYear();
  if (Number.isNaN(y)) return '';
  // Four-digit years are written here (toISOString builds the whole timestamp only to be cut); others as ISO does.
  if (y < 0 || y > 9999) return d.toISOString().slice(0, 10);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y < 10 ? '000' : y < 100 ? '00' : y < 1000 ? '0' : ''}${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

/** Excel serial day number (1900 system) to a UTC date. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

/** Number formats that display a date: 'yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'm/d/yy' … */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"/g, (q) => (/[年月日]/.test(q) ? 'd' : '')).replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(bare) || /年|月|日/.test(bare);
}
