import type { Doc, TextSetter } from './draw.js';
import type { Labels, PdfLang } from './labels.js';
import type { ReportView } from './view.js';
import type { Measure } from './wrap.js';

/** The rules file a report was scored with, by name (never its path), and whether it is the tool's own. */
export interface RulesFileName {
  name: string;
  builtIn: boolean;
}
import { CONTENT, COLOR } from './geometry.js';

export interface DrawContext {
  doc: Doc;
  t: TextSetter;
  view: ReportView;
  L: Labels;
  lang: PdfLang;
  measure: Measure;
  rulesFile: RulesFileName;
  /** The page being drawn on (0-based), -1 before the first. */
  page: number;
}

/** Moves to page `index` (0-based, absolute), adding pages as the flow reaches them. */
export function goToPage(ctx: DrawContext, index: number): void {
  if (ctx.page === index) return;
  ctx.page = index;
  const { count } = ctx.doc.bufferedPageRange();
  for (let i = count; i <= index; i++) {
    ctx.doc.addPage();
    ctx.t.pageChanged();
  }
  if (index < count) {
    ctx.doc.switchToPage(index);
    ctx.t.pageChanged();
  }
}

/** A section title with a thin rule under it; occupies `height`. */
export function heading(ctx: DrawContext, text: string, y: number, height: number, size = 12): void {
  ctx.t.line(text, CONTENT.x, y + height / 2 - 2, CONTENT.width, { size });
  ctx.doc
    .moveTo(CONTENT.x, y + height - 3)
    .lineTo(CONTENT.x + CONTENT.width, y + height - 3)
    .lineWidth(0.8)
    .strokeColor(COLOR.headerFill)
    .stroke();
}

/** What laying a document out needs: the drawing context without the document. */
export type Sizing = Pick<DrawContext, 'view' | 'L' | 'lang' | 'measure' | 'rulesFile'>;
