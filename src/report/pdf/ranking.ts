/**
 * The list sections: province ranking (then the rejected with their reasons), the 初选名单, and each
 * city's ranking beside its own 推荐排序.
 */
import { renderMessage } from '../catalogue.js';
import type { ApplicantResult } from '../../model/result.js';
import type { DrawContext, Sizing } from './context.js';
import { bySeverity, drawFindingSegments, findingLines, findingSegments, findingText, type FindingLine } from './findingList.js';
import { goToPage, heading } from './context.js';
import type { FlowLayout, Segment } from './flow.js';
import { COLOR, CONTENT } from './geometry.js';
import { drawTableChunk, resolveWidths, type Column, type TableRow, type TableStyle } from './table.js';
import { wrapText } from './wrap.js';
import { fmtScore, type CityPart, type ReportView } from './view.js';

const LIST: TableStyle = { headerHeight: 18, rowHeight: 15, size: 8 };
const REJECTED_SIZE = 8;
const REJECTED_LINE = REJECTED_SIZE * 1.3;
const REJECTED_NAME_W = 170;

function rejectedColumns(L: DrawContext['L']): Column[] {
  return [{ header: L.city, width: 46 }, { header: L.enterprise, width: REJECTED_NAME_W }, { header: L.reasons }];
}

/** Rows tall enough for the longest list of reasons, wrapped whole (two lines at least). */
function rejectedStyle(s: Sizing): TableStyle {
  const width = resolveWidths(rejectedColumns(s.L))[2]! - 8;
  const lines = Math.max(2, ...s.view.rejected.map((a) => wrapText(rejectionReasons(a, s.lang), width, REJECTED_SIZE, s.measure).length));
  return { headerHeight: 18, rowHeight: Math.max(26, lines * REJECTED_LINE + 6), size: REJECTED_SIZE, wrapColumn: 2 };
}
/** How far the city's own order may stray from the computed city rank before it is pointed out. */
export const RECOMMENDED_RANK_GAP = 3;

export function rankingSegments(s: Sizing): Segment[] {
  const { view } = s;
  const REJECTED = rejectedStyle(s);
  const segs: Segment[] = [
    { kind: 'table', key: 'ranking', titleHeight: 30, headerHeight: LIST.headerHeight, rowHeight: LIST.rowHeight, rows: view.ranked.length },
  ];
  if (view.rejected.length > 0)
    segs.push({ kind: 'table', key: 'rejected', titleHeight: 30, headerHeight: REJECTED.headerHeight, rowHeight: REJECTED.rowHeight, rows: view.rejected.length });
  return segs;
}

export function selectionSegments(view: ReportView): Segment[] {
  return [{ kind: 'table', key: 'selection', titleHeight: 46, headerHeight: LIST.headerHeight, rowHeight: LIST.rowHeight, rows: view.selected.length }];
}

const CITY_FINDINGS_TITLE = 44;

/** The city's own findings, as lines per finding (files shown from the city's folder). */
function cityGroups(s: Sizing, city: CityPart): FindingLine[][] {
  return findingLines(bySeverity(city.findings), CONTENT.width, s.lang, s.measure, (f) => findingText(f, s.lang, city.name));
}

export function citySegments(s: Sizing, city: CityPart): Segment[] {
  return [
    { kind: 'table', key: 'city', titleHeight: 62, headerHeight: LIST.headerHeight, rowHeight: LIST.rowHeight, rows: city.applicants.length },
    ...findingSegments('cityFindings', CITY_FINDINGS_TITLE, cityGroups(s, city)),
  ];
}

const rankText = (r: number | null) => (r === null ? '—' : String(r));

function drawTable(ctx: DrawContext, layout: FlowLayout, base: number, key: string, columns: Column[], rows: TableRow[], style: TableStyle): void {
  for (const chunk of layout.chunks.get(key) ?? []) {
    goToPage(ctx, base + chunk.page);
    drawTableChunk(ctx.t, columns, rows, chunk, style, ctx.L.none);
  }
}

export function drawRanking(ctx: DrawContext, layout: FlowLayout, base: number): void {
  const { view, L } = ctx;
  const title = layout.titles.get('ranking')!;
  goToPage(ctx, base + title.page);
  heading(ctx, view.city ? `${L.ranking} · ${view.city}` : L.ranking, title.y, 30, 13);
  // Until the panel has scored, the total is the indicators' part alone: show its two halves instead.
  const scored = view.result.expertScored;
  const columns: Column[] = [
    { header: L.provinceRank, width: 34, align: 'right' },
    { header: L.city, width: 46 },
    { header: L.enterprise },
    // English status words run longer than Chinese ones (not accepted / 不予受理).
    { header: L.status, width: ctx.lang === 'en' ? 60 : 40 },
    { header: scored ? L.indicatorTotal : L.selfTotal, width: 44, align: 'right' },
    { header: scored ? L.expertTotal : L.horizontalTotal, width: 44, align: 'right' },
    { header: scored ? L.totalScore : `${L.totalScore}/${view.indicatorMax}`, width: 46, align: 'right' },
    { header: L.cityRank, width: 32, align: 'right' },
    { header: L.recommended, width: ctx.lang === 'en' ? 46 : 40, align: 'right' },
  ];
  const rows: TableRow[] = view.ranked.map((a) => ({
    cells: [
      rankText(a.provinceRank),
      a.city,
      a.name,
      L.statusName[a.status],
      fmtScore(scored ? a.indicatorTotal : a.selfTotal),
      fmtScore(scored ? a.expertTotal : a.horizontalTotal),
      fmtScore(a.total),
      rankText(a.cityRank),
      rankText(a.cityRecommendedRank),
    ],
    colors: [undefined, undefined, undefined, a.status === 'flagged' ? COLOR.warning : undefined],
  }));
  drawTable(ctx, layout, base, 'ranking', columns, rows, LIST);

  const rejTitle = layout.titles.get('rejected');
  if (!rejTitle) return;
  goToPage(ctx, base + rejTitle.page);
  heading(ctx, `${L.rejectedList}（${view.rejected.length}）`, rejTitle.y, 30, 11);
  const rejColumns = rejectedColumns(L);
  const rejRows: TableRow[] = view.rejected.map((a) => ({
    cells: [a.city, a.name, rejectionReasons(a, ctx.lang)],
    colors: [undefined, undefined, COLOR.error],
  }));
  drawTable(ctx, layout, base, 'rejected', rejColumns, rejRows, rejectedStyle(ctx));
}

