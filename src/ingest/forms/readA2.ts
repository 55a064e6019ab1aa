/**
 * Attachment 2 (用云水平评估表): each indicator's row is found by its name; its N and M cells are the
 * values right of the 「N：」「M：」 texts in that row (or under the N / M column headers). The server's
 * four numbers and the six data-category ticks are found by their own labels.
 */
import type { A2Record, IndicatorInput } from '../../model/records.js';
import type { DataCategory } from '../../model/indicators.js';
import type { Cell } from '../../model/location.js';
import type { IndicatorRule } from '../../rules/schema.js';
import { DATA_CATEGORIES, FORM_NAMES, SERVER_CELLS, type ServerCellKey } from '../../forms/layout.js';
import { keyOfNormalised, labelKey, normaliseText } from '../../forms/normalise.js';
import type { GridCell, Span } from './grid.js';
import { valueRightOf } from './labels.js';
import { finding, readNumber, readYesNo, yesNo, type ReadContext } from './values.js';

const N_HEADER = /^N(值|\(.*\))?$/;
const M_HEADER = /^M(值|\(.*\))?$/;
const BOX = /^[☑☒■√✓✔☐□]/;
const BOX_CODES = new Set([...'☑☒■√✓✔☐□'].map((ch) => ch.charCodeAt(0))); // BOX's characters
const SERVER_KEYS = new Map(SERVER_CELLS.map((s) => [labelKey(s.label), s]));
const CATEGORY_KEYS = new Set<string>(DATA_CATEGORIES);

const N = 0x4e;
const M = 0x4d;

/** 「N：」 or 「M：」 (`letter`) at the start of a normalised text: the label of an N or M value. */
function startsValueLabel(norm: string, letter: number): boolean {
  if (norm.charCodeAt(0) !== letter) return false;
  const c = norm.charCodeAt(1);
  return c === 0x3a || c === 0xff1a;
}

/** The label key of a cell, a tick box typed before the label left out. */
function keyOfCell(text: string, norm: string): string {
  return BOX_CODES.has(text.charCodeAt(0)) ? labelKey(text.slice(1)) : keyOfNormalised(norm);
}

function isA2Label(cell: GridCell): boolean {
  const t = normaliseText(cell.text);
  const k = keyOfCell(cell.text, t);
  return startsValueLabel(t, N) || startsValueLabel(t, M) || SERVER_KEYS.has(k) || CATEGORY_KEYS.has(k);
}

/** The sheet's filled cells (from row 2) with what the reader asks of each, worked out once. */
interface A2Cells {
  cells: GridCell[];
  /** Per cell: 1 for an 「N：」 text, 2 for an 「M：」 text, else 0. */
  valueLabel: Uint8Array;
}

export function readA2(ctx: ReadContext): A2Record {
  const { grid, rules } = ctx;
  const form = FORM_NAMES.a2;
  const cells = [...grid.filled(2)];
  // Column headers 「N」「M」, the fallback when a row has no 「N：」 text.
  let nCol: number | undefined;
  let mCol: number | undefined;
  // The first cell of each label key: a label printed twice is read where it first appears.
  const byKey = new Map<string, GridCell>();
  const valueLabel = new Uint8Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const t = normaliseText(c.text);
    const first = t.charCodeAt(0);
    if (nCol === undefined && first === N && N_HEADER.test(t)) nCol = c.col;
    if (mCol === undefined && first === M && M_HEADER.test(t)) mCol = c.col;
    const k = keyOfCell(c.text, t);
    if (!byKey.has(k)) byKey.set(k, c);
    valueLabel[i] = startsValueLabel(t, N) ? 1 : startsValueLabel(t, M) ? 2 : 0;
  }
  const sheet: A2Cells = { cells, valueLabel };

  const indicators: A2Record['indicators'] = {};
  for (const ind of rules.indicators) {
    const about = { indicator: ind.key };
    const input: IndicatorInput = { key: ind.key };
    if (ind.input === 'server') {
      input.server = readServer(ctx, ind, byKey);
      if (input.server) indicators[ind.key] = input;
      continue;
    }
    if (ind.input === 'ticks') {
      input.ticks = readTicks(ctx, ind, byKey);
      if (input.ticks) indicators[ind.key] = input;
      continue;
    }
    const nameCell = byKey.get(labelKey(ind.name));
    if (!nameCell) {
      ctx.findings.push(finding('A2_INDICATOR_ROW_MISSING', { form, indicator: ind.name }, grid.sheetLoc(), about));
      continue;
    }
    const span = grid.span(nameCell.row, nameCell.col);
    const nCell = valueCell(ctx, sheet, span, 1, nCol);
    const mCell = ind.input === 'nOnly' ? undefined : valueCell(ctx, sheet, span, 2, mCol);
    const info = (side: 'N' | 'M') => ({ field: `${ind.name} ${side}`, unit: ind.unit, indicator: ind.key });
    if (nCell) input.n = readNumber(ctx, nCell, info('N'), { keepRaw: true });
    else ctx.findings.push(finding('A2_VALUE_CELL_MISSING', { form, indicator: ind.name, what: 'N' }, grid.loc(nameCell), about));
    if (ind.input !== 'nOnly') {
      if (mCell) input.m = readNumber(ctx, mCell, info('M'), { keepRaw: true });
      else ctx.findings.push(finding('A2_VALUE_CELL_MISSING', { form, indicator: ind.name, what: 'M' }, grid.loc(nameCell), about));
    }
    indicators[ind.key] = input;
  }
  return { file: grid.file, sheet: grid.sheet ?? '', indicators };
}

