/**
 * The words every output uses for an applicant's status and a finding's severity: console, validate's
 * formatters, XLSX, PDF, annotated workbooks and the HTML page all read them here, so one status never
 * has two names. Typed `Record<Lang, Record<Word, string>>`: a word missing in one language fails to compile.
 *
 * The terms follow the notice's own language: 「不予受理」 for an application that does not meet the
 * conditions to be taken up (missing forms, registered outside Zhejiang, sent twice); 「待核实」 from
 * 「组织调查核实」 for one whose materials have problems the province must check before it is decided;
 * 「合格」 for materials in which the checks found nothing at the level that flags.
 */
import type { ApplicantStatus } from '../model/result.js';
import type { Severity } from '../findings/finding.js';
import type { Lang } from '../model/lang.js';
import type { DecisionKind } from '../model/decision.js';

/**
 * `pendingExpert` stands beside the statuses: every output that shows a total before the panel has
 * scored says so with the same words.
 */
export type Word = ApplicantStatus | Severity | 'pendingExpert' | 'waived' | DecisionKind | 'applied' | 'refused';

export const WORDS: Record<Lang, Record<Word, string>> = {
  zh: {
    qualified: '合格',
    flagged: '待核实',
    rejected: '不予受理',
    error: '错误',
    warning: '警告',
    info: '提示',
    pendingExpert: '待专家评分',
    // 人工复核: a finding the clerk waived, the four types of decision as the sheet names them, and whether one was applied.
    waived: '已复核豁免',
    waive: '豁免问题',
    correct: '更正数值',
    terminate: '终止申报',
    reinstate: '恢复受理',
    applied: '已执行',
    refused: '未执行',
  },
  en: {
    qualified: 'qualified',
    flagged: 'to verify',
    rejected: 'not accepted',
    error: 'error',
    warning: 'warning',
    info: 'note',
    pendingExpert: 'pending expert review',
    waived: 'waived on review',
    waive: 'waive',
    correct: 'correct',
    terminate: 'terminate',
    reinstate: 'reinstate',
    applied: 'applied',
    refused: 'not applied',
  },
};

/** The word for a status or a severity in `lang`. */
export function word(w: Word, lang: Lang): string {
  return WORDS[lang][w];
}
