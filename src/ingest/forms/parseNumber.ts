/**
 * Numbers as people type them into Chinese forms: full-width digits, thousands separators, a unit
 * after the number (`12.5TB`, `500GB`, `120万元`, `1,200,000元`), or 「无」 for nothing. Conversion
 * factors come from the rules file; the arithmetic is done on decimals so `1,200,000元` is 120 万元
 * exactly, not 120.00000000000001.
 */
import type { Rules } from '../../rules/schema.js';

export type NumberNote = 'unit' | 'nil' | 'fullwidth' | 'separator';
export type ParsedNumber =
  | { value: number }
  /** `unit`: the unit as typed when it was converted (「GB」 of 「500GB」 read in TB). */
  | { value: number; note: NumberNote; from: string; unit?: string }
  | { error: 'not-a-number' | 'unknown-unit' };

/** Texts meaning 「nothing」, read as 0 with a note. */
const NIL = new Set(['无', '/', '-', '—', '——', '–', '空', '－', '／', '暂无', '没有']);

export function parseNumber(raw: string | number, targetUnit: string, rules: Rules): ParsedNumber {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { error: 'not-a-number' };
  const from = raw;
  const trimmed = raw.trim();
  if (trimmed === '' || NIL.has(trimmed)) return { value: 0, note: 'nil', from };
  const folded = trimmed.normalize('NFKC').replace(/[\s\u00a0]+/g, '');
  let note: NumberNote | undefined = folded !== trimmed.replace(/[\s\u00a0]+/g, '') ? 'fullwidth' : undefined;
  if (NIL.has(folded)) return { value: 0, note: 'nil', from };

  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(.*)$/.exec(folded);
  if (!m || (m[2] === undefined && m[3] === undefined)) return { error: 'not-a-number' };
  const sign = m[1] === '-' ? '-' : '';
  const intPart = m[2] ?? '0';
  if (intPart.includes(',')) note = 'separator';
  const digits = `${sign}${intPart.replace(/,/g, '')}${m[3] ?? ''}`;
  const unit = m[4]!;
  if (unit === '') return note ? { value: Number(digits), note, from } : { value: Number(digits) };
  if (/^[%‰]/.test(unit)) return { error: 'not-a-number' };

  const table = rules.units[targetUnit];
  const factor = table ? lookupUnit(table, unit) : undefined;
  if (factor === undefined) {
    // A trailing unit equal to the target itself needs no table (e.g. 「3个」 for 个).
    if (unit.toLowerCase() === targetUnit.toLowerCase() && targetUnit !== '')
      return note ? { value: Number(digits), note, from } : { value: Number(digits) };
    return /^[\d.,]/.test(unit) ? { error: 'not-a-number' } : { error: 'unknown-unit' };
  }
  if (factor === 1) return note ? { value: Number(digits), note, from } : { value: Number(digits) };
  return { value: multiplyDecimal(digits, factor), note: 'unit', from, unit };
}

function lookupUnit(table: Record<string, number>, unit: string): number | undefined {
  if (unit in table) return table[unit];
  const lower = unit.toLowerCase();
  for (const [k, f] of Object.entries(table)) if (k.toLowerCase() === lower) return f;
  return undefined;
}

/** digits × factor computed exactly on decimals, then rounded once to the nearest double. */
function multiplyDecimal(digits: string, factor: number): number {
  const a = toDecimal(digits);
  const b = toDecimal(String(factor));
  if (!a || !b) return Number(digits) * factor;
  const product = a.int * b.int;
  const scale = a.scale + b.scale;
  const neg = product < 0n;
  let s = (neg ? -product : product).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  }
  return Number((neg ? '-' : '') + s);
}

function toDecimal(s: string): { int: bigint; scale: number } | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s);
  if (!m) return undefined;
  let digits = (m[2] ?? '') + (m[3] ?? '');
  let scale = (m[3] ?? '').length - Number(m[4] ?? 0);
  if (digits === '') return undefined;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  return { int: BigInt((m[1] === '-' ? '-' : '') + digits), scale };
}
