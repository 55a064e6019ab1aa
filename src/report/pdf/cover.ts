/** The cover: what was reviewed, counts per city and status, and two vector charts. */
import type { Segment, FlowLayout } from './flow.js';
import type { DrawContext } from './context.js';
import { goToPage, heading } from './context.js';
import { CONTENT, COLOR } from './geometry.js';
import { drawTableChunk, type Column, type TableRow } from './table.js';
import { fmtScore } from './view.js';
import type { ReportView } from './view.js';

const TITLE_H = 190;
const HIST_H = 200;
const CITY_ROW = 15;
const cityChartHeight = (cities: number) => 40 + cities * CITY_ROW + 16;
const COUNTS = { headerHeight: 18, rowHeight: 16, size: 8.5 };

export function coverSegments(view: ReportView): Segment[] {
  return [
    { kind: 'block', key: 'title', height: TITLE_H },
    { kind: 'table', key: 'counts', titleHeight: 26, headerHeight: COUNTS.headerHeight, rowHeight: COUNTS.rowHeight, rows: view.cities.length + 1 },
    { kind: 'block', key: 'histogram', height: HIST_H },
    { kind: 'block', key: 'cityChart', height: cityChartHeight(view.cities.length) },
  ];
}

export function drawCover(ctx: DrawContext, layout: FlowLayout, base: number): void {
  const { t, doc, view, L, lang } = ctx;
  const { result, rules } = view;

  const title = layout.blocks.get('title')!;
  goToPage(ctx, base + title.page);
  let y = title.y;
  t.line(rules.source, CONTENT.x, y + 8, CONTENT.width, { size: 8, color: COLOR.muted });
  y += 34;
  t.line(lang === 'en' ? rules.titleEn : rules.title, CONTENT.x, y + 11, CONTENT.width, { size: 17 });
  y += 30;
  const name = view.city ? `${L.reportName} · ${view.city}` : L.reportName;
  const size = 26;
  doc.lineWidth(0.5).strokeColor(COLOR.text);
  doc.fillColor(COLOR.text).fontSize(size).text(t.fit(name, size, CONTENT.width), CONTENT.x, t.topFor(y + 16, size), {
    lineBreak: false,
    fill: true,
    stroke: true,
  });
  y += 44;
  doc.rect(CONTENT.x, y, 60, 3).fill(COLOR.headerFill);
  y += 14;
  const s = result.summary;
  const meta: [string, string][] = [
    [L.batch, rules.id],
    [L.inputRoot, result.input.root],
    [L.expertScoring, result.expertScored ? L.expertMerged : L.pendingExpert],
    [
      L.applicants,
      view.city
        ? L.cityStats(view.applicants.length, view.ranked.length, view.rejected.length)
        : L.cityStats(s.applicants, s.ranked, s.rejected),
    ],
  ];
  for (const [k, v] of meta) {
    t.line(k, CONTENT.x, y + 8, 70, { size: 9, color: COLOR.muted });
    t.line(v, CONTENT.x + 74, y + 8, CONTENT.width - 74, { size: 9 });
    y += 17;
  }

  const countsTitle = layout.titles.get('counts')!;
  goToPage(ctx, base + countsTitle.page);
  heading(ctx, L.countsTitle, countsTitle.y, 26);
  const columns: Column[] = [
    { header: L.city },
    { header: L.applicants, width: 62, align: 'right' },
    { header: L.qualified, width: 62, align: 'right' },
    { header: L.flagged, width: 62, align: 'right' },
    { header: L.rejected, width: 62, align: 'right' },
    { header: L.ranked, width: 62, align: 'right' },
    { header: `${L.totalScore}（${lang === 'en' ? 'mean' : '均值'}）`, width: 70, align: 'right' },
  ];
  const tally = (list: DrawContext['view']['applicants']) => {
    const ranked = list.filter((a) => a.status !== 'rejected');
    const mean = ranked.length ? ranked.reduce((acc, a) => acc + a.total, 0) / ranked.length : null;
    return [
      String(list.length),
      String(list.filter((a) => a.status === 'qualified').length),
      String(list.filter((a) => a.status === 'flagged').length),
      String(list.filter((a) => a.status === 'rejected').length),
      String(ranked.length),
      fmtScore(mean),
    ];
  };
  const rows: TableRow[] = view.cities.map((c) => ({ cells: [c.name, ...tally(c.applicants)] }));
  rows.push({ cells: [L.total, ...tally(view.applicants)], fill: '#e3e9f1' });
  for (const chunk of layout.chunks.get('counts')!) {
    goToPage(ctx, base + chunk.page);
    drawTableChunk(t, columns, rows, chunk, COUNTS, L.none);
  }

  const hist = layout.blocks.get('histogram')!;
  goToPage(ctx, base + hist.page);
  drawHistogram(ctx, hist.y, HIST_H);

  const chart = layout.blocks.get('cityChart')!;
  goToPage(ctx, base + chart.page);
  drawCityMeans(ctx, chart.y);
}

