/**
 * What a 初选名单 must say beside its names, in the same words in the workbook and on the console: a
 * selected applicant whose findings are not resolved, and applicants with the same total on both
 * sides of a `--select N` cut (which tie-break put them in or out, and whether it was one of merit).
 */
import type { Lang } from '../model/lang.js';
import type { ApplicantResult, RankingCriterion, Result } from '../model/result.js';
import { word } from './words.js';

/** The ranking's tie-breaks, as a remark names them. */
export const CRITERION_WORDS: Record<Lang, Record<RankingCriterion, string>> = {
  zh: { total: '总分', expertTotal: '专家评分合计', selfTotal: '自评得分合计', cloudInvestment: '近三年上云投入', name: '企业名称拼音顺序' },
  en: { total: 'total', expertTotal: 'expert total', selfTotal: 'self-score total', cloudInvestment: '3-year cloud investment', name: 'name order' },
};

function fmt(n: number): string {
  return n.toFixed(2);
}

/** 「有 2 个错误、1 个警告未解决」 for an applicant with errors or warnings; null without. */
export function unresolvedNote(a: ApplicantResult, lang: Lang): string | null {
  const errors = a.findings.filter((f) => f.severity === 'error').length;
  const warnings = a.findings.filter((f) => f.severity === 'warning').length;
  if (errors + warnings === 0) return null;
  if (lang === 'zh') {
    const parts = [errors ? `${errors} 个${word('error', 'zh')}` : '', warnings ? `${warnings} 个${word('warning', 'zh')}` : ''].filter(Boolean);
    return `${word(a.status, 'zh')}：有 ${parts.join('、')}未解决（见问题清单）`;
  }
  const n = (k: number, w: 'error' | 'warning') => `${k} ${word(w, 'en')}${k === 1 ? '' : 's'}`;
  const parts = [errors ? n(errors, 'error') : '', warnings ? n(warnings, 'warning') : ''].filter(Boolean);
  return `${word(a.status, 'en')}: ${parts.join(', ')} unresolved (see Findings)`;
}

/** The remark on an applicant in a tie at the cut, or null when it is in none. */
export function tieNote(result: Result, a: ApplicantResult, lang: Lang): string | null {
  const tie = result.selection?.tie;
  if (!tie) return null;
  const inside = tie.selected.includes(a.id);
  if (!inside && !tie.notSelected.includes(a.id)) return null;
  const by = CRITERION_WORDS[lang][tie.decidedBy];
  const others = inside ? tie.notSelected.length : tie.selected.length;
  const arbitrary = tie.decidedBy === 'name';
  if (lang === 'zh') {
    const side = inside ? `与 ${others} 家未入选企业同分（${fmt(tie.total)}）` : `与 ${others} 家入选企业同分（${fmt(tie.total)}）`;
    const order = arbitrary ? `各项得分均相同，仅按${by}排在${inside ? '前' : '后'}，须人工确定` : `按${by}排在${inside ? '前' : '后'}`;
    return `${side}，${order}`;
  }
  const side = `same total (${fmt(tie.total)}) as ${others} ${inside ? 'left out' : 'selected'}`;
  const order = arbitrary ? `every score equal, placed ${inside ? 'before' : 'after'} them by ${by} only: to be decided by a person` : `placed ${inside ? 'before' : 'after'} them by ${by}`;
  return `${side}; ${order}`;
}

/** The console's warnings about the list: unresolved problems among the selected, and a tie at the cut. */
export function selectionWarnings(result: Result, lang: Lang): string[] {
  const sel = result.selection;
  if (!sel) return [];
  const out: string[] = [];
  const troubled = result.applicants.filter((a) => a.selected && unresolvedNote(a, lang) !== null);
  if (troubled.length > 0) {
    const names = troubled.map((a) => a.name).join(lang === 'zh' ? '、' : ', ');
    out.push(
      lang === 'zh'
        ? `初选名单中 ${troubled.length} 家企业有未解决的错误或警告：${names}`
        : `${troubled.length} selected applicant${troubled.length === 1 ? ' has' : 's have'} unresolved errors or warnings: ${names}`,
    );
  }
  const tie = sel.tie;
  if (tie) {
    const byId = new Map(result.applicants.map((a) => [a.id, a]));
    const names = (ids: string[]) => ids.map((id) => byId.get(id)?.name ?? id).join(lang === 'zh' ? '、' : ', ');
    const by = CRITERION_WORDS[lang][tie.decidedBy];
    if (lang === 'zh') {
      const how = tie.decidedBy === 'name' ? `各项得分均相同，仅按${by}区分，须人工确定` : `按${by}区分`;
      out.push(`第 ${sel.value} 名处同分（${fmt(tie.total)}）：入选 ${names(tie.selected)}；未入选 ${names(tie.notSelected)}；${how}`);
    } else {
      const how = tie.decidedBy === 'name' ? `every score equal, separated by ${by} only: to be decided by a person` : `separated by ${by}`;
      out.push(`Tie at place ${sel.value} (${fmt(tie.total)}): in ${names(tie.selected)}; out ${names(tie.notSelected)}; ${how}`);
    }
  }
  return out;
}
