/**
 * Reading one cell as the kind of value its field holds, with the findings that reading raises.
 * Every reader of the forms goes through these, so a number, a yes/no or a text is read the same way
 * on every form.
 */
import type { Finding } from '../../findings/finding.js';
import { findingsOf } from '../../findings/finding.js';
import type { Cell, Location } from '../../model/location.js';
import type { IndicatorKey } from '../../model/indicators.js';
import type { Rules } from '../../rules/schema.js';
import { formCodes } from './codes.js';
import type { Grid, GridCell } from './grid.js';
import { parseNumber } from './parseNumber.js';
import { isoDate, serialToDate } from './cellValue.js';
import { normaliseText } from '../../forms/normalise.js';

export const finding = findingsOf(formCodes);

export interface ReadContext {
  grid: Grid;
  rules: Rules;
  findings: Finding[];
}

export interface FieldInfo {
  /** Field name for messages: 「注册资金（万元）」, 「云存储 N」. */
  field: string;
  unit?: string;
  indicator?: IndicatorKey;
}

function extra(info: FieldInfo): { indicator?: IndicatorKey } {
  return info.indicator ? { indicator: info.indicator } : {};
}

/** An unreadable cell (error value, formula without a result) is reported and read as empty. */
function unreadable(ctx: ReadContext, cell: GridCell, info: FieldInfo, loc: Location): boolean {
  if (cell.error) {
    ctx.findings.push(finding('VALUE_CELL_ERROR', { field: info.field, error: cell.error }, loc, extra(info)));
    return true;
  }
  if (cell.noResult) {
    ctx.findings.push(finding('VALUE_FORMULA_NO_RESULT', { field: info.field }, loc, extra(info)));
    return true;
  }
  return false;
}

export function readText(ctx: ReadContext, cell: GridCell, info: FieldInfo): Cell<string | null> {
  const loc = ctx.grid.loc(cell);
  if (unreadable(ctx, cell, info, loc)) return { value: null, loc };
  return { value: cell.text === '' ? null : cell.text, loc };
}

/** Phone numbers typed into a number cell lose nothing but their text form: 13800000000 → '13800000000'. */
export function readPhone(ctx: ReadContext, cell: GridCell, info: FieldInfo): Cell<string | null> {
  const loc = ctx.grid.loc(cell);
  if (unreadable(ctx, cell, info, loc)) return { value: null, loc };
  if (typeof cell.value === 'number') return { value: Number.isInteger(cell.value) ? cell.value.toFixed(0) : String(cell.value), loc };
  return { value: cell.text === '' ? null : cell.text, loc };
}

export interface NumberOptions {
  /** Keep the cell's whole text in `raw` even when the number needed no conversion (附件2's N and M). */
  keepRaw?: boolean;
}

export function readNumber(ctx: ReadContext, cell: GridCell, info: FieldInfo, opts: NumberOptions = {}): Cell<number | null> {
  const loc = ctx.grid.loc(cell);
  const raw = opts.keepRaw ? { raw: cell.text } : {};
  if (unreadable(ctx, cell, info, loc)) return { value: null, loc, ...raw };
  const v = cell.value;
  if (v === null || (typeof v === 'string' && v === '')) return { value: null, loc, ...raw };
  if (typeof v === 'number') return { value: v, loc, ...raw };
  if (typeof v !== 'string') {
    ctx.findings.push(finding('VALUE_NOT_NUMBER', { field: info.field, unit: info.unit || '数字', raw: cell.text }, loc, extra(info)));
    return { value: null, loc, raw: cell.text };
  }
  return numberFromText(ctx, v, loc, info, opts.keepRaw ? cell.text : undefined);
}

/**
 * The number in `text`, typed at `loc`: the whole of a value cell, or the part of a label cell after
 * its label (「…（单位：TB）：415.9」 gives 「415.9」, and `wholeText` keeps the cell's full text).
 */
