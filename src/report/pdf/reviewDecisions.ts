/**
 * The review page's 人工复核 block: the clerk's decisions about this applicant, each in two parts —
 * what was decided (row, type, target, reason, clerk, date) and what it did (已执行 with old → new,
 * or 未执行 with why), each wrapped whole — above the findings, which then start lower. Nothing is
 * drawn without decisions.
 */
import type { ApplicantResult } from '../../model/result.js';
import { DECISION_WORDS, indicatorNamer, kindText, outcomeText } from '../decisionsReport.js';
import { word } from '../words.js';
import type { DrawContext } from './context.js';
import { CONTENT, COLOR } from './geometry.js';
import type { ReportView } from './view.js';
import type { PdfLang } from './labels.js';
import { wrapText, type Measure } from './wrap.js';

const LINE = 10.5;
const TITLE = 20;
const INDENT = 10;
/** At most this many decisions on the page; the rest are in the workbook's 人工复核记录. */
const SHOWN = 3;

interface BlockLine {
  text: string;
  indent: number;
  size: number;
  color?: string;
}

/** The block's lines for this applicant, wrapped to the page: the plan sizes them, the page draws them. */
function blockLines(view: Pick<ReportView, 'result' | 'rules'>, a: ApplicantResult, lang: PdfLang, measure: Measure): BlockLine[] {
  const mine = view.result.decisions.filter((d) => d.applicant === a.id);
  const zh = lang === 'zh';
  const name = indicatorNamer(view.rules, lang);
  const out: BlockLine[] = [];
  const add = (text: string, indent: number, size: number, color?: string) => {
    for (const line of wrapText(text, CONTENT.width - indent, size, measure)) out.push({ text: line, indent, size, ...(color ? { color } : {}) });
  };
  for (const d of mine.slice(0, SHOWN)) {
    const said = [
      DECISION_WORDS[lang].sheetRow(d.row),
      kindText(d, lang),
      d.target,
      d.value ? `${zh ? '新值' : 'new value'} ${d.value}` : '',
      `${zh ? '理由：' : 'reason: '}${d.reason || '—'}`,
      [d.clerk, d.date].filter(Boolean).join(' '),
    ]
      .filter(Boolean)
      .join(' · ');
    add(said, 0, 7.5);
    add(`${word(d.applied ? 'applied' : 'refused', lang)}${zh ? '：' : ': '}${outcomeText(d, lang, name)}`, INDENT, 7, d.applied ? COLOR.info : COLOR.error);
  }
  if (mine.length > SHOWN)
    add(
      zh ? `另有 ${mine.length - SHOWN} 条，见 评审结果.xlsx「${DECISION_WORDS.zh.title}」` : `${mine.length - SHOWN} more in the workbook's 「${DECISION_WORDS.en.title}」 sheet`,
      0,
      7,
      COLOR.muted,
    );
  return out;
}

/** The height the block takes for this applicant (0 without decisions); the page plan needs it first. */
export function reviewDecisionsHeight(view: Pick<ReportView, 'result' | 'rules'>, a: ApplicantResult, lang: PdfLang, measure: Measure): number {
  const lines = blockLines(view, a, lang, measure);
  return lines.length === 0 ? 0 : TITLE + LINE * lines.length + 4;
}

/** Draws the block at `top` and returns the height it took (0 without decisions). */
export function drawReviewDecisions(ctx: DrawContext, a: ApplicantResult, top: number): number {
  const { t, doc, view, lang, measure } = ctx;
  const lines = blockLines(view, a, lang, measure);
  if (lines.length === 0) return 0;
  const count = view.result.decisions.filter((d) => d.applicant === a.id).length;
  const x = CONTENT.x;
  const w = CONTENT.width;
  t.line(`${DECISION_WORDS[lang].title}${lang === 'zh' ? `（${count} 条）` : ` (${count})`}`, x, top + 7, w, { size: 9.5 });
  doc.moveTo(x, top + 15).lineTo(x + w, top + 15).lineWidth(0.7).strokeColor(COLOR.headerFill).stroke();
  let y = top + TITLE;
  for (const l of lines) {
    t.line(l.text, x + l.indent, y + LINE / 2, w - l.indent, { size: l.size, ...(l.color ? { color: l.color } : {}) });
    y += LINE;
  }
  return y - top + 4;
}
