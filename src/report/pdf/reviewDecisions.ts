/**
 * The review page's 人工复核 block: the clerk's decisions about this applicant, each on two lines —
 * what was decided (row, type, target, reason, clerk, date) and what it did (已执行 with old → new,
 * or 未执行 with why) — above the findings, which then start lower. Nothing is drawn without decisions.
 */
import type { ApplicantResult } from '../../model/result.js';
import { DECISION_WORDS, kindText, outcomeText } from '../decisionsReport.js';
import { word } from '../words.js';
import type { DrawContext } from './context.js';
import { CONTENT, COLOR } from './geometry.js';

const LINE = 10.5;
const TITLE = 20;
/** At most this many decisions on the page; the rest are in the workbook's 人工复核记录. */
const SHOWN = 3;

/** The height the block takes for this applicant (0 without decisions); the page plan needs it first. */
export function reviewDecisionsHeight(decisions: readonly { applicant: string | null }[], a: ApplicantResult): number {
  const n = decisions.filter((d) => d.applicant === a.id).length;
  if (n === 0) return 0;
  return TITLE + 2 * LINE * Math.min(n, SHOWN) + (n > SHOWN ? LINE : 0) + 4;
}

/** Draws the block at `top` and returns the height it took (0 without decisions). */
export function drawReviewDecisions(ctx: DrawContext, a: ApplicantResult, top: number): number {
  const { t, doc, view, lang } = ctx;
  const mine = view.result.decisions.filter((d) => d.applicant === a.id);
  if (mine.length === 0) return 0;
  const zh = lang === 'zh';
  const x = CONTENT.x;
  const w = CONTENT.width;
  t.line(`${DECISION_WORDS[lang].title}${zh ? `（${mine.length} 条）` : ` (${mine.length})`}`, x, top + 7, w, { size: 9.5 });
  doc.moveTo(x, top + 15).lineTo(x + w, top + 15).lineWidth(0.7).strokeColor(COLOR.headerFill).stroke();
  const name = (key: string) => view.rules.indicators.find((r) => r.key === key)?.[zh ? 'name' : 'nameEn'] ?? key;
  let y = top + TITLE;
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
      .join(zh ? ' · ' : ' · ');
    t.line(said, x, y + LINE / 2, w, { size: 7.5 });
    const did = `${word(d.applied ? 'applied' : 'refused', lang)}${zh ? '：' : ': '}${outcomeText(d, lang, name)}`;
    t.line(did, x + 10, y + LINE + LINE / 2, w - 10, { size: 7, color: d.applied ? COLOR.info : COLOR.error });
    y += 2 * LINE;
  }
  if (mine.length > SHOWN) {
    const more = zh ? `另有 ${mine.length - SHOWN} 条，见 评审结果.xlsx「${DECISION_WORDS.zh.title}」` : `${mine.length - SHOWN} more in the workbook's 「${DECISION_WORDS.en.title}」 sheet`;
    t.line(more, x, y + LINE / 2, w, { size: 7, color: COLOR.muted });
    y += LINE;
  }
  return y - top + 4;
}