export function numberFromText(ctx: ReadContext, text: string, loc: Location, info: FieldInfo, wholeText?: string): Cell<number | null> {
  const unit = info.unit ?? '';
  const unitName = unit || '数字';
  const p = parseNumber(text, unit, ctx.rules);
  if ('error' in p) {
    if (p.error === 'unknown-unit') {
      const units = Object.keys(ctx.rules.units[unit] ?? {}).join('、') || unitName;
      ctx.findings.push(finding('VALUE_UNKNOWN_UNIT', { field: info.field, unit: unitName, raw: text.trim(), units }, loc, extra(info)));
    } else ctx.findings.push(finding('VALUE_NOT_NUMBER', { field: info.field, unit: unitName, raw: text.trim() }, loc, extra(info)));
    return { value: null, loc, raw: wholeText ?? text };
  }
  if (!('note' in p)) return wholeText === undefined ? { value: p.value, loc } : { value: p.value, loc, raw: wholeText };
  const args = { field: info.field, raw: text.trim(), value: p.value, unit: unitName };
  if (p.note === 'unit') ctx.findings.push(finding('VALUE_UNIT_CONVERTED', args, loc, extra(info)));
  else if (p.note === 'nil') ctx.findings.push(finding('VALUE_READ_AS_ZERO', args, loc, extra(info)));
  else ctx.findings.push(finding('VALUE_NORMALISED', args, loc, extra(info)));
  const read: Cell<number | null> = { value: p.value, loc, raw: wholeText ?? p.from };
  if (p.unit !== undefined) read.unit = p.unit;
  return read;
}

const YES = new Set(['是', '☑', '√', '✓', '✔', '☒', '■', '●', 'y', 'yes', 'true', '对', '有', '已上云', '云上', '1']);
const NO = new Set(['否', '☐', '□', '○', '×', '✗', '✘', 'n', 'no', 'false', '无', '不是', '未上云', '0']);

/** 是/否 and the ways people tick a box. Returns undefined when the text is neither. */
export function yesNo(text: string): boolean | undefined {
  const t = normaliseText(text).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/**
 * A yes/no cell. `emptyIs` decides what an untouched cell means: a blank tick box is 「not ticked」,
 * a blank 是否云上 is unknown.
 */
export function readYesNo(ctx: ReadContext, cell: GridCell, info: FieldInfo, emptyIs: boolean | null): Cell<boolean | null> {
  const loc = ctx.grid.loc(cell);
  if (unreadable(ctx, cell, info, loc)) return { value: null, loc };
  if (typeof cell.value === 'boolean') return { value: cell.value, loc };
  if (cell.text === '') return { value: emptyIs, loc };
  const b = yesNo(cell.text);
  if (b === undefined) {
    ctx.findings.push(finding('VALUE_NOT_YES_NO', { field: info.field, raw: cell.text }, loc, extra(info)));
    return { value: null, loc, raw: cell.text };
  }
  return { value: b, loc };
}

/**
 * ISO dates found in a period as typed: 2020.1.1-2020.12.31, 2020/01/01至2020/12/31,
 * 2020年1月1日—2020年12月31日; or one Excel date cell (the start).
 */
export function periodDates(value: unknown): { start: string | null; end: string | null } {
  if (value instanceof Date) return { start: isoDate(value), end: null };
  // A bare serial number in the date range is a date cell whose format was not recognised.
  if (typeof value === 'number' && value > 20000 && value < 80000) return { start: isoDate(serialToDate(value)), end: null };
  if (typeof value !== 'string') return { start: null, end: null };
  const text = value.normalize('NFKC');
  const found: string[] = [];
  const re = /(\d{4})\s*[.\/\-年]\s*(\d{1,2})\s*[.\/\-月]\s*(\d{1,2})\s*日?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() !== mo - 1) continue;
    found.push(isoDate(date));
  }
  return { start: found[0] ?? null, end: found[1] ?? null };
}
