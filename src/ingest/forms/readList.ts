/** Forms with one record per row (A3, 系统清单, 产品清单): columns found by the header row's text. */
import type { Cell } from '../../model/location.js';
import type { ColumnSpec } from '../../forms/layout.js';
import { labelKey, normaliseText } from '../../forms/normalise.js';
import type { GridCell } from './grid.js';
import { finding, readNumber, readPhone, readText, type FieldInfo, type ReadContext } from './values.js';

const HEADER_SCAN_ROWS = 15;
const NOTE_ROW = /^(注|说明|填表说明|备注)[:：]?/;

export interface ListLayout<K extends string> {
  headerRow: number;
  columns: Partial<Record<K, number>>;
}

/** Each column's header and aliases as label keys, made once per column list (the lists are constants). */
const keysOfColumns = new WeakMap<readonly ColumnSpec[], string[][]>();

function columnKeys(columns: readonly ColumnSpec[]): string[][] {
  let keys = keysOfColumns.get(columns);
  if (!keys) {
    keys = columns.map((col) => [col.header, ...(col.aliases ?? [])].map(labelKey));
    keysOfColumns.set(columns, keys);
  }
  return keys;
}

/**
 * The header row is the first of the top rows naming at least half of the required columns. Missing
 * required columns are reported; `undefined` when no row looks like a header.
 */
export function findHeader<K extends string>(ctx: ReadContext, form: string, columns: readonly ColumnSpec<K>[]): ListLayout<K> | undefined {
  const { grid } = ctx;
  const required = columns.filter((c) => !c.optional);
  const keys = columnKeys(columns);
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, grid.rowCount); r++) {
    const found: Partial<Record<K, number>> = {};
    for (const cell of grid.filled(r, r)) {
      if (!cell.text) continue;
      const key = labelKey(cell.text);
      const i = columns.findIndex((spec, j) => found[spec.key] === undefined && keys[j]!.includes(key));
      if (i >= 0) found[columns[i]!.key] = cell.col;
    }
    const hits = required.filter((c) => found[c.key] !== undefined).length;
    if (hits >= Math.max(2, Math.ceil(required.length / 2))) {
      for (const col of required)
        if (found[col.key] === undefined) ctx.findings.push(finding('FORM_COLUMN_MISSING', { form, column: col.header }, grid.loc({ address: `A${r}` })));
      // A header over two rows (merged vertically) puts the data one row further down.
      let bottom = r;
      for (const c of Object.values(found) as number[]) bottom = Math.max(bottom, grid.span(r, c).bottom);
      return { headerRow: bottom, columns: found };
    }
  }
  ctx.findings.push(
    finding('FORM_HEADER_MISSING', { form, columns: required.slice(0, 4).map((c) => c.header).join('」「') }, grid.sheetLoc()),
  );
  return undefined;
}

/** Data rows below the header: empty rows, rows with only a 序号, and note rows are skipped. */
export function* dataRows<K extends string>(ctx: ReadContext, layout: ListLayout<K>): Generator<number> {
  const { grid } = ctx;
  const used = (Object.entries(layout.columns) as [K, number][]).filter(([k]) => k !== 'seq').map(([, c]) => c);
  // One walk over the filled cells below the header gives each row's count and first cell (for notes).
  const below = [...grid.filled(layout.headerRow + 1)];
  let next = 0;
  for (let r = layout.headerRow + 1; r <= grid.rowCount; r++) {
    while (next < below.length && below[next]!.row < r) next++;
    if (next >= below.length) {
      // No filled cell is left, so no used column can be filled either: the remaining rows are empty.
      return;
    }
    if (below[next]!.row > r) {
      r = below[next]!.row - 1;
      continue;
    }
    let filled = false;
    for (const c of used) {
      const cell = grid.at(r, c);
      if (cell.row === r && (cell.text !== '' || cell.error || cell.noResult)) {
        filled = true;
        break;
      }
    }
    if (!filled) continue;
    const single = next + 1 >= below.length || below[next + 1]!.row !== r;
    if (single && NOTE_ROW.test(normaliseText(below[next]!.text))) continue;
    yield r;
  }
}

/** The cell of a column in a row; a column missing from the header reads as an empty cell at A{row}. */
export function cellOf<K extends string>(ctx: ReadContext, layout: ListLayout<K>, key: K, row: number): GridCell {
  const col = layout.columns[key];
  if (col === undefined) return { row, col: 0, address: `A${row}`, value: null, text: '' };
  return ctx.grid.at(row, col);
}

export function readColumn<K extends string>(
  ctx: ReadContext,
  layout: ListLayout<K>,
  spec: ColumnSpec<K>,
  row: number,
  field: string,
): Cell<string | null> | Cell<number | null> {
  const cell = cellOf(ctx, layout, spec.key, row);
  const info: FieldInfo = spec.unit ? { field, unit: spec.unit } : { field };
  if (spec.kind === 'number') return readNumber(ctx, cell, info);
  if (spec.kind === 'phone') return readPhone(ctx, cell, info);
  return readText(ctx, cell, info);
}
