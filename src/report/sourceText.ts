/**
 * An indicator's sources in one line a person reads: per file and sheet, each value's cell and the
 * text typed there, the unit conversion and a review decision when any —
 * 「附件2-用云水平评估表.xlsx · 用云水平评估表：N D3「500GB」（GB → TB） M F3「1000」」.
 */
import type { Lang } from '../model/lang.js';
import { formatLocation } from '../model/location.js';
import type { IndicatorSources, ServerPart, ValueSource } from '../model/result.js';

/** Short names of the server's four numbers, as a source line calls them. */
export const SERVER_PART_WORDS: Record<Lang, Record<ServerPart, string>> = {
  zh: { cloudCores: '上云核数', cloudMemoryGb: '上云内存', allCores: '总核数', allMemoryGb: '总内存' },
  en: { cloudCores: 'cloud cores', cloudMemoryGb: 'cloud memory', allCores: 'all cores', allMemoryGb: 'all memory' },
};

const SERVER_ORDER: readonly ServerPart[] = ['cloudCores', 'cloudMemoryGb', 'allCores', 'allMemoryGb'];

function quote(raw: string, lang: Lang): string {
  return lang === 'zh' ? `「${raw}」` : `“${raw}”`;
}

function value(label: string, v: ValueSource, lang: Lang): string {
  let s = `${label} ${v.cell ?? ''}${quote(v.raw, lang)}`;
  if (v.unit) s += lang === 'zh' ? `（${v.unit}）` : ` (${v.unit})`;
  if (v.decision) {
    const before = v.decision.before === null ? '—' : String(v.decision.before);
    s +=
      lang === 'zh'
        ? `，经人工复核改（${v.decision.file} 第 ${v.decision.row} 行，原为 ${before}）`
        : `, changed on review (${v.decision.file} row ${v.decision.row}, was ${before})`;
  }
  return s;
}

/**
 * The line for one indicator. `folder` (the applicant's id) is taken off the front of file names;
 * `indicatorName` names the indicators of an M that is a sum of other indicators' N. Values read
 * from `home` (the applicant's Attachment 2, which a table of many rows names once) show their
 * cells alone.
 */
export function sourceText(
  src: IndicatorSources,
  lang: Lang,
  folder: string,
  indicatorName: (key: string) => string,
  home?: { file: string; sheet: string },
): string {
  const parts: [string, ValueSource][] = [];
  if (src.n) parts.push(['N', src.n]);
  for (const k of SERVER_ORDER) if (src.server?.[k]) parts.push([SERVER_PART_WORDS[lang][k], src.server[k]!]);
  for (const [k, v] of Object.entries(src.ticks ?? {})) if (v) parts.push([k, v]);
  if (src.m) parts.push(['M', src.m]);
  const byPlace = new Map<string, string[]>();
  const prefix = `${folder}/`;
  for (const [label, v] of parts) {
    const file = v.file.startsWith(prefix) ? v.file.slice(prefix.length) : v.file;
    const atHome = home !== undefined && v.file === home.file && v.sheet === home.sheet;
    const where = atHome ? '' : formatLocation({ file, ...(v.sheet !== undefined ? { sheet: v.sheet } : {}) });
    (byPlace.get(where) ?? byPlace.set(where, []).get(where)!).push(value(label, v, lang));
  }
  const colon = lang === 'zh' ? '：' : ': ';
  const lines = [...byPlace].map(([where, values]) => (where ? `${where}${colon}` : '') + values.join(' '));
  if (src.mSumOf) {
    const names = src.mSumOf.map(indicatorName);
    lines.push(lang === 'zh' ? `M = ${names.join('、')} 的 N 之和` : `M = sum of N of ${names.join(', ')}`);
  }
  if (src.mFromRules) lines.push(lang === 'zh' ? 'M 由规则文件规定' : 'M set by the rules file');
  return lines.join(lang === 'zh' ? '；' : '; ');
}
