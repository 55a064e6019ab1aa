/**
 * One review page per applicant: identity, the indicators, dimensions against the province median,
 * the expert items (boxes to fill by hand until scores are merged), the totals, the findings and the
 * signature line. Findings are printed whole; those that do not fit on the form continue on pages of
 * their own right after it (the plan counts them, `reviewLayout`).
 */
import type { ApplicantResult } from '../../model/result.js';
import type { DrawContext } from './context.js';
import { goToPage } from './context.js';
import { bySeverity, drawFindingLines, FINDING_LINE, findingLines, findingText, type FindingLine } from './findingList.js';
import type { PdfLang } from './labels.js';
import type { Measure } from './wrap.js';
import { CONTENT, COLOR } from './geometry.js';
import { rejectionReasons } from './ranking.js';
import { drawTableChunk, resolveWidths, type Column, type TableRow } from './table.js';
import { fmtNumber, fmtScore } from './view.js';
import { drawReviewDecisions } from './reviewDecisions.js';
import { sourceCells } from '../sourceText.js';

const X = CONTENT.x;
const W = CONTENT.width;
/** Offsets from the top of the content box; the page is a fixed form. */
const Y = {
  identity: 62,
  indicatorsTitle: 140,
  indicators: 158,
  sideTitle: 392,
  totals: 548,
  findingsTitle: 580,
} as const;
const IDENTITY_ROW = 14;
const IND = { headerHeight: 16, rowHeight: 13, size: 7.5 };
const EXPERT_ROW = 16;
const SIGNATURE_H = 26;
const SIDE_GAP = 18;
const DIM_W = 222;

/** The form on the current page, then any continuation pages its findings need (`layout.pages` in all). */
export function drawReviewPage(ctx: DrawContext, a: ApplicantResult, layout: ReviewLayout): void {
  const top = CONTENT.y;
  drawHeader(ctx, a, top);
  drawIdentity(ctx, a, top + Y.identity);
  drawIndicators(ctx, a, top);
  drawDimensions(ctx, a, top + Y.sideTitle);
  drawExpert(ctx, a, top + Y.sideTitle);
  drawTotals(ctx, a, top + Y.totals);
  // The clerk's decisions about this applicant (reviewDecisions.ts), then the findings below them.
  const decided = drawReviewDecisions(ctx, a, top + Y.findingsTitle);
  drawFindings(ctx, a, layout, top + decided);
  drawSignature(ctx, CONTENT.bottom - SIGNATURE_H);
  drawContinuations(ctx, a, layout);
}

function subTitle(ctx: DrawContext, text: string, x: number, y: number, width: number): void {
  ctx.t.line(text, x, y + 7, width, { size: 9.5 });
  ctx.doc.moveTo(x, y + 15).lineTo(x + width, y + 15).lineWidth(0.7).strokeColor(COLOR.headerFill).stroke();
}

function drawHeader(ctx: DrawContext, a: ApplicantResult, top: number): void {
  const { t, view, L, lang } = ctx;
  const ruleTitle = lang === 'en' ? view.rules.titleEn : view.rules.title;
  t.line(`${ruleTitle} · ${L.reviewSheet}`, X, top + 5, W * 0.55, { size: 7.5, color: COLOR.muted });
  const ranks = [
    a.city,
    `${L.provinceRank} ${a.provinceRank ?? '—'} / ${view.result.summary.ranked}`,
    `${L.cityRank} ${a.cityRank ?? '—'}`,
    `${L.recommended} ${a.cityRecommendedRank ?? '—'}`,
  ].join(' · ');
  t.line(ranks, X + W * 0.4, top + 5, W * 0.6, { size: 7.5, color: COLOR.muted, align: 'right' });
  // The name is what the panel looks for: shrink a long one before cutting it.
  let size = 15;
  while (size > 10 && t.width(a.name, size) > W) size -= 0.5;
  t.line(a.name, X, top + 24, W, { size });
  t.line(a.id, X, top + 41, W, { size: 7.5, color: COLOR.muted });
  if (a.status === 'rejected') {
    // The reasons in full when they fit on the line; else the findings below say them whole.
    const banner = `${L.rejectedBanner}${rejectionReasons(a, lang)}`;
    const size = t.width(banner, 8) <= W ? 8 : 7;
    t.line(t.width(banner, size) <= W ? banner : L.rejectedSeeFindings, X, top + 53, W, { size, color: COLOR.error });
  } else {
    t.line(`${L.status}${L.colon}${L.statusName[a.status]}`, X, top + 53, W, {
      size: 8,
      color: a.status === 'flagged' ? COLOR.warning : COLOR.muted,
    });
  }
}

