/**
 * The cover: what was reviewed, the scoring rules (the band table the notice leaves open said as
 * such), counts per city and status with each city's own findings, then the score distribution and
 * the cities' means. The province's second page lists the findings of no single applicant; a city's
 * cover compares the city with the province instead.
 */
import type { Segment, FlowLayout } from './flow.js';
import type { DrawContext, Sizing } from './context.js';
import { goToPage, heading } from './context.js';
import { CONTENT, COLOR } from './geometry.js';
import { drawTableChunk, type Column, type TableRow } from './table.js';
import { fmtScore, shownFile } from './view.js';
import type { ReportView } from './view.js';
import type { ApplicantResult } from '../../model/result.js';
import { bySeverity, drawFindingSegments, findingLines, findingSegments, findingText, type FindingLine } from './findingList.js';
import { wrapText } from './wrap.js';

const TITLE_H = 176;
const HIST_H = 200;
const CITY_HIST_H = 170;
const CITY_ROW = 15;
const cityChartHeight = (cities: number) => 40 + cities * CITY_ROW + 16;
const COUNTS = { headerHeight: 18, rowHeight: 16, size: 8.5 };
const RULES = { size: 8, line: 11.5, title: 20, pad: 8 };
const COMPARE_ROW = 15;
const OTHER_TITLE = 30;

/** The rules box's lines: the file, how scores combine, and the band table as the open point it is. */
function rulesLines(s: Sizing): string[] {
  const { rules } = s.view;
  const w = CONTENT.width - 2 * RULES.pad;
  const file = s.rulesFile.name;
  return [
    s.L.rulesFile(file, rules.id, rules.version),
    s.L.rulesScoring(rules.combination.self, rules.combination.horizontal, s.view.indicatorMax, s.view.expertMax),
    s.L.rulesBands(rules.horizontal.bands, rules.horizontal.rankBy, s.rulesFile.builtIn, file),
  ].flatMap((text) => wrapText(text, w, RULES.size, s.measure));
}

const rulesHeight = (lines: string[]) => RULES.title + lines.length * RULES.line + RULES.pad;

/** Rows the comparison of a city PDF draws: each dimension, the indicators' part, the expert part, the total. */
function compareRows(view: ReportView): number {
  return view.rules.dimensions.length + 1 + (view.result.expertScored ? 1 : 0) + 1;
}

/** The province's list of findings of no single applicant, as lines per finding. */
function otherGroups(s: Sizing): FindingLine[][] {
  const { lang } = s;
  return findingLines(bySeverity(s.view.otherFindings), CONTENT.width, lang, s.measure, (f) =>
    f.city ? `${f.city} · ${findingText(f, lang, f.city)}` : findingText(f, lang),
  );
}

export function coverSegments(s: Sizing): Segment[] {
  const { view } = s;
  const segs: Segment[] = [
    { kind: 'block', key: 'title', height: TITLE_H },
    { kind: 'block', key: 'rules', height: rulesHeight(rulesLines(s)) },
  ];
  if (view.city !== undefined) {
    // The city, then the province for comparison.
    segs.push({ kind: 'table', key: 'counts', titleHeight: 26, headerHeight: COUNTS.headerHeight, rowHeight: COUNTS.rowHeight, rows: view.cities.length + 1 });
    segs.push({ kind: 'block', key: 'compare', height: 44 + compareRows(view) * COMPARE_ROW + 8 });
    segs.push({ kind: 'block', key: 'histogram', height: CITY_HIST_H });
    return segs;
  }
  segs.push({ kind: 'table', key: 'counts', titleHeight: 26, headerHeight: COUNTS.headerHeight, rowHeight: COUNTS.rowHeight, rows: view.cities.length + 1 });
  // The charts and the findings of no applicant open the second page, which they fill.
  segs.push({ kind: 'block', key: 'histogram', height: HIST_H, newPage: true });
  segs.push({ kind: 'block', key: 'cityChart', height: cityChartHeight(view.cities.length) });
  segs.push(...findingSegments('other', OTHER_TITLE, otherGroups(s)));
  return segs;
}

const meanTotal = (list: ApplicantResult[]) => {
  const ranked = list.filter((a) => a.status !== 'rejected');
  return ranked.length ? ranked.reduce((acc, a) => acc + a.total, 0) / ranked.length : null;
};

/** Errors and warnings among findings (notes are not problems to count). */
const problems = (findings: { severity: string }[]) => findings.filter((f) => f.severity !== 'info');

