/**
 * The 专家评分复核 section of 评审报告.pdf: the panel chair's list (report/panelReview.ts), after the
 * ranking and the 初选名单. Only in the province's PDF of a run with an expert sheet: the cities'
 * PDFs go back to the cities, and the panel's sheet is the province's matter.
 */
import { PANEL_REVIEW_WORDS, panelReviewColumns, panelReviewRows } from '../panelReview.js';
import type { DrawContext, Sizing } from './context.js';
import { wrapText, type Measure } from './wrap.js';
import { goToPage, heading } from './context.js';
import type { FlowLayout, Segment } from './flow.js';
import { COLOR, CONTENT } from './geometry.js';
import { drawTableChunk, resolveWidths, type Column, type TableRow, type TableStyle } from './table.js';
import type { ReportView } from './view.js';

const SIZE = 7.5;
const LINE = SIZE * 1.3;
/** A message longer than this many lines is rare enough to be cut rather than make every row tall. */
const MAX_LINES = 6;
const TITLE_HEIGHT = 62;

/** Severity, city, expert, place fixed; the message takes the rest and wraps. */
const WIDTHS = [40, 40, 48, 40] as const;

function columns(lang: 'zh' | 'en'): Column[] {
  const [severity, city, , expert, place, message] = panelReviewColumns(lang);
  return [
    { header: severity!, width: WIDTHS[0] },
    { header: city!, width: WIDTHS[1] },
    { header: expert!, width: WIDTHS[2] },
    { header: place!, width: WIDTHS[3] },
    { header: message! },
  ];
}

/** One height for every row: enough lines for the longest message (wrapped as drawn), measured before any drawing. */
function style(messages: string[], measure: Measure): TableStyle {
  const width = resolveWidths([...WIDTHS.map((width) => ({ header: '', width })), { header: '' }])[4]! - 8;
  const lines = Math.min(MAX_LINES, Math.max(1, ...messages.map((m) => wrapText(m, width, SIZE, measure).length)));
  return lines === 1 ? { headerHeight: 18, rowHeight: 15, size: SIZE } : { headerHeight: 18, rowHeight: lines * LINE + 6, size: SIZE, wrapColumn: 4 };
}

function tableRows(view: ReportView, lang: 'zh' | 'en'): TableRow[] {
  // The sheet is the same file on every row: the place is the row or cell alone, the file is named above.
  return panelReviewRows(view.result, lang).map((r, i) => {
    const loc = view.result.panelReview[i]!.location;
    const place = loc?.cell ?? (loc?.row !== undefined ? (lang === 'zh' ? `第${loc.row}行` : `row ${loc.row}`) : '—');
    const color = r.severity === 'error' ? COLOR.error : r.severity === 'warning' ? COLOR.warning : COLOR.info;
    return { cells: [r.cells[0], r.cells[1], r.cells[3], place, r.cells[5]], colors: [color] };
  });
}

/** Present in the province's PDF once expert scores were merged. */
export function hasPanelReview(view: ReportView): boolean {
  return view.city === undefined && view.result.expertScored;
}

export function panelReviewSegments(sizing: Sizing): Segment[] {
  const { view, lang } = sizing;
  const s = style(tableRows(view, lang).map((r) => r.cells[4]!), sizing.measure);
  return [{ kind: 'table', key: 'panelReview', titleHeight: TITLE_HEIGHT, headerHeight: s.headerHeight, rowHeight: s.rowHeight, rows: view.result.panelReview.length }];
}

export function drawPanelReview(ctx: DrawContext, layout: FlowLayout, base: number): void {
  const { view, lang, t } = ctx;
  const w = PANEL_REVIEW_WORDS[lang];
  const title = layout.titles.get('panelReview')!;
  goToPage(ctx, base + title.page);
  const n = view.result.panelReview.length;
  heading(ctx, lang === 'zh' ? `${w.title}（${n}）` : `${w.title} (${n})`, title.y, 30, 13);
  // The sheet by its file name: where it sits on this machine is no matter for the page.
  const path = view.result.panelReview.find((f) => f.location?.file)?.location?.file;
  const file = path === undefined ? undefined : (path.split(/[\\/]/).at(-1) ?? path);
  const intro = file ? (lang === 'zh' ? `专家评分表：${file}。${w.intro}` : `Expert sheet: ${file}. ${w.intro}`) : w.intro;
  t.lines(intro, CONTENT.x, title.y + 34, CONTENT.width, 11, 2, { size: 8.5, color: COLOR.muted });
  const rows = tableRows(view, lang);
  const s = style(rows.map((r) => r.cells[4]!), ctx.measure);
  const cols = columns(lang);
  for (const chunk of layout.chunks.get('panelReview') ?? []) {
    goToPage(ctx, base + chunk.page);
    drawTableChunk(t, cols, rows, chunk, s, ctx.L.none);
  }
}