function drawIdentity(ctx: DrawContext, a: ApplicantResult, top: number): void {
  const { t, doc, L } = ctx;
  const id = a.identity;
  const I = L.identity;
  const money = (v: number | null) => (v === null ? '—' : `${fmtNumber(v)} ${L.wan}`);
  const text = (v: string | null) => v ?? '—';
  const pairs: [string, string][][] = [
    [[I.registeredAddress, text(id.registeredAddress)]],
    [
      [I.legalRepresentative, text(id.legalRepresentative)],
      [I.employees, id.employees === null ? '—' : `${fmtNumber(id.employees)} ${L.people}`.trim()],
      [I.itLead, text(id.itLead)],
    ],
    [
      [I.itLeadPhone, text(id.itLeadPhone)],
      [I.salesLastYear, money(id.salesLastYear)],
      [I.profitLastYear, money(id.profitLastYear)],
    ],
    [
      [I.cloudInvestment3y, money(id.cloudInvestment3y)],
      [I.itInvestment3y, money(id.itInvestment3y)],
      [I.creditCode, text(a.creditCode)],
    ],
    [[I.mainBusiness, text(id.mainBusiness)]],
  ];
  const labelW = 66;
  const third = W / 3;
  pairs.forEach((row, r) => {
    const y = top + r * IDENTITY_ROW;
    row.forEach(([label, value], i) => {
      const x = X + i * third;
      const valueW = row.length === 1 ? W - labelW : third - labelW;
      doc.rect(x, y, labelW, IDENTITY_ROW).fill(COLOR.zebra);
      t.line(label, x + 3, y + IDENTITY_ROW / 2, labelW - 6, { size: 7.5, color: COLOR.muted });
      t.line(value, x + labelW + 4, y + IDENTITY_ROW / 2, valueW - 8, { size: 7.5 });
    });
  });
  doc.lineWidth(0.5).strokeColor(COLOR.rule);
  for (let r = 0; r <= pairs.length; r++) doc.moveTo(X, top + r * IDENTITY_ROW).lineTo(X + W, top + r * IDENTITY_ROW).stroke();
}

