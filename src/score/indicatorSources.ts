/**
 * Where each indicator's N and M came from: the cells of Attachment 2 that made the value scored, with
 * the text typed there. Chooses the cells by the same rules `indicatorValues` uses to choose the
 * values, so a source never points at a cell that did not count.
 */
import type { Cell } from '../model/location.js';
import type { IndicatorKey } from '../model/indicators.js';
import type { A2Record, IndicatorInput } from '../model/records.js';
import type { IndicatorSources, ServerPart, ValueSource } from '../model/result.js';
import type { IndicatorRule, Rules } from '../rules/schema.js';
import { SERVER_CELLS } from '../forms/layout.js';

/** The text as typed: what the reader kept, else what a clean number cell holds ('' for a blank cell). */
function rawText(cell: Cell<unknown>): string {
  if (cell.raw !== undefined) return cell.raw;
  return typeof cell.value === 'number' ? String(cell.value) : '';
}

/** The source of one cell; `unit` is the field's own unit, to say what a typed unit was converted into. */
export function valueSource(cell: Cell<unknown>, fallbackFile: string, unit?: string): ValueSource {
  const s: ValueSource = { file: cell.loc.file ?? fallbackFile, raw: rawText(cell) };
  if (cell.loc.sheet !== undefined) s.sheet = cell.loc.sheet;
  if (cell.loc.cell !== undefined) s.cell = cell.loc.cell;
  const typedUnit = (cell as { unit?: string }).unit;
  if (typedUnit && unit && typedUnit !== unit) s.unit = `${typedUnit} → ${unit}`;
  return s;
}

const SERVER_UNIT = new Map(SERVER_CELLS.map((s) => [s.key, s]));

function serverSide(input: IndicatorInput, side: 'n' | 'm', file: string): Partial<Record<ServerPart, ValueSource>> | undefined {
  const out: Partial<Record<ServerPart, ValueSource>> = {};
  let any = false;
  for (const [key, spec] of SERVER_UNIT) {
    if (spec.side !== side) continue;
    const cell = (input.server as Partial<Record<ServerPart, Cell<number | null>>> | undefined)?.[key];
    if (!cell) continue;
    out[key] = valueSource(cell, file, spec.unit);
    any = true;
  }
  return any ? out : undefined;
}

function sourcesOf(rule: IndicatorRule, input: IndicatorInput | undefined, file: string): IndicatorSources {
  const out: IndicatorSources = {};
  if (rule.input === 'nOnly' && rule.mSumOf) out.mSumOf = [...rule.mSumOf];
  if (rule.input === 'ticks' && rule.mConstant !== undefined) out.mFromRules = true;
  if (!input) return out;
  const typed = (side: 'n' | 'm') => {
    const cell = input[side];
    if (cell) out[side] = valueSource(cell, file, rule.unit);
  };
  switch (rule.input) {
    case 'nm':
      typed('n');
      typed('m');
      break;
    case 'server': {
      // Each side is read from cores and memory when any of them was given, else as typed in units.
      const cloud = serverSide(input, 'n', file);
      const all = serverSide(input, 'm', file);
      if (cloud || all) out.server = { ...cloud, ...all };
      if (!cloud) typed('n');
      if (!all) typed('m');
      break;
    }
    case 'ticks': {
      const ticks = Object.entries(input.ticks ?? {}).filter((e): e is [string, Cell<boolean>] => e[1] !== undefined);
      // The ticks are the answer; a typed N counts only when nothing is ticked.
      if (!ticks.some(([, c]) => c.value === true) && input.n && input.n.value !== null) typed('n');
      else if (ticks.length > 0) out.ticks = Object.fromEntries(ticks.map(([k, c]) => [k, valueSource(c, file)]));
      break;
    }
    case 'nOnly':
      typed('n');
      break;
  }
  return out;
}

/** The sources of every indicator in the rules, for one applicant's Attachment 2 (empty without it). */
export function indicatorSources(a2: A2Record | undefined, rules: Rules): Partial<Record<IndicatorKey, IndicatorSources>> {
  const out: Partial<Record<IndicatorKey, IndicatorSources>> = {};
  for (const rule of rules.indicators) out[rule.key] = a2 ? sourcesOf(rule, a2.indicators[rule.key], a2.file) : {};
  return out;
}
