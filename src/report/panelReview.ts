/**
 * 专家评分复核: the panel chair's list of what the expert sheet needs (duplicates, refused values,
 * spreads, incomplete rows, recusals, z-score cases, applicants nobody scored), laid out once from
 * `Result.panelReview` for every renderer: the sheet in 评审结果.xlsx and the section of 评审报告.pdf.
 */
import { renderFix, renderMessage } from './catalogue.js';
import type { Finding, Severity } from '../findings/finding.js';
import type { Lang } from '../model/lang.js';
import type { Result } from '../model/result.js';
import { placeOf } from './json.js';
import { word } from './words.js';

export const PANEL_REVIEW_WORDS = {
  zh: {
    title: '专家评分复核',
    intro: '以下是专家评分表中需要评审组长复核的问题。它们关乎专家评分，不改变企业的评审状态。',
    severity: '严重程度',
    city: '城市',
    enterprise: '企业',
    expert: '专家',
    place: '位置',
    message: '问题说明',
    fix: '处理建议',
    code: '代码',
  },
  en: {
    title: 'Panel review',
    intro: 'Problems in the expert score sheet for the panel chair to review. They concern the expert scores and do not change any applicant’s status.',
    severity: 'Severity',
    city: 'City',
    enterprise: 'Applicant',
    expert: 'Expert',
    place: 'Where',
    message: 'Message',
    fix: 'What to do',
    code: 'Code',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export interface PanelReviewRow {
  severity: Severity;
  /** In column order: severity word, city, enterprise, expert, place, message, fix, code. */
  cells: [string, string, string, string, string, string, string, string];
}

export function panelReviewColumns(lang: Lang): string[] {
  const w = PANEL_REVIEW_WORDS[lang];
  return [w.severity, w.city, w.enterprise, w.expert, w.place, w.message, w.fix, w.code];
}

function row(f: Finding, names: ReadonlyMap<string, string>, lang: Lang): PanelReviewRow {
  const enterprise = (f.applicant !== undefined ? names.get(f.applicant) : undefined) ?? String(f.args.enterprise ?? '');
  return {
    severity: f.severity,
    cells: [
      word(f.severity, lang),
      f.city ?? '',
      enterprise,
      String(f.args.expert ?? ''),
      placeOf(f.location, lang),
      renderMessage(f, lang),
      renderFix(f, lang),
      f.code,
    ],
  };
}

/** The rows of the list, in the Result's order (most severe first). */
export function panelReviewRows(result: Result, lang: Lang): PanelReviewRow[] {
  const names = new Map(result.applicants.map((a) => [a.id, a.name]));
  return result.panelReview.map((f) => row(f, names, lang));
}

/** The console's line about the list: how many, how many errors, and where to find it. */
export function panelReviewLine(result: Result, lang: Lang): string {
  const n = result.panelReview.length;
  const errors = result.panelReview.filter((f) => f.severity === 'error').length;
  const title = PANEL_REVIEW_WORDS[lang].title;
  return lang === 'zh'
    ? `专家评分表有 ${n} 项待评审组长复核（其中 ${errors} 个错误），见 评审结果.xlsx「${title}」（不改变企业状态）。`
    : `The expert sheet has ${n} item(s) for the panel chair (${errors} error(s)): see the 「${title}」 sheet (applicants' status unchanged).`;
}