function drawIndicators(ctx: DrawContext, a: ApplicantResult, top: number): void {
  const { t, doc, view, L, lang } = ctx;
  subTitle(ctx, L.indicatorsTitle(view.indicatorMax), X, top + Y.indicatorsTitle, W);
  // English labels run longer: the indicator column takes width from the number columns.
  const en = lang === 'en';
  const name = (rule: (typeof view.rules.indicators)[number]) => (en ? rule.nameEn : `${rule.name}（${rule.unit}）`);
  // The indicator column is as wide as its longest name; the source cells, in small print, take the rest.
  const widest = (texts: string[]) => Math.ceil(Math.max(...texts.map((x) => ctx.measure(x, IND.size)))) + 9;
  const nameWidth = widest(view.rules.indicators.map(name));
  const dimWidth = widest(view.rules.dimensions.map((d) => (en ? d.nameEn : d.name)));
  const columns: Column[] = [
    { header: L.dimension, width: dimWidth },
    { header: L.indicator, width: nameWidth },
    { header: 'N', width: en ? 37 : 44, align: 'right' },
    { header: 'M', width: en ? 37 : 44, align: 'right' },
    { header: L.selfScore, width: en ? 28 : 34, align: 'right' },
    { header: L.rank, width: en ? 40 : 46, align: 'right' },
    { header: L.grade, width: en ? 30 : 26, align: 'center' },
    { header: L.horizontalScore, width: en ? 30 : 34, align: 'right' },
    { header: L.score, width: en ? 30 : 34, align: 'right' },
    { header: L.verified, width: en ? 24 : 26, align: 'center' },
    // Where N and M were typed (the workbook's 指标明细 has the text as typed).
    { header: L.sourceCells, size: 6 },
  ];
  const dimName = new Map(view.rules.dimensions.map((d) => [d.key, lang === 'en' ? d.nameEn : d.name]));
  let lastDim = '';
  const groupStarts: number[] = [];
  const rows: TableRow[] = view.rules.indicators.map((rule, i) => {
    const r = a.indicators[rule.key];
    const first = rule.dimension !== lastDim;
    if (first && i > 0) groupStarts.push(i);
    lastDim = rule.dimension;
    if (!r) return { cells: [first ? dimName.get(rule.dimension)! : '', name(rule), '—', '—', '—', '—', '—', '—', '—', '—', '—'] };
    return {
      cells: [
        first ? (dimName.get(rule.dimension) ?? rule.dimension) : '',
        name(rule),
        fmtNumber(r.n),
        fmtNumber(r.m),
        fmtScore(r.selfScore),
        r.rank === null ? '—' : `${r.rank}/${r.rankedCount}`,
        r.grade ?? '—',
        fmtScore(r.horizontalScore),
        fmtScore(r.score),
        a.status === 'rejected' ? '—' : r.verified ? L.yes : L.no,
        sourceCells(r.sources, a.received.a2 ?? undefined),
      ],
      colors: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, r.verified || a.status === 'rejected' ? undefined : COLOR.error],
    };
  });
  const tableTop = top + Y.indicators;
  drawTableChunk(t, columns, rows, { page: 0, y: tableTop, from: 0, to: rows.length }, IND, L.none);
  const widths = resolveWidths(columns);
  doc.lineWidth(0.4).strokeColor(COLOR.rule);
  for (const i of groupStarts) {
    const gy = tableTop + IND.headerHeight + i * IND.rowHeight;
    doc.moveTo(X, gy).lineTo(X + W, gy).stroke();
  }
  // The sum row: the columns the Result totals.
  const sumY = tableTop + IND.headerHeight + rows.length * IND.rowHeight;
  doc.rect(X, sumY, W, IND.rowHeight + 1).fill('#e3e9f1');
  const cellX = (i: number) => X + widths.slice(0, i).reduce((s, w) => s + w, 0);
  const put = (i: number, text: string) => t.line(text, cellX(i) + 4, sumY + IND.rowHeight / 2, widths[i]! - 8, { size: IND.size, align: 'right' });
  t.line(L.subtotal, X + 4, sumY + IND.rowHeight / 2, widths[0]! - 8, { size: IND.size });
  put(4, fmtScore(a.selfTotal));
  put(7, fmtScore(a.horizontalTotal));
  put(8, fmtScore(a.indicatorTotal));
}