export function drawCover(ctx: DrawContext, layout: FlowLayout, base: number): void {
  const { t, doc, view, L, lang } = ctx;
  const { result, rules } = view;

  const title = layout.blocks.get('title')!;
  goToPage(ctx, base + title.page);
  let y = title.y;
  t.line(rules.source, CONTENT.x, y + 8, CONTENT.width, { size: 8, color: COLOR.muted });
  y += 30;
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
  y += 40;
  doc.rect(CONTENT.x, y, 60, 3).fill(COLOR.headerFill);
  y += 10;
  const s = result.summary;
  const meta: [string, string][] = [
    [L.batch, rules.id],
    // The input folder by its name: the pages never show where it sits on this machine.
    [L.inputRoot, folderName(result.input.root)],
    [L.expertScoring, result.expertScored ? L.expertMerged : L.pendingExpert],
    [
      L.applicants,
      view.city
        ? L.cityStats(view.applicants.length, view.ranked.length, view.rejected.length)
        : L.cityStats(s.applicants, s.ranked, s.rejected),
    ],
  ];
  const keyW = lang === 'en' ? 84 : 70;
  for (const [k, v] of meta) {
    t.line(k, CONTENT.x, y + 8, keyW, { size: 9, color: COLOR.muted });
    t.line(v, CONTENT.x + keyW + 4, y + 8, CONTENT.width - keyW - 4, { size: 9 });
    y += 17;
  }

  drawRulesBox(ctx, layout.blocks.get('rules')!, base);

  const countsTitle = layout.titles.get('counts')!;
  goToPage(ctx, base + countsTitle.page);
  heading(ctx, L.countsTitle, countsTitle.y, 26);
  const en = lang === 'en';
  const columns: Column[] = [
    { header: L.city },
    { header: L.applicants, width: en ? 58 : 50, align: 'right' },
    { header: L.qualified, width: en ? 52 : 50, align: 'right' },
    { header: L.flagged, width: en ? 52 : 50, align: 'right' },
    { header: L.rejected, width: en ? 66 : 56, align: 'right' },
    { header: L.ranked, width: en ? 46 : 54, align: 'right' },
    { header: L.cityIssues, width: en ? 60 : 54, align: 'right' },
    { header: L.meanTotal, width: en ? 66 : 70, align: 'right' },
  ];
  const tally = (list: ApplicantResult[], findings: { severity: string }[]) => {
    const ranked = list.filter((a) => a.status !== 'rejected');
    return [
      String(list.length),
      String(list.filter((a) => a.status === 'qualified').length),
      String(list.filter((a) => a.status === 'flagged').length),
      String(list.filter((a) => a.status === 'rejected').length),
      String(ranked.length),
      String(problems(findings).length),
      fmtScore(meanTotal(list)),
    ];
  };
  const issueColor = (findings: { severity: string }[]) =>
    findings.some((f) => f.severity === 'error') ? COLOR.error : findings.some((f) => f.severity === 'warning') ? COLOR.warning : undefined;
  const colors = (findings: { severity: string }[]) => [undefined, undefined, undefined, undefined, undefined, undefined, issueColor(findings)];
  const rows: TableRow[] = view.cities.map((c) => ({ cells: [c.name, ...tally(c.applicants, c.findings)], colors: colors(c.findings) }));
  if (view.city !== undefined) {
    // A city's cover sets the province beside it.
    const all = result.findings.filter((f) => f.city !== undefined);
    rows.push({ cells: [L.province, ...tally(result.applicants, all)], fill: '#e3e9f1', colors: colors(all) });
  } else {
    const all = view.cities.flatMap((c) => c.findings);
    rows.push({ cells: [L.total, ...tally(view.applicants, all)], fill: '#e3e9f1', colors: colors(all) });
  }
  for (const chunk of layout.chunks.get('counts')!) {
    goToPage(ctx, base + chunk.page);
    drawTableChunk(t, columns, rows, chunk, COUNTS, L.none);
  }

  const compare = layout.blocks.get('compare');
  if (compare) {
    goToPage(ctx, base + compare.page);
    drawCompare(ctx, compare.y);
  }

  const hist = layout.blocks.get('histogram')!;
  goToPage(ctx, base + hist.page);
  drawHistogram(ctx, hist.y, view.city !== undefined ? CITY_HIST_H : HIST_H);

  const chart = layout.blocks.get('cityChart');
  if (chart) {
    goToPage(ctx, base + chart.page);
    drawCityMeans(ctx, chart.y);
  }

  if (view.city === undefined) {
    const groups = otherGroups(ctx);
    drawFindingSegments(ctx, layout, base, 'other', OTHER_TITLE, groups, CONTENT.x, CONTENT.width, (y) => heading(ctx, L.otherFindingsTitle(view.otherFindings.length), y, 26), L.none);
  }
}

