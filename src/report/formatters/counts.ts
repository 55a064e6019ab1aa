import type { Finding, Severity } from '../../findings/finding.js';
import type { Lang } from '../catalogue.js';
import { WORDS, word } from '../words.js';

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** `共 3 个错误，4 个警告，2 条提示` — the last line of every human-readable listing. */
export function countLine(findings: readonly Finding[], lang: Lang): string {
  const c = countBySeverity(findings);
  if (findings.length === 0) return lang === 'zh' ? '未发现问题' : 'No problems found';
  if (lang === 'zh') return `共 ${c.error} 个${word('error', 'zh')}，${c.warning} 个${word('warning', 'zh')}，${c.info} 条${word('info', 'zh')}`;
  // The English words are all regular nouns: a plural is the word and an s.
  const n = (k: number, s: Severity) => `${k} ${word(s, 'en')}${k === 1 ? '' : 's'}`;
  return `${n(c.error, 'error')}, ${n(c.warning, 'warning')}, ${n(c.info, 'info')}`;
}

/** The severity words of the one table (`report/words.ts`), for formatters that index them by severity. */
export const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = WORDS;
