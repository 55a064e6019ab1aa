import type { Rules } from '../rules/schema.js';

/** A cell's text as typed: a leading BOM (from CSV files) and surrounding spaces dropped. */
export function plainText(s: string): string {
  return String(s).replace(/^\uFEFF/, '').trim();
}

/** The sheet's columns besides the items, each with the header texts it is recognised by (the first is the template's). */
export const EXPERT_COLUMNS = {
  enterpriseName: ['企业名称', '申报企业', '企业'],
  creditCode: ['统一社会信用代码', '信用代码'],
  expert: ['专家', '专家姓名', '评审专家'],
  expertCity: ['专家所在市', '专家所在地市', '所在市'],
} as const;

/** What a usable sheet looks like, for the message that refuses one. */
export function expectedSheet(rules: Rules): string {
  return (
    `应为每位专家对每家企业一行，表头含 ${EXPERT_COLUMNS.enterpriseName[0]}（或 ${EXPERT_COLUMNS.creditCode[0]}）、` +
    `${EXPERT_COLUMNS.expert[0]}、${EXPERT_COLUMNS.expertCity[0]}（可选）` +
    `及评分项 ${rules.experts.map((e) => `${e.name}（0–${e.max}）`).join('、')}；` +
    `可用 yunshang template 生成空白「专家评分表」`
  );
}
