/**
 * Pagination as arithmetic: a section is a list of blocks and tables with fixed heights, laid out
 * here without drawing. The page plan and the renderer both use this, so the plan is the document.
 */
import { CONTENT, GAP } from './geometry.js';

export interface BlockSegment {
  kind: 'block';
  key: string;
  height: number;
  newPage?: boolean;
  /** Space above it instead of GAP (the items of one list sit closer than sections). */
  gap?: number;
}

export interface TableSegment {
  kind: 'table';
  key: string;
  /** Height of the table's title above the header (0 for none). */
  titleHeight: number;
  headerHeight: number;
  rowHeight: number;
  /** Data rows; an empty table still takes one row to say so. */
  rows: number;
  newPage?: boolean;
}

export type Segment = BlockSegment | TableSegment;

export interface Placed {
  page: number;
  y: number;
}

/** One page's part of a table: the header at `y`, then rows [from, to). */
export interface TableChunk extends Placed {
  from: number;
  to: number;
}

export interface FlowLayout {
  pages: number;
  blocks: Map<string, Placed>;
  titles: Map<string, Placed>;
  chunks: Map<string, TableChunk[]>;
}

/** Lays the segments out from the top of a fresh page. */
export function layoutFlow(segments: Segment[]): FlowLayout {
  const top = CONTENT.y;
  const bottom = CONTENT.bottom;
  let page = 0;
  let y = top;
  const out: FlowLayout = { pages: 1, blocks: new Map(), titles: new Map(), chunks: new Map() };
  const breakPage = () => {
    page += 1;
    y = top;
  };
  segments.forEach((seg, i) => {
    if (i > 0) {
      if (seg.newPage) breakPage();
      else y += seg.kind === 'block' && seg.gap !== undefined ? seg.gap : GAP;
    }
    if (seg.kind === 'block') {
      if (y + seg.height > bottom && y > top) breakPage();
      out.blocks.set(seg.key, { page, y });
      y += seg.height;
      return;
    }
    // A title stays with its header and first row.
    const rows = Math.max(1, seg.rows);
    if (y + seg.titleHeight + seg.headerHeight + seg.rowHeight > bottom && y > top) breakPage();
    out.titles.set(seg.key, { page, y });
    y += seg.titleHeight;
    const chunks: TableChunk[] = [];
    let from = 0;
    while (from < rows) {
      let fit = Math.floor((bottom - y - seg.headerHeight) / seg.rowHeight);
      if (fit < 1) {
        breakPage();
        fit = Math.floor((bottom - y - seg.headerHeight) / seg.rowHeight);
      }
      const to = Math.min(rows, from + fit);
      chunks.push({ page, y, from, to });
      y += seg.headerHeight + (to - from) * seg.rowHeight;
      from = to;
      if (from < rows) breakPage();
    }
    out.chunks.set(seg.key, chunks);
  });
  out.pages = page + 1;
  return out;
}
