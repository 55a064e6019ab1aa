/** 云计算产品和服务清单: one row per product or service, with its contract period as ISO dates. */
import type { ProductList, ProductRow } from '../../model/records.js';
import type { Cell } from '../../model/location.js';
import { FORM_NAMES, PRODUCT_COLUMNS, type ProductColumnKey } from '../../forms/layout.js';
import { cellOf, dataRows, findHeader, readColumn } from './readList.js';
import { finding, periodDates, readText, type ReadContext } from './values.js';

const SPEC_OF = new Map(PRODUCT_COLUMNS.map((c) => [c.key, c]));

export function readProductList(ctx: ReadContext): ProductList | undefined {
  const layout = findHeader(ctx, FORM_NAMES.products, PRODUCT_COLUMNS);
  if (!layout) return undefined;
  const spec = (key: ProductColumnKey) => SPEC_OF.get(key)!;
  const col = (key: ProductColumnKey, r: number) => readColumn(ctx, layout, spec(key), r, spec(key).header);
  const rows: ProductRow[] = [];
  for (const r of dataRows(ctx, layout)) {
    const periodCell = cellOf(ctx, layout, 'period', r);
    const period = readText(ctx, periodCell, { field: spec('period').header });
    const dates = periodDates(periodCell.value);
    if (period.value !== null && dates.start === null)
      ctx.findings.push(finding('VALUE_PERIOD_UNREADABLE', { field: spec('period').header, raw: period.value }, period.loc));
    rows.push({
      row: r,
      name: col('name', r) as Cell<string | null>,
      provider: col('provider', r) as Cell<string | null>,
      category: col('category', r) as Cell<string | null>,
      contractNo: col('contractNo', r) as Cell<string | null>,
      period,
      periodStart: dates.start,
      periodEnd: dates.end,
      amount: col('amount', r) as Cell<number | null>,
      contractFile: col('contractFile', r) as Cell<string | null>,
      invoiceFile: col('invoiceFile', r) as Cell<string | null>,
    });
  }
  return { file: ctx.grid.file, sheet: ctx.grid.sheet ?? '', rows };
}