/** The value right of the row's first 「N：」 (which = 1) or 「M：」 (2) text, else under the column header. */
function valueCell(ctx: ReadContext, sheet: A2Cells, span: Span, which: number, headerCol: number | undefined): GridCell | undefined {
  const { cells, valueLabel } = sheet;
  for (let i = firstInRow(cells, span.top); i < cells.length && cells[i]!.row <= span.bottom; i++)
    if (valueLabel[i] === which) return valueRightOf(ctx.grid, cells[i]!, isA2Label);
  return headerCol === undefined ? undefined : ctx.grid.at(span.top, headerCol);
}

/** Index of the first of `cells` (in row order) at or below `row`. */
function firstInRow(cells: readonly GridCell[], row: number): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cells[mid]!.row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function readServer(ctx: ReadContext, ind: IndicatorRule, byKey: Map<string, GridCell>): IndicatorInput['server'] {
  const out: Partial<Record<ServerCellKey, Cell<number | null>>> = {};
  let missing = 0;
  for (const spec of SERVER_CELLS) {
    const label = byKey.get(labelKey(spec.label));
    if (!label) {
      missing++;
      continue;
    }
    const cell = valueRightOf(ctx.grid, label, isA2Label) ?? label;
    out[spec.key] = readNumber(ctx, cell, { field: spec.label, unit: spec.unit, indicator: ind.key }, { keepRaw: true });
  }
  if (missing === SERVER_CELLS.length) {
    ctx.findings.push(finding('A2_INDICATOR_ROW_MISSING', { form: FORM_NAMES.a2, indicator: ind.name }, ctx.grid.sheetLoc(), { indicator: ind.key }));
    return undefined;
  }
  for (const spec of SERVER_CELLS)
    if (!out[spec.key]) {
      ctx.findings.push(
        finding('A2_VALUE_CELL_MISSING', { form: FORM_NAMES.a2, indicator: ind.name, what: spec.label }, ctx.grid.sheetLoc(), { indicator: ind.key }),
      );
      out[spec.key] = { value: null, loc: ctx.grid.sheetLoc() };
    }
  return out as IndicatorInput['server'];
}

function readTicks(ctx: ReadContext, ind: IndicatorRule, byKey: Map<string, GridCell>): IndicatorInput['ticks'] {
  const out: Partial<Record<DataCategory, Cell<boolean>>> = {};
  if (!DATA_CATEGORIES.some((cat) => byKey.has(cat))) {
    ctx.findings.push(finding('A2_INDICATOR_ROW_MISSING', { form: FORM_NAMES.a2, indicator: ind.name }, ctx.grid.sheetLoc(), { indicator: ind.key }));
    return undefined;
  }
  for (const cat of DATA_CATEGORIES) {
    const label = byKey.get(cat);
    if (!label) {
      ctx.findings.push(finding('A2_VALUE_CELL_MISSING', { form: FORM_NAMES.a2, indicator: ind.name, what: cat }, ctx.grid.sheetLoc(), { indicator: ind.key }));
      continue;
    }
    // The printed form has people tick the box in the label itself (☑研发数据).
    const mark = BOX.test(label.text) ? yesNo(label.text.trim()[0]!) ?? false : undefined;
    const cell = valueRightOf(ctx.grid, label, isA2Label);
    if (cell && (cell.text !== '' || mark === undefined)) {
      const read = readYesNo(ctx, cell, { field: `${ind.name} ${cat}`, indicator: ind.key }, false);
      out[cat] = { ...read, value: read.value ?? false, raw: cell.text };
    } else out[cat] = { value: mark ?? false, loc: ctx.grid.loc(label), raw: label.text };
  }
  return out;
}
