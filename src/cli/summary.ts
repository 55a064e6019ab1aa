import type { Lang } from '../model/lang.js';
import type { ApplicantStatus, Result } from '../model/result.js';
import { word } from '../report/words.js';
import { selectionWarnings } from '../report/selectionNotes.js';
import { compareCityNames } from '../data/zhejiang.js';
import { panelReviewLine } from '../report/panelReview.js';
import { decisionsCountLine } from '../report/decisionsReport.js';

const STATUSES: readonly ApplicantStatus[] = ['qualified', 'flagged', 'rejected'];

function statusCounts(list: readonly { status: ApplicantStatus }[], lang: Lang): string {
  const n = (s: ApplicantStatus) => list.filter((a) => a.status === s).length;
  return STATUSES.map((s) => (lang === 'zh' ? `${word(s, lang)} ${n(s)}` : `${n(s)} ${word(s, lang)}`)).join(lang === 'zh' ? '，' : ', ');
}

/**
 * The short console summary: counts per status, per city in the official order, the top 10, what a
 * person must look at on the 初选名单, and the files written.
 */
export function printSummary(result: Result, lang: Lang, written: string[], out: NodeJS.WritableStream = process.stdout): void {
  const s = result.summary;
  const zh = lang === 'zh';
  const lines: string[] = [];
  if (zh) {
    lines.push(
      `共 ${s.applicants} 家企业：${statusCounts(result.applicants, lang)}；问题 ${s.errors} 个${word('error', lang)}、${s.warnings} 个${word('warning', lang)}。`,
    );
    lines.push(result.expertScored ? '总分含专家评分（满分 100）。' : `总分为自评与横向评分（满分 75），${word('pendingExpert', lang)}。`);
    if (result.panelReview.length > 0) lines.push(panelReviewLine(result, 'zh'));
    if (result.decisions.length > 0) lines.push(decisionsCountLine(result, 'zh'));
  } else {
    const plural = (k: number, w: 'error' | 'warning') => `${k} ${word(w, lang)}${k === 1 ? '' : 's'}`;
    lines.push(`${s.applicants} applicants: ${statusCounts(result.applicants, lang)}; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}.`);
    lines.push(result.expertScored ? 'Totals include the expert panel (out of 100).' : `Totals are out of 75; ${word('pendingExpert', lang)}.`);
    if (result.panelReview.length > 0) lines.push(panelReviewLine(result, 'en'));
    if (result.decisions.length > 0) lines.push(decisionsCountLine(result, 'en'));
  }
  const cities = [...result.cities].sort((x, y) => compareCityNames(x.name, y.name)).filter((c) => c.name !== '');
  if (cities.length > 1) {
    lines.push('', zh ? '各市：' : 'By city:');
    const width = Math.max(...cities.map((c) => c.name.length));
    for (const c of cities) {
      const list = result.applicants.filter((a) => a.city === c.name);
      const name = c.name + (zh ? '\u3000'.repeat(width - c.name.length) : ' '.repeat(width - c.name.length));
      lines.push(zh ? `  ${name} ${String(list.length).padStart(3)} 家：${statusCounts(list, lang)}` : `  ${name} ${String(list.length).padStart(3)}: ${statusCounts(list, lang)}`);
    }
  }
  lines.push('', zh ? '前 10 名：' : 'Top 10:');
  for (const a of result.applicants.filter((x) => x.provinceRank !== null).slice(0, 10)) {
    lines.push(`  ${String(a.provinceRank).padStart(3)}. ${a.total.toFixed(2).padStart(6)}  ${a.city}  ${a.name}`);
  }
  const sel = result.selection;
  if (sel) {
    lines.push(
      '',
      zh
        ? `初选名单：${sel.by === 'count' ? `总分前 ${sel.value} 名` : `总分不低于 ${sel.value}`}，入选 ${sel.count} 家（评审结果.xlsx「初选名单」）。`
        : `Shortlist: ${sel.by === 'count' ? `top ${sel.value} by total` : `total at least ${sel.value}`}, ${sel.count} selected (sheet Shortlist).`,
    );
    for (const w of selectionWarnings(result, lang)) lines.push(`${zh ? '注意：' : 'Note: '}${w}`);
  }
  lines.push('', ...(zh ? ['输出：'] : ['Written:']), ...written.map((w) => `  ${w}`));
  out.write(lines.join('\n') + '\n');
}
