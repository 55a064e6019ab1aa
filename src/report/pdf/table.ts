/**
 * A plain print table: fixed column widths (one column may flex), header row repeated on every page
 * the table runs over, zebra rows, optional row highlight. Cells are one line, cut with … to fit.
 */
import type { TableChunk } from './flow.js';
import type { Align, TextSetter } from './draw.js';
import { CONTENT, COLOR } from './geometry.js';

export interface Column {
  header: string;
  /** Width in points; omit on the one column that takes the rest. */
  width?: number;
  align?: Align;
  /** Text size of this column's cells, when smaller than the table's (small print). */
  size?: number;
}

export interface TableStyle {
  headerHeight: number;
  rowHeight: number;
  size: number;
  /** Lines of text per row (a taller row may wrap its last column-wide text). */
  wrapColumn?: number;
}

export interface TableRow {
  cells: string[];
  fill?: string;
  /** Colour per cell, when one cell should stand out. */
  colors?: (string | undefined)[];
}

export function resolveWidths(columns: Column[], total: number = CONTENT.width): number[] {
  const fixed = columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const flex = columns.filter((c) => c.width === undefined).length;
  return columns.map((c) => c.width ?? Math.max(20, (total - fixed) / Math.max(1, flex)));
}

const PAD = 4;

/** Draws one page's chunk of the table: header at chunk.y, then rows [from, to). */
export function drawTableChunk(
  t: TextSetter,
  columns: Column[],
  rows: TableRow[],
  chunk: TableChunk,
  style: TableStyle,
  emptyText: string,
  x: number = CONTENT.x,
  totalWidth: number = CONTENT.width,
): void {
  const doc = t.doc;
  const widths = resolveWidths(columns, totalWidth);
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  let y = chunk.y;
  doc.rect(x, y, tableWidth, style.headerHeight).fill(COLOR.headerFill);
  let cx = x;
  columns.forEach((c, i) => {
    t.line(c.header, cx + PAD, y + style.headerHeight / 2, widths[i]! - 2 * PAD, {
      size: style.size,
      color: COLOR.headerText,
      align: c.align === 'right' ? 'right' : c.align === 'center' ? 'center' : 'left',
    });
    cx += widths[i]!;
  });
  y += style.headerHeight;
  if (rows.length === 0) {
    t.line(emptyText, x + PAD, y + style.rowHeight / 2, tableWidth - 2 * PAD, { size: style.size, color: COLOR.muted });
    y += style.rowHeight;
  }
  for (let r = chunk.from; r < Math.min(chunk.to, rows.length); r++) {
    const row = rows[r]!;
    const fill = row.fill ?? ((r - chunk.from) % 2 === 1 ? COLOR.zebra : undefined);
    if (fill) doc.rect(x, y, tableWidth, style.rowHeight).fill(fill);
    cx = x;
    row.cells.forEach((text, i) => {
      const w = widths[i]! - 2 * PAD;
      const color = row.colors?.[i];
      if (style.wrapColumn === i && style.rowHeight > style.size * 2.4) {
        const lh = style.size * 1.3;
        const n = Math.floor((style.rowHeight - 4) / lh);
        t.lines(text, cx + PAD, y + (style.rowHeight - n * lh) / 2, w, lh, n, { size: style.size, ...(color ? { color } : {}) });
      } else {
        t.line(text, cx + PAD, y + style.rowHeight / 2, w, {
          size: columns[i]!.size ?? style.size,
          align: columns[i]!.align ?? 'left',
          ...(color ? { color } : {}),
        });
      }
      cx += widths[i]!;
    });
    y += style.rowHeight;
  }
  doc.moveTo(x, y).lineTo(x + tableWidth, y).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
}
