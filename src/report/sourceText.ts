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

/** The smallest Excel range holding these cells (D4, D5, F4, F5 → D4:F5). */
function boundingRange(cells: readonly string[]): string {
  if (cells.length === 0) return '';
  const colNo = (c: string) => [...c.replace(/[0-9]+$/, '')].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0);
  const rowNo = (c: string) => Number(c.replace(/^[A-Z]+/, ''));
  const byCol = [...cells].sort((p, q) => colNo(p) - colNo(q));
  const rows = cells.map(rowNo);
  const letters = (c: string) => c.replace(/[0-9]+$/, '');
  const first = `${letters(byCol[0]!)}${Math.min(...rows)}`;
  const last = `${letters(byCol.at(-1)!)}${Math.max(...rows)}`;
  return first === last ? first : `${first}:${last}`;
}

/** One cell as it is; more as an Excel range when in one row or column (E8:H8, D4:D5), else the first and how many more (D17+5). */
function cellRange(cells: readonly string[]): string {
  if (cells.length <= 1) return cells.join('');
  const row = (c: string) => c.replace(/^[A-Z]+/, '');
  const col = (c: string) => c.replace(/[0-9]+$/, '');
  const line = cells.every((c) => row(c) === row(cells[0]!)) || cells.every((c) => col(c) === col(cells[0]!));
  return line ? `${cells[0]}:${cells.at(-1)}` : `${cells[0]}+${cells.length - 1}`;
}

/**
 * The cells an indicator's N and M were read from, as short as a table column allows: 「E7/F7」,
 * the server's cores and memory as the block they fill 「E8:H8」, 数据协同's ticks 「D17+5/=」, a derived
 * M as Σ. A value from another file than the applicant's Attachment 2 (`home`) shows its file's
 * sheet; a value a review decision replaced is marked *. The full line (raw text, units) is sourceText.
 */
export function sourceCells(src: IndicatorSources, home?: { file: string; sheet: string }): string {
  const ref = (v: ValueSource | undefined) => {
    if (!v) return '';
    const away = home !== undefined && (v.file !== home.file || v.sheet !== home.sheet) && v.sheet ? `${v.sheet}!` : '';
    return `${away}${v.cell ?? ''}${v.decision ? '*' : ''}`;
  };
  const refs = (vs: (ValueSource | undefined)[]) => cellRange(vs.filter((v): v is ValueSource => v !== undefined).map(ref));
  // The server's four numbers (cores and memory, cloud and all) as the one block they fill.
  if (!src.n && !src.m && src.server) return boundingRange(Object.values(src.server).flatMap((v) => (v?.cell ? [v.cell] : []))) || '—';
  const n = src.n ? ref(src.n) : src.ticks ? refs(Object.values(src.ticks)) : '';
  const m = src.m ? ref(src.m) : src.mSumOf ? 'Σ' : src.mFromRules ? '=' : '';
  return n || m ? `${n || '—'}/${m || '—'}` : '—';
}