/** The last part of a path: the folder's own name. */
function folderName(root: string): string {
  return shownFile(`/${root}`.replace(/[\\/]+$/, '')) || root;
}

function drawRulesBox(ctx: DrawContext, at: { page: number; y: number }, base: number): void {
  const { t, doc, L } = ctx;
  goToPage(ctx, base + at.page);
  const lines = rulesLines(ctx);
  const h = rulesHeight(lines);
  doc.rect(CONTENT.x, at.y, CONTENT.width, h).fillAndStroke(COLOR.zebra, COLOR.rule);
  doc.rect(CONTENT.x, at.y, 3, h).fill(COLOR.headerFill);
  t.line(L.rulesTitle, CONTENT.x + RULES.pad, at.y + RULES.title / 2 + 1, CONTENT.width - 2 * RULES.pad, { size: 9.5 });
  lines.forEach((line, i) =>
    t.line(line, CONTENT.x + RULES.pad, at.y + RULES.title + i * RULES.line + RULES.line / 2, CONTENT.width - 2 * RULES.pad, { size: RULES.size }),
  );
}

/** A city PDF's comparison: the city's mean beside the province's, per dimension and for the totals. */
function drawCompare(ctx: DrawContext, top: number): void {
  const { t, doc, view, L, lang } = ctx;
  const city = view.cities[0]!;
  heading(ctx, L.compareTitle(city.name), top, 26);
  t.line(L.compareNote, CONTENT.x, top + 34, CONTENT.width, { size: 7.5, color: COLOR.muted });
  const mine = city.applicants.filter((a) => a.status !== 'rejected');
  const all = view.provinceRanked;
  const mean = (list: ApplicantResult[], v: (a: ApplicantResult) => number) => (list.length ? list.reduce((acc, a) => acc + v(a), 0) / list.length : null);
  const rows: { label: string; max: number; v: (a: ApplicantResult) => number }[] = view.rules.dimensions.map((d) => ({
    label: lang === 'en' ? d.nameEn : d.name,
    max: d.weight,
    v: (a: ApplicantResult) => a.dimensions[d.key] ?? 0,
  }));
  rows.push({ label: L.indicatorTotal, max: view.indicatorMax, v: (a) => a.indicatorTotal });
  if (view.result.expertScored) rows.push({ label: L.expertTotal, max: view.expertMax, v: (a) => a.expertTotal ?? 0 });
  rows.push({ label: L.totalScore, max: all[0]?.maxTotal ?? view.indicatorMax, v: (a) => a.total });
  const labelW = lang === 'en' ? 96 : 80;
  const valueW = 150;
  const x0 = CONTENT.x + labelW;
  const plotW = CONTENT.width - labelW - valueW;
  let y = top + 44;
  for (const r of rows) {
    const c = mean(mine, r.v);
    const p = mean(all, r.v);
    const mid = y + COMPARE_ROW / 2;
    t.line(r.label, CONTENT.x, mid, labelW - 6, { size: 8 });
    doc.rect(x0, y + 2, plotW, COMPARE_ROW - 4).fill(COLOR.zebra);
    if (c !== null) doc.rect(x0, y + 2.5, (Math.min(c, r.max) / r.max) * plotW, 6).fill(COLOR.bar);
    if (p !== null) doc.rect(x0, y + 9, (Math.min(p, r.max) / r.max) * plotW, 3.5).fill(COLOR.median);
    const diff = c !== null && p !== null ? c - p : null;
    const signed = diff === null ? '' : `${diff >= 0 ? '+' : '−'}${Math.abs(diff).toFixed(2)}`;
    const diffText = diff === null ? '' : lang === 'en' ? `(${signed})` : `（${signed}）`;
    t.line(`${fmtScore(c)} / ${fmtScore(p)} ${diffText}`, x0 + plotW + 6, mid, valueW - 6, { size: 7.5 });
    y += COMPARE_ROW;
  }
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