function drawDimensions(ctx: DrawContext, a: ApplicantResult, top: number): void {
  const { t, doc, view, L, lang } = ctx;
  subTitle(ctx, L.dimensionsTitle, X, top, DIM_W);
  const labelW = lang === 'en' ? 90 : 62;
  const valueW = 52;
  const plotX = X + labelW;
  const plotW = DIM_W - labelW - valueW;
  const rowH = 20;
  let y = top + 22;
  for (const d of view.rules.dimensions) {
    const v = a.dimensions[d.key] ?? 0;
    const m = view.medians[d.key] ?? 0;
    const mid = y + rowH / 2;
    t.line(lang === 'en' ? d.nameEn : d.name, X, mid, labelW - 4, { size: 7.5 });
    doc.rect(plotX, mid - 6, plotW, 12).fill(COLOR.zebra);
    doc.rect(plotX, mid - 5, (Math.min(v, d.weight) / d.weight) * plotW, 6).fill(COLOR.bar);
    doc.rect(plotX, mid + 2, (Math.min(m, d.weight) / d.weight) * plotW, 3).fill(COLOR.median);
    t.line(`${fmtScore(v)} / ${d.weight}`, plotX + plotW + 4, mid - 2, valueW - 4, { size: 7.5 });
    t.line(fmtScore(m), plotX + plotW + 4, mid + 5, valueW - 4, { size: 6, color: COLOR.muted });
    y += rowH;
  }
  y += 6;
  doc.rect(plotX, y + 2, 10, 5).fill(COLOR.bar);
  t.line(L.thisApplicant, plotX + 13, y + 5, 60, { size: 6.5, color: COLOR.muted });
  doc.rect(plotX + 76, y + 3, 10, 3).fill(COLOR.median);
  t.line(L.provinceMedian, plotX + 89, y + 5, 80, { size: 6.5, color: COLOR.muted });
}

function drawExpert(ctx: DrawContext, a: ApplicantResult, top: number): void {
  const { t, doc, view, L, lang } = ctx;
  const x = X + DIM_W + SIDE_GAP;
  const w = W - DIM_W - SIDE_GAP;
  const scored = view.result.expertScored && a.expert !== null;
  const note = scored && a.expert ? ` · ${L.expertsCounted(a.expert.experts)}` : '';
  subTitle(ctx, L.expertTitle(view.expertMax) + note, x, top, w);
  const columns: Column[] = [
    { header: L.expertItem },
    { header: L.maxPoints, width: 34, align: 'right' },
    { header: L.expertScore, width: 62, align: 'center' },
  ];
  const rows: TableRow[] = view.rules.experts.map((e) => {
    const v = scored ? a.expert?.items[e.key] : undefined;
    return { cells: [lang === 'en' ? e.nameEn : e.name, String(e.max), v === undefined || v === null ? '' : fmtScore(v)] };
  });
  rows.push({ cells: [L.subtotal, String(view.expertMax), scored ? fmtScore(a.expertTotal) : ''], fill: '#e3e9f1' });
  const style = { headerHeight: 16, rowHeight: EXPERT_ROW, size: 7.5 };
  const tableTop = top + 22;
  drawTableChunk(t, columns, rows, { page: 0, y: tableTop, from: 0, to: rows.length }, style, L.none, x, w);
  if (!scored) {
    // Boxes for the panel's pen.
    const boxX = x + w - 62 + 10;
    doc.lineWidth(0.6).strokeColor(COLOR.box);
    rows.forEach((_, i) => {
      const ry = tableTop + style.headerHeight + i * EXPERT_ROW;
      doc.rect(boxX, ry + 2.5, 42, EXPERT_ROW - 5).fillAndStroke('#ffffff', COLOR.box);
    });
  }
}

function drawTotals(ctx: DrawContext, a: ApplicantResult, top: number): void {
  const { t, doc, view, L } = ctx;
  const h = 22;
  doc.rect(X, top, W, h).fill('#e3e9f1');
  doc.rect(X, top, 4, h).fill(COLOR.headerFill);
  const mid = top + h / 2;
  const third = (W - 12) / 3;
  t.line(L.totalsLine(fmtScore(a.indicatorTotal), view.indicatorMax), X + 12, mid, third, { size: 9 });
  const expert = a.expertTotal === null ? `${L.expertScoring} ${L.pendingExpert}` : `${L.expertScoring} ${fmtScore(a.expertTotal)} / ${view.expertMax}`;
  t.line(expert, X + 12 + third, mid, third, { size: 9, color: a.expertTotal === null ? COLOR.muted : COLOR.text });
  const pending = a.expertTotal === null ? `（${L.pendingExpert}）` : '';
  const total = a.status === 'rejected' ? `${L.totalScore} —` : `${L.totalScore} ${fmtScore(a.total)} / ${a.maxTotal}${pending}`;
  t.line(total, X + 12 + 2 * third, mid, third - 4, { size: 10, align: 'right' });
}

