/** Forms with one record per row (A3, 系统清单, 产品清单): columns found by the header row's text. */
import type { Cell } from '../../model/location.js';
import type { ColumnSpec } from '../../forms/layout.js';
import { labelKey, normaliseText } from '../../forms/normalise.js';
import type { GridCell } from './grid.js';
import { finding, readNumber, readPhone, readText, type FieldInfo, type ReadContext } from './values.js';

const HEADER_SCAN_ROWS = 15;
const NOTE_ROW = /^(注|说明|填表说明|备注)[:：]?/;
/**
 * The lines people add under a table (on normalised text): who filled it in and their phone, the
 * date, the seal — 「填报人：张三  联系电话：0571-…」, 「日期：2021年11月30日」, 「（盖章）」.
 */
const SIGN_OFF_START = /^(填报人|填表人|联系人|经办人|审核人|负责人|单位负责人|制表人|填报单位|推荐单位|联系电话|电话|手机|日期|填报日期|填表日期|报送日期|盖章|单位盖章|签字|签名)/;
const SEAL_OR_DATE = /^(\(?(盖章|公章)\)?|.+\((盖章|公章)\)|(\d{4}|[〇零○一二三四五六七八九]{4})年.{1,3}月.{1,3}日|\d{4}[.\/-]\d{1,2}[.\/-]\d{1,2})$/;

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
    if (isSignOff(ctx, layout, below, next, r)) continue;
    yield r;
  }
}

/**
 * Whether row `r` (its filled cells start at `below[first]`) is a sign-off line rather than a record:
 * no number in its 序号, and it starts with 填报人/联系电话/日期… or holds only a seal or a date.
 */
function isSignOff<K extends string>(ctx: ReadContext, layout: ListLayout<K>, below: readonly GridCell[], first: number, r: number): boolean {
  const seq = (layout.columns as Partial<Record<string, number>>).seq;
  if (seq !== undefined && typeof ctx.grid.at(r, seq).value === 'number') return false;
  if (SIGN_OFF_START.test(normaliseText(below[first]!.text))) return true;
  for (let i = first; i < below.length && below[i]!.row === r; i++) if (!SEAL_OR_DATE.test(normaliseText(below[i]!.text))) return false;
  return true;
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
