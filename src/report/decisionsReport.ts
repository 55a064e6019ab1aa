/**
 * The clerk's 人工复核 decisions in people's words, for every output: each decision's result (已执行 /
 * 未执行) and what it changed (「总分 52.31 → 55.12」), a waived finding's mark, and the console's count.
 * Statuses, types and marks come from words.ts.
 */
import type { Finding } from '../findings/finding.js';
import type { Lang } from '../model/lang.js';
import type { DecisionChange, DecisionOutcome } from '../model/decision.js';
import type { ApplicantStatus, Result } from '../model/result.js';
import { renderMessage } from './catalogue.js';
import { word } from './words.js';
import type { Rules } from '../rules/schema.js';

/** An indicator's name by its key in the language asked for (the key itself when the rules lack it). */
export function indicatorNamer(rules: Pick<Rules, 'indicators'>, lang: Lang): (key: string) => string {
  return (key) => rules.indicators.find((r) => r.key === key)?.[lang === 'zh' ? 'name' : 'nameEn'] ?? key;
}

const FIELD: Record<Lang, Record<DecisionChange['field'], string>> = {
  zh: { status: '状态', total: '总分', provinceRank: '全省排名', n: 'N', m: 'M', selfScore: '自评分', rank: '横向排名', horizontalScore: '横向评分', score: '指标得分', verified: '已核实' },
  en: { status: 'status', total: 'total', provinceRank: 'province rank', n: 'N', m: 'M', selfScore: 'self-score', rank: 'horizontal rank', horizontalScore: 'horizontal score', score: 'indicator score', verified: 'verified' },
};

export const DECISION_WORDS = {
  zh: { title: '人工复核记录', sheetRow: (r: number) => `第${r}行`, none: '无变化', count: (n: number, a: number, r: number) => `人工复核 ${n} 条：${word('applied', 'zh')} ${a} 条，${word('refused', 'zh')} ${r} 条（见 评审结果.xlsx「人工复核记录」）。` },
  en: { title: 'Review decisions', sheetRow: (r: number) => `row ${r}`, none: 'no change', count: (n: number, a: number, r: number) => `Review decisions: ${n} (${a} ${word('applied', 'en')}, ${r} ${word('refused', 'en')}; sheet 「Review decisions」).` },
} as const;

function shown(field: DecisionChange['field'], v: DecisionChange['before'], lang: Lang): string {
  if (v === null) return '—';
  if (field === 'status') return word(v as ApplicantStatus, lang);
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (typeof v === 'number' && (field === 'total' || field === 'selfScore' || field === 'horizontalScore' || field === 'score')) return v.toFixed(2);
  return String(v);
}

/** 「云存储 自评分 2.84 → 3.1」; `indicatorName` names the indicator (from the rules). */
export function changeText(c: DecisionChange, lang: Lang, indicatorName: (key: string) => string): string {
  const what = c.indicator ? `${indicatorName(c.indicator)} ${FIELD[lang][c.field]}` : FIELD[lang][c.field];
  return `${what} ${shown(c.field, c.before, lang)} → ${shown(c.field, c.after, lang)}`;
}

/** What the decision did, in one text: its changes, or why it was not applied. */
export function outcomeText(o: DecisionOutcome, lang: Lang, indicatorName: (key: string) => string): string {
  if (!o.applied) return o.refusal ? renderMessage(o.refusal, lang) : '';
  const parts = o.changes.map((c) => changeText(c, lang, indicatorName));
  return parts.length > 0 ? parts.join(lang === 'zh' ? '；' : '; ') : DECISION_WORDS[lang].none;
}

/** The type as the sheet had it understood, or as typed when it was not. */
export function kindText(o: DecisionOutcome, lang: Lang): string {
  return o.kind ? word(o.kind, lang) : '—';
}

/** The console's line: how many decisions, applied and not. Empty without decisions. */
export function decisionsCountLine(result: Result, lang: Lang): string {
  const n = result.decisions.length;
  if (n === 0) return '';
  const applied = result.decisions.filter((d) => d.applied).length;
  return DECISION_WORDS[lang].count(n, applied, n - applied);
}

/** A waived finding's mark: 「已复核豁免（第3行）：经电话核实为同一集团两家法人」. */
export function waivedText(f: Finding, lang: Lang): string {
  if (!f.waived) return '';
  return lang === 'zh'
    ? `${word('waived', lang)}（人工复核记录表第${f.waived.row}行）：${f.waived.reason}`
    : `${word('waived', lang)} (decisions sheet row ${f.waived.row}): ${f.waived.reason}`;
}

/** Each decision on its own line for the console (`validate --decisions`): row, type, enterprise, result. */
export function decisionLines(result: Result, lang: Lang, indicatorName: (key: string) => string): string[] {
  const names = new Map(result.applicants.map((a) => [a.id, a.name]));
  return result.decisions.map((o) => {
    const who = o.applicant !== null ? (names.get(o.applicant) ?? o.enterprise) : o.enterprise;
    const head = `${DECISION_WORDS[lang].sheetRow(o.row)} ${kindText(o, lang)} ${who}${o.target ? ` ${o.target}` : ''}`.replace(/\s+/g, ' ').trim();
    const result_ = o.applied ? word('applied', lang) : word('refused', lang);
    return `  ${head}${lang === 'zh' ? '：' : ': '}${result_}${lang === 'zh' ? '，' : ', '}${outcomeText(o, lang, indicatorName)}`;
  });
}
