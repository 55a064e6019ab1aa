/**
 * 评审报告.pdf and the per-city PDFs, drawn from the one Result. Nothing here recomputes a score: the
 * only figures computed are for presentation (medians, means, counts, histogram bins).
 */
import type { Result } from '../../model/result.js';
import type { Rules } from '../../rules/schema.js';
import { drawCover } from './cover.js';
import type { DrawContext } from './context.js';
import { goToPage } from './context.js';
import { TextSetter } from './draw.js';
import type { ReportFont } from './font.js';
import { COLOR, MARGIN, PAGE, CONTENT } from './geometry.js';
import { labelsFor, type PdfLang } from './labels.js';
import { bufferPageWrites } from './pageBuffer.js';
import { layoutsOf, planOf, rulesFileName, sizingOf, type PagePlan } from './plan.js';
import { measureWith } from './wrap.js';
import { drawCitySummary, drawRanking, drawSelection } from './ranking.js';
import { drawReviewPage } from './review.js';
import { useSimpleLayout } from './simpleLayout.js';
import { drawPanelReview } from './panelReview.js';
import { PANEL_REVIEW_WORDS } from '../panelReview.js';
import { buildView } from './view.js';

export interface PdfOptions {
  lang: PdfLang;
  /** The rules file scored with (the cover names the file, never its path); the built-in one when absent. */
  rulesFile?: string;
  font?: { file: string; face?: string };
  timestamp?: Date;
}

export interface RenderOptions {
  lang: PdfLang;
  /** The rules file scored with (the cover names the file, never its path); the built-in one when absent. */
  rulesFile?: string;
  timestamp?: Date;
  /** Restrict the document to one city's applicants. */
  city?: string;
  /**
   * Told the number of pages drawn so far, now and then. With it, drawing also lets the event loop
   * run between pages (a spinner can turn, messages from other threads arrive); the bytes are the same.
   */
  onPages?: (drawn: number) => void;
}

/** Pages drawn between two pauses for the event loop when someone is watching (RenderOptions.onPages). */
const PAGES_PER_PAUSE = 50;

const FONT_NAME = 'report';

/** Renders the review PDF; `renderReviewPdfWithPlan` also returns the page plan it followed. */
export async function renderReviewPdf(result: Result, rules: Rules, font: ReportFont, opts: RenderOptions): Promise<Buffer> {
  return (await renderReviewPdfWithPlan(result, rules, font, opts)).pdf;
}

export async function renderReviewPdfWithPlan(
  result: Result,
  rules: Rules,
  font: ReportFont,
  opts: RenderOptions,
): Promise<{ pdf: Buffer; plan: PagePlan }> {
  const view = buildView(result, rules, opts.city);
  const sizing = sizingOf(view, opts.lang, measureWith(font), rulesFileName(opts.rulesFile));
  const layouts = layoutsOf(sizing);
  const plan = planOf(view, layouts);
  const L = labelsFor(opts.lang);
  // No clock in the file unless asked: pdfkit derives the /ID from the info dictionary (an MD5 of
  // CreationDate and every info entry), so a fixed date and fixed entries give a fixed ID.
  const date = opts.timestamp ?? new Date(Date.UTC(rules.batchYear, 0, 1));
  const title = `${opts.lang === 'en' ? rules.titleEn : rules.title} · ${L.reportName}${opts.city ? ` · ${opts.city}` : ''}`;
  // Loaded on first use, like exceljs (src/util/loadExcel.ts): runs that draw no PDF never pay for it.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { ...MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    lang: opts.lang === 'en' ? 'en' : 'zh-CN',
    displayTitle: true,
    info: {
      Title: title,
      Author: 'yunshang',
      Subject: `${rules.id} · ${view.applicants.length}`,
      Creator: 'yunshang',
      Producer: 'yunshang (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  doc.registerFont(FONT_NAME, font.buffer, font.face);
  doc.font(FONT_NAME);
  useSimpleLayout(doc, font);
  bufferPageWrites(doc);
  const ctx: DrawContext = { ...sizing, doc, t: new TextSetter(doc, font), page: -1 };
  // Bookmark destinations: XYZ with left 0, top of page, zoom unchanged (pdfkit subtracts these).
  const dest = { left: PAGE.width, top: 0 } as { expanded?: boolean };

  let base = 0;
  let told = 0;
  const tell = async () => {
    if (!opts.onPages || base - told < PAGES_PER_PAUSE) return;
    told = base;
    opts.onPages(base);
    await new Promise((resolve) => setImmediate(resolve));
  };
  drawCover(ctx, layouts.cover, base);
  doc.outline.addItem(L.cover, { ...dest, pageNumber: base } as { expanded?: boolean });
  base += plan.cover;

  goToPage(ctx, base);
  doc.outline.addItem(L.ranking, dest);
  drawRanking(ctx, layouts.ranking, base);
  base += plan.ranking;

  if (layouts.selection) {
    goToPage(ctx, base);
    doc.outline.addItem(L.selection, dest);
    drawSelection(ctx, layouts.selection, base);
    base += plan.selection;
  }

  if (layouts.panelReview) {
    goToPage(ctx, base);
    doc.outline.addItem(PANEL_REVIEW_WORDS[opts.lang].title, dest);
    drawPanelReview(ctx, layouts.panelReview, base);
    base += plan.panelReview;
  }

  for (const [i, city] of view.cities.entries()) {
    goToPage(ctx, base);
    const cityItem = doc.outline.addItem(city.name, dest);
    drawCitySummary(ctx, city, layouts.cities[i]!, base);
    base += plan.cities[i]!.summary;
    for (const a of city.applicants) {
      goToPage(ctx, base);
      cityItem.addItem(a.name, dest);
      const review = layouts.reviews.get(a.id)!;
      drawReviewPage(ctx, a, review);
      base += review.pages;
      await tell();
    }
  }

  const { count } = doc.bufferedPageRange();
  if (count !== plan.total) throw new Error(`PDF layout drifted from its plan: ${count} pages, planned ${plan.total}`);
  writeFooters(ctx, count, opts.city);
  doc.end();
  await ended;
  return { pdf: Buffer.concat(chunks), plan };
}

/** Page numbers need the page count, so they are written once every page exists. */
function writeFooters(ctx: DrawContext, count: number, city: string | undefined): void {
  const { doc, t, L, view } = ctx;
  const y = PAGE.height - MARGIN.bottom + 16;
  const left = `${view.rules.id}${city ? ` · ${city}` : ''}`;
  for (let i = 0; i < count; i++) {
    doc.switchToPage(i);
    t.pageChanged();
    doc.lineWidth(0.4).strokeColor(COLOR.rule).moveTo(CONTENT.x, y - 8).lineTo(CONTENT.x + CONTENT.width, y - 8).stroke();
    t.line(left, CONTENT.x, y, CONTENT.width / 2, { size: 7, color: COLOR.muted });
    t.line(L.page(i + 1, count), CONTENT.x + CONTENT.width / 2, y, CONTENT.width / 2, { size: 7.5, color: COLOR.muted, align: 'right' });
  }
}
