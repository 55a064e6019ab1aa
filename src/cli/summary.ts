import type { Result } from '../model/result.js';
import { panelReviewLine } from '../report/panelReview.js';

const STATUS = {
  zh: { qualified: '合格', flagged: '有问题待核', rejected: '不予受理' },
  en: { qualified: 'qualified', flagged: 'flagged', rejected: 'rejected' },
} as const;

/** The short console summary: counts per status and the top 10. */
export function printSummary(result: Result, lang: 'zh' | 'en', written: string[], out: NodeJS.WriteStream = process.stdout): void {
  const s = result.summary;
  const t = STATUS[lang];
  const lines: string[] = [];
  if (lang === 'zh') {
    lines.push(`共 ${s.applicants} 家企业：${t.qualified} ${s.qualified}，${t.flagged} ${s.flagged}，${t.rejected} ${s.rejected}；问题 ${s.errors} 个错误、${s.warnings} 个警告。`);
    lines.push(result.expertScored ? '总分含专家评分（满分 100）。' : '总分为自评与横向评分（满分 75），待专家评分。');
    if (result.panelReview.length > 0) lines.push(panelReviewLine(result, 'zh'));
    lines.push('', '前 10 名：');
  } else {
    lines.push(`${s.applicants} applicants: ${s.qualified} qualified, ${s.flagged} flagged, ${s.rejected} rejected; ${s.errors} errors, ${s.warnings} warnings.`);
    lines.push(result.expertScored ? 'Totals include the expert panel (out of 100).' : 'Totals are out of 75; expert scores pending.');
    if (result.panelReview.length > 0) lines.push(panelReviewLine(result, 'en'));
    lines.push('', 'Top 10:');
  }
  for (const a of result.applicants.filter((x) => x.provinceRank !== null).slice(0, 10)) {
    lines.push(`  ${String(a.provinceRank).padStart(3)}. ${a.total.toFixed(2).padStart(6)}  ${a.city}  ${a.name}`);
  }
  lines.push('', ...(lang === 'zh' ? ['输出：'] : ['Written:']), ...written.map((w) => `  ${w}`));
  out.write(lines.join('\n') + '\n');
}
