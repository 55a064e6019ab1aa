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
import { labelKey, normaliseText } from '../../forms/normalise.js';
import type { GridCell } from './grid.js';
import { valueRightOf } from './labels.js';
import { finding, readNumber, readYesNo, yesNo, type ReadContext } from './values.js';

const N_LABEL = /^N[:：]/;
const M_LABEL = /^M[:：]/;
const BOX = /^[☑☒■√✓✔☐□]/;
const SERVER_KEYS = new Map(SERVER_CELLS.map((s) => [labelKey(s.label), s]));
const CATEGORY_KEYS = new Set<string>(DATA_CATEGORIES);

function isA2Label(cell: GridCell): boolean {
  const t = normaliseText(cell.text);
  const k = labelKey(cell.text.replace(BOX, ''));
  return N_LABEL.test(t) || M_LABEL.test(t) || SERVER_KEYS.has(k) || CATEGORY_KEYS.has(k);
}

export function readA2(ctx: ReadContext): A2Record {
  const { grid, rules } = ctx;
  const form = FORM_NAMES.a2;
  const cells = [...grid.filled(2)];
  // Column headers 「N」「M」, the fallback when a row has no 「N：」 text.
  const nCol = cells.find((c) => /^N(值|\(.*\))?$/.test(normaliseText(c.text)))?.col;
  const mCol = cells.find((c) => /^M(值|\(.*\))?$/.test(normaliseText(c.text)))?.col;
  const byKey = new Map<string, GridCell[]>();
  for (const c of cells) {
    const k = labelKey(c.text.replace(BOX, ''));
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }

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
    const nameCell = byKey.get(labelKey(ind.name))?.[0];
    if (!nameCell) {
      ctx.findings.push(finding('A2_INDICATOR_ROW_MISSING', { form, indicator: ind.name }, grid.sheetLoc(), about));
      continue;
    }
    const span = grid.span(nameCell.row, nameCell.col);
    const inRows = cells.filter((c) => c.row >= span.top && c.row <= span.bottom);
    const nCell = valueCell(ctx, inRows, N_LABEL, span.top, nCol);
    const mCell = ind.input === 'nOnly' ? undefined : valueCell(ctx, inRows, M_LABEL, span.top, mCol);
    const info = (side: 'N' | 'M') => ({ field: `${ind.name} ${side}`, unit: ind.unit, indicator: ind.key });
    if (nCell) input.n = readNumber(ctx, nCell, info('N'));
    else ctx.findings.push(finding('A2_VALUE_CELL_MISSING', { form, indicator: ind.name, what: 'N' }, grid.loc(nameCell), about));
    if (ind.input !== 'nOnly') {
      if (mCell) input.m = readNumber(ctx, mCell, info('M'));
      else ctx.findings.push(finding('A2_VALUE_CELL_MISSING', { form, indicator: ind.name, what: 'M' }, grid.loc(nameCell), about));
    }
    indicators[ind.key] = input;
  }
  return { file: grid.file, sheet: grid.sheet ?? '', indicators };
}

function valueCell(ctx: ReadContext, inRows: GridCell[], label: RegExp, row: number, headerCol: number | undefined): GridCell | undefined {
  const l = inRows.find((c) => label.test(normaliseText(c.text)));
  if (l) return valueRightOf(ctx.grid, l, isA2Label);
  return headerCol === undefined ? undefined : ctx.grid.at(row, headerCol);
}

function readServer(ctx: ReadContext, ind: IndicatorRule, byKey: Map<string, GridCell[]>): IndicatorInput['server'] {
  const out: Partial<Record<ServerCellKey, Cell<number | null>>> = {};
  let missing = 0;
  for (const spec of SERVER_CELLS) {
    const label = byKey.get(labelKey(spec.label))?.[0];
    if (!label) {
      missing++;
      continue;
    }
    const cell = valueRightOf(ctx.grid, label, isA2Label) ?? label;
    out[spec.key] = readNumber(ctx, cell, { field: spec.label, unit: spec.unit, indicator: ind.key });
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

function readTicks(ctx: ReadContext, ind: IndicatorRule, byKey: Map<string, GridCell[]>): IndicatorInput['ticks'] {
  const out: Partial<Record<DataCategory, Cell<boolean>>> = {};
  if (!DATA_CATEGORIES.some((cat) => byKey.has(cat))) {
    ctx.findings.push(finding('A2_INDICATOR_ROW_MISSING', { form: FORM_NAMES.a2, indicator: ind.name }, ctx.grid.sheetLoc(), { indicator: ind.key }));
    return undefined;
  }
  for (const cat of DATA_CATEGORIES) {
    const label = byKey.get(cat)?.[0];
    if (!label) {
      ctx.findings.push(finding('A2_VALUE_CELL_MISSING', { form: FORM_NAMES.a2, indicator: ind.name, what: cat }, ctx.grid.sheetLoc(), { indicator: ind.key }));
      continue;
    }
    // The printed form has people tick the box in the label itself (☑研发数据).
    const mark = BOX.test(label.text) ? yesNo(label.text.trim()[0]!) ?? false : undefined;
    const cell = valueRightOf(ctx.grid, label, isA2Label);
    if (cell && (cell.text !== '' || mark === undefined)) {
      const read = readYesNo(ctx, cell, { field: `${ind.name} ${cat}`, indicator: ind.key }, false);
      out[cat] = { ...read, value: read.value ?? false };
    } else out[cat] = { value: mark ?? false, loc: ctx.grid.loc(label) };
  }
  return out;
}