/** Where the findings' lines go on the form, and on each continuation page. */
const FINDINGS_TOP = Y.findingsTitle + 20;
const FINDINGS_BOTTOM = CONTENT.bottom - CONTENT.y - SIGNATURE_H - 6;
const FIRST_CAPACITY = Math.floor((FINDINGS_BOTTOM - FINDINGS_TOP) / FINDING_LINE);
/** A continuation page: the applicant's header line and name, a subtitle, then lines to the bottom. */
const CONT_TOP = 86;
const CONT_CAPACITY = Math.floor((CONTENT.bottom - CONTENT.y - CONT_TOP) / FINDING_LINE);

/** An applicant's findings as printed lines, page by page: the form's, then each continuation's. */
export interface ReviewLayout {
  pageLines: FindingLine[][];
  pages: number;
}

/** Pages are filled finding by finding: a finding moves whole to the next page unless it alone is longer than one. */
export function reviewLayout(a: ApplicantResult, lang: PdfLang, measure: Measure, decisionsHeight = 0): ReviewLayout {
  const groups = findingLines(bySeverity(a.findings), W, lang, measure, (f) => findingText(f, lang, a.id));
  const pageLines: FindingLine[][] = [[]];
  // The decisions block (reviewDecisionsHeight) sits above the findings and takes their first lines.
  let capacity = Math.max(1, FIRST_CAPACITY - Math.ceil(decisionsHeight / FINDING_LINE));
  for (const g of groups) {
    let page = pageLines[pageLines.length - 1]!;
    if (page.length + g.length > capacity && page.length > 0) {
      pageLines.push((page = []));
      capacity = CONT_CAPACITY;
    }
    for (const line of g) {
      if (page.length >= capacity) {
        pageLines.push((page = []));
        capacity = CONT_CAPACITY;
      }
      page.push(line);
    }
  }
  return { pageLines, pages: pageLines.length };
}

function drawFindings(ctx: DrawContext, a: ApplicantResult, layout: ReviewLayout, top: number): void {
  const { t, L, lang } = ctx;
  subTitle(ctx, L.findingsTitle(a.findings.length), X, top + Y.findingsTitle, W);
  if (a.findings.length === 0) {
    t.line(L.noFindings, X, top + FINDINGS_TOP + FINDING_LINE / 2, W, { size: 7.5, color: COLOR.muted });
    return;
  }
  drawFindingLines(t, L, lang, layout.pageLines[0]!, X, top + FINDINGS_TOP, W);
}

/** The findings that did not fit on the form, on pages of their own after it. */
function drawContinuations(ctx: DrawContext, a: ApplicantResult, layout: ReviewLayout): void {
  const { t, L, lang } = ctx;
  for (let p = 1; p < layout.pages; p++) {
    goToPage(ctx, ctx.page + 1);
    const top = CONTENT.y;
    drawHeader(ctx, a, top);
    subTitle(ctx, `${L.findingsContinued} · ${a.name}`, X, top + CONT_TOP - 22, W);
    drawFindingLines(t, L, lang, layout.pageLines[p]!, X, top + CONT_TOP, W);
  }
}

function drawSignature(ctx: DrawContext, top: number): void {
  const { t, doc, L } = ctx;
  const mid = top + SIGNATURE_H - 8;
  const sigW = t.line(L.signature, X, mid, 120, { size: 9.5 });
  doc.lineWidth(0.6).strokeColor(COLOR.text);
  doc.moveTo(X + sigW + 4, mid + 6).lineTo(X + sigW + 184, mid + 6).stroke();
  const dateX = X + sigW + 210;
  const dateW = t.line(L.date, dateX, mid, 60, { size: 9.5 });
  doc.moveTo(dateX + dateW + 4, mid + 6).lineTo(dateX + dateW + 124, mid + 6).stroke();
}