/** Totals in bins of 5 points, 0 to the maximum total, for the ranked applicants. */
function drawHistogram(ctx: DrawContext, top: number, height: number): void {
  const { t, doc, view, L } = ctx;
  heading(ctx, L.histogramTitle, top, 26);
  const max = view.ranked[0]?.maxTotal ?? view.indicatorMax + (view.result.expertScored ? view.expertMax : 0);
  const step = 5;
  const bins = Math.max(1, Math.ceil(max / step));
  const counts = new Array<number>(bins).fill(0);
  for (const a of view.ranked) counts[Math.min(bins - 1, Math.max(0, Math.floor(a.total / step)))]! += 1;
  const peak = Math.max(1, ...counts);
  const x0 = CONTENT.x + 28;
  const plotW = CONTENT.width - 34;
  const plotTop = top + 40;
  const plotH = height - 40 - 30;
  const base = plotTop + plotH;
  // Gridlines at a round count step.
  const gridStep = Math.max(1, niceStep(peak / 4));
  doc.lineWidth(0.4).strokeColor(COLOR.rule);
  for (let v = 0; v <= peak; v += gridStep) {
    const gy = base - (v / peak) * plotH;
    doc.moveTo(x0, gy).lineTo(x0 + plotW, gy).stroke();
    t.line(String(v), CONTENT.x, gy, 24, { size: 7, color: COLOR.muted, align: 'right' });
  }
  const bw = plotW / bins;
  counts.forEach((c, i) => {
    const h = (c / peak) * plotH;
    if (c > 0) {
      doc.rect(x0 + i * bw + 1.5, base - h, bw - 3, h).fill(COLOR.bar);
      t.line(String(c), x0 + i * bw, base - h - 6, bw, { size: 7, align: 'center' });
    }
  });
  doc.lineWidth(0.8).strokeColor(COLOR.text).moveTo(x0, base).lineTo(x0 + plotW, base).stroke();
  // Label the round tens (and the maximum) so a 75-point scale reads 0, 10, … 70, 75.
  for (let i = 0; i <= bins; i++)
    if ((i * step) % 10 === 0 || i === bins)
      t.line(String(Math.min(max, i * step)), x0 + i * bw - 12, base + 8, 24, { size: 7, color: COLOR.muted, align: 'center' });
  t.line(`${L.histogramAxis}（n = ${view.ranked.length}）`, x0, base + 21, plotW, { size: 7.5, color: COLOR.muted, align: 'center' });
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

/** Mean total per city as horizontal bars on the same 0…max scale. */
function drawCityMeans(ctx: DrawContext, top: number): void {
  const { t, doc, view, L } = ctx;
  heading(ctx, L.cityChartTitle, top, 26);
  const max = view.ranked[0]?.maxTotal ?? view.indicatorMax;
  const labelW = 70;
  const valueW = 64;
  const x0 = CONTENT.x + labelW;
  const plotW = CONTENT.width - labelW - valueW;
  let y = top + 36;
  for (const c of view.cities) {
    const ranked = c.applicants.filter((a) => a.status !== 'rejected');
    const mean = ranked.length ? ranked.reduce((s, a) => s + a.total, 0) / ranked.length : null;
    t.line(c.name, CONTENT.x, y + CITY_ROW / 2, labelW - 6, { size: 8 });
    doc.rect(x0, y + 3, plotW, CITY_ROW - 6).fill(COLOR.zebra);
    if (mean !== null) doc.rect(x0, y + 3, (Math.min(mean, max) / max) * plotW, CITY_ROW - 6).fill(COLOR.bar);
    t.line(mean === null ? '—' : `${fmtScore(mean)}（${ranked.length}）`, x0 + plotW + 6, y + CITY_ROW / 2, valueW - 6, { size: 7.5 });
    y += CITY_ROW;
  }
  doc.lineWidth(0.6).strokeColor(COLOR.text).moveTo(x0, top + 34).lineTo(x0, y + 2).stroke();
  t.line(`0 – ${max}`, x0, y + 9, plotW, { size: 7, color: COLOR.muted, align: 'right' });
}
