/** Attachment 3 (推荐排序表), one row per recommended enterprise, from a sheet or a CSV. */
import type { A3Record, A3Row } from '../../model/records.js';
import { A3_COLUMNS, FORM_NAMES } from '../../forms/layout.js';
import { dataRows, findHeader, readColumn } from './readList.js';
import type { ReadContext } from './values.js';

export function readA3(ctx: ReadContext): A3Record | undefined {
  const layout = findHeader(ctx, FORM_NAMES.a3, A3_COLUMNS);
  if (!layout) return undefined;
  const rows: A3Row[] = [];
  for (const r of dataRows(ctx, layout)) {
    const row = { row: r } as Record<string, unknown>;
    for (const spec of A3_COLUMNS) row[spec.key] = readColumn(ctx, layout, spec, r, spec.header);
    rows.push(row as unknown as A3Row);
  }
  return { file: ctx.grid.file, sheet: ctx.grid.sheet ?? '', rows };
}