/** The messages of the findings that rejected the applicant, else the bare codes. */
export function rejectionReasons(a: ApplicantResult, lang: 'zh' | 'en'): string {
  const texts: string[] = [];
  for (const code of a.rejectedBy) {
    const f = a.findings.find((x) => x.code === code);
    const text = renderMessage(f ?? { code, severity: 'error', args: {} }, lang);
    if (!texts.includes(text)) texts.push(text);
  }
  return texts.join(lang === 'zh' ? '；' : '; ') || '—';
}

export function drawSelection(ctx: DrawContext, layout: FlowLayout, base: number): void {
  const { view, L, t } = ctx;
  const sel = view.result.selection;
  if (!sel) return;
  const title = layout.titles.get('selection')!;
  goToPage(ctx, base + title.page);
  heading(ctx, `${L.selection}（${view.selected.length}）`, title.y, 30, 13);
  t.line(sel.by === 'count' ? L.selectionByCount(sel.value) : L.selectionByThreshold(sel.value), ctx.t.doc.page.margins.left, title.y + 38, 400, {
    size: 8.5,
    color: COLOR.muted,
  });
  const columns: Column[] = [
    { header: L.provinceRank, width: 44, align: 'right' },
    { header: L.city, width: 60 },
    { header: L.enterprise },
    { header: L.totalScore, width: 60, align: 'right' },
  ];
  const rows: TableRow[] = view.selected.map((a) => ({ cells: [rankText(a.provinceRank), a.city, a.name, fmtScore(a.total)] }));
  drawTable(ctx, layout, base, 'selection', columns, rows, LIST);
}

/** Whether the city's recommended order strays from the computed city rank enough to point out. */
export function strays(a: ApplicantResult): boolean {
  return a.cityRank !== null && a.cityRecommendedRank !== null && Math.abs(a.cityRecommendedRank - a.cityRank) >= RECOMMENDED_RANK_GAP;
}

export function drawCitySummary(ctx: DrawContext, city: CityPart, layout: FlowLayout, base: number): void {
  const { L, t } = ctx;
  const title = layout.titles.get('city')!;
  goToPage(ctx, base + title.page);
  heading(ctx, L.cityPart(city.name), title.y, 30, 13);
  const ranked = city.applicants.filter((a) => a.status !== 'rejected').length;
  const left = t.doc.page.margins.left;
  t.line(L.cityStats(city.applicants.length, ranked, city.applicants.length - ranked), left, title.y + 38, 480, { size: 8.5, color: COLOR.muted });
  t.line(L.diffNote, left, title.y + 52, 480, { size: 8, color: COLOR.muted });
  const columns: Column[] = [
    { header: L.cityRank, width: 40, align: 'right' },
    { header: L.recommended, width: 48, align: 'right' },
    { header: L.difference, width: 34, align: 'right' },
    { header: L.enterprise },
    { header: L.status, width: ctx.lang === 'en' ? 62 : 44 },
    { header: L.totalScore, width: 46, align: 'right' },
    { header: L.provinceRank, width: 40, align: 'right' },
  ];
  const rows: TableRow[] = city.applicants.map((a) => {
    const diff = a.cityRank !== null && a.cityRecommendedRank !== null ? a.cityRecommendedRank - a.cityRank : null;
    const row: TableRow = {
      cells: [
        rankText(a.cityRank),
        rankText(a.cityRecommendedRank),
        diff === null ? '—' : diff > 0 ? `+${diff}` : String(diff),
        a.name,
        L.statusName[a.status],
        a.status === 'rejected' ? '—' : fmtScore(a.total),
        rankText(a.provinceRank),
      ],
      colors: [undefined, undefined, strays(a) ? COLOR.error : undefined, undefined, a.status === 'rejected' ? COLOR.error : a.status === 'flagged' ? COLOR.warning : undefined],
    };
    if (strays(a)) row.fill = COLOR.highlight;
    return row;
  });
  drawTable(ctx, layout, base, 'city', columns, rows, LIST);

  // What the city itself sent wrong (its 推荐排序表 and the like): no applicant's page carries it.
  drawFindingSegments(ctx, layout, base, 'cityFindings', CITY_FINDINGS_TITLE, cityGroups(ctx, city), left, CONTENT.width, (y) => {
    heading(ctx, L.cityFindingsTitle(city.name, city.findings.length), y, 26, 11);
    t.line(L.cityFindingsNote, left, y + 34, CONTENT.width, { size: 8, color: COLOR.muted });
  }, L.none);
}
