/** Forms with one record per row (A3, 系统清单, 产品清单): columns found by the header row's text. */
import type { Cell } from '../../model/location.js';
import type { ColumnSpec } from '../../forms/layout.js';
import { labelKey, normaliseText } from '../../forms/normalise.js';
import type { GridCell } from './grid.js';
import { finding, readNumber, readPhone, readText, type ReadContext } from './values.js';

const HEADER_SCAN_ROWS = 15;
const NOTE_ROW = /^(注|说明|填表说明|备注)[:：]?/;

export interface ListLayout<K extends string> {
  headerRow: number;
  columns: Partial<Record<K, number>>;
}

function columnKeys(col: ColumnSpec): string[] {
  return [col.header, ...(col.aliases ?? [])].map(labelKey);
}

/**
 * The header row is the first of the top rows naming at least half of the required columns. Missing
 * required columns are reported; `undefined` when no row looks like a header.
 */
export function findHeader<K extends string>(ctx: ReadContext, form: string, columns: readonly ColumnSpec<K>[]): ListLayout<K> | undefined {
  const { grid } = ctx;
  const required = columns.filter((c) => !c.optional);
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, grid.rowCount); r++) {
    const found: Partial<Record<K, number>> = {};
    for (let c = 1; c <= grid.colCount; c++) {
      if (!grid.isMaster(r, c)) continue;
      const text = grid.at(r, c).text;
      if (!text) continue;
      const key = labelKey(text);
      const col = columns.find((spec) => found[spec.key] === undefined && columnKeys(spec).includes(key));
      if (col) found[col.key] = c;
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
  for (let r = layout.headerRow + 1; r <= grid.rowCount; r++) {
    const filled = used.filter((c) => {
      const cell = grid.at(r, c);
      return cell.row === r && (cell.text !== '' || cell.error || cell.noResult);
    });
    if (filled.length === 0) continue;
    const texts = [...grid.filled(r, r)];
    if (texts.length === 1 && NOTE_ROW.test(normaliseText(texts[0]!.text))) continue;
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
  const info = { field, ...(spec.unit ? { unit: spec.unit } : {}) };
  if (spec.kind === 'number') return readNumber(ctx, cell, info);
  if (spec.kind === 'phone') return readPhone(ctx, cell, info);
  return readText(ctx, cell, info);
}
