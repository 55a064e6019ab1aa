/**
 * Findings as the PDF lists them: a severity tag, then the whole message with its place, wrapped
 * under itself. Nothing is cut: a list longer than its space continues on the next page. The lines
 * are made once, before drawing, so the page plan counts the pages the renderer then fills.
 */
import { waivedText } from '../decisionsReport.js';
import { renderMessage } from '../catalogue.js';
import { formatLocation } from '../../model/location.js';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../findings/finding.js';
import type { Labels, PdfLang } from './labels.js';
import type { DrawContext } from './context.js';
import { goToPage } from './context.js';
import type { FlowLayout, Segment } from './flow.js';
import { COLOR } from './geometry.js';
import type { TextSetter } from './draw.js';
import { shownFile } from './view.js';
import { wrapText, type Measure } from './wrap.js';

export const FINDING_SIZE = 7;
export const FINDING_LINE = 10.5;

/** One printed line of a list: the first line of a finding carries its severity tag. */
export interface FindingLine {
  severity?: Severity;
  /** Waived on review: the tag is muted (the text says why). */
  waived?: boolean;
  text: string;
}

export function tagWidth(lang: PdfLang): number {
  return lang === 'en' ? 40 : 26;
}

/** Most severe first; the order within a severity is the Result's. */
export function bySeverity(findings: Finding[]): Finding[] {
  return [...findings].sort((p, q) => SEVERITY_ORDER[q.severity] - SEVERITY_ORDER[p.severity]);
}

/**
 * The place and message of a finding, the file shown relative to `folder` when it lies inside it (a
 * review page names the applicant's folder above), and never as a path of this machine.
 */
export function findingText(f: Finding, lang: PdfLang, folder?: string): string {
  // Waived on review (人工复核): still listed, marked, with the reason.
  if (f.waived) return `【${waivedText(f, lang)}】${findingText({ ...f, waived: undefined }, lang, folder)}`;
  let file = f.location?.file;
  if (file !== undefined) {
    if (folder && file.startsWith(`${folder}/`)) file = file.slice(folder.length + 1);
    file = shownFile(file);
  }
  const where = f.location ? formatLocation({ ...f.location, ...(file !== undefined ? { file } : {}) }) : '';
  const message = renderMessage(f, lang);
  return where ? `${where}${lang === 'zh' ? '：' : ': '}${message}` : message;
}

/** The lines of `findings` (already ordered) in a list `width` wide, each with `prefix` before its text. */
export function findingLines(
  findings: Finding[],
  width: number,
  lang: PdfLang,
  measure: Measure,
  text: (f: Finding) => string,
): FindingLine[][] {
  const textW = width - tagWidth(lang);
  return findings.map((f) => wrapText(text(f), textW, FINDING_SIZE, measure).map((line, i) => (i === 0 ? { severity: f.severity, ...(f.waived ? { waived: true } : {}), text: line } : { text: line })));
}

export function severityColor(s: Severity): string {
  return s === 'error' ? COLOR.error : s === 'warning' ? COLOR.warning : COLOR.info;
}

/** Draws lines from `top` (each FINDING_LINE high) at `x`, `width` wide. */
export function drawFindingLines(t: TextSetter, L: Labels, lang: PdfLang, lines: FindingLine[], x: number, top: number, width: number): void {
  const tagW = tagWidth(lang);
  lines.forEach((l, i) => {
    const mid = top + i * FINDING_LINE + FINDING_LINE / 2;
    if (l.severity) t.line(`[${L.severity[l.severity]}]`, x, mid, tagW, { size: FINDING_SIZE, color: l.waived ? COLOR.muted : severityColor(l.severity) });
    t.line(l.text, x + tagW, mid, width - tagW, { size: FINDING_SIZE });
  });
}

/** Space between two findings of a list. */
const ITEM_GAP = 2;

/**
 * A titled list of findings as flow segments: the title travels with the first finding, every
 * finding is one block (never split), so a long list simply continues on the next page.
 */
export function findingSegments(key: string, titleHeight: number, groups: FindingLine[][], newPage = false): Segment[] {
  const height = (g: FindingLine[]) => g.length * FINDING_LINE;
  const first = groups[0];
  const segs: Segment[] = [{ kind: 'block', key: `${key}:title`, height: titleHeight + (first ? height(first) : FINDING_LINE), ...(newPage ? { newPage } : {}) }];
  groups.slice(1).forEach((g, i) => segs.push({ kind: 'block', key: `${key}:${i + 1}`, height: height(g), gap: ITEM_GAP }));
  return segs;
}

/** Draws what `findingSegments` laid out; `title` draws the title at its place. */
export function drawFindingSegments(
  ctx: DrawContext,
  layout: FlowLayout,
  base: number,
  key: string,
  titleHeight: number,
  groups: FindingLine[][],
  x: number,
  width: number,
  title: (y: number) => void,
  emptyText: string,
): void {
  const head = layout.blocks.get(`${key}:title`);
  if (!head) return;
  goToPage(ctx, base + head.page);
  title(head.y);
  if (groups.length === 0) {
    ctx.t.line(emptyText, x, head.y + titleHeight + FINDING_LINE / 2, width, { size: FINDING_SIZE + 0.5, color: COLOR.muted });
    return;
  }
  drawFindingLines(ctx.t, ctx.L, ctx.lang, groups[0]!, x, head.y + titleHeight, width);
  for (let i = 1; i < groups.length; i++) {
    const at = layout.blocks.get(`${key}:${i}`)!;
    goToPage(ctx, base + at.page);
    drawFindingLines(ctx.t, ctx.L, ctx.lang, groups[i]!, x, at.y, width);
  }
}
