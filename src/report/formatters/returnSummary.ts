/**
 * What `validate --annotate` says when it has written the copies: who has to act — each enterprise
 * to send back with its folder, each city that must fix its own files — and how many need nothing.
 */
import type { Severity } from '../../findings/finding.js';
import type { Lang } from '../../model/lang.js';
import type { ReturnPacks } from '../returnPacks.js';
import { word } from '../words.js';

function counts(c: Record<Severity, number>, lang: Lang): string {
  const kinds: Severity[] = ['error', 'warning'];
  return kinds
    .filter((s) => c[s] > 0)
    .map((s) => (lang === 'zh' ? `${c[s]} 个${word(s, lang)}` : `${c[s]} ${word(s, lang)}${c[s] === 1 ? '' : 's'}`))
    .join(lang === 'zh' ? '，' : ', ');
}

function paren(s: string, lang: Lang): string {
  return lang === 'zh' ? `（${s}）` : ` (${s})`;
}

function under(outDir: string, path: string): string {
  return `${outDir.replace(/[\\/]+$/, '')}/${path}`;
}

export function formatReturnSummary(p: ReturnPacks, outDir: string, lang: Lang): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  if (!p.enterprises.length && !p.cities.length) {
    lines.push(zh ? `没有需要退回的材料（${p.clean} 家企业均无错误或警告），未写入任何文件。` : `Nothing to send back (none of the ${p.clean} enterprises has an error or warning); no files written.`);
    return lines.join('\n') + '\n';
  }
  if (p.enterprises.length) {
    lines.push(zh ? `需要退回企业修改后重新报送（${p.enterprises.length} 家），材料在 ${outDir}：` : `To send back for fixing (${p.enterprises.length} enterprises), in ${outDir}:`);
    for (const e of p.enterprises) lines.push(`  ${[e.city, e.name].filter(Boolean).join(' ')}${paren(counts(e.counts, lang), lang)}  ${under(outDir, e.folder)}/`);
  }
  if (p.cities.length) {
    lines.push(zh ? `市经信局需自行修改本市材料（${p.cities.length} 个市）：` : `Cities that must fix their own files (${p.cities.length}):`);
    for (const c of p.cities) lines.push(`  ${c.city}${paren(counts(c.counts, lang), lang)}  ${c.files.map((f) => under(outDir, f)).join(zh ? '、' : ', ')}`);
  }
  lines.push(zh ? `其余 ${p.clean} 家企业无需退回。` : `The other ${p.clean} enterprises need nothing sent back.`);
  return lines.join('\n') + '\n';
}
